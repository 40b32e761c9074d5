// [SECTION] The frame loop: events -> worker results -> draw -> render ->
// apply actions. Only this thread touches ImGui and GL.
#include "kiosk_app.hpp"

#include <cstdio>
#include <fstream>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "apply_action.hpp"
#include "frame_stats.hpp"
#include "tile_textures.hpp"
#include "tile_worker.hpp"
#include "cache/datetime.hpp"
#include "cache_worker.hpp"
#include "clock.hpp"
#include "derived_views.hpp"
#include "i18n/format.hpp"
#include "platform/event_pump.hpp"
#include "platform/fonts.hpp"
#include "platform/imgui_runtime.hpp"
#include "platform/input_script.hpp"
#include "platform/screenshot.hpp"
#include "platform/window.hpp"
#include "screens/screens.hpp"
#include "widgets/theme.hpp"

#ifndef PESTOR_DEFAULT_ASSETS_DIR
#define PESTOR_DEFAULT_ASSETS_DIR "/usr/share/pestor-kiosk"
#endif

namespace kiosk::app {
namespace {

template <class... Ts> struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

std::optional<platform::ScriptPlayer> loadScript(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "pestor-kiosk: cannot read script %s\n", path.c_str());
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto parsed = platform::parseScript(ss.str());
    if (auto* err = std::get_if<platform::ScriptParseError>(&parsed)) {
        std::fprintf(stderr, "pestor-kiosk: %s: %s\n", path.c_str(), platform::describe(*err).c_str());
        return std::nullopt;
    }
    return platform::ScriptPlayer(std::get<platform::Script>(std::move(parsed)));
}

// What the status line tells a visitor: how fresh the data is. Cache
// problems go to the log; the visitor keeps the last good snapshot.
std::string statusLine(const i18n::Translator& tr, cache::Lang lang, const cache::Catalog& catalog) {
    if (catalog.newestUpdate().empty()) return std::string(tr.text(lang, "status.no_data"));
    std::string s(tr.text(lang, "status.data_as_of"));
    if (auto p = s.find("%s"); p != std::string::npos) s.replace(p, 2, i18n::formatDateTime(lang, catalog.newestUpdate()));
    return s;
}

// Beside a screenshot of the map, NAME.map.json says where the map was:
// scripted gesture tests assert on it.
void writeMapState(const std::filesystem::path& dir, const std::vector<std::string>& names, const screens::MapUi& m,
                   const TileTextures& tiles, const Session& session) {
    const map::LonLat c = map::unproject(m.camera.centre);
    nlohmann::json j{{"lon", c.lon},
                     {"lat", c.lat},
                     {"zoom", m.camera.zoom},
                     {"width", m.camera.width},
                     {"height", m.camera.height},
                     {"origin_x", m.viewOrigin.x},
                     {"origin_y", m.viewOrigin.y},
                     {"animating", m.gestures.animating()},
                     {"tile_textures", tiles.count()},
                     {"tile_texture_bytes", tiles.bytes()},
                     {"selected", session.mapSelection ? session.mapSelection->id : std::string()}};
    for (const std::string& name : names) std::ofstream(dir / (name + ".map.json")) << j.dump(2) << "\n";
}

constexpr double kIdleProbeMs = 3000;  // how long --stats watches an idle screen
constexpr double kIdleSettleMs = 500;  // ImGui's hover/release frames after the last input

} // namespace

