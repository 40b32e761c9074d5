#include "media/image_header.hpp"

#include <array>
#include <cstring>
#include <zlib.h>

namespace media {

namespace {

// [SECTION] Byte helpers
// Every read is bounds-checked by the caller; these only assemble integers.
std::uint8_t byteAt(std::string_view b, std::size_t i) {
    return static_cast<std::uint8_t>(b[i]);
}

std::uint32_t be16(std::string_view b, std::size_t i) {
    return std::uint32_t{byteAt(b, i)} << 8 | byteAt(b, i + 1);
}

std::uint32_t be32(std::string_view b, std::size_t i) {
    return be16(b, i) << 16 | be16(b, i + 2);
}

std::string hexByte(std::uint8_t v) {
    constexpr char kDigits[] = "0123456789ABCDEF";
    return {kDigits[v >> 4], kDigits[v & 15]};
}

constexpr std::string_view kPngSignature{"\x89PNG\r\n\x1a\n", 8};

// [SECTION] PNG

bool isChunkTypeValid(std::string_view type) {
    for (char c : type) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
    }
    return true;
}

// Upper-case first letter = critical: a decoder that does not know the chunk
// must not show the image. stb would fail on it too, but only after
// buffering the image data; CgBI (Apple's non-standard PNG) is one of these.
bool isKnownCritical(std::string_view type) {
    return type == "IHDR" || type == "PLTE" || type == "IDAT" || type == "IEND";
}

} // namespace

// [SECTION] Sniffing

ImageFormat sniffFormat(std::string_view b) {
    if (b.starts_with(kPngSignature)) return ImageFormat::Png;
    if (b.starts_with("\xFF\xD8\xFF")) return ImageFormat::Jpeg;
    if (b.starts_with("GIF87a") || b.starts_with("GIF89a")) return ImageFormat::Gif;
    if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP")
        return ImageFormat::WebP;
    if (b.starts_with("BM")) return ImageFormat::Bmp;
    if (b.starts_with(std::string_view("II*\0", 4)) || b.starts_with(std::string_view("MM\0*", 4)))
        return ImageFormat::Tiff;
    // ISO base media file: HEIC from phones, AVIF.
    if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return ImageFormat::Heif;
    // Text that opens with a tag, after an optional UTF-8 BOM and whitespace.
    std::size_t i = b.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    while (i < b.size() && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        ++i;
    if (i < b.size() && b[i] == '<') return ImageFormat::Svg;
    return ImageFormat::Unknown;
}

std::string_view formatName(ImageFormat format) {
    switch (format) {
    case ImageFormat::Png:
        return "PNG";
    case ImageFormat::Jpeg:
        return "JPEG";
    case ImageFormat::Gif:
        return "GIF";
    case ImageFormat::WebP:
        return "WebP";
    case ImageFormat::Bmp:
        return "BMP";
    case ImageFormat::Tiff:
        return "TIFF";
    case ImageFormat::Heif:
        return "HEIC/AVIF";
    case ImageFormat::Svg:
        return "SVG/XML";
    case ImageFormat::Unknown:
        break;
    }
    return "unknown";
}

ContainerInfo inspectPng(std::string_view b) {
    ContainerInfo info;
    if (!b.starts_with(kPngSignature)) {
        info.problem = "not a PNG file (bad signature)";
        return info;
    }
    bool first = true;
    std::size_t pos = kPngSignature.size();
    for (;;) {
        if (b.size() - pos < 8) {
            info.problem = "truncated PNG: the file ends before the IEND chunk";
            return info;
        }
        const std::uint32_t length = be32(b, pos);
        const std::string_view type = b.substr(pos + 4, 4);
        if (!isChunkTypeValid(type)) {
            info.problem = "corrupt PNG: invalid chunk type at offset " + std::to_string(pos + 4);
            return info;
        }
        const std::string name{type};
        if (length > 0x7FFFFFFFu) {
            info.problem = "corrupt PNG: chunk " + name + " has an impossible length";
            return info;
        }
        if (first) {
            if (type != "IHDR" || length != 13) {
                info.problem = "corrupt PNG: the first chunk is not a valid IHDR";
                return info;
            }
            // Read the size before anything else can fail, so a bomb is
            // reported as a bomb even when the rest of the file is garbage.
            if (b.size() - pos >= 16) {
                info.width = be32(b, pos + 8);
                info.height = be32(b, pos + 12);
            }
        } else if (type == "IHDR") {
            info.problem = "corrupt PNG: a second IHDR chunk";
            return info;
        }
        if (b.size() - pos - 8 < std::size_t{length} + 4) {
            info.problem = "truncated PNG: chunk " + name + " runs past the end of the file";
            return info;
        }
        const auto* data = reinterpret_cast<const Bytef*>(b.data() + pos + 4);
        const auto crc = static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), data, length + 4));
        if (crc != be32(b, pos + 8 + length)) {
            info.problem = "corrupt PNG: CRC mismatch in chunk " + name;
            return info;
        }
        if (type == "IEND") return info;
        if (byteAt(type, 0) < 'a' && !isKnownCritical(type)) {
            info.problem = "unsupported PNG: unknown critical chunk " + name;
            return info;
        }
        first = false;
        pos += 12 + std::size_t{length};
    }
}

