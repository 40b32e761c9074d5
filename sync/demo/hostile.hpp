#pragma once
// The hostile data set (pestor-demo-gen --set hostile): records and images
// that a kiosk left alone for days must survive. See assets/demo/README.md
// ("The hostile set") for what it holds and what each part exercises.
#include "calendar.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace demo {

// Writes OUT/<collection>.geojson for every collection (the base map copied
// from `basemap`) and OUT/media/*. Returns the lines it prints (per file
// its record count). Same arguments, same bytes.
std::string writeHostileSet(const std::filesystem::path& basemap, const std::filesystem::path& outDir,
                            const Date& today);

// Image bytes (hostile_images.cpp).
std::string hostileGoodPng();
std::string hostileGoodJpeg();
// A valid PNG of side x side black pixels: ~side²/8000 bytes on disk,
// side² pixels to decode.
std::string hostilePngBomb(std::uint32_t side);
std::string sha256Hex(std::string_view bytes);

// The number of code points of UTF-8 text, and text cut to `count` code
// points (never inside one).
std::size_t codePointCount(std::string_view utf8);
std::string firstCodePoints(std::string_view utf8, std::size_t count);

} // namespace demo
