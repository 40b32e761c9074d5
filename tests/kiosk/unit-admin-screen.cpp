// The admin screen and its hidden gesture, drawn windowlessly by the real
// shell and driven by scripted taps; assertions on the actions emitted.
// UiHarness draws without an admin panel (as a kiosk whose frame loop gave
// none); AdminWorld below draws the same frame with one, the way the frame
// loop does.
#include "app/admin_panel.hpp"
#include "fixture_records.hpp"
#include "ui_harness.hpp"
#include "widgets/pin_pad.hpp"
#include "widgets/touch.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <functional>

using namespace kiosk::app;
using uitest::findAction;
using Kind = AdminCommand::Kind;

namespace {

std::shared_ptr<const cache::Catalog> catalogWithEntities() {
    uitest::FixtureCache cache;
    cache.add("entities", uitest::manyEntities());
    return cache.load();
}

std::string tapAt(float x, float y) {
    char line[64];
    std::snprintf(line, sizeof line, "tap %.0f %.0f\nwait 50\n", x, y);
    return line;
}
std::string tapIn(const kiosk::widgets::KeyRect& r) {
    REQUIRE(r.w > 0);
    return tapAt(r.centreX(), r.centreY());
}

// Taps digits (and 'B' backspace, 'K' OK) on the PIN pad where it was last drawn.
std::string padScript(const uitest::UiHarness& h, const kiosk::screens::UiState& ui,
                      std::string_view keys) {
    REQUIRE(ui.admin.layout.pad);
    std::string script;
    for (char k : keys) {
        int row = 3, col = 1; // '0'
        if (k >= '1' && k <= '9')
            row = (k - '1') / 3, col = (k - '1') % 3;
        else if (k == 'B')
            col = 0;
        else if (k == 'K')
            col = 2;
        script += tapIn(kiosk::widgets::pinKeyRect(h.theme(), *ui.admin.layout.pad, row, col));
    }
    return script;
}

void openAdmin(Session& s) {
    Effects fx;
    applyAction(s, OpenAdmin{}, fx);
}

// Five taps in the top-left corner, 300 ms apart.
const char* const kFiveCornerTaps =
    "tap 20 20\nwait 300\ntap 20 20\nwait 300\ntap 20 20\nwait 300\n"
    "tap 20 20\nwait 300\ntap 20 20\nwait 100\n";

// The real frame as kiosk_app.cpp draws it, with an admin panel. It borrows
// the harness's ImGui context, session, UI state and clock; every font is
// the default one (layout tests elsewhere use the real sizes).
class AdminWorld {
  public:
    AdminWorld() : catalog(catalogWithEntities()), h(catalog) { panel.gate.enabled = true; }

    using Draw = std::function<void(const kiosk::screens::ScreenContext&, kiosk::screens::UiState&,
                                    Actions&)>;

    Actions frame(const kiosk::platform::FrameInput& input) {
        ImGuiIO& io = ImGui::GetIO();
        kiosk::platform::applyToImGui(input, io);
        kiosk::platform::applyToTouch(input, h.touch);
        views.refresh(catalog, h.session, now);
        ImGui::NewFrame();
        ImFont* f = io.FontDefault;
        const kiosk::platform::FontSet fonts{f, f, f, f, f};
        Actions actions;
        kiosk::screens::ScreenContext ctx{*catalog,
                                          h.session,
                                          tr,
                                          h.theme(),
                                          fonts,
                                          views.listRows(),
                                          views.relatedRows(),
                                          now,
                                          io.DeltaTime,
                                          "status",
                                          nullptr,
                                          nullptr,
                                          &h.touch,
                                          h.timeMs,
                                          h.here};
        ctx.admin = withPanel ? &panel : nullptr;
        (draw ? draw : Draw(kiosk::screens::drawKioskFrame))(ctx, h.ui, actions);
        ImGui::Render();
        h.timeMs += 1000.0 / 60.0;
        Effects fx;
        for (const auto& a : actions)
            applyAction(h.session, a, fx);
        if (fx.routeChanged) h.ui = kiosk::screens::UiState{};
        return actions;
    }
    Actions play(std::string_view script) {
        auto parsed = kiosk::platform::parseScript(script);
        REQUIRE(std::holds_alternative<kiosk::platform::Script>(parsed));
        kiosk::platform::ScriptPlayer player(std::get<kiosk::platform::Script>(std::move(parsed)));
        Actions all;
        for (int guard = 0; guard < 10000; ++guard) {
            const auto input = player.step(kiosk::platform::kHeadlessFrameMs);
            for (auto& a : frame(input))
                all.push_back(std::move(a));
            if (input.finished) break;
        }
        return all;
    }

