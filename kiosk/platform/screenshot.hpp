#pragma once
// Reading back what the frame rendered: screenshots for scripted runs and
// pixel probes for tests.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::platform {

// Reads width x height RGBA pixels from the bottom-left of the current
// context's back buffer, top row first. Call after rendering, before swapping.
std::vector<std::uint8_t> readPixelsRgba(int width, int height);

// readPixelsRgba() written as an opaque PNG; creates the parent directory.
bool saveScreenshotPng(const std::filesystem::path& path, int width, int height,
                       std::string& error);

} // namespace kiosk::platform
