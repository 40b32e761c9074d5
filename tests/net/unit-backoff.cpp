// Backoff: full jitter within min(cap, base * 2^n), never earlier than a
// server's Retry-After, reset after a success. Seeds are fixed, and the
// assertions are about bounds and averages, not exact draws (the standard
// library's distributions may differ between implementations).
#include "net/backoff.hpp"

#include <chrono>
#include <cstdint>
#include <doctest/doctest.h>
#include <vector>

using namespace std::chrono_literals;
using net::Backoff;

TEST_CASE("backoff delays stay within [0, min(cap, base * 2^n)] and never above the cap") {
    Backoff backoff(1s, 60s, 42);
    for (int n = 0; n < 2000; ++n) {
        const auto window = std::min<std::int64_t>(60000, n < 20 ? (1000LL << n) : 60000);
        const auto delay = backoff.nextDelay();
        REQUIRE(delay.count() >= 0);
        REQUIRE(delay.count() <= window);
    }
    CHECK(backoff.failures() == 2000);
}

TEST_CASE("backoff grows on average until the cap, then averages half the cap") {
    // Many independent clients (seeds), the n-th delay of each: full jitter
    // means the mean is half the window.
    constexpr int kClients = 4000;
    constexpr int kSteps = 9;
    std::vector<double> mean(kSteps, 0.0);
    for (int seed = 1; seed <= kClients; ++seed) {
        Backoff backoff(1s, 60s, static_cast<std::uint64_t>(seed));
        for (int n = 0; n < kSteps; ++n)
            mean[n] += static_cast<double>(backoff.nextDelay().count()) / kClients;
    }
    for (int n = 0; n < kSteps; ++n) {
        const double window = std::min(60000.0, 1000.0 * (1 << n));
        CAPTURE(n);
        CHECK(mean[n] == doctest::Approx(window / 2).epsilon(0.05));
        if (n > 0 && window < 60000.0) CHECK(mean[n] > mean[n - 1] * 1.5);
    }
}

TEST_CASE("backoff never comes back earlier than Retry-After, even above the cap") {
    Backoff backoff(1s, 60s, 7);
    CHECK(backoff.nextDelay(120) == 120000ms); // jitter window is 1 s, server asked 120 s
    CHECK(backoff.failures() == 1);
    for (int n = 0; n < 200; ++n)
        REQUIRE(backoff.nextDelay(3) >= 3000ms);

    // A Retry-After shorter than the draw does not shorten the draw: with a
    // 60 s window some delays must exceed the 1 s asked for.
    Backoff wide(60s, 60s, 9);
    bool longerThanAsked = false;
    for (int n = 0; n < 50; ++n)
        longerThanAsked = longerThanAsked || wide.nextDelay(1) > 1000ms;
    CHECK(longerThanAsked);
}

TEST_CASE("backoff ignores a zero or negative Retry-After") {
    Backoff backoff(1s, 60s, 3);
    CHECK(backoff.nextDelay(0) <= 1000ms);
    CHECK(backoff.nextDelay(-5) <= 2000ms);
}

TEST_CASE("backoff reset starts over at the base window") {
    Backoff backoff(2s, 300s, 11);
    for (int n = 0; n < 30; ++n)
        backoff.nextDelay();
    CHECK(backoff.failures() == 30);
    backoff.reset();
    CHECK(backoff.failures() == 0);
    for (int n = 0; n < 100; ++n) {
        REQUIRE(backoff.nextDelay() <= 2000ms);
        backoff.reset();
    }
}

TEST_CASE("backoff with the same seed repeats, with another seed differs") {
    Backoff a(1s, 60s, 1234), b(1s, 60s, 1234), c(1s, 60s, 4321);
    bool differs = false;
    for (int n = 0; n < 10; ++n) {
        const auto da = a.nextDelay(), db = b.nextDelay(), dc = c.nextDelay();
        REQUIRE(da == db);
        differs = differs || da != dc;
    }
    CHECK(differs);
}
