#include "pin_pad.hpp"

#include "touch.hpp"

#include <algorithm>
#include <imgui.h>

namespace kiosk::widgets {
namespace {

bool padKey(const Theme& t, const char* id, std::string_view label, ImFont* font, const KeyRect& r,
            bool primary, bool enabled) {
    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(r.w, r.h)) && enabled;
    const bool held = ImGui::IsItemActive() && enabled;
    ImU32 bg = primary ? t.primary : t.surface;
    ImU32 fg = primary ? t.onPrimary : t.text;
    if (!enabled)
        bg = t.surfaceSunken, fg = t.textMuted;
    else if (held)
        bg = primary ? t.text : t.primarySoft;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 min(r.x, r.y), max(r.x + r.w, r.y + r.h);
    dl->AddRectFilled(min, max, bg, t.radius);
    if (!primary || !enabled) dl->AddRect(min, max, t.border, t.radius, 0, 2.0f);
    ImGui::PushFont(font); // null: the default font
    const ImVec2 ts = textSize(label);
    dl->AddText(ImVec2(r.centreX() - ts.x * 0.5f, r.centreY() - ts.y * 0.5f), fg, label.data(),
                label.data() + label.size());
    ImGui::PopFont();
    return clicked;
}

} // namespace

float pinKeySide(const Theme& t) {
    return t.targetPx * 1.75f;
}

ImVec2 pinPadSize(const Theme& t) {
    const float k = pinKeySide(t);
    return ImVec2(k * 3 + t.gap * 2, t.targetPx + t.gap + k * 4 + t.gap * 3);
}

KeyRect pinKeyRect(const Theme& t, ImVec2 origin, int row, int column) {
    const float k = pinKeySide(t);
    return KeyRect{origin.x + column * (k + t.gap),
                   origin.y + t.targetPx + t.gap + row * (k + t.gap), k, k};
}

PinPadPress pinPad(std::string_view id, const Theme& t, ImVec2 origin, std::size_t typed,
                   std::size_t minDigits, std::size_t maxDigits, const PinPadLabels& labels) {
    ImGui::PushID(id.data(), id.data() + id.size());
    // Dots, centred over the keys: how many digits, never which.
    const ImVec2 size = pinPadSize(t);
    const std::size_t shown = std::min(typed, maxDigits);
    const float r = t.targetPx * 0.14f, step = r * 3.2f;
    const float dotsW = shown > 0 ? step * static_cast<float>(shown - 1) : 0.0f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (std::size_t i = 0; i < shown; ++i)
        dl->AddCircleFilled(
            ImVec2(origin.x + (size.x - dotsW) * 0.5f + step * static_cast<float>(i),
                   origin.y + t.targetPx * 0.5f),
            r, t.text, 20);

    PinPadPress press;
    static constexpr const char* kDigitIds[10] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
    for (int d = 1; d <= 9; ++d) {
        const std::string_view label(kDigitIds[d], 1);
        if (padKey(t, kDigitIds[d], label, labels.digitFont,
                   pinKeyRect(t, origin, (d - 1) / 3, (d - 1) % 3), false, typed < maxDigits))
            press = {PinPadPress::Kind::Digit, static_cast<char>('0' + d)};
    }
    if (padKey(t, "0", "0", labels.digitFont, pinKeyRect(t, origin, 3, 1), false,
               typed < maxDigits))
        press = {PinPadPress::Kind::Digit, '0'};
    if (padKey(t, "back", labels.backspace, labels.labelFont, pinKeyRect(t, origin, 3, 0), false,
               typed > 0))
        press = {PinPadPress::Kind::Backspace, 0};
    if (padKey(t, "ok", labels.ok, labels.labelFont, pinKeyRect(t, origin, 3, 2), true,
               typed >= minDigits))
        press = {PinPadPress::Kind::Ok, 0};
    ImGui::PopID();
    return press;
}

} // namespace kiosk::widgets
