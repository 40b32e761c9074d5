#pragma once
// Exponential backoff with full jitter (AWS architecture blog's scheme):
// after the n-th consecutive failure wait uniform(0, min(cap, base * 2^n)),
// but never less than a server's Retry-After.
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

namespace net {

class Backoff {
public:
    Backoff(std::chrono::seconds base, std::chrono::seconds cap, std::uint64_t seed)
        : m_base(base), m_cap(cap), m_rng(seed) {}

    std::chrono::milliseconds nextDelay(std::optional<long> retryAfterSeconds = std::nullopt);
    void reset() { m_failures = 0; }
    int failures() const { return m_failures; }

private:
    std::chrono::seconds m_base, m_cap;
    std::mt19937_64 m_rng;
    int m_failures = 0;
};

} // namespace net
