#include "qr_code.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::widgets {

int qrModulePx(int size, float minSidePx, const QrStyle& style) {
    const int modules = size + 2 * style.quietModules;
    if (modules <= 0) return 1;
    return std::max(1, static_cast<int>(std::ceil(minSidePx / static_cast<float>(modules))));
}

float qrSidePx(int size, int modulePx, const QrStyle& style) {
    return static_cast<float>((size + 2 * style.quietModules) * modulePx);
}

void drawQrCode(ImDrawList* dl, ImVec2 topLeft, const std::uint8_t* modules, int size, int modulePx,
                const QrStyle& style) {
    IM_ASSERT(modules != nullptr && size > 0 && modulePx > 0 && "drawQrCode: empty matrix or module size");
    // Whole pixels: a module edge half-way through a pixel is drawn grey by
    // the rasteriser, blurring the code.
    const ImVec2 o(std::floor(topLeft.x), std::floor(topLeft.y));
    const float side = qrSidePx(size, modulePx, style);
    dl->AddRectFilled(o, ImVec2(o.x + side, o.y + side), style.light);
    const float m = static_cast<float>(modulePx);
    const float x0 = o.x + static_cast<float>(style.quietModules * modulePx);
    const float y0 = o.y + static_cast<float>(style.quietModules * modulePx);
    for (int y = 0; y < size; ++y) {
        const std::uint8_t* row = modules + static_cast<std::size_t>(y) * size;
        for (int x = 0; x < size;) {
            if (!row[x]) {
                ++x;
                continue;
            }
            int end = x + 1;
            while (end < size && row[end]) ++end;
            dl->AddRectFilled(ImVec2(x0 + x * m, y0 + y * m), ImVec2(x0 + end * m, y0 + (y + 1) * m), style.dark);
            x = end;
        }
    }
}

} // namespace kiosk::widgets
