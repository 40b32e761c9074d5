#include "media/tile_normalise.hpp"

#include "media/image_header.hpp"
#include "media/pixel_ops.hpp"
#include "media/stb_codec.hpp"

namespace media {

namespace {

using cache::makeError;

bool allowedSide(std::uint64_t w, std::uint64_t h) {
    return w == h && (w == 256 || w == 512);
}

std::string dimensions(std::uint64_t w, std::uint64_t h) {
    return std::to_string(w) + "×" + std::to_string(h);
}

cache::Result<void> checkSides(std::uint64_t w, std::uint64_t h) {
    if (allowedSide(w, h)) return {};
    return makeError("it declares " + dimensions(w, h) +
                     " pixels; map tiles are square, 256 or 512 pixels");
}

} // namespace

cache::Result<NormalisedTile> normaliseTile(std::string_view bytes, const TileLimits& limits) {
    if (limits.jpegQuality < 1 || limits.jpegQuality > 100 || limits.pngZlibLevel < 0 ||
        limits.pngZlibLevel > 9)
        return makeError("invalid tile limits: JPEG quality must be 1–100, the PNG zlib level 0–9");
    if (bytes.empty()) return makeError("the tile is empty");
    if (bytes.size() > limits.maxBytes) {
        return makeError("the tile is " + std::to_string(bytes.size()) +
                         " bytes, over the limit of " + std::to_string(limits.maxBytes) + " bytes");
    }

    const ImageFormat format = sniffFormat(bytes);
    if (format != ImageFormat::Png && format != ImageFormat::Jpeg) {
        const std::string what = format == ImageFormat::Unknown
                                     ? "is not an image format we know"
                                     : "is " + std::string(formatName(format));
        return makeError("the tile " + what + "; map tiles must be PNG or JPEG");
    }

    // The header's size first (no decoder has run yet), then completeness.
    const ContainerInfo container =
        format == ImageFormat::Png ? inspectPng(bytes) : inspectJpeg(bytes);
    if (container.width != 0 || container.height != 0) {
        if (auto ok = checkSides(container.width, container.height); !ok) return ok.error();
    }
    if (!container.problem.empty()) return makeError(container.problem);

    const auto info = stbProbe(bytes);
    if (!info) return info.error();
    if (static_cast<std::uint32_t>(info->width) != container.width ||
        static_cast<std::uint32_t>(info->height) != container.height) {
        return makeError("corrupt tile: the header declares " +
                         dimensions(container.width, container.height) + " but the decoder reads " +
                         dimensions(info->width, info->height));
    }

    const bool png = format == ImageFormat::Png;
    auto decoded = stbDecode(
        bytes, png ? 4 : 3, decodeAllocationLimit(container.width, container.height, bytes.size()));
    if (!decoded) return decoded.error();
    Pixels pixels = std::move(decoded).value();

    // Transparent edges (a pack that ends mid-tile) must stay transparent;
    // an opaque PNG tile is stored as RGB, a quarter smaller to decode.
    if (png && !hasTransparency(pixels)) dropAlpha(pixels);
    auto encoded =
        png ? stbEncodePng(pixels, limits.pngZlibLevel) : stbEncodeJpeg(pixels, limits.jpegQuality);
    if (!encoded) return encoded.error();
    return NormalisedTile{std::move(encoded).value(), png ? TileFormat::Png : TileFormat::Jpeg,
                          pixels.width};
}

} // namespace media
