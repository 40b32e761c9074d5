#pragma once
// Reading an image's container without decoding it: which format the magic
// bytes say, the dimensions the header declares, and whether the file is
// complete. All of this runs before stb_image sees the bytes, so a size
// check never depends on a decoder that has already started allocating, and
// a truncated file is refused rather than shown half grey (stb's JPEG
// decoder may pad missing data with zeros). It also rejects the crafted
// structures that reach bugs fixed only in stb_image 2.28 (see the .cpp).
#include <cstdint>
#include <string>
#include <string_view>

namespace media {

enum class ImageFormat { Png, Jpeg, Gif, WebP, Bmp, Tiff, Heif, Svg, Unknown };

ImageFormat sniffFormat(std::string_view bytes);
// "PNG", "JPEG", "GIF", "WebP", "BMP", "TIFF", "HEIC/AVIF", "SVG/XML", "unknown".
// HEIC and TIFF are named because phones and scanners produce them and the
// publisher can fix the file once told what it is.
std::string_view formatName(ImageFormat format);

// A progressive JPEG decoder walks every block once per scan, so thousands of
// tiny scans make a small file cost minutes of CPU. Real encoders write ~10.
inline constexpr int kMaxJpegScans = 100;

struct ContainerInfo {
    // As declared by PNG IHDR or the first JPEG SOFn; 0 when none was found.
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    // EXIF orientation (1–8) from a JPEG's APP1 segment; 1 when absent or bad.
    int orientation = 1;
    // Empty when the container is complete and well formed; otherwise what is
    // wrong ("truncated: ..."). Dimensions may be set even then.
    std::string problem;
};

// Walks the chunks: IHDR first, CRCs, no unknown critical chunk, ends in IEND.
ContainerInfo inspectPng(std::string_view bytes);
// Walks the segments and entropy-coded data: SOFn before SOS, a bounded
// number of scans, ends in EOI (trailing bytes after EOI are tolerated).
ContainerInfo inspectJpeg(std::string_view bytes);

// The orientation tag of a TIFF/EXIF block (the bytes after "Exif\0\0");
// 1 when it is missing or malformed.
int exifOrientation(std::string_view tiff);

} // namespace media
