// The kiosk's one stb_image compilation: PNG and JPEG only, internal
// linkage (cannot clash with libstb.a, which ImGui pulls in for
// stb_truetype), no stdio, a dimension ceiling far below stb's default.
#include "tile_decoder.hpp"

#include <cstdlib>
#include <memory>

#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_MAX_DIMENSIONS 1024
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wdouble-promotion"
#endif
#include <stb_image.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace kiosk::app {
namespace {

bool isPng(std::string_view b) { return b.size() >= 8 && b.substr(0, 8) == std::string_view("\x89PNG\r\n\x1a\n", 8); }
bool isJpeg(std::string_view b) { return b.size() >= 3 && b.substr(0, 3) == std::string_view("\xFF\xD8\xFF", 3); }

struct StbFree {
    void operator()(stbi_uc* p) const { stbi_image_free(p); }
};

} // namespace

cache::Result<DecodedTile> decodeTile(std::string_view bytes) {
    if (!isPng(bytes) && !isJpeg(bytes)) return cache::makeError("tile is neither PNG nor JPEG");
    if (bytes.size() > (4u << 20)) return cache::makeError("tile larger than 4 MiB");
    const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
    const int len = static_cast<int>(bytes.size());
    int w = 0, h = 0, comp = 0;
    if (!stbi_info_from_memory(data, len, &w, &h, &comp)) return cache::makeError("tile header unreadable");
    if (w != h || w <= 0 || w > kMaxTileSide)
        return cache::makeError("tile is " + std::to_string(w) + "x" + std::to_string(h) +
                                ", expected a square of at most " + std::to_string(kMaxTileSide) + " px");
    std::unique_ptr<stbi_uc, StbFree> pixels(stbi_load_from_memory(data, len, &w, &h, &comp, 4));
    if (!pixels) return cache::makeError(std::string("tile decoding failed: ") + stbi_failure_reason());
    DecodedTile t;
    t.width = w;
    t.height = h;
    t.rgba.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    for (std::size_t i = 3; i < t.rgba.size() && t.opaque; i += 4) t.opaque = t.rgba[i] == 255;
    return t;
}

} // namespace kiosk::app
