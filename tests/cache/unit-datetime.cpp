// RFC 3339 datetimes and calendar dates as the feed carries them.
#include "cache/datetime.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string normalised(std::string_view text) {
    auto r = cache::normaliseDateTime(text);
    REQUIRE_MESSAGE(r.ok(), text << ": " << (r.ok() ? "" : r.error().message));
    return r.value();
}

std::string dateTimeError(std::string_view text) {
    auto r = cache::normaliseDateTime(text);
    REQUIRE_MESSAGE(!r.ok(), text << " was accepted as " << (r.ok() ? r.value() : ""));
    return r.error().message;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("normaliseDateTime: full form is kept") {
    CHECK(normalised("2024-05-01T10:00:00+02:00") == "2024-05-01T10:00:00+02:00");
    CHECK(normalised("2024-12-31T23:59:59-05:30") == "2024-12-31T23:59:59-05:30");
}

TEST_CASE("normaliseDateTime: missing seconds are added") {
    CHECK(normalised("2024-05-01T10:00+02:00") == "2024-05-01T10:00:00+02:00");
    CHECK(normalised("2024-05-01T10:07Z") == "2024-05-01T10:07:00+00:00");
}

TEST_CASE("normaliseDateTime: Z becomes +00:00") {
    CHECK(normalised("2024-05-01T08:00:00Z") == "2024-05-01T08:00:00+00:00");
    CHECK(normalised("2024-05-01T08:00:00z") == "2024-05-01T08:00:00+00:00");
}

TEST_CASE("normaliseDateTime: fractional seconds are dropped") {
    CHECK(normalised("2024-05-01T10:00:00.123+02:00") == "2024-05-01T10:00:00+02:00");
    CHECK(normalised("2024-05-01T10:00:59.999999Z") == "2024-05-01T10:00:59+00:00");
}

TEST_CASE("normaliseDateTime: lowercase t and a space separator are accepted") {
    CHECK(normalised("2024-05-01t10:00:00+02:00") == "2024-05-01T10:00:00+02:00");
    CHECK(normalised("2024-05-01 10:00:00+02:00") == "2024-05-01T10:00:00+02:00");
}

TEST_CASE("normaliseDateTime: a missing offset is refused and the fix is suggested") {
    const std::string e = dateTimeError("2024-05-01T10:00:00");
    CHECK(e == "datetime has no UTC offset: \"2024-05-01T10:00:00\" (add +01:00, +02:00 or Z)");
    // Too short to tell what is missing: the general message still shows the expected form.
    CHECK(contains(dateTimeError("2024-05-01T10:00"), "with an offset (2024-05-01T10:00:00+02:00)"));
    CHECK(contains(dateTimeError("2024-05-01T10:00:00.5"), "has no UTC offset"));
}

TEST_CASE("normaliseDateTime: impossible dates and times are refused, quoting the input") {
    for (std::string_view bad : {"2024-02-30T10:00:00+01:00", "2023-02-29T10:00:00+01:00",
                                 "2024-05-01T25:00:00+02:00", "2024-05-01T10:60:00+02:00",
                                 "2024-13-01T10:00:00+02:00", "2024-05-01T10:00:61+02:00"}) {
        CAPTURE(bad);
        const std::string e = dateTimeError(bad);
        CHECK(contains(e, "RFC 3339"));
        CHECK(contains(e, "\"" + std::string(bad) + "\""));
    }
}

TEST_CASE("normaliseDateTime: malformed offsets and garbage are refused") {
    for (std::string_view bad : {"2024-05-01T10:00:00+0200", "2024-05-01T10:00:00+02", "2024-05-01T10:00:00+15:00",
                                 "2024-05-01T10:00:00+02:00 ", "2024-05-01", "1 maja 2024, 10:00", ""}) {
        CAPTURE(bad);
        CHECK_FALSE(cache::normaliseDateTime(bad).ok());
    }
}

TEST_CASE("normaliseDate: real calendar dates only") {
    CHECK(cache::normaliseDate("2024-02-29").value() == "2024-02-29");
    CHECK(cache::normaliseDate("2000-02-29").ok());
    auto notLeap = cache::normaliseDate("2023-02-29");
    REQUIRE_FALSE(notLeap.ok());
    CHECK(notLeap.error().message == "no such date: 2023-02-29");
    CHECK_FALSE(cache::normaliseDate("1900-02-29").ok());
    CHECK_FALSE(cache::normaliseDate("2024-04-31").ok());
    auto shape = cache::normaliseDate("2024-5-1");
    REQUIRE_FALSE(shape.ok());
    CHECK(shape.error().message == "date must be YYYY-MM-DD, got \"2024-5-1\"");
}

TEST_CASE("unixSecondsOfDateTime: known instants") {
    CHECK(cache::unixSecondsOfDateTime("1970-01-01T00:00:00+00:00") == 0);
    CHECK(cache::unixSecondsOfDateTime("2000-01-01T00:00:00+00:00") == 946684800);
    CHECK(cache::unixSecondsOfDateTime("1999-12-31T23:59:59+00:00") == 946684799);
    CHECK(cache::unixSecondsOfDateTime("2024-05-01T10:00:00+02:00") == 1714550400);
    CHECK(cache::unixSecondsOfDateTime("2024-05-01T08:00:00+00:00") == 1714550400);
    CHECK(cache::unixSecondsOfDateTime("2024-05-01T03:00:00-05:00") == 1714550400);
    CHECK(cache::unixSecondsOfDateTime("2024-02-29T13:30:15+01:00") == 1709209815);
    CHECK_FALSE(cache::unixSecondsOfDateTime("2024-05-01T10:00+02:00").has_value()); // not normalised
}

TEST_CASE("unixSecondsOfDateTime agrees with normaliseDateTime for every input form") {
    for (std::string_view form : {"2024-05-01T10:00+02:00", "2024-05-01T08:00:00Z", "2024-05-01T08:00:00.5Z",
                                  "2024-05-01 09:00:00+01:00"}) {
        CAPTURE(form);
        CHECK(cache::unixSecondsOfDateTime(normalised(form)) == 1714550400);
    }
}

TEST_CASE("unixSecondsOfDate: local midnight at the given offset") {
    CHECK(cache::unixSecondsOfDate("2024-05-01", 0) == 1714521600);
    CHECK(cache::unixSecondsOfDate("2024-05-01", 120) == 1714514400);
    CHECK(cache::unixSecondsOfDate("1970-01-01", -60) == 3600);
}

TEST_CASE("daysFromCivil and civilFromDays round-trip") {
    CHECK(cache::daysFromCivil(1970, 1, 1) == 0);
    CHECK(cache::daysFromCivil(2000, 3, 1) == 11017);
    CHECK(cache::daysFromCivil(1969, 12, 31) == -1);
    for (std::int64_t days = -800000; days <= 800000; days += 997) {
        const auto c = cache::civilFromDays(days);
        CAPTURE(days);
        REQUIRE(cache::daysFromCivil(c.year, c.month, c.day) == days);
    }
    const auto leap = cache::civilFromDays(cache::daysFromCivil(2024, 2, 29));
    CHECK(leap.year == 2024);
    CHECK(leap.month == 2u);
    CHECK(leap.day == 29u);
}
