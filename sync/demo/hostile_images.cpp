// Images for the hostile data set: written here byte by byte (PNG with
// zlib, JPEG with stb_image_write) so the set needs no files of its own and
// is the same on every machine with Debian's zlib and stb.
#include "hostile.hpp"

#include <sodium.h>
#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <stdexcept>

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace demo {
namespace {

void appendBe32(std::string& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xFF));
}

void appendChunk(std::string& png, std::string_view type, std::string_view data) {
    appendBe32(png, static_cast<std::uint32_t>(data.size()));
    std::string body(type);
    body += data;
    png += body;
    appendBe32(png, static_cast<std::uint32_t>(
                        crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

std::string ihdr(std::uint32_t width, std::uint32_t height, std::uint8_t bitDepth, std::uint8_t colourType) {
    std::string data;
    appendBe32(data, width);
    appendBe32(data, height);
    data.push_back(static_cast<char>(bitDepth));
    data.push_back(static_cast<char>(colourType));
    data += std::string("\x00\x00\x00", 3); // deflate, adaptive filtering, no interlace
    return data;
}

// Deflates `rows` rows of `rowBytes` (each preceded by filter byte 0) made
// by `row(y, buffer)`, one row at a time: a bomb's 50 MB of scanlines never
// exist in memory at once.
template <typename RowFn>
std::string deflateRows(std::uint32_t rows, std::size_t rowBytes, RowFn row) {
    z_stream z{};
    if (deflateInit(&z, 9) != Z_OK) throw std::runtime_error("zlib: deflateInit failed");
    std::string out;
    std::string line(rowBytes + 1, '\0');
    std::array<unsigned char, 1 << 16> buf{};
    for (std::uint32_t y = 0; y < rows; ++y) {
        line[0] = 0;
        row(y, line.data() + 1);
        z.next_in = reinterpret_cast<Bytef*>(line.data());
        z.avail_in = static_cast<uInt>(line.size());
        const int flush = y + 1 == rows ? Z_FINISH : Z_NO_FLUSH;
        int rc = Z_OK;
        do {
            z.next_out = buf.data();
            z.avail_out = static_cast<uInt>(buf.size());
            rc = deflate(&z, flush);
            out.append(reinterpret_cast<const char*>(buf.data()), buf.size() - z.avail_out);
        } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
    }
    deflateEnd(&z);
    return out;
}

std::string pngFile(const std::string& header, const std::string& idat) {
    std::string png = "\x89PNG\r\n\x1a\n";
    appendChunk(png, "IHDR", header);
    appendChunk(png, "IDAT", idat);
    appendChunk(png, "IEND", "");
    return png;
}

} // namespace

std::string hostileGoodPng() {
    // 96 x 64 RGB, a diagonal gradient.
    constexpr std::uint32_t kW = 96, kH = 64;
    const std::string idat = deflateRows(kH, kW * 3, [](std::uint32_t y, char* px) {
        for (std::uint32_t x = 0; x < kW; ++x) {
            px[x * 3 + 0] = static_cast<char>(40 + x * 2);
            px[x * 3 + 1] = static_cast<char>(90 + y * 2);
            px[x * 3 + 2] = static_cast<char>(160);
        }
    });
    return pngFile(ihdr(kW, kH, 8, 2), idat);
}

std::string hostileGoodJpeg() {
    constexpr int kW = 80, kH = 60;
    std::string rgb(static_cast<std::size_t>(kW * kH * 3), '\0');
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x) {
            const std::size_t i = static_cast<std::size_t>((y * kW + x) * 3);
            rgb[i] = static_cast<char>(200 - x);
            rgb[i + 1] = static_cast<char>(120 + y);
            rgb[i + 2] = static_cast<char>(60);
        }
    std::string out;
    const int ok = stbi_write_jpg_to_func(
        [](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size); },
        &out, kW, kH, 3, rgb.data(), 85);
    if (!ok) throw std::runtime_error("stb_image_write: cannot encode the JPEG");
    return out;
}

std::string hostilePngBomb(std::uint32_t side) {
    // 1-bit greyscale, every pixel black: side x side pixels in
    // side * (side / 8 + 1) bytes of scanlines, which deflate to ~1/1000.
    const std::size_t rowBytes = (side + 7) / 8;
    return pngFile(ihdr(side, side, 1, 0), deflateRows(side, rowBytes, [rowBytes](std::uint32_t, char* px) {
                       std::fill(px, px + rowBytes, '\0');
                   }));
}

std::string sha256Hex(std::string_view bytes) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex;
    char buf[3];
    for (unsigned char b : digest) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        hex += buf;
    }
    return hex;
}

} // namespace demo