int runKiosk(const Options& options) {
    const bool headless = !options.scriptPath.empty();
    std::optional<platform::ScriptPlayer> player;
    if (headless && !(player = loadScript(options.scriptPath))) return 2;

    std::string error;
    platform::WindowOptions wo;
    wo.fullscreen = !options.windowed && !headless;
    wo.width = options.width;
    wo.height = options.height;
    wo.vsync = !headless;
    auto window = platform::Window::create(wo, error);
    if (!window) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", error.c_str());
        return 2;
    }
    auto imgui = platform::ImGuiRuntime::create(*window, error);
    if (!imgui) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", error.c_str());
        return 2;
    }
    const float uiScale = static_cast<float>(window->drawableHeight()) / 1080.0f;
    const std::filesystem::path assets = options.assetsDir.empty() ? PESTOR_DEFAULT_ASSETS_DIR : options.assetsDir;
    auto fonts = platform::loadFonts(assets / "fonts", 30.0f * uiScale, error);
    if (!fonts) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", error.c_str());
        return 2;
    }
    const float dpi = options.dpi > 0 ? options.dpi : (window->dpi() > 0 ? window->dpi() : 96.0f);
    const widgets::Theme theme = widgets::makeTheme(dpi, uiScale);
    widgets::applyImGuiStyle(theme);
    // A touch kiosk shows no pointer; the window hides it, ImGui must not bring it back.
    if (!options.windowed) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;

    const i18n::Translator translator;
    MainQueue queue;
    CacheWorker worker(options.cachePath, queue);
    TileWorker tileWorker(queue);
    TileTextures tiles(options.tileMemoryBytes);
    std::optional<TilePackSource> tileSource; // what the tile worker was last told to open
    std::uint64_t tileGeneration = 0;
    std::shared_ptr<const MapScene> mapScene;
    FrameStats stats;
    std::optional<double> idleProbeEndMs;
    const auto started = std::chrono::steady_clock::now();
    const auto realMs = [&] {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    };
    SystemClock systemClock;
    std::optional<ManualClock> manualClock;
    if (options.now) manualClock.emplace(*cache::unixSecondsOfDateTime(*options.now));
    const Clock& clock = manualClock ? static_cast<const Clock&>(*manualClock) : systemClock;

    Session session;
    session.lang = options.lang;
    screens::UiState ui;
    DerivedViews views;
    // QR codes link to the platform's pages ([platform] base_url).
    if (!options.config.platform.baseUrl.empty()) views.setPlatformUrl(options.config.platform.baseUrl);
    std::shared_ptr<const cache::Catalog> catalog = std::make_shared<const cache::Catalog>();
    bool catalogArrived = false;
    std::string cacheProblem;
    platform::TouchState touch;
    int exitCode = 0;
    int quietFrames = 0;

    for (bool running = true; running;) {
        // Headless runs hold the script until the first catalog is there, so
        // screenshots never show an empty directory by accident of timing.
        const bool scripted = player.has_value();
        if (idleProbeEndMs && realMs() > *idleProbeEndMs) break;
        const bool waitingForData = scripted && !catalogArrived && cacheProblem.empty();
        const bool busy = scripted || ui.animating() || quietFrames < 3 ||
                          (session.results == std::nullopt && !session.query.empty());
        const auto pump = platform::pumpEvents(*imgui, touch, busy ? 0 : 100);
        if (pump.quit) break;
        quietFrames = pump.hadInput ? 0 : quietFrames + 1;

        auto messages = queue.takeAll();
        // A still screen costs no frames: after input settles (ImGui needs a
        // couple of frames for hover and release), draw only when something
        // changes.
        if (!scripted && !busy && !pump.hadInput && messages.empty()) continue;
        for (WorkerMessage& m : messages) {
            std::visit(Overloaded{
                           [&](CatalogLoaded& c) {
                               catalog = std::move(c.catalog);
                               mapScene = std::move(c.scene);
                               catalogArrived = true;
                               cacheProblem.clear();
                               quietFrames = 0;
                           },
                           [&](SearchDone& s) {
                               if (s.generation == session.queryGeneration) session.results = std::move(s.results);
                               quietFrames = 0;
                           },
                           [&](CacheProblem& p) {
                               if (p.message != cacheProblem) std::fprintf(stderr, "pestor-kiosk: cache: %s\n", p.message.c_str());
                               cacheProblem = std::move(p.message);
                           },
                           [&](TilePackStatus& t) {
                               if (t.generation != tileGeneration) return;
                               if (!t.problem.empty())
                                   std::fprintf(stderr, "pestor-kiosk: map tiles: %s; showing the vector base map alone\n",
                                                t.problem.c_str());
                               tiles.resetPack(t.generation, t.info);
                               quietFrames = 0;
                           },
                           [&](TileLoaded& t) {
                               if (!t.problem.empty() && t.generation == tileGeneration)
                                   std::fprintf(stderr, "pestor-kiosk: map tile %d/%d/%d: %s\n", t.key.z, t.key.x,
                                                t.key.y, t.problem.c_str());
                               tiles.accept(t);
                               quietFrames = 0;
                           },
                       },
                       m);
        }
        // Which tile pack to show: a local file from the configuration wins;
        // otherwise the pack the sync installed (named in the cache).
        {
            TilePackSource want;
            if (!options.tilesPath.empty()) want = {options.tilesPath, false};
            else if (!catalog->tilePackPath().empty()) want = {catalog->tilePackPath(), true};
            if (!tileSource || !(*tileSource == want)) {
                tileSource = want;
                tiles.resetPack(++tileGeneration, std::nullopt);
                tileWorker.openPack(want, tileGeneration);
            }
        }
        if (waitingForData) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            continue;
        }
        const std::int64_t now = clock.unixSeconds();
        views.refresh(catalog, session, now);

        const double frameStart = realMs();
        imgui->beginBackendFrame();
        ImGuiIO& io = ImGui::GetIO();
        platform::FrameInput input;
        if (player) {
            input = player->step(platform::kHeadlessFrameMs);
            platform::applyToImGui(input, io);
            platform::applyToTouch(input, touch);
            io.DeltaTime = static_cast<float>(platform::kHeadlessFrameMs / 1000.0);
            if (manualClock) manualClock->advanceMs(platform::kHeadlessFrameMs);
        }
        ImGui::NewFrame();
        Actions actions;
        screens::ScreenContext ctx{*catalog,
                                   session,
                                   translator,
                                   theme,
                                   *fonts,
                                   views.listRows(),
                                   views.relatedRows(),
                                   now,
                                   io.DeltaTime,
                                   statusLine(translator, session.lang, *catalog),
                                   mapScene.get(),
                                   &tiles,
                                   &touch,
                                   player ? player->elapsedMs() : frameStart,
                                   options.here};
        ctx.takeAway = &views.takeAwayCodes();
        screens::drawKioskFrame(ctx, ui, actions);
        ImGui::Render();
        const double uiBuiltMs = realMs(); // our CPU side: input, layout, draw lists
        imgui->renderDrawData(ImGui::ColorConvertU32ToFloat4(theme.background));
        for (const std::string& name : input.snapshots) {
            const auto path = options.screenshotDir / (name + ".png");
            if (!platform::saveScreenshotPng(path, window->drawableWidth(), window->drawableHeight(), error)) {
                std::fprintf(stderr, "pestor-kiosk: screenshot %s: %s\n", path.c_str(), error.c_str());
                exitCode = 1;
            } else {
                std::printf("screenshot: %s\n", path.c_str());
            }
        }
        if (!input.snapshots.empty() && session.current().screen == ScreenId::Map)
            writeMapState(options.screenshotDir, input.snapshots, ui.map, tiles, session);
        window->swap();
        stats.frame(realMs() - frameStart, uiBuiltMs - frameStart, scripted, tiles.bytes(), tiles.count(), frameStart);
        tiles.endFrame(stats.frames(), ui.map.tilesDrawn);
        if (auto asks = tiles.requestsFor(ui.map.tilesWanted)) tileWorker.request(std::move(*asks), tiles.generation());

        Effects fx;
        for (const Action& a : actions) applyAction(session, a, fx);
        if (!actions.empty()) quietFrames = 0;
        if (fx.searchChanged) {
            if (session.query.empty()) session.results.reset();
            else worker.requestSearch(session.query, session.queryGeneration);
        }
        if (fx.routeChanged) {
            const std::string keep = ui.searchBuffer;
            screens::MapUi keepMap = std::move(ui.map); // back from a detail returns to the same view
            ui = screens::UiState{};
            ui.map = std::move(keepMap);
            ui.searchBuffer = session.query.empty() ? std::string() : keep;
            ui.focusSearchField = session.current().screen == ScreenId::Search;
        }
        if (player && (input.quit || input.finished)) {
            // With --stats, the loop goes on unscripted for a while, counting
            // the frames it draws with nothing happening (the goal is none).
            if (!options.statsPath.empty() && !input.quit) {
                player.reset();
                idleProbeEndMs = realMs() + kIdleProbeMs;
                stats.startIdleProbe(realMs() + kIdleSettleMs, *idleProbeEndMs);
            } else {
                running = false;
            }
        }
    }
    if (!options.statsPath.empty()) {
        if (!stats.writeJson(options.statsPath, tiles.budget(), tiles.peakBytes(), error)) {
            std::fprintf(stderr, "pestor-kiosk: --stats: %s\n", error.c_str());
            exitCode = 1;
        }
    }
    return exitCode;
}

} // namespace kiosk::app
