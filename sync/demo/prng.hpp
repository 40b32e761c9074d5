#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace demo {

// Portable deterministic generator: xoshiro256** seeded through splitmix64.
// std:: distributions are implementation-defined, so every derived value
// (ranges, picks, weights) is computed here with integer arithmetic only.
class Rng {
  public:
    explicit Rng(std::uint64_t seed);

    // An independent stream per (seed, purpose, index), so that adding a
    // draw to one collection never shifts the values of another one.
    static Rng stream(std::uint64_t seed, std::string_view purpose, std::uint64_t index = 0);

    std::uint64_t next();
    // Uniform in [0, bound); bound must be > 0.
    std::uint64_t below(std::uint64_t bound);
    // Uniform in [lo, hi], both inclusive.
    std::int64_t range(std::int64_t lo, std::int64_t hi);
    // True with probability percent / 100.
    bool percent(std::uint32_t percent);
    // Index drawn with the given non-negative integer weights (sum > 0).
    std::size_t weighted(std::span<const std::uint32_t> weights);

    template <typename T> const T& pick(std::span<const T> items) {
        return items[static_cast<std::size_t>(below(items.size()))];
    }

  private:
    std::uint64_t m_state[4];
};

std::uint64_t splitmix64(std::uint64_t& state);
std::uint64_t fnv1a64(std::string_view text);

} // namespace demo
