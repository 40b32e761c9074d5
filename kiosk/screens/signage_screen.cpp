// Signage: the idle screen's attract loop. One full-screen slide (heading,
// records, the clock and date, the slide dots) and the invitation to touch
// in all three languages at once. Draws only; the frame loop decides which
// slide shows and treats any touch as a wake-up.
#include "i18n/format.hpp"
#include "screens.hpp"
#include "signage/local_time.hpp"
#include "signage/slide_deck.hpp"
#include "signage_slides.hpp"
#include "text_lines.hpp"

#include <algorithm>
#include <cfloat>
#include <imgui.h>
#include <string>

namespace kiosk::screens {
namespace {

float widthOf(const ImFont* font, std::string_view t) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, t.data(), t.data() + t.size()).x;
}

void text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view t) {
    dl->AddText(font, font->FontSize, pos, colour, t.data(), t.data() + t.size());
}

// Time above date, right-aligned at `right`; returns the block's width.
float drawClock(const ScreenContext& ctx, const signage::LocalTime& now, float right, float top) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string time = i18n::formatTimeOfDay(ctx.lang(), now.minuteOfDay);
    const std::string date =
        i18n::formatLongDate(ctx.lang(), now.year, now.month, now.day, now.weekday);
    const float tw = widthOf(ctx.fonts.display, time), dw = widthOf(ctx.fonts.body, date);
    text(dl, ctx.fonts.display, ImVec2(right - tw, top), ctx.theme.text, time);
    text(dl, ctx.fonts.body, ImVec2(right - dw, top + ctx.fonts.display->FontSize),
         ctx.theme.textMuted, date);
    return std::max(tw, dw);
}

// "Dotknij, aby rozpocząć · Touch to start · Торкніться, щоб почати" on a band
// across the bottom; returns the band's height.
float drawTouchBand(const ScreenContext& ctx, ImVec2 screen) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::string line;
    for (cache::Lang lang : {cache::Lang::Pl, cache::Lang::En, cache::Lang::Uk}) {
        if (!line.empty()) line += "   ·   ";
        line += ctx.tr.text(lang, "signage.touch");
    }
    ImFont* font = ctx.fonts.title;
    if (widthOf(font, line) > screen.x - th.padding * 2) font = ctx.fonts.body;
    const float h = font->FontSize + th.gap * 2;
    dl->AddRectFilled(ImVec2(0, screen.y - h), screen, th.primary);
    const float w = std::min(widthOf(font, line), screen.x - th.padding * 2);
    drawTextBox(dl, font, ImVec2((screen.x - w) * 0.5f, screen.y - h + th.gap), line, w, 1,
                th.onPrimary);
    return h;
}

// One dot per slide; the current one is larger and filled, the others are
// rings, so position reads without colour.
void drawDots(const ScreenContext& ctx, std::size_t count, std::size_t current, float centreY,
              float screenW) {
    if (count < 2) return;
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float r = std::max(5.0f, th.gap * 0.45f), step = r * 4.5f;
    const float x0 = screenW * 0.5f - step * static_cast<float>(count - 1) * 0.5f;
    for (std::size_t i = 0; i < count; ++i) {
        const ImVec2 c(x0 + step * static_cast<float>(i), centreY);
        if (i == current)
            dl->AddCircleFilled(c, r * 1.5f, th.primary, 24);
        else
            dl->AddCircle(c, r, th.textMuted, 20, 2.5f);
    }
}

// With nothing to show: the invitation, large, in the middle.
void drawWelcome(const ScreenContext& ctx, const SlideBox& box, bool touchPrompt) {
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    std::vector<std::pair<ImFont*, std::string>> lines;
    lines.emplace_back(ctx.fonts.display, std::string(ctx.t("app.subtitle")));
    if (touchPrompt) {
        lines.emplace_back(ctx.fonts.title,
                           std::string(ctx.tr.text(cache::Lang::Pl, "signage.touch")));
        lines.emplace_back(ctx.fonts.title,
                           std::string(ctx.tr.text(cache::Lang::En, "signage.touch")));
        lines.emplace_back(ctx.fonts.title,
                           std::string(ctx.tr.text(cache::Lang::Uk, "signage.touch")));
    }
    float total = 0;
    for (const auto& [font, s] : lines)
        total += font->FontSize + th.gap;
    float y = box.min.y + std::max(0.0f, (box.height() - total) * 0.5f);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        ImFont* font = lines[i].first;
        const float w = std::min(widthOf(font, lines[i].second), box.width());
        drawTextBox(dl, font, ImVec2(box.min.x + (box.width() - w) * 0.5f, y), lines[i].second, w,
                    1, i == 0 ? th.text : th.primary);
        y += font->FontSize + th.gap * (i == 0 ? 2.0f : 1.0f);
    }
}

} // namespace

void drawSignage(const ScreenContext& ctx, const signage::Deck& deck,
                 std::optional<std::size_t> slide, const signage::LocalTime& now,
                 bool touchPrompt) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    // The frame is cleared to the page colour already (see drawKioskFrame);
    // nothing here takes input: the loop wakes the kiosk on any touch.
    ImGui::Begin("signage", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoBackground);
    const widgets::Theme& th = ctx.theme;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 screen = vp->Size;
    const float margin = th.padding * 2;
    const signage::Slide* current =
        slide && *slide < deck.slides.size() ? &deck.slides[*slide] : nullptr;

    // Header: the slide's heading on the left, the clock on the right.
    const float clockW = drawClock(ctx, now, screen.x - margin, margin);
    const float headingW = std::max(0.0f, screen.x - margin * 2 - clockW - th.gap * 2);
    const std::string_view heading =
        current ? ctx.t(slideTitleKey(current->kind)) : ctx.t("app.title");
    drawTextBox(dl, ctx.fonts.display, ImVec2(margin, margin), heading, headingW, 1, th.text);
    std::string sub(ctx.t("app.title"));
    if (current)
        (sub += " · ") += ctx.t("app.subtitle");
    else
        sub = ctx.t("app.subtitle");
    drawTextBox(dl, ctx.fonts.body, ImVec2(margin, margin + ctx.fonts.display->FontSize), sub,
                headingW, 1, th.textMuted);
    const float headerBottom =
        margin + ctx.fonts.display->FontSize + ctx.fonts.body->FontSize + th.gap * 0.6f;
    dl->AddRectFilled(ImVec2(margin, headerBottom), ImVec2(screen.x - margin, headerBottom + 4.0f),
                      th.primary, 2.0f);

    // Footer: the invitation (not on a screen without touch), the dots above it.
    const float band = touchPrompt ? drawTouchBand(ctx, screen) : 0.0f;
    const float dotsRow = deck.slides.size() > 1 ? th.gap * 2.5f : 0.0f;
    const float bodyBottom = screen.y - band - dotsRow - th.gap;
    if (current)
        drawDots(ctx, deck.slides.size(), *slide, screen.y - band - dotsRow * 0.5f - th.gap * 0.25f,
                 screen.x);

    const SlideBox body{ImVec2(margin, headerBottom + 4.0f + th.gap * 1.5f),
                        ImVec2(screen.x - margin, bodyBottom)};
    if (body.height() > 0) {
        if (current)
            drawSlideBody(ctx, *current, body);
        else
            drawWelcome(ctx, body, touchPrompt);
    }
    ImGui::End();
}

} // namespace kiosk::screens
