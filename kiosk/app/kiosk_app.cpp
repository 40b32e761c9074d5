// [SECTION] The frame loop: events -> worker results -> draw -> render ->
// apply actions. Only this thread touches ImGui and GL.
#include "kiosk_app.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <imgui.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "admin_runtime.hpp"
#include "apply_action.hpp"
#include "attendance.hpp"
#include "forget_visitor.hpp"
#include "scrub.hpp"
#include "signage_runtime.hpp"
#include "frame_stats.hpp"
#include "tile_textures.hpp"
#include "tile_worker.hpp"
#include "cache/datetime.hpp"
#include "cache/wipe.hpp"
#include "cache_worker.hpp"
#include "clock.hpp"
#include "derived_views.hpp"
#include "i18n/format.hpp"
#include "platform/event_pump.hpp"
#include "platform/fonts.hpp"
#include "platform/imgui_runtime.hpp"
#include "platform/input_script.hpp"
#include "monkey_runtime.hpp"
#include "platform/screenshot.hpp"
#include "platform/service_notify.hpp"
#include "platform/window.hpp"
#include "screens/screens.hpp"
#include "widgets/theme.hpp"


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

// A new screen starts scrolled to the top with its own focus; the map keeps
// its view (back from a detail returns to it) and the search field its text
// while the query stands. Not inlined: its temporaries (which may hold typed
// text) live below runKiosk's frame, where burnStack() reaches them.
[[gnu::noinline]] void resetScreenState(screens::UiState& ui, const Session& session) {
    std::string keep = std::move(ui.searchBuffer);
    screens::MapUi keepMap = std::move(ui.map);
    ui = screens::UiState{};
    ui.map = std::move(keepMap);
    if (!session.query.empty()) ui.searchBuffer = keep;
    cache::wipe(keep);
    ui.focusSearchField = session.current().screen == ScreenId::Search;
}

constexpr double kIdleProbeMs = 3000;  // how long --stats watches an idle screen
constexpr double kIdleSettleMs = 500;  // ImGui's hover/release frames after the last input

} // namespace