    std::shared_ptr<const cache::Catalog> catalog;
    uitest::UiHarness h;
    kiosk::i18n::Translator tr = uitest::loadTranslator();
    DerivedViews views;
    AdminPanel panel;
    bool withPanel = true;
    std::int64_t now = 1795000000;
    Draw draw; // empty: the real frame (drawKioskFrame)
};

} // namespace

TEST_CASE("locked: the pad types digits as dots, backspace works, OK sends them once and clears") {
    uitest::UiHarness ui(catalogWithEntities());
    openAdmin(ui.session);
    ui.frame();
    CHECK(ui.ui.admin.layout.sync.w == 0); // locked: no buttons
    const Actions a = ui.play(padScript(ui, ui.ui, "1397B"));
    CHECK(a.empty()); // typing emits nothing
    CHECK(ui.ui.admin.pin.secret() == "139");
    const Actions b = ui.play(padScript(ui, ui.ui, "K")); // three digits: OK is not offered
    CHECK(findAction<SubmitAdminPin>(b) == nullptr);
    const Actions c = ui.play(padScript(ui, ui.ui, "8K"));
    const auto* submit = findAction<SubmitAdminPin>(c);
    REQUIRE(submit != nullptr);
    CHECK(submit->pin.secret() == "1398");
    CHECK(ui.ui.admin.pin.empty()); // the pad's copy is gone at once
    CHECK(findAction<AdminCommand>(c) == nullptr);
    CHECK_FALSE(ui.session.adminUnlocked); // only the gate unlocks
}

TEST_CASE("locked: taps where the buttons will be do nothing") {
    uitest::UiHarness ui(catalogWithEntities());
    openAdmin(ui.session);
    unlockAdmin(ui.session);
    ui.frame();
    const auto sync = ui.ui.admin.layout.sync, quit = ui.ui.admin.layout.quit;
    ui.session.adminUnlocked = false; // as after leaving and coming back
    ui.frame();
    const Actions a = ui.play(tapIn(sync) + tapIn(quit));
    CHECK(findAction<AdminCommand>(a) == nullptr);
}

TEST_CASE("unlocked: sync now, signage on, and quit after a confirmation emit their commands") {
    uitest::UiHarness ui(catalogWithEntities());
    openAdmin(ui.session);
    unlockAdmin(ui.session);
    ui.frame();
    CHECK_FALSE(ui.ui.admin.layout.pad); // no pad once unlocked

    const Actions sync = ui.play(tapIn(ui.ui.admin.layout.sync));
    REQUIRE(findAction<AdminCommand>(sync) != nullptr);
    CHECK(findAction<AdminCommand>(sync)->kind == Kind::RequestSync);

    const Actions signage = ui.play(tapIn(ui.ui.admin.layout.signage));
    REQUIRE(findAction<AdminCommand>(signage) != nullptr);
    CHECK(findAction<AdminCommand>(signage)->kind == Kind::SignageOn);

    const Actions ask = ui.play(tapIn(ui.ui.admin.layout.quit));
    CHECK(ask.empty()); // first a question
    CHECK(ui.ui.admin.confirmQuit);
    const Actions cancel = ui.play(tapIn(ui.ui.admin.layout.quitNo));
    CHECK(cancel.empty());
    CHECK_FALSE(ui.ui.admin.confirmQuit);
    ui.play(tapIn(ui.ui.admin.layout.quit));
    const Actions quit = ui.play(tapIn(ui.ui.admin.layout.quitYes));
    REQUIRE(findAction<AdminCommand>(quit) != nullptr);
    CHECK(findAction<AdminCommand>(quit)->kind == Kind::Quit);

    const Actions back = ui.play("tap 85 48\nwait 100\n"); // the top bar's back button
    CHECK(findAction<GoBack>(back) != nullptr);
    CHECK(ui.session.current().screen == ScreenId::Home);
    CHECK_FALSE(ui.session.adminUnlocked);
}

