// Retry-After: delta-seconds or an HTTP date, relative to "now".
#include "net/http_client.hpp"

#include <doctest/doctest.h>

using net::parseRetryAfter;

namespace {
// Sun, 06 Nov 1994 08:49:37 GMT, the RFC's example date.
constexpr std::int64_t kRfcExample = 784111777;
} // namespace

TEST_CASE("Retry-After in delta-seconds") {
    CHECK(parseRetryAfter("120", 0) == 120);
    CHECK(parseRetryAfter(" 7 ", 0) == 7);
    CHECK(parseRetryAfter("0", 12345) == 0);
}

TEST_CASE("Retry-After as an IMF-fixdate is relative to now") {
    CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", kRfcExample - 90) == 90);
    CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", kRfcExample) == 0);
    CHECK(parseRetryAfter("Sun, 06 Nov 1994 08:49:37 GMT", kRfcExample + 3600) == 0); // past: now
    CHECK(parseRetryAfter("Thu, 01 Jan 1970 00:02:00 GMT", 0) == 120);
    CHECK(parseRetryAfter("Tue, 29 Feb 2028 00:00:00 GMT", 1835395200 - 1) == 1); // leap day
}

TEST_CASE("Retry-After in the obsolete HTTP date forms is accepted") {
    CHECK(parseRetryAfter("Sunday, 06-Nov-94 08:49:37 GMT", kRfcExample - 30) == 30);
    CHECK(parseRetryAfter("Sun Nov  6 08:49:37 1994", kRfcExample - 30) == 30);
}

TEST_CASE("Retry-After that is absent or malformed gives nothing") {
    CHECK_FALSE(parseRetryAfter("", 0));
    CHECK_FALSE(parseRetryAfter("   ", 0));
    CHECK_FALSE(parseRetryAfter("soon", 0));
    CHECK_FALSE(parseRetryAfter("-5", 0));
    CHECK_FALSE(parseRetryAfter("1.5", 0));
    CHECK_FALSE(parseRetryAfter("99999999999999999999999999", 0));
    CHECK_FALSE(parseRetryAfter("Sun, 31 Feb 1994 08:49:37 GMT", 0));
}
