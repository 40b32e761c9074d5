#pragma once
// Which slide shows when: slides in order, each for its duration, cycling
// forever from the moment signage started. Pure arithmetic on milliseconds
// of one time base (the loop's monotonic frame time, or a fake clock), so
// the loop can sleep exactly until the next change.
#include <cstdint>
#include <optional>
#include <vector>

namespace kiosk::signage {

struct Deck;

struct SlideAt {
    std::size_t index = 0;         // the slide showing
    std::int64_t shownSinceMs = 0; // when it appeared (this cycle)
    std::int64_t nextChangeMs = 0; // when the next slide replaces it
    std::int64_t cycle = 0;        // how many full cycles ran before this one
};

class SlideSchedule {
  public:
    SlideSchedule() = default; // no slides
    // Durations of at least 1 ms are used as given; shorter ones count as 1 ms.
    SlideSchedule(std::vector<std::int64_t> durationsMs, std::int64_t startMs);
    static SlideSchedule forDeck(const Deck& deck, std::int64_t startMs);

    // The slide at `tMs`; nullopt without slides. Before the start, the first
    // slide (its change due at start + its duration).
    std::optional<SlideAt> at(std::int64_t tMs) const;

    std::size_t size() const { return m_ends.size(); }
    std::int64_t startMs() const { return m_startMs; }
    std::int64_t cycleMs() const { return m_ends.empty() ? 0 : m_ends.back(); }

  private:
    // Cumulative: slide i shows during [ends[i-1], ends[i]) of a cycle.
    std::vector<std::int64_t> m_ends;
    std::int64_t m_startMs = 0;
};

} // namespace kiosk::signage
