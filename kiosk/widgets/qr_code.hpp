#pragma once
// Draws a QR code's module matrix with ImGui's draw list. Takes the matrix in
// (row by row, non-zero = dark), keeps nothing; the encoding happens
// elsewhere (kiosk/qr), once per record, not per frame.
#include <imgui.h>

#include <cstdint>

namespace kiosk::widgets {

struct QrStyle {
    ImU32 dark = IM_COL32(0, 0, 0, 255);      // scanners want the most contrast there is
    ImU32 light = IM_COL32(255, 255, 255, 255);
    int quietModules = 4;                     // the standard's quiet zone, drawn light
};

// Pixels per module so that the code with its quiet zone is at least
// `minSidePx` wide: a whole number, so every module has the same width on
// screen (uneven modules confuse scanners).
int qrModulePx(int size, float minSidePx, const QrStyle& style = {});
// Side of the drawn square including the quiet zone.
float qrSidePx(int size, int modulePx, const QrStyle& style = {});
// Draws at `topLeft` (rounded to whole pixels). Runs of dark modules in a row
// become one rectangle: a version-10 code needs a few hundred, not ~1700.
void drawQrCode(ImDrawList* dl, ImVec2 topLeft, const std::uint8_t* modules, int size, int modulePx,
                const QrStyle& style = {});

} // namespace kiosk::widgets
