// "Still there?": drawn over whatever screen is open when nobody has touched
// the kiosk for a while. It blocks the screen below (a tap on it only says
// "I am here", never presses a button underneath) and counts down to the
// session wipe. The app notices the touch itself; this only draws.
#include <imgui.h>

#include <algorithm>

#include "screens.hpp"
#include "widgets/touch.hpp"

namespace kiosk::screens {

void drawStillThere(const ScreenContext& ctx, int secondsLeft) {
    const widgets::Theme& th = ctx.theme;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::SetNextWindowFocus(); // above the screen, and it takes the taps
    ImGui::Begin("still-there", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 size = vp->Size;
    dl->AddRectFilled(ImVec2(0, 0), size, th.highContrast ? IM_COL32(0, 0, 0, 235) : IM_COL32(20, 28, 36, 170));
    // The whole screen is the answer: a tap anywhere lands on this window.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    ImGui::InvisibleButton("still-there-anywhere", size);

    const float w = std::min(size.x - th.padding * 2, th.targetPx * 16);
    const float wrap = w - th.padding * 2;
    ImGui::PushFont(ctx.fonts.display);
    const std::string number = std::to_string(std::max(secondsLeft, 0));
    const ImVec2 numberSize = widgets::textSize(number);
    ImGui::PopFont();
    ImGui::PushFont(ctx.fonts.title);
    const ImVec2 titleSize = widgets::textSize(ctx.t("still.title"), wrap);
    ImGui::PopFont();
    const std::string countdown = ctx.tr.count(ctx.lang(), "still.countdown", secondsLeft);
    const ImVec2 bodySize = widgets::textSize(ctx.t("still.body"), wrap);
    const ImVec2 countSize = widgets::textSize(countdown, wrap);
    const float h = th.padding * 2 + titleSize.y + th.gap + numberSize.y + th.gap + bodySize.y + th.gap +
                    countSize.y + th.gap * 2 + th.targetPx;
    const ImVec2 p0((size.x - w) * 0.5f, (size.y - h) * 0.5f);
    dl->AddRectFilled(p0, ImVec2(p0.x + w, p0.y + h), th.surface, th.radius);
    dl->AddRect(p0, ImVec2(p0.x + w, p0.y + h), th.border, th.radius, 0, th.highContrast ? 3.0f : 1.0f);

    float y = p0.y + th.padding;
    ImGui::PushFont(ctx.fonts.title);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + th.padding, y));
    widgets::wrappedText(ctx.t("still.title"), wrap, th.text);
    ImGui::PopFont();
    y += titleSize.y + th.gap;
    ImGui::PushFont(ctx.fonts.display);
    dl->AddText(ImVec2(p0.x + (w - numberSize.x) * 0.5f, y), th.primary, number.c_str());
    ImGui::PopFont();
    y += numberSize.y + th.gap;
    ImGui::SetCursorScreenPos(ImVec2(p0.x + th.padding, y));
    widgets::wrappedText(ctx.t("still.body"), wrap, th.text);
    y += bodySize.y + th.gap;
    ImGui::SetCursorScreenPos(ImVec2(p0.x + th.padding, y));
    widgets::wrappedText(countdown, wrap, th.textMuted);
    y += countSize.y + th.gap * 2;
    const float bw = std::min(wrap, th.targetPx * 5);
    ImGui::SetCursorScreenPos(ImVec2(p0.x + (w - bw) * 0.5f, y));
    widgets::touchButton(th, "still-there-continue", ctx.t("still.continue"), widgets::ButtonKind::Primary, bw);
    ImGui::End();
}

} // namespace kiosk::screens
