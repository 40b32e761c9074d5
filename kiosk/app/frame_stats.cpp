#include "frame_stats.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace kiosk::app {
namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

} // namespace

void FrameStats::frame(double durationMs, double uiMs, bool scripted, std::size_t textureBytes, std::size_t textures, double nowMs) {
    ++m_frames;
    if (scripted) {
        m_scriptedMs.push_back(durationMs);
        m_scriptedUiMs.push_back(uiMs);
    }
    else if (m_idleFrom && nowMs >= *m_idleFrom && nowMs <= m_idleUntil) ++m_idleFrames;
    m_maxTextures = std::max(m_maxTextures, textures);
    m_maxTextureBytes = std::max(m_maxTextureBytes, textureBytes);
}

bool FrameStats::writeJson(const std::filesystem::path& path, std::size_t textureBudget, std::size_t texturePeak,
                           std::string& error) const {
    double sum = 0;
    for (double v : m_scriptedMs) sum += v;
    const nlohmann::json j{
        {"frames", m_frames},
        {"scripted_frames", m_scriptedMs.size()},
        {"frame_ms",
         {{"p50", percentile(m_scriptedMs, 50)},
          {"p90", percentile(m_scriptedMs, 90)},
          {"p99", percentile(m_scriptedMs, 99)},
          {"max", m_scriptedMs.empty() ? 0.0 : *std::max_element(m_scriptedMs.begin(), m_scriptedMs.end())},
          {"mean", m_scriptedMs.empty() ? 0.0 : sum / static_cast<double>(m_scriptedMs.size())}}},
        {"ui_ms", {{"p50", percentile(m_scriptedUiMs, 50)}, {"p99", percentile(m_scriptedUiMs, 99)}}},
        {"tile_textures", {{"budget_bytes", textureBudget}, {"peak_bytes", std::max(texturePeak, m_maxTextureBytes)},
                           {"max_count", m_maxTextures}}},
        {"idle_probe", {{"measured", m_idleFrom.has_value()}, {"frames_drawn", m_idleFrames},
                        {"seconds", m_idleFrom ? (m_idleUntil - *m_idleFrom) / 1000.0 : 0.0}}},
    };
    std::ofstream out(path);
    out << j.dump(2) << "\n";
    if (!out) {
        error = "cannot write " + path.string();
        return false;
    }
    return true;
}

} // namespace kiosk::app
