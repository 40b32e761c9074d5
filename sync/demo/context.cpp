#include "context.hpp"

#include "prng.hpp"

namespace demo {

std::vector<const EntityRef*> GenContext::referencePool() const {
    std::vector<const EntityRef*> pool;
    const std::size_t limit = std::min<std::size_t>(entities.size(), kDefaultEntities);
    for (std::size_t i = 0; i < limit; ++i) {
        if (!entities[i].real) {
            pool.push_back(&entities[i]);
        }
    }
    return pool;
}

std::string pastTimestamp(const Date& today, Rng& rng, int maxDaysBack) {
    const Date day = addDays(today, -rng.range(1, maxDaysBack));
    const auto hour = static_cast<int>(rng.range(7, 18));
    const auto minute = static_cast<int>(rng.range(0, 59));
    return formatWarsaw(day, hour, minute);
}

std::string zeroPadded(std::uint64_t value, int width) {
    std::string digits = std::to_string(value);
    if (static_cast<int>(digits.size()) < width) {
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    }
    return digits;
}

std::string fictionalDomain(const std::string& slug) {
    return slug + ".pestor.example";
}

} // namespace demo