// [SECTION] JPEG

namespace {

bool isStartOfFrame(std::uint8_t m) {
    // C4 (DHT), C8 (reserved) and CC (DAC) share the range but are not frames.
    return m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
}

bool isStandalone(std::uint8_t m) {
    return m == 0x01 || (m >= 0xD0 && m <= 0xD7);
}

// stb_image 2.27 copies a DHT table's symbols without checking that the
// 16 code counts add up to at most 256: a crafted table writes up to 4 KB
// past its arrays (fixed in 2.28). The same bounds, checked here first.
bool isHuffmanSegmentValid(std::string_view segment) {
    std::size_t pos = 0;
    while (pos < segment.size()) {
        if (segment.size() - pos < 17) return false;
        const std::uint8_t tableClass = byteAt(segment, pos) >> 4;
        const std::uint8_t tableId = byteAt(segment, pos) & 15;
        if (tableClass > 1 || tableId > 3) return false;
        std::size_t symbols = 0;
        for (std::size_t i = 1; i <= 16; ++i)
            symbols += byteAt(segment, pos + i);
        if (symbols > 256 || segment.size() - pos - 17 < symbols) return false;
        pos += 17 + symbols;
    }
    return true;
}

// Skips entropy-coded data from `pos`; returns the offset of the marker that
// ends it, or npos when the data runs to the end of the file.
std::size_t skipEntropyCoded(std::string_view b, std::size_t pos) {
    for (;;) {
        const void* hit = std::memchr(b.data() + pos, 0xFF, b.size() - pos);
        if (hit == nullptr) return std::string_view::npos;
        const auto ff = static_cast<std::size_t>(static_cast<const char*>(hit) - b.data());
        if (ff + 1 >= b.size()) return std::string_view::npos;
        const std::uint8_t next = byteAt(b, ff + 1);
        if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
            pos = ff + 2; // a stuffed 0xFF data byte, or a restart marker
        } else if (next == 0xFF) {
            pos = ff + 1; // fill byte before a marker
        } else {
            return ff;
        }
    }
}

} // namespace

