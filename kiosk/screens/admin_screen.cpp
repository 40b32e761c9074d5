// The admin screen. Locked: the PIN pad (or, after too many wrong PINs, how
// long the pad stays locked). Unlocked: the terminal's figures on the left,
// the admin's buttons on the right; quitting asks once more.
#include "admin_facts.hpp"
#include "cache/datetime.hpp"
#include "screens.hpp"
#include "widgets/pin_pad.hpp"
#include "widgets/touch.hpp"

#include <algorithm>
#include <imgui.h>

#ifndef PESTOR_VERSION
#error "PESTOR_VERSION (the project's version) must be defined by the build"
#endif

namespace kiosk::screens {
namespace {

constexpr std::size_t kMinPinDigits = 4; // as pinProblem() asks of a PIN

void centredText(std::string_view text, float y, float width, ImU32 colour) {
    const ImVec2 ts = widgets::textSize(text, width);
    const ImVec2 origin = ImGui::GetWindowPos();
    ImGui::SetCursorScreenPos(
        ImVec2(origin.x + std::max(0.0f, (ImGui::GetWindowWidth() - ts.x) * 0.5f), y));
    widgets::wrappedText(text, width, colour);
}

void drawLocked(const ScreenContext& ctx, UiState& ui, app::Actions& out,
                const app::AdminGateView& gate) {
    const widgets::Theme& th = ctx.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    float y = origin.y + th.padding;
    ImGui::PushFont(ctx.fonts.title);
    centredText(ctx.t("admin.pin_prompt"), y, avail.x - th.padding * 2, th.text);
    y = ImGui::GetItemRectMax().y + th.gap;
    ImGui::PopFont();
    if (gate.lockedForSeconds > 0) {
        // Whole minutes, rounded up: "5 min" right after the fifth wrong PIN.
        const std::string minutes = std::to_string((gate.lockedForSeconds + 59) / 60);
        centredText(fillIn(ctx.t("admin.locked_out"), {minutes}), y, avail.x - th.padding * 2,
                    th.bad);
        ui.admin.pin.clear();
        return;
    }
    if (gate.wrongInARow > 0) {
        centredText(fillIn(ctx.t("admin.pin_wrong"), {std::to_string(gate.attemptsLeft)}), y,
                    avail.x - th.padding * 2, th.bad);
        y = ImGui::GetItemRectMax().y + th.gap;
    }
    const ImVec2 size = widgets::pinPadSize(th);
    const ImVec2 padAt(origin.x + (avail.x - size.x) * 0.5f, y + th.gap);
    ui.admin.layout.pad = padAt;
    const widgets::PinPadPress p = widgets::pinPad(
        "pin", th, padAt, ui.admin.pin.size(), kMinPinDigits, app::PinDigits::kMaxDigits,
        {ctx.t("admin.pin_delete"), ctx.t("admin.pin_ok"), ctx.fonts.title, ctx.fonts.bodyBold});
    switch (p.kind) {
    case widgets::PinPadPress::Kind::Digit:
        ui.admin.pin.push(p.digit);
        break;
    case widgets::PinPadPress::Kind::Backspace:
        ui.admin.pin.pop();
        break;
    case widgets::PinPadPress::Kind::Ok:
        out.push_back(app::SubmitAdminPin{ui.admin.pin});
        ui.admin.pin.clear();
        break;
    case widgets::PinPadPress::Kind::None:
        break;
    }
}

void drawFacts(const ScreenContext& ctx, const app::AdminPanel& panel, ImVec2 at, float width) {
    const widgets::Theme& th = ctx.theme;
    ImGui::SetCursorScreenPos(at);
    for (const AdminFact& f : adminFacts(panel, ctx.tr, ctx.lang(), ctx.nowUnix, PESTOR_VERSION)) {
        ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
        ImGui::PushFont(ctx.fonts.small);
        widgets::wrappedText(f.label, width, th.textMuted);
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
        ImGui::PushFont(ctx.fonts.bodyBold);
        widgets::wrappedText(f.value, width, f.problem ? th.bad : th.text);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(1, th.gap * 0.5f));
    }
}

void drawButtons(const ScreenContext& ctx, UiState& ui, app::Actions& out,
                 const app::AdminPanel& panel, ImVec2 at, float width) {
    const widgets::Theme& th = ctx.theme;
    using Kind = app::AdminCommand::Kind;
    const auto button = [&](const char* id, std::string_view label, widgets::ButtonKind kind,
                            widgets::KeyRect& rect) {
        ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
        const bool tapped = widgets::touchButton(th, id, label, kind, width);
        rect = {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x,
                ImGui::GetItemRectSize().y};
        ImGui::Dummy(ImVec2(1, th.gap * 0.5f));
        return tapped;
    };
    const auto note = [&](std::string_view text, ImU32 colour) {
        ImGui::SetCursorScreenPos(ImVec2(at.x, ImGui::GetCursorScreenPos().y));
        ImGui::PushFont(ctx.fonts.small);
        widgets::wrappedText(text, width, colour);
        ImGui::PopFont();
        ImGui::Dummy(ImVec2(1, th.gap));
    };
    ImGui::SetCursorScreenPos(at);
    if (button("sync", ctx.t("admin.sync_now"), widgets::ButtonKind::Primary,
               ui.admin.layout.sync)) {
        out.push_back(app::AdminCommand{Kind::RequestSync});
        ui.admin.confirmQuit = false;
    }
    if (panel.syncRequest) {
        if (panel.syncRequest->problem.empty())
            note(fillIn(ctx.t("admin.sync_requested"),
                        {formatStamp(ctx.lang(), cache::formatUtc(panel.syncRequest->atUnix))}),
                 th.good);
        else
            note(fillIn(ctx.t("admin.sync_request_failed"), {panel.syncRequest->problem}), th.bad);
    } else {
        ImGui::Dummy(ImVec2(1, th.gap));
    }
    if (button("signage", ctx.t(panel.signageOn ? "admin.signage_off" : "admin.signage_on"),
               widgets::ButtonKind::Secondary, ui.admin.layout.signage)) {
        out.push_back(app::AdminCommand{panel.signageOn ? Kind::SignageOff : Kind::SignageOn});
        ui.admin.confirmQuit = false;
    }
    ImGui::Dummy(ImVec2(1, th.gap));
    if (!ui.admin.confirmQuit) {
        if (button("quit", ctx.t("admin.quit"), widgets::ButtonKind::Secondary,
                   ui.admin.layout.quit))
            ui.admin.confirmQuit = true;
        return;
    }
    note(ctx.t("admin.quit_confirm"), th.text);
    if (button("quit-yes", ctx.t("admin.quit_yes"), widgets::ButtonKind::Primary,
               ui.admin.layout.quitYes))
        out.push_back(app::AdminCommand{Kind::Quit});
    if (button("quit-no", ctx.t("admin.quit_no"), widgets::ButtonKind::Secondary,
               ui.admin.layout.quitNo))
        ui.admin.confirmQuit = false;
}

} // namespace

void drawAdmin(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    ui.admin.layout = {};
    // No PIN hash: the screen says nothing (the gesture does not open it;
    // this covers a route that got here some other way). No panel at all
    // (windowless tests): the pad and the buttons, with no figures yet. The
    // gate in the frame loop, not this drawing, decides what unlocks.
    if (ctx.admin && !ctx.admin->gate.enabled) return;
    const app::AdminPanel noFigures{};
    const app::AdminPanel& panel = ctx.admin ? *ctx.admin : noFigures;
    if (!ctx.session.adminUnlocked) {
        drawLocked(ctx, ui, out, panel.gate);
        return;
    }
    const widgets::Theme& th = ctx.theme;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    const float left = th.padding * 2;
    const float buttonsW = std::clamp(avail.x * 0.3f, th.targetPx * 5, th.targetPx * 9);
    const float factsW = std::max(th.targetPx * 4, avail.x - left * 3 - buttonsW);
    drawFacts(ctx, panel, ImVec2(origin.x + left, origin.y + th.padding), factsW);
    drawButtons(ctx, ui, out, panel, ImVec2(origin.x + left * 2 + factsW, origin.y + th.padding),
                buttonsW);
}

} // namespace kiosk::screens
