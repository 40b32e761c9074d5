#include "slide_schedule.hpp"

#include "slide_deck.hpp"

#include <algorithm>

namespace kiosk::signage {

SlideSchedule::SlideSchedule(std::vector<std::int64_t> durationsMs, std::int64_t startMs)
    : m_startMs(startMs) {
    std::int64_t sum = 0;
    m_ends.reserve(durationsMs.size());
    for (std::int64_t d : durationsMs) {
        sum += std::max<std::int64_t>(d, 1);
        m_ends.push_back(sum);
    }
}

SlideSchedule SlideSchedule::forDeck(const Deck& deck, std::int64_t startMs) {
    std::vector<std::int64_t> durations;
    durations.reserve(deck.slides.size());
    for (const Slide& s : deck.slides)
        durations.push_back(s.durationMs);
    return SlideSchedule(std::move(durations), startMs);
}

std::optional<SlideAt> SlideSchedule::at(std::int64_t tMs) const {
    if (m_ends.empty()) return std::nullopt;
    const std::int64_t elapsed = std::max<std::int64_t>(tMs - m_startMs, 0);
    const std::int64_t cycleLength = m_ends.back();
    const std::int64_t cycle = elapsed / cycleLength;
    const std::int64_t into = elapsed % cycleLength;
    // The first slide whose end lies after `into`.
    const auto it = std::upper_bound(m_ends.begin(), m_ends.end(), into);
    const std::size_t index = static_cast<std::size_t>(it - m_ends.begin());
    const std::int64_t cycleStart = m_startMs + cycle * cycleLength;
    SlideAt out;
    out.index = index;
    out.cycle = cycle;
    out.shownSinceMs = cycleStart + (index == 0 ? 0 : m_ends[index - 1]);
    out.nextChangeMs = cycleStart + m_ends[index];
    return out;
}

} // namespace kiosk::signage
