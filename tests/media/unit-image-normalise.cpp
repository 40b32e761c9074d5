// normaliseImage: what the sync does to every downloaded image before the
// kiosk may see it. Good images come out scaled and re-encoded; hostile or
// broken ones are refused with the exact message a publisher would read.
#include "image_fixtures.hpp"
#include "media/image_normalise.hpp"
#include "media/stb_codec.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <thread>
#include <vector>

namespace {

using media::normaliseImage;

media::NormalisedImage accepted(const std::string& bytes, const media::ImageLimits& limits = {}) {
    auto r = normaliseImage(bytes, limits);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

std::string refusal(const std::string& bytes, const media::ImageLimits& limits = {}) {
    auto r = normaliseImage(bytes, limits);
    REQUIRE_MESSAGE(!r.ok(), "unexpectedly accepted");
    return r.error().message;
}

// The output must itself be a well-formed image of the stated size.
media::Pixels decodeOutput(const media::NormalisedImage& img, int channels) {
    auto info = media::stbProbe(img.bytes);
    REQUIRE_MESSAGE(info.ok(), (info.ok() ? "" : info.error().message));
    CHECK(info->width == img.width);
    CHECK(info->height == img.height);
    auto px = media::stbDecode(img.bytes, channels, 64u << 20);
    REQUIRE_MESSAGE(px.ok(), (px.ok() ? "" : px.error().message));
    return std::move(px).value();
}

bool isJpeg(const std::string& b) {
    return b.starts_with("\xFF\xD8\xFF");
}
bool isPng(const std::string& b) {
    return b.starts_with(fixtures::kPngSignature);
}

} // namespace

// [SECTION] Good images

TEST_CASE("a 3000×2000 JPEG is scaled to 1280×853 and re-encoded as JPEG") {
    const auto out = accepted(fixtures::jpeg(3000, 2000));
    CHECK(out.mimeType == "image/jpeg");
    CHECK(out.width == 1280);
    CHECK(out.height == 853);
    CHECK(isJpeg(out.bytes));
    const media::Pixels px = decodeOutput(out, 3);
    CHECK(px.width == 1280);
    CHECK(px.height == 853);
    // The gradient survives: red grows left to right.
    CHECK(px.at(10, 400)[0] < 30);
    CHECK(px.at(1270, 400)[0] > 225);
}

TEST_CASE("a portrait JPEG is scaled by its height") {
    const auto out = accepted(fixtures::jpeg(2000, 3000));
    CHECK(out.width == 853);
    CHECK(out.height == 1280);
}

TEST_CASE("outputMaxSide and jpegQuality are honoured") {
    media::ImageLimits limits;
    limits.outputMaxSide = 300;
    limits.jpegQuality = 30;
    const auto low = accepted(fixtures::jpeg(900, 600), limits);
    CHECK(low.width == 300);
    CHECK(low.height == 200);
    limits.jpegQuality = 100;
    const auto high = accepted(fixtures::jpeg(900, 600), limits);
    CHECK(high.bytes.size() > low.bytes.size());
}

TEST_CASE("a small image is not scaled up") {
    const auto out = accepted(fixtures::jpeg(64, 48));
    CHECK(out.width == 64);
    CHECK(out.height == 48);
    CHECK(decodeOutput(out, 3).width == 64);
}

TEST_CASE("an image exactly at the output size keeps its size") {
    const auto out = accepted(fixtures::jpeg(1280, 720));
    CHECK(out.width == 1280);
    CHECK(out.height == 720);
}

TEST_CASE("a PNG with transparency stays PNG and keeps its alpha") {
    const auto out = accepted(fixtures::png(400, 300, true));
    CHECK(out.mimeType == "image/png");
    CHECK(isPng(out.bytes));
    CHECK(out.width == 400);
    CHECK(out.height == 300);
    const media::Pixels px = decodeOutput(out, 4);
    CHECK(px.at(0, 150)[3] == 0);    // fully transparent on the left
    CHECK(px.at(399, 150)[3] > 250); // nearly opaque on the right
}

TEST_CASE("a large transparent PNG is scaled and stays PNG with alpha") {
    const auto out = accepted(fixtures::png(2560, 1000, true));
    CHECK(out.mimeType == "image/png");
    CHECK(out.width == 1280);
    CHECK(out.height == 500);
    const media::Pixels px = decodeOutput(out, 4);
    CHECK(px.at(2, 250)[3] < 5);
    CHECK(px.at(1277, 250)[3] > 250);
}

TEST_CASE("an opaque PNG becomes a JPEG") {
    const auto out = accepted(fixtures::png(300, 200, false));
    CHECK(out.mimeType == "image/jpeg");
    CHECK(isJpeg(out.bytes));
    CHECK(decodeOutput(out, 3).width == 300);
}

TEST_CASE("a palette PNG whose transparency is only in tRNS stays PNG") {
    // stbi_info reports 3 channels for this file: alpha is only known after
    // decoding, which is why the decision is made on pixels.
    const std::string plte = fixtures::pngChunk("PLTE", std::string("\xFF\x00\x00\x00\x00\xFF", 6));
    const std::string trns = fixtures::pngChunk("tRNS", std::string("\x00\xFF", 2));
    const std::string file = fixtures::rawPng(
        2, 2, 8, 3, {std::string("\x00\x01", 2), std::string("\x01\x00", 2)}, plte + trns);
    const auto out = accepted(file);
    CHECK(out.mimeType == "image/png");
    const media::Pixels px = decodeOutput(out, 4);
    CHECK(px.at(0, 0)[3] == 0);
    CHECK(px.at(1, 0)[3] == 255);
    CHECK(px.at(1, 0)[2] == 255);
}

TEST_CASE("a 16-bit greyscale PNG is accepted") {
    const std::string row("\x00\x00\xFF\xFF", 4);
    const auto out = accepted(fixtures::rawPng(2, 2, 16, 0, {row, row}));
    CHECK(out.mimeType == "image/jpeg");
    CHECK(out.width == 2);
}

TEST_CASE("EXIF orientation is applied to the pixels") {
    const std::string source = fixtures::jpegOf(fixtures::redLeftBlueRight(80, 40), 95);
    SUBCASE("6: rotate 90° clockwise, little-endian EXIF") {
        const auto out = accepted(fixtures::withExifOrientation(source, 6));
        CHECK(out.width == 40);
        CHECK(out.height == 80);
        const media::Pixels px = decodeOutput(out, 3);
        CHECK(px.at(20, 5)[0] > 200);  // the left (red) edge is now at the top
        CHECK(px.at(20, 74)[2] > 200); // the right (blue) edge at the bottom
    }
    SUBCASE("8: rotate 90° anticlockwise, big-endian EXIF") {
        const auto out = accepted(fixtures::withExifOrientation(source, 8, true));
        CHECK(out.width == 40);
        const media::Pixels px = decodeOutput(out, 3);
        CHECK(px.at(20, 5)[2] > 200);
        CHECK(px.at(20, 74)[0] > 200);
    }
    SUBCASE("3: rotate 180°") {
        const auto out = accepted(fixtures::withExifOrientation(source, 3));
        CHECK(out.width == 80);
        const media::Pixels px = decodeOutput(out, 3);
        CHECK(px.at(5, 20)[2] > 200);
        CHECK(px.at(74, 20)[0] > 200);
    }
    SUBCASE("a nonsense value is ignored") {
        const auto out = accepted(fixtures::withExifOrientation(source, 77));
        CHECK(out.width == 80);
        CHECK(decodeOutput(out, 3).at(5, 20)[0] > 200);
    }
}

TEST_CASE("several threads can normalise at once") {
    // The allocation budget and stb's failure reason are per thread.
    const std::vector<std::string> inputs = {
        fixtures::jpeg(1600, 900), fixtures::png(1400, 700, true),
        fixtures::kPngSignature + fixtures::pngIhdr(100000, 100000), fixtures::jpeg(300, 300)};
    std::vector<std::string> serial;
    for (const std::string& in : inputs) {
        auto r = normaliseImage(in);
        serial.push_back(r.ok() ? r->bytes : r.error().message);
    }
    std::vector<std::string> parallel(inputs.size());
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            threads.emplace_back([&, i] {
                for (int round = 0; round < 3; ++round) {
                    auto r = normaliseImage(inputs[i]);
                    parallel[i] = r.ok() ? r->bytes : r.error().message;
                }
            });
        }
    }
    CHECK(parallel == serial);
}

