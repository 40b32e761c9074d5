#include "image_fixtures.hpp"

#include "media/stb_codec.hpp"

#include <doctest/doctest.h>
#include <random>
#include <zlib.h>

namespace fixtures {

namespace {

std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
            static_cast<char>(v)};
}

template <class T> T okValue(cache::Result<T> r) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

} // namespace

media::Pixels gradient(int width, int height, int channels, bool transparent) {
    media::Pixels p = media::Pixels::allocate(width, height, channels);
    REQUIRE(p.data);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            unsigned char* px = p.at(x, y);
            const unsigned char v[4] = {
                static_cast<unsigned char>(x * 255 / width),
                static_cast<unsigned char>(y * 255 / height),
                static_cast<unsigned char>((x + y) * 127 / (width + height)),
                static_cast<unsigned char>(transparent ? x * 255 / width : 255)};
            for (int c = 0; c < channels; ++c)
                px[c] = v[channels == 4 ? c : c % 3];
        }
    }
    return p;
}

media::Pixels redLeftBlueRight(int width, int height) {
    media::Pixels p = media::Pixels::allocate(width, height, 3);
    REQUIRE(p.data);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            unsigned char* px = p.at(x, y);
            px[0] = x < width / 2 ? 255 : 0;
            px[2] = x < width / 2 ? 0 : 255;
        }
    }
    return p;
}

std::string jpegOf(const media::Pixels& pixels, int quality) {
    return okValue(media::stbEncodeJpeg(pixels, quality));
}

std::string pngOf(const media::Pixels& pixels) {
    return okValue(media::stbEncodePng(pixels));
}

std::string jpeg(int width, int height) {
    return jpegOf(gradient(width, height, 3));
}

std::string png(int width, int height, bool transparent) {
    return pngOf(gradient(width, height, 4, transparent));
}

std::string pngChunk(std::string_view type, std::string_view data) {
    const std::string body = std::string(type) + std::string(data);
    const auto crc = crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(body.data()),
                           static_cast<uInt>(body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body +
           be32(static_cast<std::uint32_t>(crc));
}

std::string pngIhdr(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType) {
    std::string data = be32(width) + be32(height);
    data += {static_cast<char>(bitDepth), static_cast<char>(colourType), 0, 0, 0};
    return pngChunk("IHDR", data);
}

std::string zlibCompress(std::string_view data) {
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::string out(size, '\0');
    REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                      reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                      9) == Z_OK);
    out.resize(size);
    return out;
}

std::string rawPng(std::uint32_t width, std::uint32_t height, int bitDepth, int colourType,
                   const std::vector<std::string>& rows, const std::string& extra) {
    std::string raw;
    for (const std::string& row : rows)
        raw += '\0' + row;
    return kPngSignature + pngIhdr(width, height, bitDepth, colourType) + extra +
           pngChunk("IDAT", zlibCompress(raw)) + pngChunk("IEND", "");
}

std::string withJpegSize(std::string jpeg, std::uint16_t width, std::uint16_t height) {
    std::size_t pos = 2;
    while (pos + 9 <= jpeg.size() && static_cast<unsigned char>(jpeg[pos]) == 0xFF) {
        const auto marker = static_cast<unsigned char>(jpeg[pos + 1]);
        const std::size_t length = static_cast<unsigned char>(jpeg[pos + 2]) << 8 |
                                   static_cast<unsigned char>(jpeg[pos + 3]);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
            marker != 0xCC) {
            jpeg[pos + 5] = static_cast<char>(height >> 8);
            jpeg[pos + 6] = static_cast<char>(height);
            jpeg[pos + 7] = static_cast<char>(width >> 8);
            jpeg[pos + 8] = static_cast<char>(width);
            return jpeg;
        }
        pos += 2 + length;
    }
    FAIL("no SOF marker in the fixture JPEG");
    return jpeg;
}

std::string withExifOrientation(const std::string& jpeg, int orientation, bool bigEndian) {
    const auto u16 = [&](unsigned v) {
        return bigEndian ? std::string{static_cast<char>(v >> 8), static_cast<char>(v)}
                         : std::string{static_cast<char>(v), static_cast<char>(v >> 8)};
    };
    const auto u32 = [&](unsigned v) {
        return bigEndian ? u16(v >> 16) + u16(v) : u16(v) + u16(v >> 16);
    };
    std::string tiff = bigEndian ? "MM" : "II";
    tiff += u16(42) + u32(8); // header, IFD0 at offset 8
    tiff += u16(1);           // one entry
    tiff += u16(0x0112) + u16(3) + u32(1) + u16(static_cast<unsigned>(orientation)) + u16(0);
    tiff += u32(0); // no next IFD
    const std::string payload = std::string("Exif\0\0", 6) + tiff;
    const auto length = static_cast<unsigned>(payload.size() + 2);
    const std::string app1 =
        std::string{'\xFF', '\xE1', static_cast<char>(length >> 8), static_cast<char>(length)} +
        payload;
    return jpeg.substr(0, 2) + app1 + jpeg.substr(2);
}

std::string randomBytes(std::size_t count, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::string out(count, '\0');
    for (char& c : out)
        c = static_cast<char>(rng() & 0xFF);
    return out;
}

} // namespace fixtures
