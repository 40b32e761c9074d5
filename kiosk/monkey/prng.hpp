#pragma once
// The monkey's random numbers: SplitMix64, written out so that a seed gives
// the same stream on every machine and library version (std::
// distributions are implementation-defined).
#include <cstdint>

namespace kiosk::monkey {

class Prng {
  public:
    explicit Prng(std::uint64_t seed) : m_state(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // 0 <= r < n (n > 0); the modulo bias is irrelevant for a monkey.
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
    // lo <= r < hi, in whole pixels or milliseconds.
    int between(int lo, int hi) { return hi > lo ? lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo))) : lo; }
    float unit() { return static_cast<float>(next() >> 40) / static_cast<float>(1u << 24); } // [0, 1)
    bool chance(float p) { return unit() < p; }

  private:
    std::uint64_t m_state;
};

} // namespace kiosk::monkey
