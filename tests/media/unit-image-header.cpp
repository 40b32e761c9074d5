// The container checks that run before stb_image sees a byte, and the EXIF
// orientation transform.
#include "image_fixtures.hpp"
#include "media/image_header.hpp"
#include "media/image_normalise.hpp"
#include "media/orientation.hpp"

#include <doctest/doctest.h>

using namespace media;

namespace {

std::string segment(unsigned char marker, std::string_view data) {
    const auto length = static_cast<unsigned>(data.size() + 2);
    return std::string{'\xFF', static_cast<char>(marker), static_cast<char>(length >> 8),
                       static_cast<char>(length)} +
           std::string(data);
}

// A minimal JPEG skeleton: only the structure, enough for inspectJpeg.
std::string jpegWithScans(int scans) {
    std::string b = "\xFF\xD8";
    b += segment(0xC2, std::string("\x08\x00\x10\x00\x10\x01\x01\x11\x00", 9));
    for (int i = 0; i < scans; ++i) {
        b += segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));
        b += std::string("\x12\xFF\x00\x34", 4); // entropy data with a stuffed 0xFF
    }
    return b + "\xFF\xD9";
}

} // namespace

TEST_CASE("sniffFormat reads magic bytes") {
    CHECK(sniffFormat(fixtures::png(2, 2, false)) == ImageFormat::Png);
    CHECK(sniffFormat(fixtures::jpeg(2, 2)) == ImageFormat::Jpeg);
    CHECK(sniffFormat("GIF87a") == ImageFormat::Gif);
    CHECK(sniffFormat("RIFF\x10\x00\x00\x00WEBP") == ImageFormat::Unknown); // cut short by \0
    CHECK(sniffFormat(std::string("RIFF\x10\x00\x00\x00WEBP", 12)) == ImageFormat::WebP);
    CHECK(sniffFormat("\n<html>") == ImageFormat::Svg);
    CHECK(sniffFormat("\xFF\xD8") == ImageFormat::Unknown);
    CHECK(sniffFormat("") == ImageFormat::Unknown);
    CHECK(formatName(ImageFormat::Heif) == "HEIC/AVIF");
}

TEST_CASE("inspectPng reports dimensions and a complete file") {
    const ContainerInfo info = inspectPng(fixtures::png(37, 21, true));
    CHECK(info.problem.empty());
    CHECK(info.width == 37);
    CHECK(info.height == 21);
}

TEST_CASE("inspectPng refuses structural problems") {
    const std::string sig = fixtures::kPngSignature;
    const std::string ihdr = fixtures::pngIhdr(4, 4);
    const std::string end = fixtures::pngChunk("IEND", "");
    CHECK(inspectPng(sig + fixtures::pngChunk("IDAT", "x") + end).problem ==
          "corrupt PNG: the first chunk is not a valid IHDR");
    CHECK(inspectPng(sig + ihdr + ihdr + end).problem == "corrupt PNG: a second IHDR chunk");
    CHECK(inspectPng(sig + ihdr + fixtures::pngChunk("CgBI", "....") + end).problem ==
          "unsupported PNG: unknown critical chunk CgBI");
    CHECK(inspectPng(sig + ihdr + fixtures::pngChunk("tEXt", "a\0b") + end).problem.empty());
    CHECK(inspectPng(sig + ihdr +
                     std::string("\0\0\0\x01I\x01"
                                 "AT",
                                 8))
              .problem.starts_with("corrupt PNG: invalid chunk type"));
    CHECK(inspectPng(sig + ihdr +
                     "\xFF\xFF\xFF\xFF"
                     "IDAT")
              .problem == "corrupt PNG: chunk IDAT has an impossible length");
    // Trailing bytes after IEND are harmless and common.
    CHECK(inspectPng(fixtures::png(3, 3, false) + "junk").problem.empty());
}

TEST_CASE("inspectJpeg reports dimensions, scans and completeness") {
    const ContainerInfo info = inspectJpeg(fixtures::jpeg(33, 17));
    CHECK(info.problem.empty());
    CHECK(info.width == 33);
    CHECK(info.height == 17);
    CHECK(info.orientation == 1);
    CHECK(inspectJpeg(jpegWithScans(3)).problem.empty());
    CHECK(inspectJpeg(fixtures::jpeg(8, 8) + std::string(100, '\0')).problem.empty());
}

TEST_CASE("inspectJpeg refuses too many progressive scans") {
    CHECK(inspectJpeg(jpegWithScans(kMaxJpegScans)).problem.empty());
    CHECK(inspectJpeg(jpegWithScans(kMaxJpegScans + 1)).problem ==
          "JPEG refused: more than 100 progressive scans (decoding would take very long)");
    CHECK(normaliseImage(jpegWithScans(kMaxJpegScans + 1))
              .error()
              .message.starts_with("JPEG refused"));
}