// [SECTION] Bombs

TEST_CASE("a PNG declaring 100000×100000 pixels is refused before any decoding") {
    const std::string bomb = fixtures::kPngSignature + fixtures::pngIhdr(100000, 100000);
    const auto start = std::chrono::steady_clock::now();
    const std::string message = refusal(bomb);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    CHECK(message == "image bomb refused: declares 100000×100000 pixels (limit 40 MP)");
    CHECK(elapsed < std::chrono::milliseconds(50));
}

TEST_CASE("the bomb check reads IHDR even when the rest of the file is garbage") {
    const std::string bomb =
        fixtures::kPngSignature + fixtures::pngIhdr(50000, 50000) + fixtures::randomBytes(1000, 7);
    CHECK(refusal(bomb) == "image bomb refused: declares 50000×50000 pixels (limit 40 MP)");
}

TEST_CASE("a JPEG whose SOF declares 65000×65000 pixels is refused") {
    const std::string bomb = fixtures::withJpegSize(fixtures::jpeg(64, 64), 65000, 65000);
    const auto start = std::chrono::steady_clock::now();
    CHECK(refusal(bomb) == "image bomb refused: declares 65000×65000 pixels (limit 40 MP)");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(50));
}

TEST_CASE("a side over the limit is refused even within the pixel budget") {
    const std::string wide = fixtures::kPngSignature + fixtures::pngIhdr(9000, 100);
    CHECK(refusal(wide) == "image refused: declares 9000×100 pixels (limit 8192 pixels per side)");
    media::ImageLimits limits;
    limits.maxSide = 20000; // the decoder's compiled-in ceiling still applies
    CHECK(refusal(wide, limits) ==
          "image refused: declares 9000×100 pixels (limit 8192 pixels per side)");
    limits.maxSide = 1000;
    CHECK(refusal(fixtures::jpeg(1200, 10), limits) ==
          "image refused: declares 1200×10 pixels (limit 1000 pixels per side)");
}

