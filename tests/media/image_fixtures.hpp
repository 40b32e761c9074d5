#pragma once
// Real PNG and JPEG files made in memory (with the library's own stb
// encoders; ImageMagick is not installed), and hand-built hostile variants.
#include "media/pixels.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace fixtures {

// A smooth colour gradient; with 4 channels alpha runs 0→255 left to right
// when `transparent`, else stays 255.
media::Pixels gradient(int width, int height, int channels, bool transparent = false);
// Left half pure red, right half pure blue (for orientation checks).
media::Pixels redLeftBlueRight(int width, int height);

std::string jpegOf(const media::Pixels& pixels, int quality = 90);
std::string pngOf(const media::Pixels& pixels);
std::string jpeg(int width, int height);
std::string png(int width, int height, bool transparent);

// One PNG chunk: length, type, data, CRC (zlib's crc32).
std::string pngChunk(std::string_view type, std::string_view data);
std::string pngIhdr(std::uint32_t width, std::uint32_t height, int bitDepth = 8,
                    int colourType = 6);
inline const std::string kPngSignature{"\x89PNG\r\n\x1a\n", 8};

// A PNG built chunk by chunk: `rows` are the unfiltered scanlines (a filter
// byte 0 is added to each); `extra` goes between IHDR and IDAT.
std::string rawPng(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType,
                   const std::vector<std::string>& rows, const std::string& extra = {});

// A copy of `jpeg` whose first SOFn declares width × height.
std::string withJpegSize(std::string jpeg, std::uint16_t width, std::uint16_t height);
// A copy of `jpeg` with an EXIF APP1 segment carrying `orientation` right
// after SOI; `bigEndian` picks the "MM" byte order instead of "II".
std::string withExifOrientation(const std::string& jpeg, int orientation, bool bigEndian = false);

std::string randomBytes(std::size_t count, std::uint32_t seed);
std::string zlibCompress(std::string_view data);

} // namespace fixtures