TEST_CASE("inspectJpeg refuses structural problems") {
    const std::string soi = "\xFF\xD8";
    CHECK(inspectJpeg(soi + "\xFF\xD9").problem == "corrupt JPEG: it contains no image data");
    CHECK(inspectJpeg(soi + segment(0xDA, "\x01\x01\x00\x00\x3F\x00") + "\xFF\xD9").problem ==
          "corrupt JPEG: image data before the frame header");
    CHECK(inspectJpeg(soi + "\x12\x34").problem == "corrupt JPEG: expected a marker at offset 2");
    CHECK(inspectJpeg(soi + "\xFF\xD8").problem == "corrupt JPEG: unexpected marker FFD8");
    CHECK(inspectJpeg(soi + std::string("\xFF\xE0\x00\x01", 4)).problem ==
          "corrupt JPEG: segment FFE0 has an impossible length");
    CHECK(inspectJpeg(soi + std::string("\xFF\xE0\x00\x10", 4)).problem ==
          "truncated JPEG: segment FFE0 runs past the end of the file");
    CHECK(inspectJpeg(soi + segment(0xC0, "\x08\x00")).problem ==
          "corrupt JPEG: frame header too short");
}

TEST_CASE("inspectJpeg refuses Huffman tables that overflow stb_image 2.27") {
    // 16 code lengths adding up to 300 symbols: 2.27 writes past its table.
    std::string dht("\x00", 1); // class 0, table 0
    for (int i = 0; i < 16; ++i)
        dht += static_cast<char>(i < 15 ? 20 : 0);
    dht.resize(17 + 300, '\x01'); // the 300 symbols
    const std::string file = "\xFF\xD8" + segment(0xC4, dht) + fixtures::jpeg(16, 16).substr(2);
    CHECK(inspectJpeg(file).problem == "corrupt JPEG: invalid Huffman table");
    CHECK(normaliseImage(file).error().message == "corrupt JPEG: invalid Huffman table");
    // Class 2 or table 4 do not exist either.
    std::string badId(17, '\0');
    badId[0] = '\x24';
    CHECK(inspectJpeg("\xFF\xD8" + segment(0xC4, badId) + fixtures::jpeg(8, 8).substr(2)).problem ==
          "corrupt JPEG: invalid Huffman table");
}

TEST_CASE("inspectJpeg names JPEG variants stb_image cannot decode") {
    std::string lossless = fixtures::jpeg(16, 16);
    const std::size_t sof = lossless.find("\xFF\xC0");
    REQUIRE(sof != std::string::npos);
    std::string twelveBit = lossless;
    lossless[sof + 1] = '\xC3';
    CHECK(
        inspectJpeg(lossless).problem ==
        "unsupported JPEG: lossless, hierarchical or arithmetic coding (SOF marker FFC3); save it "
        "as a baseline or progressive JPEG");
    twelveBit[sof + 4] = 12;
    CHECK(normaliseImage(twelveBit).error().message ==
          "unsupported JPEG: 12-bit samples; save it with 8 bits per channel");
}

TEST_CASE("exifOrientation reads tag 0x0112 in either byte order") {
    const std::string jpeg = fixtures::jpeg(8, 8);
    for (int o = 1; o <= 8; ++o) {
        CHECK(inspectJpeg(fixtures::withExifOrientation(jpeg, o)).orientation == o);
        CHECK(inspectJpeg(fixtures::withExifOrientation(jpeg, o, true)).orientation == o);
    }
    CHECK(inspectJpeg(fixtures::withExifOrientation(jpeg, 9)).orientation == 1);
    CHECK(exifOrientation("") == 1);
    CHECK(exifOrientation("II*\0") == 1);
    CHECK(exifOrientation(std::string("II*\0\xFF\xFF\xFF\xFF", 8)) == 1);  // IFD out of range
    CHECK(exifOrientation(std::string("II*\0\x08\0\0\0\x05\0", 10)) == 1); // entries cut off
    CHECK(exifOrientation(std::string("XX*\0\x08\0\0\0\0\0", 10)) == 1);
}

TEST_CASE("applyOrientation moves pixels as EXIF defines") {
    // 3×2, one channel, values 1..6 row by row:  1 2 3 / 4 5 6
    Pixels p = Pixels::allocate(3, 2, 1);
    for (int i = 0; i < 6; ++i)
        p.data[i] = static_cast<unsigned char>(i + 1);
    const auto rows = [&](int o) {
        Pixels copy = Pixels::allocate(3, 2, 1);
        std::copy(p.data.get(), p.data.get() + 6, copy.data.get());
        auto r = applyOrientation(std::move(copy), o);
        REQUIRE(r.ok());
        std::string s;
        for (int y = 0; y < r->height; ++y) {
            for (int x = 0; x < r->width; ++x)
                s += static_cast<char>('0' + *r->at(x, y));
            s += '/';
        }
        return s;
    };
    CHECK(rows(1) == "123/456/");
    CHECK(rows(2) == "321/654/");
    CHECK(rows(3) == "654/321/");
    CHECK(rows(4) == "456/123/");
    CHECK(rows(5) == "14/25/36/");
    CHECK(rows(6) == "41/52/63/");
    CHECK(rows(7) == "63/52/41/");
    CHECK(rows(8) == "36/25/14/");
}
