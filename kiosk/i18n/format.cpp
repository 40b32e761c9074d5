#include "format.hpp"

#include <array>
#include <cmath>
#include <algorithm>
#include <cstdio>

namespace kiosk::i18n {
namespace {

constexpr std::array<const char*, 12> kEnMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Month names in the genitive ("19 listopada"), as a date in words needs.
constexpr std::array<const char*, 12> kPlMonthsGenitive{"stycznia", "lutego", "marca",     "kwietnia",
                                                         "maja",     "czerwca", "lipca",     "sierpnia",
                                                         "września", "października", "listopada", "grudnia"};
constexpr std::array<const char*, 12> kEnMonthsLong{"January", "February", "March",     "April",   "May",      "June",
                                                    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<const char*, 12> kUkMonthsGenitive{"січня",  "лютого", "березня",  "квітня",  "травня",  "червня",
                                                         "липня", "серпня", "вересня", "жовтня", "листопада", "грудня"};
// Monday first.
constexpr std::array<const char*, 7> kPlWeekdays{"poniedziałek", "wtorek", "środa", "czwartek",
                                                  "piątek",       "sobota", "niedziela"};
constexpr std::array<const char*, 7> kEnWeekdays{"Monday", "Tuesday", "Wednesday", "Thursday",
                                                  "Friday", "Saturday", "Sunday"};
constexpr std::array<const char*, 7> kUkWeekdays{"понеділок", "вівторок", "середа", "четвер",
                                                  "п’ятниця",  "субота",   "неділя"};

std::string groupThousands(long long whole, std::string_view sep) {
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    std::string out;
    const int n = static_cast<int>(digits.size());
    for (int i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return (whole < 0 ? "-" : "") + out;
}

} // namespace

std::string formatNumber(Lang lang, double value, int decimals) {
    if (decimals < 0) {
        const double r = std::round(value * 100) / 100;
        decimals = r == std::floor(r) ? 0 : (r * 10 == std::floor(r * 10) ? 1 : 2);
    }
    double scale = std::pow(10.0, decimals);
    const long long scaled = std::llround(std::fabs(value) * scale);
    const long long whole = scaled / static_cast<long long>(scale);
    const long long frac = scaled % static_cast<long long>(scale);
    const bool en = lang == Lang::En;
    // Polish and Ukrainian group with a (narrow) no-break space, so a number
    // never wraps across lines.
    std::string out = groupThousands(whole, en ? "," : "\u202F");
    if (value < 0 && scaled != 0) out = "-" + out;
    if (decimals > 0) {
        std::string f = std::to_string(frac);
        f.insert(0, static_cast<std::size_t>(decimals) - std::min<std::size_t>(f.size(), decimals), '0');
        out += en ? "." : ",";
        out += f;
    }
    return out;
}

std::string formatPrice(Lang lang, double pln) {
    const double r = std::round(pln * 100) / 100;
    const std::string n = formatNumber(lang, r, r == std::floor(r) ? 0 : 2);
    switch (lang) {
    case Lang::En: return "PLN " + n;
    case Lang::Uk: return n + "\u00A0зл";
    default: return n + "\u00A0zł";
    }
}

std::string formatDate(Lang lang, std::string_view d) {
    if (d.size() < 10) return std::string(d);
    const int month = (d[5] - '0') * 10 + (d[6] - '0');
    const std::string day = d[8] == '0' ? std::string(d.substr(9, 1)) : std::string(d.substr(8, 2));
    if (lang == Lang::En && month >= 1 && month <= 12)
        return day + " " + kEnMonths[month - 1] + " " + std::string(d.substr(0, 4));
    return std::string(d.substr(8, 2)) + "." + std::string(d.substr(5, 2)) + "." + std::string(d.substr(0, 4));
}

std::string formatDateTime(Lang lang, std::string_view dt) {
    if (dt.size() < 16) return std::string(dt);
    return formatDate(lang, dt.substr(0, 10)) + ", " + std::string(dt.substr(11, 5));
}

std::string formatTimeOfDay(Lang, int minuteOfDay) {
    const int m = ((minuteOfDay % 1440) + 1440) % 1440;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
    return buf;
}

std::string formatLongDate(Lang lang, int year, int month, int day, int weekday) {
    if (month < 1 || month > 12 || weekday < 0 || weekday > 6) return std::to_string(year);
    const std::string d = std::to_string(day), y = std::to_string(year);
    const std::size_t mi = static_cast<std::size_t>(month - 1), wi = static_cast<std::size_t>(weekday);
    switch (lang) {
    case Lang::En: return std::string(kEnWeekdays[wi]) + ", " + d + " " + kEnMonthsLong[mi] + " " + y;
    case Lang::Uk: return std::string(kUkWeekdays[wi]) + ", " + d + " " + kUkMonthsGenitive[mi] + " " + y;
    default: return std::string(kPlWeekdays[wi]) + ", " + d + " " + kPlMonthsGenitive[mi] + " " + y;
    }
}

} // namespace kiosk::i18n
