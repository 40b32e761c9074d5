#pragma once
// A GL texture made from RGBA pixels, for ImGui's draw lists (map tiles).
// GPU work only: create, use and destroy on the main thread, with the
// window's GL context current. Decoding happens elsewhere, off this thread.
#include <cstdint>
#include <imgui.h>
#include <span>

namespace kiosk::platform {

class Texture {
  public:
    Texture() = default;
    // `rgba` holds width*height*4 bytes, top row first. Linear filtering,
    // clamped edges (tiles sit side by side without seams).
    static Texture fromRgba(std::span<const std::uint8_t> rgba, int width, int height);

    Texture(Texture&& other) noexcept;
    Texture& operator=(Texture&& other) noexcept;
    Texture(const Texture&) = delete;
    Texture& operator=(const Texture&) = delete;
    ~Texture();

    explicit operator bool() const { return m_id != 0; }
    ImTextureID imguiId() const;
    int width() const { return m_width; }
    int height() const { return m_height; }
    std::size_t bytes() const { return static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) * 4; }

  private:
    unsigned m_id = 0; // GLuint
    int m_width = 0;
    int m_height = 0;
};

// A draw-list callback that turns GL blending off for the draws after it
// (opaque tiles); end the run with ImDrawCallback_ResetRenderState.
ImDrawCallback disableBlendingCallback();

} // namespace kiosk::platform