int runKiosk(const Options& options) {
    const bool headless = !options.scriptPath.empty() || options.monkeySeed;
    std::optional<platform::ScriptPlayer> player;
    if (!options.scriptPath.empty() && !(player = loadScript(options.scriptPath))) return 2;
    if (options.monkeySeed) player.emplace(platform::Script{}); // fed a gesture at a time below

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
    const std::filesystem::path& assets = options.assetsDir; // main() fills in the executable's default
    constexpr float kLargeText = 1.5f; // the large-text mode: every size and target x1.5
    auto fonts = platform::loadFontSets(assets / "fonts", 30.0f * uiScale, kLargeText, error);
    if (!fonts) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", error.c_str());
        return 2;
    }
    const float dpi = options.dpi > 0 ? options.dpi : (window->dpi() > 0 ? window->dpi() : 96.0f);
    // The look follows the visitor's accessibility choices.
    const auto themeFor = [&](const Session& s) {
        const widgets::Theme t = widgets::makeTheme(dpi, uiScale * (s.largeText ? kLargeText : 1.0f));
        return s.highContrast ? widgets::highContrast(t) : t;
    };
    widgets::Theme theme = themeFor(Session{});
    widgets::applyImGuiStyle(theme);
    // A touch kiosk shows no pointer; the window hides it, ImGui must not bring it back.
    if (!options.windowed) ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;

    // UI texts from assets/i18n/*.po: without Polish there is nothing to show;
    // a missing or incomplete English or Ukrainian catalog falls back to Polish.
    auto loadedTranslator = i18n::Translator::load(assets / "i18n");
    if (!loadedTranslator) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", loadedTranslator.error().message.c_str());
        return 2;
    }
    for (const std::string& w : loadedTranslator->warnings())
        std::fprintf(stderr, "pestor-kiosk: translations: %s\n", w.c_str());
    const i18n::Translator translator = std::move(loadedTranslator).value();
    MainQueue queue;
    CacheWorker worker(options.cachePath, queue);
    AdminRuntime admin(options.config);
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
    // Idle reset: after idle_timeout_seconds without a touch, "still there?"
    // for still_there_seconds, then the visit is forgotten.
    Attendance attendance(options.config.session.idleTimeoutSeconds * 1000.0,
                          options.config.session.stillThereSeconds * 1000.0);
    // Signage while nobody is there (or always, on a display without touch).
    SignageRuntime signage(options.config.signage);
    const bool touchScreen = !options.config.signage.signageOnly;
    bool answering = false; // a touch answered "still there?" or woke signage, and has not lifted yet
    int secondsLeft = 0;    // the countdown's last number
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

    // systemd (Type=notify, WatchdogSec=): READY after the first frame, then
    // a ping on every turn of the loop, so a hung loop gets the kiosk restarted.
    platform::ServiceNotifier notifier = platform::ServiceNotifier::fromEnvironment();
    // --monkey: random visitor input for long runs (test hook, kiosk/monkey).
    std::optional<MonkeyRuntime> monkey = MonkeyRuntime::create(
        options, static_cast<float>(window->drawableWidth()), static_cast<float>(window->drawableHeight()), error);
    if (options.monkeySeed && !monkey) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", error.c_str());
        return 2;
    }
    bool dataLoaded = false; // a catalog arrived before this frame (the monkey's frame-time report)
    double lastFrameEndMs = 0;

    for (bool running = true; running;) {
        notifier.watchdogPing();
        // Headless runs hold the script until the first catalog is there, so
        // screenshots never show an empty directory by accident of timing.
        const bool scripted = player.has_value();
        if (idleProbeEndMs && realMs() > *idleProbeEndMs) break;
        const bool waitingForData = scripted && !catalogArrived && cacheProblem.empty();
        const bool busy = scripted || ui.animating() || quietFrames < 3 ||
                          (session.results == std::nullopt && !session.query.empty());
        // Asleep until an event, at most 100 ms (worker results are polled),
        // less when signage changes sooner.
        std::int64_t waitMs = busy ? 0 : std::min<std::int64_t>(100, signage.msUntilChange().value_or(100));
        if (const auto wd = notifier.maxSleep()) waitMs = std::min<std::int64_t>(waitMs, wd->count());
        const auto pump = platform::pumpEvents(*imgui, touch, static_cast<int>(waitMs));
        if (pump.quit) break;
        quietFrames = pump.hadInput ? 0 : quietFrames + 1;

        auto messages = queue.takeAll();
        if (admin.poll(queue, worker, session, realMs())) quietFrames = 0;
        // The visitor's timeline: virtual time when scripted.
        const double visitMs = player ? player->elapsedMs() : realMs();
        const std::optional<double> attendanceDue = attendance.nextChangeMs(visitMs);
        bool due = attendanceDue && visitMs >= *attendanceDue;
        // Signage draws a frame only when its picture changes (a slide, the
        // clock's minute, the display hours).
        if (signage.update(admin.signageOn(), attendance.presence() == Presence::Away, catalog,
                           static_cast<std::int64_t>(visitMs), signage::localTimeOf(clock.unixSeconds())) !=
                Showing::Kiosk &&
            signage.changed())
            due = true;
        // A still screen costs no frames: after input settles (ImGui needs a
        // couple of frames for hover and release), draw only when something
        // changes.
        if (!scripted && !busy && !pump.hadInput && messages.empty() && !due) continue;
        for (WorkerMessage& m : messages) {
            std::visit(Overloaded{
                           [&](CatalogLoaded& c) {
                               catalog = std::move(c.catalog);
                               mapScene = std::move(c.scene);
                               catalogArrived = true;
                               dataLoaded = true;
                               if (monkey) monkey->catalogLoaded();
                               cacheProblem.clear();
                               quietFrames = 0;
                           },
                           [&](SearchDone& s) {
                               if (s.generation == session.queryGeneration) session.results = std::move(s.results);
                               else cache::wipe(s.results.query); // stale: typed by someone, maybe gone
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
        // The monkey's virtual clock waits for a search it started (up to 5 s:
        // a failed search never answers), so a seed replays the same run
        // however fast the worker answers.
        if (monkey && !session.query.empty() && !session.results && realMs() - lastFrameEndMs < 5000) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            continue;
        }
        const std::int64_t now = clock.unixSeconds();
        views.refresh(catalog, session, now);

        const double frameStart = realMs();
        imgui->beginBackendFrame();
        ImGuiIO& io = ImGui::GetIO();
        platform::FrameInput input;
        if (player) {
            double dtMs = platform::kHeadlessFrameMs;
            if (monkey) {
                monkey->feed(*player, monkeyView(session, ui, theme, signage.showing()));
                // Through a quiet wait (nothing moving, input settled) the
                // monkey's clock strides up to 250 ms a frame, as a real kiosk
                // sleeps when idle: idle timeouts cost seconds, not minutes.
                if (!ui.animating() && player->quietFrames() >= 3)
                    dtMs = std::clamp(player->waitLeftMs(), platform::kHeadlessFrameMs, 250.0);
            }
            input = player->step(dtMs);
            platform::applyToImGui(input, io);
            platform::applyToTouch(input, touch);
            io.DeltaTime = static_cast<float>(dtMs / 1000.0);
            if (manualClock) manualClock->advanceMs(dtMs);
        }
        const bool scriptTouched = input.mouseDown || !input.fingers.empty() || !input.textUtf8.empty() ||
                                   !input.keysPressed.empty();
        // A tap that answers "still there?" or wakes the screen from signage
        // is swallowed until the finger lifts: it must not press what is
        // under it. A display without touch ignores input altogether.
        const bool touched = (pump.hadInput || scriptTouched) && touchScreen;
        if (touched && (attendance.presence() == Presence::Asking || signage.showing() != Showing::Kiosk))
            answering = true;
        if (touched) attendance.touched(visitMs);
        const bool visitOver = attendance.update(visitMs);
        const signage::LocalTime local = signage::localTimeOf(now);
        const Showing showing = signage.update(admin.signageOn(), attendance.presence() == Presence::Away, catalog,
                                               static_cast<std::int64_t>(visitMs), local);
        const platform::FontSet& frameFonts = session.largeText ? fonts->large : fonts->regular;
        io.FontDefault = frameFonts.body;
        ImGui::NewFrame();
        Actions actions;
        screens::ScreenContext ctx{*catalog,
                                   session,
                                   translator,
                                   theme,
                                   frameFonts,
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
        ctx.admin = admin.panel(now);
        if (showing == Showing::Signage) {
            screens::drawSignage(ctx, signage.deck(), signage.slide(), local, touchScreen);
        } else if (showing == Showing::Kiosk) {
            screens::drawKioskFrame(ctx, ui, actions);
            if (attendance.presence() == Presence::Asking) {
                secondsLeft = attendance.secondsLeft(visitMs);
                screens::drawStillThere(ctx, secondsLeft);
                actions.clear(); // the screen below is covered: nothing on it was pressed
            }
        } // Dark: outside display hours nothing is drawn, the screen is black.
        if (answering) {
            actions.clear(); // the waking or answering touch presses nothing
            if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) answering = false;
        }
        ImGui::Render();
        signage.markDrawn();
        const double uiBuiltMs = realMs(); // our CPU side: input, layout, draw lists
        imgui->renderDrawData(
            ImGui::ColorConvertU32ToFloat4(showing == Showing::Dark ? IM_COL32(0, 0, 0, 255) : theme.background));
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
        notifier.ready(); // once: the first frame is on the screen
        // `hang MS` in a script: the loop stalls as a hung one would (the
        // watchdog test watches the pings stop).
        if (input.hangMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(input.hangMs));
        stats.frame(realMs() - frameStart, uiBuiltMs - frameStart, scripted, tiles.bytes(), tiles.count(), frameStart);
        if (monkey) {
            monkey->frame(realMs() - frameStart,
                          screenName(session, showing, attendance.presence() == Presence::Asking), dataLoaded, realMs());
            if (monkey->timeUp(realMs())) running = false;
        }
        dataLoaded = false;
        lastFrameEndMs = realMs();
        tiles.endFrame(stats.frames(), ui.map.tilesDrawn);
        if (auto asks = tiles.requestsFor(ui.map.tilesWanted)) tileWorker.request(std::move(*asks), tiles.generation());

        Effects fx;
        for (const Action& a : actions) applyAction(session, a, fx);
        if (!actions.empty()) quietFrames = 0;
        const AdminRuntime::Outcome adminDid = admin.apply(fx, session, worker, now, realMs());
        if (adminDid.changed) quietFrames = 0;
        if (adminDid.quit) running = false;
        if (fx.searchChanged) {
            if (session.query.empty()) session.results.reset();
            else worker.requestSearch(session.query, session.queryGeneration);
        }
        if (fx.lookChanged) {
            theme = themeFor(session);
            widgets::applyImGuiStyle(theme);
        }
        if (visitOver) {
            // Nobody answered "still there?": the next visitor finds a fresh kiosk.
            forgetVisitor(session, ui, options.lang);
            worker.forgetSearches();
            burnStack();
            theme = themeFor(session);
            widgets::applyImGuiStyle(theme);
            quietFrames = 0;
        } else if (fx.routeChanged) {
            resetScreenState(ui, session);
        }
        if (player && !monkey && (input.quit || input.finished)) {
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
    notifier.stopping();
    if (monkey) monkey->finish(realMs());
    if (!options.statsPath.empty()) {
        if (!stats.writeJson(options.statsPath, tiles.budget(), tiles.peakBytes(), error)) {
            std::fprintf(stderr, "pestor-kiosk: --stats: %s\n", error.c_str());
            exitCode = 1;
        }
    }
    return exitCode;
}

} // namespace kiosk::app
