#pragma once
// Turning a downloaded (hostile until proven otherwise) image into one the
// kiosk can load safely: the sync decodes it with a restricted stb_image
// after checking the container and the declared size, scales it down for the
// screen and re-encodes it. The kiosk only ever decodes what this produced.
#include "cache/result.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace media {

struct ImageLimits {
    // Longest side accepted. The decoder is compiled with 8192 as its own
    // ceiling (kStbMaxSide), so values above that act as 8192.
    int maxSide = 8192;
    // Declared width × height accepted; decoding needs up to 4 bytes each.
    std::uint64_t maxPixels = 40'000'000;
    // Size of the encoded file accepted.
    std::uint64_t maxBytes = 20u << 20;
    // Longest side of the result; smaller images are never scaled up.
    int outputMaxSide = 1280;
    // 1–100.
    int jpegQuality = 85;
};

struct NormalisedImage {
    std::string bytes;
    std::string mimeType; // image/png when any pixel is not opaque, else image/jpeg
    int width = 0;
    int height = 0;
};

// Accepts PNG and JPEG only. Every refusal is an error value whose message
// says what is wrong with the file, e.g.
// "image bomb refused: declares 100000×100000 pixels (limit 40 MP)".
// A JPEG's EXIF orientation is applied, since re-encoding drops the tag.
// Keeps no state: several threads may call it at once.
cache::Result<NormalisedImage> normaliseImage(std::string_view bytes,
                                              const ImageLimits& limits = {});

} // namespace media
