// Retry-After (RFC 9110 10.2.3): delay-seconds or an HTTP date.
#include "net/retry_after.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <curl/curl.h>
#include <string>

#include "net/header_text.hpp"

namespace net {

namespace {

std::optional<int> twoOrFourDigits(std::string_view s) {
    if (!allDigits(s)) return std::nullopt;
    int value = 0;
    std::from_chars(s.data(), s.data() + s.size(), value);
    return value;
}

// IMF-fixdate, the form RFC 9110 requires senders to use:
// "Sun, 06 Nov 1994 08:49:37 GMT". Returns seconds since the epoch.
std::optional<std::int64_t> parseImfFixdate(std::string_view v) {
    static constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu",
                                                              "Fri", "Sat", "Sun"};
    static constexpr std::array<std::string_view, 12> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (v.size() != 29 || v.substr(3, 2) != ", " || v[7] != ' ' || v[11] != ' ' || v[16] != ' ' ||
        v[19] != ':' || v[22] != ':' || v.substr(25) != " GMT")
        return std::nullopt;
    bool dayOk = false;
    for (auto d : kDays)
        dayOk = dayOk || v.substr(0, 3) == d;
    unsigned month = 0;
    for (unsigned i = 0; i < kMonths.size(); ++i)
        if (v.substr(8, 3) == kMonths[i]) month = i + 1;
    const auto day = twoOrFourDigits(v.substr(5, 2));
    const auto year = twoOrFourDigits(v.substr(12, 4));
    const auto hour = twoOrFourDigits(v.substr(17, 2));
    const auto minute = twoOrFourDigits(v.substr(20, 2));
    const auto second = twoOrFourDigits(v.substr(23, 2));
    if (!dayOk || month == 0 || !day || !year || !hour || !minute || !second || *hour > 23 ||
        *minute > 59 || *second > 60)
        return std::nullopt;
    const std::chrono::year_month_day date{std::chrono::year(*year), std::chrono::month(month),
                                           std::chrono::day(unsigned(*day))};
    if (!date.ok()) return std::nullopt;
    const std::int64_t days = std::chrono::sys_days(date).time_since_epoch().count();
    return days * 86400 + *hour * 3600 + *minute * 60 + *second;
}

} // namespace

std::optional<long> parseRetryAfter(std::string_view value, std::int64_t nowUnix) {
    value = trim(value);
    if (value.empty()) return std::nullopt;
    if (allDigits(value)) {
        long seconds = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec != std::errc() || end != value.data() + value.size())
            return std::nullopt; // out of range: not a delay anyone meant
        return seconds;
    }
    std::optional<std::int64_t> when;
    if (value.size() == 29 && value[3] == ',') {
        when = parseImfFixdate(value); // the preferred form: strictly, no guessing
        if (!when) return std::nullopt;
    } else {
        // HTTP recipients must also accept the obsolete RFC 850 and asctime
        // forms, both starting with a day name; curl's date parser knows them.
        const char first = value.front();
        if (!((first >= 'A' && first <= 'Z') || (first >= 'a' && first <= 'z')))
            return std::nullopt;
        const std::string copy(value);
        const time_t parsed = curl_getdate(copy.c_str(), nullptr);
        if (parsed < 0) return std::nullopt;
        when = static_cast<std::int64_t>(parsed);
    }
    const std::int64_t delta = *when - nowUnix;
    if (delta <= 0) return 0; // a date in the past means "now"
    if (delta > std::numeric_limits<long>::max()) return std::numeric_limits<long>::max();
    return static_cast<long>(delta);
}

} // namespace net