TEST_CASE("without an admin panel (no PIN hash), five corner taps do nothing") {
    uitest::UiHarness ui(catalogWithEntities());
    const Actions a = ui.play(kFiveCornerTaps);
    CHECK(a.empty());
    CHECK(ui.session.current().screen == ScreenId::Home);
}

TEST_CASE("with a PIN hash, five taps in the corner within 4 s open the locked admin screen") {
    AdminWorld w;
    const Actions a = w.play(kFiveCornerTaps);
    CHECK(findAction<OpenAdmin>(a) != nullptr);
    CHECK(a.size() == 1);
    REQUIRE(w.h.session.current().screen == ScreenId::Admin);
    w.play("wait 50\n");
    CHECK(w.h.ui.admin.layout.pad); // the PIN pad
    CHECK_FALSE(w.h.session.adminUnlocked);
}

TEST_CASE("four corner taps, slow taps or taps past the corner do not open it") {
    AdminWorld w;
    CHECK(w.play("tap 20 20\nwait 300\ntap 20 20\nwait 300\ntap 20 20\nwait 300\ntap 20 20\nwait "
                 "5000\n")
              .empty());
    CHECK(w.play("tap 20 20\nwait 1200\ntap 20 20\nwait 1200\ntap 20 20\nwait 1200\ntap 20 "
                 "20\nwait 1200\n"
                 "tap 20 20\nwait 100\n")
              .empty());
    CHECK(
        w.play(
             "tap 80 20\nwait 300\ntap 80 20\nwait 300\ntap 80 20\nwait 300\ntap 80 20\nwait 300\n"
             "tap 80 20\nwait 100\n")
            .empty());
    CHECK(w.h.session.current().screen == ScreenId::Home);
}

TEST_CASE("a tap that a button takes does not count towards the gesture") {
    AdminWorld w;
    w.play(
        "tap 330 420\nwait 100\n"); // the entities tile: a list, with a back button in the corner
    REQUIRE(w.h.session.current().screen == ScreenId::List);
    // The first tap is the back button's (it goes home); four more on the title are not five.
    const Actions a = w.play("tap 40 40\nwait 300\ntap 40 40\nwait 300\ntap 40 40\nwait 300\n"
                             "tap 40 40\nwait 300\ntap 40 40\nwait 100\n");
    CHECK(findAction<GoBack>(a) != nullptr);
    CHECK(findAction<OpenAdmin>(a) == nullptr);
}

TEST_CASE("a control in the corner takes its taps: they do not count towards the gesture") {
    AdminWorld w;
    int buttonTaps = 0;
    bool withButton = true;
    // A bare frame: a window, optionally a button over the corner, then the watcher.
    w.draw = [&](const kiosk::screens::ScreenContext& ctx, kiosk::screens::UiState& ui,
                 Actions& out) {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("bare", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground);
        if (withButton) {
            ImGui::SetCursorScreenPos(ImVec2(0, 0));
            if (ImGui::InvisibleButton("corner-button", ImVec2(60, 60))) ++buttonTaps;
        }
        kiosk::screens::watchAdminGesture(ctx, ui, out);
        ImGui::End();
    };
    CHECK(w.play(kFiveCornerTaps).empty());
    CHECK(buttonTaps == 5);
    withButton = false;
    CHECK(findAction<OpenAdmin>(w.play(kFiveCornerTaps)) !=
          nullptr); // the same taps, nothing in the way
}

