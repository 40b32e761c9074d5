#include "media/image_normalise.hpp"

#include "media/image_header.hpp"
#include "media/orientation.hpp"
#include "media/pixel_ops.hpp"
#include "media/stb_codec.hpp"

#include <algorithm>
#include <cstdio>

namespace media {

namespace {

using cache::makeError;

// [SECTION] Messages

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.ends_with(".0")) s.resize(s.size() - 2);
    return s;
}

std::string pixelBudget(std::uint64_t pixels) {
    if (pixels < 1'000'000) return std::to_string(pixels) + " pixels";
    return oneDecimal(static_cast<double>(pixels) / 1e6) + " MP";
}

std::string dimensions(std::uint64_t w, std::uint64_t h) {
    return std::to_string(w) + "×" + std::to_string(h);
}

// [SECTION] Checks before decoding

cache::Result<void> checkLimits(const ImageLimits& l) {
    if (l.maxSide < 1 || l.maxPixels < 1 || l.outputMaxSide < 1 || l.jpegQuality < 1 ||
        l.jpegQuality > 100) {
        return makeError("invalid image limits: sides and pixel budget must be positive and "
                         "JPEG quality 1–100");
    }
    return {};
}

cache::Result<void> checkDeclaredSize(std::uint64_t w, std::uint64_t h, const ImageLimits& l) {
    if (w == 0 || h == 0)
        return makeError("corrupt image: declares " + dimensions(w, h) + " pixels");
    if (w * h > l.maxPixels) {
        return makeError("image bomb refused: declares " + dimensions(w, h) + " pixels (limit " +
                         pixelBudget(l.maxPixels) + ")");
    }
    const auto maxSide = static_cast<std::uint64_t>(std::min(l.maxSide, kStbMaxSide));
    if (w > maxSide || h > maxSide) {
        return makeError("image refused: declares " + dimensions(w, h) + " pixels (limit " +
                         std::to_string(maxSide) + " pixels per side)");
    }
    return {};
}

// [SECTION] Pixel work

// Longest side at most `maxSide`, aspect kept, rounded, never upscaled.
std::pair<int, int> outputSize(int w, int h, int maxSide) {
    const int longest = std::max(w, h);
    if (longest <= maxSide) return {w, h};
    const auto scale = [&](int side) {
        const std::int64_t s = (std::int64_t{side} * maxSide + longest / 2) / longest;
        return static_cast<int>(std::max<std::int64_t>(s, 1));
    };
    return w >= h ? std::pair{maxSide, scale(h)} : std::pair{scale(w), maxSide};
}

} // namespace

cache::Result<NormalisedImage> normaliseImage(std::string_view bytes, const ImageLimits& limits) {
    if (auto ok = checkLimits(limits); !ok) return ok.error();
    if (bytes.empty()) return makeError("image refused: the file is empty");
    if (bytes.size() > limits.maxBytes) {
        return makeError("image refused: " + std::to_string(bytes.size()) +
                         " bytes is over the limit of " + std::to_string(limits.maxBytes) +
                         " bytes");
    }

    const ImageFormat format = sniffFormat(bytes);
    if (format != ImageFormat::Png && format != ImageFormat::Jpeg) {
        const std::string what = format == ImageFormat::Unknown
                                     ? "is not an image format we know"
                                     : "looks like " + std::string(formatName(format));
        return makeError("unsupported image format: the file " + what +
                         "; only PNG and JPEG are accepted");
    }

    // The container first: size from the header, then completeness.
    const ContainerInfo container =
        format == ImageFormat::Png ? inspectPng(bytes) : inspectJpeg(bytes);
    if (container.width != 0 || container.height != 0) {
        if (auto ok = checkDeclaredSize(container.width, container.height, limits); !ok)
            return ok.error();
    }
    if (!container.problem.empty()) return makeError(container.problem);

    // stb's own reading of the header must agree before it may decode.
    const auto info = stbProbe(bytes);
    if (!info) return info.error();
    if (static_cast<std::uint32_t>(info->width) != container.width ||
        static_cast<std::uint32_t>(info->height) != container.height) {
        return makeError("corrupt image: the header declares " +
                         dimensions(container.width, container.height) + " but the decoder reads " +
                         dimensions(info->width, info->height));
    }

    const int channels = format == ImageFormat::Png ? 4 : 3;
    auto decoded = stbDecode(
        bytes, channels, decodeAllocationLimit(container.width, container.height, bytes.size()));
    if (!decoded) return decoded.error();
    Pixels pixels = std::move(decoded).value();

    const bool alpha = hasTransparency(pixels);
    if (pixels.channels == 4 && !alpha) dropAlpha(pixels);

    const auto [w, h] = outputSize(pixels.width, pixels.height, limits.outputMaxSide);
    if (w != pixels.width || h != pixels.height) {
        auto resized = stbResize(pixels, w, h);
        if (!resized) return resized.error();
        pixels = std::move(resized).value();
    }

    auto oriented = applyOrientation(std::move(pixels), container.orientation);
    if (!oriented) return oriented.error();
    pixels = std::move(oriented).value();

    auto encoded = alpha ? stbEncodePng(pixels) : stbEncodeJpeg(pixels, limits.jpegQuality);
    if (!encoded) return encoded.error();
    return NormalisedImage{std::move(encoded).value(), alpha ? "image/png" : "image/jpeg",
                           pixels.width, pixels.height};
}

} // namespace media