ContainerInfo inspectJpeg(std::string_view b) {
    ContainerInfo info;
    if (!b.starts_with("\xFF\xD8")) {
        info.problem = "not a JPEG file (no start-of-image marker)";
        return info;
    }
    const std::string truncated = "truncated JPEG: the file ends before the end-of-image marker";
    bool sawFrame = false;
    bool sawExif = false;
    int scans = 0;
    std::size_t pos = 2;
    for (;;) {
        if (pos >= b.size()) {
            info.problem = truncated;
            return info;
        }
        if (byteAt(b, pos) != 0xFF) {
            info.problem = "corrupt JPEG: expected a marker at offset " + std::to_string(pos);
            return info;
        }
        while (pos < b.size() && byteAt(b, pos) == 0xFF)
            ++pos;
        if (pos >= b.size()) {
            info.problem = truncated;
            return info;
        }
        const std::uint8_t marker = byteAt(b, pos++);
        if (marker == 0xD9) {
            if (scans == 0) info.problem = "corrupt JPEG: it contains no image data";
            return info;
        }
        if (isStandalone(marker)) continue;
        if (marker == 0x00 || marker == 0xD8) {
            info.problem = "corrupt JPEG: unexpected marker FF" + hexByte(marker);
            return info;
        }
        if (b.size() - pos < 2) {
            info.problem = truncated;
            return info;
        }
        const std::uint32_t length = be16(b, pos);
        if (length < 2) {
            info.problem =
                "corrupt JPEG: segment FF" + hexByte(marker) + " has an impossible length";
            return info;
        }
        if (b.size() - pos < length) {
            info.problem =
                "truncated JPEG: segment FF" + hexByte(marker) + " runs past the end of the file";
            return info;
        }
        const std::string_view segment = b.substr(pos + 2, length - 2);
        pos += length;
        if (isStartOfFrame(marker) && !sawFrame) {
            if (segment.size() < 6) {
                info.problem = "corrupt JPEG: frame header too short";
                return info;
            }
            info.height = be16(segment, 1);
            info.width = be16(segment, 3);
            sawFrame = true;
            // stb_image decodes 8-bit Huffman-coded baseline and progressive
            // JPEG only; say so rather than let it report "Corrupt JPEG".
            if (marker > 0xC2) {
                info.problem = "unsupported JPEG: lossless, hierarchical or arithmetic coding "
                               "(SOF marker FF" +
                               hexByte(marker) + "); save it as a baseline or progressive JPEG";
                return info;
            }
            if (byteAt(segment, 0) != 8) {
                info.problem = "unsupported JPEG: " + std::to_string(byteAt(segment, 0)) +
                               "-bit samples; save it with 8 bits per channel";
                return info;
            }
        } else if (marker == 0xC4 && !isHuffmanSegmentValid(segment)) {
            info.problem = "corrupt JPEG: invalid Huffman table";
            return info;
        } else if (marker == 0xE1 && !sawExif &&
                   segment.starts_with(std::string_view("Exif\0\0", 6))) {
            // Only the first EXIF block counts, as in every viewer.
            info.orientation = exifOrientation(segment.substr(6));
            sawExif = true;
        } else if (marker == 0xDA) {
            if (!sawFrame) {
                info.problem = "corrupt JPEG: image data before the frame header";
                return info;
            }
            if (++scans > kMaxJpegScans) {
                info.problem = "JPEG refused: more than " + std::to_string(kMaxJpegScans) +
                               " progressive scans (decoding would take very long)";
                return info;
            }
            pos = skipEntropyCoded(b, pos);
            if (pos == std::string_view::npos) {
                info.problem = truncated;
                return info;
            }
        }
    }
}

// [SECTION] EXIF

int exifOrientation(std::string_view tiff) {
    if (tiff.size() < 8) return 1;
    const bool little = tiff.starts_with("II");
    if (!little && !tiff.starts_with("MM")) return 1;
    const auto u16 = [&](std::size_t i) {
        return little ? (std::uint32_t{byteAt(tiff, i + 1)} << 8 | byteAt(tiff, i)) : be16(tiff, i);
    };
    const auto u32 = [&](std::size_t i) {
        return little ? (u16(i + 2) << 16 | u16(i)) : be32(tiff, i);
    };
    if (u16(2) != 42) return 1;
    const std::size_t ifd = u32(4);
    if (ifd > tiff.size() - 2) return 1;
    const std::size_t entries = u16(ifd);
    for (std::size_t i = 0; i < entries; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        if (tiff.size() - entry < 12) break; // entry <= size: the previous one fitted
        if (u16(entry) != 0x0112) continue;
        constexpr std::uint32_t kShort = 3;
        if (u16(entry + 2) != kShort || u32(entry + 4) != 1) return 1;
        const std::uint32_t value = u16(entry + 8);
        return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
    }
    return 1;
}

} // namespace media
