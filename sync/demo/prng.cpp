#include "prng.hpp"

namespace demo {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

} // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9E3779B97F4A7C15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view text) {
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    for (const char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ULL;
    }
    return hash;
}

Rng::Rng(std::uint64_t seed) {
    std::uint64_t sm = seed;
    for (auto& word : m_state) {
        word = splitmix64(sm);
    }
}

Rng Rng::stream(std::uint64_t seed, std::string_view purpose, std::uint64_t index) {
    std::uint64_t mix = seed ^ fnv1a64(purpose);
    const std::uint64_t a = splitmix64(mix);
    std::uint64_t mix2 = a ^ (index * 0xD1B54A32D192ED03ULL);
    return Rng(splitmix64(mix2));
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

std::uint64_t Rng::below(std::uint64_t bound) {
    // Rejecting the first (2^64 mod bound) values keeps the modulo unbiased
    // (the arc4random_uniform approach), with nothing platform-specific.
    const std::uint64_t minimum = (0 - bound) % bound;
    std::uint64_t r = next();
    while (r < minimum) {
        r = next();
    }
    return r % bound;
}

std::int64_t Rng::range(std::int64_t lo, std::int64_t hi) {
    const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<std::int64_t>(below(span));
}

bool Rng::percent(std::uint32_t percent) {
    return below(100) < percent;
}

std::size_t Rng::weighted(std::span<const std::uint32_t> weights) {
    std::uint64_t total = 0;
    for (const auto w : weights) {
        total += w;
    }
    std::uint64_t draw = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (draw < weights[i]) {
            return i;
        }
        draw -= weights[i];
    }
    return weights.size() - 1;
}

} // namespace demo
