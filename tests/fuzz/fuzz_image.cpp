// libFuzzer target: an image from the feed through media::normaliseImage,
// the only code that decodes downloaded image bytes (container checks,
// restricted stb_image, resize, EXIF orientation, re-encode).
// Input: the image file as it is.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_fail.hpp"
#include "media/image_normalise.hpp"

namespace {

// Smaller than the product's limits so that one input costs milliseconds,
// not a 40 MP decode (a slow input only slows the fuzzer; it is not what it
// looks for), while every check still has a limit to trip: declared size,
// pixel budget, file size, and an output side small enough that most seeds
// are scaled down.
media::ImageLimits fuzzLimits() {
    media::ImageLimits limits;
    limits.maxSide = 2048;
    limits.maxPixels = 1u << 20;
    limits.maxBytes = 1u << 20;
    limits.outputMaxSide = 48;
    limits.jpegQuality = 80;
    return limits;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const media::ImageLimits limits = fuzzLimits();
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    auto image = media::normaliseImage(bytes, limits);
    pestor_fuzz::checkMessage(image);
    if (!image) return 0;

    const std::string dims = std::to_string(image->width) + "x" + std::to_string(image->height);
    if (image->width < 1 || image->height < 1 || image->width > limits.outputMaxSide ||
        image->height > limits.outputMaxSide)
        pestor_fuzz::fail("normalised image is " + dims + ", outside 1.." + std::to_string(limits.outputMaxSide));
    if (image->mimeType != "image/png" && image->mimeType != "image/jpeg")
        pestor_fuzz::fail("normalised image has type " + image->mimeType);
    // The kiosk decodes only what normaliseImage wrote, so that output must
    // itself be an image normaliseImage accepts, at the same size (it is
    // already small enough, and re-encoding dropped any EXIF rotation).
    auto again = media::normaliseImage(image->bytes, limits);
    if (!again) pestor_fuzz::fail("normalised " + image->mimeType + " " + dims + " is refused: " + again.error().message);
    if (again->width != image->width || again->height != image->height)
        pestor_fuzz::fail("normalised image " + dims + " re-normalises to " + std::to_string(again->width) + "x" +
                          std::to_string(again->height));
    return 0;
}