TEST_CASE("a smaller pixel budget is stated in pixels") {
    media::ImageLimits limits;
    limits.maxPixels = 5000;
    CHECK(refusal(fixtures::jpeg(100, 100), limits) ==
          "image bomb refused: declares 100×100 pixels (limit 5000 pixels)");
    limits.maxPixels = 2'500'000;
    CHECK(refusal(fixtures::kPngSignature + fixtures::pngIhdr(2000, 2000), limits) ==
          "image bomb refused: declares 2000×2000 pixels (limit 2.5 MP)");
}

TEST_CASE("a PNG whose data inflates far beyond its declared size is refused") {
    // 16×16 RGBA needs 1 KB of raw data; this IDAT inflates to 8 MB. stb's
    // zlib would keep doubling its buffer; the allocation budget stops it.
    const std::string idat = fixtures::zlibCompress(std::string(8u << 20, '\0'));
    const std::string file = fixtures::kPngSignature + fixtures::pngIhdr(16, 16) +
                             fixtures::pngChunk("IDAT", idat) + fixtures::pngChunk("IEND", "");
    CHECK(file.size() < 20000);
    CHECK(refusal(file) == "image refused: decoding it needs more memory than its declared size "
                           "justifies (compressed data bomb?)");
}

// [SECTION] Broken files

TEST_CASE("the first half of a valid PNG is refused as truncated") {
    const std::string full = fixtures::png(200, 200, true);
    CHECK(refusal(full.substr(0, full.size() / 2)) ==
          "truncated PNG: chunk IDAT runs past the end of the file");
    CHECK(refusal(full.substr(0, full.size() - 12)) ==
          "truncated PNG: the file ends before the IEND chunk");
}

