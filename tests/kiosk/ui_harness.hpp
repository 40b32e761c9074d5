#pragma once
// A windowless kiosk for UI logic tests: a real ImGui context (fixed display
// size and frame time, fonts from assets/), a real catalog from a real
// SQLite file, the real screens, and scripted input through the same player
// the headless kiosk uses. Actions are applied after each frame, as in the
// app, so a script can walk from screen to screen.
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <string>
#include <variant>

#include "app/apply_action.hpp"
#include "app/derived_views.hpp"
#include "app/map_scene.hpp"
#include "cache/cache_db.hpp"
#include "cache/catalog.hpp"
#include "feed/importer.hpp"
#include "i18n/translator.hpp"
#include "platform/fonts.hpp"
#include "platform/input_script.hpp"
#include "screens/screens.hpp"
#include "test_translator.hpp"
#include "widgets/theme.hpp"

namespace uitest {

inline std::filesystem::path makeTempDir() {
    std::random_device rd;
    auto dir = std::filesystem::temp_directory_path() / ("pestor-ui-" + std::to_string(rd()));
    std::filesystem::create_directories(dir);
    return dir;
}

// Writes GeoJSON FeatureCollections and imports them, as pestor-sync would.
class FixtureCache {
public:
    FixtureCache() : m_dir(makeTempDir()) {}
    ~FixtureCache() { std::filesystem::remove_all(m_dir); }
    void add(const std::string& collection, const std::string& featuresJson) {
        const auto path = m_dir / (collection + ".geojson");
        std::ofstream(path) << R"({"type":"FeatureCollection","features":[)" << featuresJson << "]}";
        auto db = cache::openCacheForWriting(m_dir / "cache.sqlite");
        REQUIRE(db.ok());
        auto report = feed::importGeoJsonFile(**db, path);
        REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
        REQUIRE_MESSAGE(report->problems.empty(), (report->problems.empty() ? "" : report->problems.front()));
    }
    std::shared_ptr<const cache::Catalog> load() const {
        auto db = cache::openCacheReadOnly(m_dir / "cache.sqlite");
        REQUIRE(db.ok());
        auto cat = cache::Catalog::load(**db);
        REQUIRE(cat.ok());
        return *cat;
    }
    // The SQLite file, for tests that run the real searcher on it.
    std::filesystem::path databasePath() const { return m_dir / "cache.sqlite"; }

private:
    std::filesystem::path m_dir;
};

class UiHarness {
public:
    explicit UiHarness(std::shared_ptr<const cache::Catalog> catalog, float width = 1920, float height = 1080)
        : m_catalog(std::move(catalog)), m_scene(kiosk::app::buildMapScene(m_catalog)) {
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        std::string error;
        auto fonts = kiosk::platform::loadFonts(std::filesystem::path(PESTOR_ASSETS_DIR) / "fonts",
                                                30.0f * height / 1080.0f, error);
        REQUIRE_MESSAGE(fonts.has_value(), error);
        m_fonts = *fonts;
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h); // builds the atlas; no GPU needed
        // Key map as the SDL backend would set it, so `key` commands work.
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = k;
        m_theme = kiosk::widgets::makeTheme(96.0f, height / 1080.0f);
        kiosk::widgets::applyImGuiStyle(m_theme);
    }
    ~UiHarness() { ImGui::DestroyContext(m_ctx); }
    UiHarness(const UiHarness&) = delete;
    UiHarness& operator=(const UiHarness&) = delete;

    // One frame with `input`; returns the actions it emitted (already applied).
    kiosk::app::Actions frame(const kiosk::platform::FrameInput& input = {}) {
        ImGuiIO& io = ImGui::GetIO();
        kiosk::platform::applyToImGui(input, io);
        kiosk::platform::applyToTouch(input, touch);
        m_views.refresh(m_catalog, session, m_now);
        ImGui::NewFrame();
        kiosk::app::Actions actions;
        const kiosk::screens::ScreenContext ctx{*m_catalog, session, m_tr, m_theme, m_fonts,
                                                m_views.listRows(), m_views.relatedRows(), m_now,
                                                io.DeltaTime, "status", m_scene.get(), nullptr, &touch,
                                                timeMs, here};
        kiosk::screens::drawKioskFrame(ctx, ui, actions);
        ImGui::Render();
        timeMs += 1000.0 / 60.0;
        kiosk::app::Effects fx;
        for (const auto& a : actions) kiosk::app::applyAction(session, a, fx);
        if (fx.routeChanged) {
            const std::string keep = ui.searchBuffer;
            kiosk::screens::MapUi keepMap = std::move(ui.map);
            ui = kiosk::screens::UiState{};
            ui.map = std::move(keepMap);
            ui.searchBuffer = keep;
            ui.focusSearchField = session.current().screen == kiosk::app::ScreenId::Search;
        }
        return actions;
    }

    // Plays a script to its end; returns every action emitted on the way.
    kiosk::app::Actions play(std::string_view script) {
        auto parsed = kiosk::platform::parseScript(script);
        REQUIRE(std::holds_alternative<kiosk::platform::Script>(parsed));
        kiosk::platform::ScriptPlayer player(std::get<kiosk::platform::Script>(std::move(parsed)));
        kiosk::app::Actions all;
        for (int guard = 0; guard < 10000; ++guard) {
            const auto input = player.step(kiosk::platform::kHeadlessFrameMs);
            for (auto& a : frame(input)) all.push_back(std::move(a));
            if (input.finished || input.quit) break;
        }
        return all;
    }

    void setNow(std::int64_t unix) { m_now = unix; }
    // Frames with no input, e.g. to let an animation finish.
    void idle(int frames) {
        for (int i = 0; i < frames; ++i) frame();
    }
    const kiosk::app::MapScene& scene() const { return *m_scene; }
    const kiosk::widgets::Theme& theme() const { return m_theme; }

    kiosk::app::Session session;
    kiosk::screens::UiState ui;
    kiosk::platform::TouchState touch;
    double timeMs = 1000.0;
    std::optional<kiosk::map::LonLat> here;

private:
    ImGuiContext* m_ctx = nullptr;
    std::shared_ptr<const cache::Catalog> m_catalog;
    std::shared_ptr<const kiosk::app::MapScene> m_scene;
    kiosk::platform::FontSet m_fonts{};
    kiosk::widgets::Theme m_theme;
    kiosk::i18n::Translator m_tr = loadTranslator();
    kiosk::app::DerivedViews m_views;
    std::int64_t m_now = 1795000000; // 2026-11-19
};

template <class T> const T* findAction(const kiosk::app::Actions& actions) {
    for (const auto& a : actions)
        if (const T* t = std::get_if<T>(&a)) return t;
    return nullptr;
}

} // namespace uitest
