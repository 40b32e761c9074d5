#pragma once
// A QR code as a plain module matrix, made by libqrencode: the only file that
// knows it. No drawing here (kiosk/widgets/qr_code.hpp draws a matrix).
#include <cstdint>
#include <string_view>
#include <vector>

#include "cache/result.hpp"

namespace kiosk::qr {

struct QrMatrix {
    int size = 0;                       // modules per side, without the quiet zone
    std::vector<std::uint8_t> modules;  // size * size, row by row; 1 = dark
    bool dark(int x, int y) const { return modules[static_cast<std::size_t>(y) * size + x] != 0; }
};

// Encodes `payload` byte for byte in 8-bit mode (UTF-8 text stays UTF-8),
// error correction level M (15 %: survives a smudged screen without making
// the code much denser), the smallest version that fits. Fails with a
// message when the payload is empty or longer than a version-40 code holds.
cache::Result<QrMatrix> encodeQr(std::string_view payload);

} // namespace kiosk::qr
