#include "screenshot.hpp"

#include <GL/gl.h>
#include <algorithm>
#include <cstddef>
#include <stb_image_write.h> // declarations only: libstb has the implementation
#include <system_error>

namespace kiosk::platform {

std::vector<std::uint8_t> readPixelsRgba(int width, int height) {
    if (width <= 0 || height <= 0) return {};
    const auto rowBytes = static_cast<std::size_t>(width) * 4;
    std::vector<std::uint8_t> pixels(rowBytes * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    // GL returns the bottom row first; images and screen coordinates start at the top.
    for (std::size_t top = 0, bottom = static_cast<std::size_t>(height) - 1; top < bottom;
         ++top, --bottom)
        std::swap_ranges(pixels.begin() + static_cast<std::ptrdiff_t>(top * rowBytes),
                         pixels.begin() + static_cast<std::ptrdiff_t>((top + 1) * rowBytes),
                         pixels.begin() + static_cast<std::ptrdiff_t>(bottom * rowBytes));
    return pixels;
}

bool saveScreenshotPng(const std::filesystem::path& path, int width, int height,
                       std::string& error) {
    if (width <= 0 || height <= 0) {
        error = "screenshot size must be positive, got " + std::to_string(width) + "x" +
                std::to_string(height);
        return false;
    }
    auto pixels = readPixelsRgba(width, height);
    // The screen is opaque, but the back buffer's alpha holds whatever ImGui's
    // blending left there; a PNG viewer would show it as transparency.
    for (std::size_t i = 3; i < pixels.size(); i += 4)
        pixels[i] = 255;

    if (path.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(path.parent_path(), ec);
        if (ec) {
            error = "cannot create directory " + path.parent_path().string() + ": " + ec.message();
            return false;
        }
    }
    if (stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4) == 0) {
        error = "cannot write PNG " + path.string();
        return false;
    }
    return true;
}

} // namespace kiosk::platform