TEST_CASE("the first half of a valid JPEG is refused as truncated") {
    const std::string full = fixtures::jpeg(200, 200);
    const std::string expected = "truncated JPEG: the file ends before the end-of-image marker";
    CHECK(refusal(full.substr(0, full.size() / 2)) == expected);
    CHECK(refusal(full.substr(0, full.size() - 2)) == expected);
    CHECK(refusal(full.substr(0, 40)).starts_with("truncated JPEG"));
}

TEST_CASE("corrupt compressed PNG data is refused with the decoder's reason") {
    // Valid chunks and CRCs around an IDAT that is not a zlib stream.
    const std::string file = fixtures::kPngSignature + fixtures::pngIhdr(4, 4) +
                             fixtures::pngChunk("IDAT", fixtures::randomBytes(64, 3)) +
                             fixtures::pngChunk("IEND", "");
    CHECK(refusal(file).starts_with("cannot decode image: "));
}

TEST_CASE("a damaged PNG chunk is refused by its CRC") {
    std::string file = fixtures::png(50, 50, true);
    file[60] = static_cast<char>(file[60] ^ 0x5A); // inside IDAT
    CHECK(refusal(file) == "corrupt PNG: CRC mismatch in chunk IDAT");
}

// [SECTION] Not PNG or JPEG

TEST_CASE("other formats are refused by name") {
    const auto names = [](const std::string& bytes) { return refusal(bytes); };
    CHECK(names("GIF89a\x01\x00\x01\x00\x80\x00\x00") ==
          "unsupported image format: the file looks like GIF; only PNG and JPEG are accepted");
    CHECK(names(std::string("RIFF\x24\x00\x00\x00WEBPVP8 ", 16)).find("looks like WebP") !=
          std::string::npos);
    CHECK(names("BM" + fixtures::randomBytes(60, 1)).find("looks like BMP") != std::string::npos);
    CHECK(names("\xEF\xBB\xBF  <?xml version=\"1.0\"?><svg/>").find("looks like SVG/XML") !=
          std::string::npos);
    CHECK(names("<svg xmlns=\"http://www.w3.org/2000/svg\"/>").find("looks like SVG/XML") !=
          std::string::npos);
    CHECK(names(std::string("\0\0\0\x18"
                            "ftypheic\0\0\0\0",
                            16))
              .find("looks like HEIC/AVIF") != std::string::npos);
    CHECK(names(std::string("II*\0\x08\0\0\0", 8)).find("looks like TIFF") != std::string::npos);
}

TEST_CASE("random bytes are refused") {
    std::string noise = fixtures::randomBytes(4096, 42);
    noise[0] = 'x'; // no accidental magic
    CHECK(refusal(noise) == "unsupported image format: the file is not an image format we know; "
                            "only PNG and JPEG are accepted");
    CHECK(refusal(fixtures::kPngSignature + fixtures::randomBytes(4096, 43))
              .starts_with("corrupt PNG"));
    CHECK(refusal("\xFF\xD8\xFF" + fixtures::randomBytes(4096, 44)).find("JPEG") !=
          std::string::npos);
}

TEST_CASE("an empty file is refused") {
    CHECK(refusal("") == "image refused: the file is empty");
}

TEST_CASE("a file over maxBytes is refused before it is looked at") {
    media::ImageLimits limits;
    limits.maxBytes = 1000;
    const std::string file = fixtures::jpeg(100, 100);
    REQUIRE(file.size() > 1000);
    CHECK(refusal(file, limits) == "image refused: " + std::to_string(file.size()) +
                                       " bytes is over the limit of 1000 bytes");
}

TEST_CASE("invalid limits are refused") {
    media::ImageLimits limits;
    limits.jpegQuality = 0;
    CHECK(refusal(fixtures::jpeg(8, 8), limits).starts_with("invalid image limits"));
    limits = {};
    limits.outputMaxSide = 0;
    CHECK(refusal(fixtures::jpeg(8, 8), limits).starts_with("invalid image limits"));
}
