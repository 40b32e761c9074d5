#include "monkey_log.hpp"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "app/health_probe.hpp"

namespace kiosk::monkey {

std::int64_t residentKib() {
    const auto m = app::memoryFigures();
    return m ? static_cast<std::int64_t>(m->processRssBytes / 1024) : 0;
}

void MonkeyLog::gesture(std::string_view kind, int inputs) {
    ++m_gestures;
    m_actions += static_cast<std::uint64_t>(inputs);
    auto it = m_kinds.find(kind);
    if (it == m_kinds.end()) it = m_kinds.emplace(std::string(kind), 0).first;
    ++it->second;
}

void MonkeyLog::frame(double frameMs, std::string_view screen, bool dataLoad) {
    ++m_frames;
    auto it = m_screens.find(screen);
    if (it == m_screens.end()) it = m_screens.emplace(std::string(screen), 0).first;
    ++it->second;
    if (dataLoad) {
        m_maxLoadFrameMs = std::max(m_maxLoadFrameMs, frameMs);
        return;
    }
    m_maxFrameMs = std::max(m_maxFrameMs, frameMs);
    ++m_msHistogram[static_cast<std::size_t>(std::clamp(frameMs, 0.0, 1000.0))];
}

double MonkeyLog::p99() const {
    std::uint64_t total = 0;
    for (auto n : m_msHistogram) total += n;
    if (total == 0) return 0;
    const std::uint64_t want = total - total / 100;
    std::uint64_t seen = 0;
    for (std::size_t ms = 0; ms < m_msHistogram.size(); ++ms)
        if ((seen += m_msHistogram[ms]) >= want) return static_cast<double>(ms + 1); // the bucket's upper edge
    return 1000;
}

std::string MonkeyLog::line(const char* what, double realMs) const {
    nlohmann::json j{{"monkey", what},
                     {"seed", m_seed},
                     {"minutes", realMs / 60000.0},
                     {"frames", m_frames},
                     {"actions", m_actions},
                     {"gestures", m_gestures},
                     {"catalogs_loaded", m_catalogs},
                     {"rss_kib", residentKib()},
                     {"rss_kib_first_report", m_firstRssKib},
                     {"frame_ms_p99", p99()},
                     {"frame_ms_max", m_maxFrameMs},
                     {"data_load_frame_ms_max", m_maxLoadFrameMs},
                     {"screens", m_screens},
                     {"action_kinds", m_kinds}};
    return j.dump();
}

std::optional<std::string> MonkeyLog::due(double realMs) {
    if (m_nextMs == 0) m_nextMs = m_everyMs;
    if (realMs < m_nextMs) return std::nullopt;
    m_nextMs += m_everyMs;
    if (m_firstRssKib == 0) m_firstRssKib = residentKib();
    return line("report", realMs);
}

std::string MonkeyLog::summary(double realMs) const { return line("summary", realMs); }

} // namespace kiosk::monkey
