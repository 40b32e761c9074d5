#pragma once
// Frame-time and texture figures for benchmarks (--stats): how long each
// scripted frame took in real time, the tile textures' peak memory, and
// how many frames an idle screen drew after the script ended.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

class FrameStats {
  public:
    // `scripted`: a frame of the input script (timed); otherwise an
    // unscripted frame, counted when it falls in the idle probe.
    // durationMs: the whole frame, up to the buffer swap (software GL
    // rasterises there); uiMs: the part before rendering (input, layout,
    // draw lists).
    void frame(double durationMs, double uiMs, bool scripted, std::size_t textureBytes, std::size_t textures, double nowMs);
    // Frames drawn from `fromMs` on count as drawn while nothing changed.
    void startIdleProbe(double fromMs, double untilMs) {
        m_idleFrom = fromMs;
        m_idleUntil = untilMs;
    }
    std::uint64_t frames() const { return m_frames; }

    bool writeJson(const std::filesystem::path& path, std::size_t textureBudget, std::size_t texturePeak,
                   std::string& error) const;

  private:
    std::uint64_t m_frames = 0;
    std::vector<double> m_scriptedMs;
    std::vector<double> m_scriptedUiMs;
    std::size_t m_maxTextures = 0;
    std::size_t m_maxTextureBytes = 0;
    std::optional<double> m_idleFrom;
    double m_idleUntil = 0;
    std::uint64_t m_idleFrames = 0;
};

} // namespace kiosk::app
