#pragma once
// The sync's own, restricted build of stb_image / stb_image_resize /
// stb_image_write (Debian libstb-dev, stb_image 2.27). Only PNG and JPEG are
// compiled in, sides are capped at kStbMaxSide, every stb function has
// internal linkage (no clash with the unrestricted copy in libstb.a), and
// every allocation the decoder makes is checked against a budget.
//
// These are building blocks: untrusted bytes go through normaliseImage(),
// which inspects the container and checks the declared size first.
#include "cache/result.hpp"
#include "media/pixels.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace media {

// Compiled into stb_image as STBI_MAX_DIMENSIONS: no limit can go above it.
inline constexpr int kStbMaxSide = 8192;

struct StbInfo {
    int width = 0;
    int height = 0;
    int channels = 0; // as stb reports them from the header (PNG tRNS not seen yet)
};

// stbi_info_from_memory: reads headers only, never the pixel data.
cache::Result<StbInfo> stbProbe(std::string_view bytes);

// stbi_load_from_memory into `channels` (3 or 4) channels. Any single
// allocation larger than `allocationLimit` bytes fails the decode (a zlib
// stream that inflates far beyond what the header declared, for instance).
cache::Result<Pixels> stbDecode(std::string_view bytes, int channels, std::size_t allocationLimit);

// Resampling in linear light (sRGB aware); with 4 channels the fourth is
// alpha and colour is weighted by it, so transparent edges do not darken.
cache::Result<Pixels> stbResize(const Pixels& in, int width, int height);

// 3 or 4 channels in; the PNG is compressed with zlib at `zlibLevel` (0–9;
// 8, stb's default, squeezes photos hardest, 6 is several times faster on
// noisy images for a few percent more bytes).
cache::Result<std::string> stbEncodePng(const Pixels& in, int zlibLevel = 8);
// 3 channels in (1 works too); quality 1–100.
cache::Result<std::string> stbEncodeJpeg(const Pixels& in, int quality);

} // namespace media
