#include "datetime.hpp"

#include <cstdio>

namespace cache {
namespace {

bool readInt(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    int v = 0;
    for (std::size_t i = pos; i < pos + len; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && isLeap(y) ? 29 : kDays[m - 1];
}

bool validDate(int y, int m, int d) {
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

} // namespace

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate civilFromDays(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

Result<std::string> normaliseDate(std::string_view s) {
    int y, m, d;
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !readInt(s, 0, 4, y) ||
        !readInt(s, 5, 2, m) || !readInt(s, 8, 2, d))
        return makeError("date must be YYYY-MM-DD, got \"" + std::string(s) + "\"");
    if (!validDate(y, m, d)) return makeError("no such date: " + std::string(s));
    return std::string(s);
}

Result<std::string> normaliseDateTime(std::string_view s) {
    const auto bad = [&] {
        return makeError("datetime must be RFC 3339 with an offset (2024-05-01T10:00:00+02:00), got \"" +
                         std::string(utf8Prefix(s, 40)) + "\"");
    };
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (s.size() < 17 || !normaliseDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
        !readInt(s, 11, 2, h) || s[13] != ':' || !readInt(s, 14, 2, mi))
        return bad();
    readInt(s, 0, 4, y);
    readInt(s, 5, 2, mo);
    readInt(s, 8, 2, d);
    std::size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!readInt(s, pos + 1, 2, sec)) return bad();
        pos += 3;
        if (pos < s.size() && s[pos] == '.') { // fractional seconds: dropped
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        }
    }
    if (h > 23 || mi > 59 || sec > 60) return bad();
    if (sec == 60) sec = 59; // leap second: close enough for a kiosk
    std::string offset;
    if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) {
        offset = "+00:00";
    } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
        int oh, om;
        if (pos + 6 != s.size() || !readInt(s, pos + 1, 2, oh) || s[pos + 3] != ':' ||
            !readInt(s, pos + 4, 2, om) || oh > 14 || om > 59)
            return bad();
        offset = std::string(s.substr(pos, 6));
    } else {
        return makeError("datetime has no UTC offset: \"" + std::string(utf8Prefix(s, 40)) +
                         "\" (add +01:00, +02:00 or Z)");
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", y, mo, d, h, mi, sec);
    return std::string(buf) + offset;
}

std::optional<std::int64_t> unixSecondsOfDateTime(std::string_view s) {
    int y, mo, d, h, mi, sec, oh, om;
    if (s.size() != 25 || !readInt(s, 0, 4, y) || !readInt(s, 5, 2, mo) || !readInt(s, 8, 2, d) ||
        !readInt(s, 11, 2, h) || !readInt(s, 14, 2, mi) || !readInt(s, 17, 2, sec) ||
        !readInt(s, 20, 2, oh) || !readInt(s, 23, 2, om))
        return std::nullopt;
    const int sign = s[19] == '-' ? -1 : 1;
    const std::int64_t local = daysFromCivil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    return local - sign * (oh * 3600 + om * 60);
}

std::string formatUtc(std::int64_t t) {
    const std::int64_t days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    const CivilDate d = civilFromDays(days);
    const std::int64_t s = t - days * 86400;
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d+00:00", d.year, d.month, d.day,
                  static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60), static_cast<int>(s % 60));
    return buf;
}

std::optional<std::int64_t> unixSecondsOfDate(std::string_view s, int offsetMinutes) {
    int y, mo, d;
    if (s.size() != 10 || !readInt(s, 0, 4, y) || !readInt(s, 5, 2, mo) || !readInt(s, 8, 2, d))
        return std::nullopt;
    return daysFromCivil(y, mo, d) * 86400 - std::int64_t(offsetMinutes) * 60;
}

} // namespace cache
