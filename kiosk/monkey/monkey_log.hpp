#pragma once
// What a monkey run did, for its minute reports and its summary: frames,
// gestures by kind, screens visited, catalogs loaded (data swaps), resident
// memory and frame times (p99 and max, apart from frames that took in new
// data). One JSON object per line.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::monkey {

// Resident set size of this process in KiB (/proc/self/status VmRSS), 0 if unknown.
std::int64_t residentKib();

class MonkeyLog {
  public:
    MonkeyLog(std::uint64_t seed, double reportEveryMs) : m_seed(seed), m_everyMs(reportEveryMs) {}

    // One gesture of `inputs` input commands (taps, drags, keys, typed
    // text: everything but waits); "actions" in the reports count those.
    void gesture(std::string_view kind, int inputs);
    // One drawn frame: its wall time, the screen it showed, and whether new
    // data (a catalog) was taken in before it.
    void frame(double frameMs, std::string_view screen, bool dataLoad);
    void catalogLoaded() { ++m_catalogs; }

    // A report line when one is due at `realMs` (every reportEveryMs).
    std::optional<std::string> due(double realMs);
    std::string summary(double realMs) const;

    std::uint64_t frames() const { return m_frames; }
    std::uint64_t gestures() const { return m_gestures; }
    std::uint64_t actions() const { return m_actions; }
    const std::map<std::string, std::uint64_t, std::less<>>& screens() const { return m_screens; }

  private:
    std::string line(const char* what, double realMs) const;
    double p99() const;

    std::uint64_t m_seed;
    double m_everyMs;
    double m_nextMs = 0;
    std::uint64_t m_frames = 0, m_gestures = 0, m_actions = 0, m_catalogs = 0;
    std::map<std::string, std::uint64_t, std::less<>> m_kinds, m_screens;
    double m_maxFrameMs = 0, m_maxLoadFrameMs = 0;
    std::array<std::uint64_t, 1001> m_msHistogram{}; // whole ms, the last bucket is 1000 ms and over
    std::int64_t m_firstRssKib = 0;
};

} // namespace kiosk::monkey