TEST_CASE("a panel with the gate disabled: the corner does nothing and the screen says nothing") {
    AdminWorld w;
    w.panel.gate.enabled = false;
    CHECK(w.play(kFiveCornerTaps).empty());
    openAdmin(w.h.session); // a route that got here some other way
    w.play("wait 50\n");
    CHECK_FALSE(w.h.ui.admin.layout.pad);
    CHECK(w.h.ui.admin.layout.sync.w == 0);
}

TEST_CASE("locked out: the pad is gone, the time is shown in words, taps where it was do nothing") {
    AdminWorld w;
    openAdmin(w.h.session);
    w.play("wait 50\n");
    REQUIRE(w.h.ui.admin.layout.pad);
    const std::string keys = padScript(w.h, w.h.ui, "1111K");
    w.panel.gate.wrongInARow = 5;
    w.panel.gate.attemptsLeft = 0;
    w.panel.gate.lockedForSeconds = 299;
    const Actions a = w.play(keys);
    CHECK(a.empty());
    CHECK_FALSE(w.h.ui.admin.layout.pad);
    CHECK(w.h.ui.admin.pin.empty());
}

TEST_CASE("unlocked with signage on: the toggle offers to switch it off") {
    AdminWorld w;
    HealthReport health;
    health.sync = cache::SyncStatus{};
    w.panel.health = &health;
    w.panel.signageOn = true;
    w.panel.syncRequest = SyncRequestNote{1795000000, ""};
    openAdmin(w.h.session);
    unlockAdmin(w.h.session);
    w.play("wait 50\n");
    const Actions a = w.play(tapIn(w.h.ui.admin.layout.signage));
    REQUIRE(findAction<AdminCommand>(a) != nullptr);
    CHECK(findAction<AdminCommand>(a)->kind == Kind::SignageOff);
}

TEST_CASE("the PIN pad's keys are at least one touch target, and every label fits its key") {
    uitest::UiHarness ui(catalogWithEntities());
    const auto& th = ui.theme();
    CHECK(kiosk::widgets::pinKeySide(th) >= th.targetPx);
    const kiosk::i18n::Translator tr = uitest::loadTranslator();
    ImGui::NewFrame();
    for (cache::Lang lang : {cache::Lang::Pl, cache::Lang::En, cache::Lang::Uk})
        for (const char* key : {"admin.pin_delete", "admin.pin_ok"}) {
            INFO(std::string(key));
            // Drawn in the bold body font, as wide as the regular one give or take 10 %.
            CHECK(kiosk::widgets::textSize(tr.text(lang, key)).x * 1.1f <
                  kiosk::widgets::pinKeySide(th) - 16);
        }
    ImGui::EndFrame();
}

TEST_CASE("the pad and the buttons fit on the screen, at 1920x1080 and at 1280x800") {
    for (const auto& [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1280.0f, 800.0f}}) {
        CAPTURE(w);
        uitest::UiHarness ui(catalogWithEntities(), w, h);
        openAdmin(ui.session);
        ui.frame();
        REQUIRE(ui.ui.admin.layout.pad);
        const auto last = kiosk::widgets::pinKeyRect(ui.theme(), *ui.ui.admin.layout.pad, 3, 2);
        CHECK(ui.ui.admin.layout.pad->x >= 0);
        CHECK(last.x + last.w <= w);
        CHECK(last.y + last.h <= h - 40); // above the status line
        unlockAdmin(ui.session);
        ui.frame();
        ui.play(tapIn(ui.ui.admin.layout.quit)); // the longest column: with the question
        for (const auto* r : {&ui.ui.admin.layout.sync, &ui.ui.admin.layout.signage, &ui.ui.admin.layout.quitYes,
                              &ui.ui.admin.layout.quitNo}) {
            CHECK(r->h + 0.5f >= ui.theme().targetPx); // float layout
            CHECK(r->x + r->w <= w);
            CHECK(r->y + r->h <= h - 40);
        }
    }
}
