#include "media/pixel_ops.hpp"

#include <algorithm>
#include <limits>

namespace media {

// A 16-bit RGBA inflate buffer (8 bytes a pixel plus a filter byte a row),
// or the compressed PNG data collected in a buffer that doubles. The slack
// covers JPEG's per-component buffers rounded up to whole blocks and stb's
// own structures.
std::size_t decodeAllocationLimit(std::uint64_t w, std::uint64_t h, std::size_t inputSize) {
    const std::uint64_t limit = std::max(w * h * 8 + h, std::uint64_t{inputSize} * 2) + (1u << 20);
    return static_cast<std::size_t>(
        std::min<std::uint64_t>(limit, std::numeric_limits<std::size_t>::max()));
}

bool hasTransparency(const Pixels& p) {
    if (p.channels != 4) return false;
    const unsigned char* px = p.data.get();
    for (std::size_t i = 3; i < p.size(); i += 4) {
        if (px[i] != 255) return true;
    }
    return false;
}

// Every RGB triple moves to an address at or before its RGBA one.
void dropAlpha(Pixels& p) {
    unsigned char* px = p.data.get();
    const std::size_t count = p.size() / 4;
    for (std::size_t i = 0; i < count; ++i) {
        px[i * 3 + 0] = px[i * 4 + 0];
        px[i * 3 + 1] = px[i * 4 + 1];
        px[i * 3 + 2] = px[i * 4 + 2];
    }
    p.channels = 3;
}

} // namespace media
