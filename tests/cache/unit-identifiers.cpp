// NIP, REGON and KRS: normalisation, checksums, and the exact messages an
// importer reports verbatim.
#include "cache/identifiers.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

std::string okValue(const cache::Result<std::string>& r) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return r.value();
}

std::string errorOf(const cache::Result<std::string>& r) {
    REQUIRE_MESSAGE(!r.ok(), "unexpectedly accepted: " << (r.ok() ? r.value() : ""));
    return r.error().message;
}

} // namespace

TEST_CASE("NIP: valid numbers are accepted with separators removed") {
    CHECK(okValue(cache::normaliseNip("1234563218")) == "1234563218");
    CHECK(okValue(cache::normaliseNip("123-456-32-18")) == "1234563218");
    CHECK(okValue(cache::normaliseNip("123 456 32 18")) == "1234563218");
    CHECK(okValue(cache::normaliseNip("100-000-01-76")) == "1000000176");
}

TEST_CASE("NIP: a wrong check digit is refused") {
    CHECK(errorOf(cache::normaliseNip("1234563219")) == "NIP checksum does not match");
    CHECK(errorOf(cache::normaliseNip("123-456-32-17")) == "NIP checksum does not match");
}

TEST_CASE("NIP: a checksum of 10 makes every last digit invalid") {
    // The weighted sum of 100000016 is 10 mod 11: no NIP starts with it.
    for (char last = '0'; last <= '9'; ++last) {
        CAPTURE(last);
        CHECK(errorOf(cache::normaliseNip(std::string("100000016") + last)) == "NIP checksum does not match");
    }
}

TEST_CASE("NIP: wrong length, letters and empty input are named") {
    CHECK(errorOf(cache::normaliseNip("123456321")) == "NIP must have 10 digits, got 9");
    CHECK(errorOf(cache::normaliseNip("12345632180")) == "NIP must have 10 digits, got 11");
    CHECK(errorOf(cache::normaliseNip("PL1234563218")) == "NIP may contain only digits, '-' and spaces");
    CHECK(errorOf(cache::normaliseNip("123.456.32.18")) == "NIP may contain only digits, '-' and spaces");
    CHECK(errorOf(cache::normaliseNip("")) == "NIP is empty");
    CHECK(errorOf(cache::normaliseNip(" - ")) == "NIP is empty");
}

TEST_CASE("REGON-9: checksum, including a remainder of 10 counting as 0") {
    CHECK(okValue(cache::normaliseRegon("123456785")) == "123456785");
    CHECK(okValue(cache::normaliseRegon("123-456-785")) == "123456785");
    CHECK(okValue(cache::normaliseRegon("100000050")) == "100000050"); // sum mod 11 == 10 -> 0
    CHECK(errorOf(cache::normaliseRegon("123456784")) == "REGON checksum does not match");
    CHECK(errorOf(cache::normaliseRegon("100000051")) == "REGON checksum does not match");
}

TEST_CASE("REGON-14: checksum") {
    CHECK(okValue(cache::normaliseRegon("12345678512347")) == "12345678512347");
    CHECK(errorOf(cache::normaliseRegon("12345678512348")) == "REGON checksum does not match");
}

TEST_CASE("REGON-14 that is a REGON-9 padded with 00000 is normalised to 9 digits") {
    CHECK(okValue(cache::normaliseRegon("12345678500000")) == "123456785");
    CHECK(okValue(cache::normaliseRegon("10000005000000")) == "100000050");
    // Ends in 00000 but the first nine digits are not a REGON-9: judged as a
    // 14-digit number (and this one fails its checksum).
    CHECK(errorOf(cache::normaliseRegon("12345678400000")) == "REGON checksum does not match");
}

TEST_CASE("REGON: lengths other than 9 and 14 and stray characters are named") {
    CHECK(errorOf(cache::normaliseRegon("12345678")) == "REGON must have 9 or 14 digits, got 8");
    CHECK(errorOf(cache::normaliseRegon("1234567851")) == "REGON must have 9 or 14 digits, got 10");
    CHECK(errorOf(cache::normaliseRegon("123456785/2")) == "REGON may contain only digits, '-' and spaces");
    CHECK(errorOf(cache::normaliseRegon("")) == "REGON is empty");
}

TEST_CASE("KRS: left-padded to 10 digits, no more than 10") {
    CHECK(okValue(cache::normaliseKrs("123456")) == "0000123456");
    CHECK(okValue(cache::normaliseKrs("0000123456")) == "0000123456");
    CHECK(okValue(cache::normaliseKrs("1")) == "0000000001");
    CHECK(okValue(cache::normaliseKrs("00001 23456")) == "0000123456");
    CHECK(errorOf(cache::normaliseKrs("12345678901")) == "KRS must have at most 10 digits");
    CHECK(errorOf(cache::normaliseKrs("KRS 123")) == "KRS may contain only digits, '-' and spaces");
    CHECK(errorOf(cache::normaliseKrs("")) == "KRS is empty");
}
