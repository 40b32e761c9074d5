// The event pump with a real SDL window (under xvfb-run, see CMakeLists.txt).
// Xvfb has no touch device, so finger events and the mouse events SDL would
// synthesise from them are pushed into SDL's queue by hand.
#include "kiosk/platform/event_pump.hpp"
#include "kiosk/platform/imgui_runtime.hpp"
#include "kiosk/platform/input_script.hpp"
#include "kiosk/platform/touch_state.hpp"
#include "kiosk/platform/window.hpp"

#include <SDL.h>
#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk::platform;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 240;

struct Kiosk {
    Window window;
    ImGuiRuntime imgui;
};

Kiosk startKiosk() {
    WindowOptions options;
    options.width = kWidth;
    options.height = kHeight;
    options.fullscreen = false;
    options.vsync = false;
    options.title = "event pump test";
    std::string error;
    auto window = Window::create(options, error);
    REQUIRE_MESSAGE(window, error);
    auto imgui = ImGuiRuntime::create(*window, error);
    REQUIRE_MESSAGE(imgui, error);
    return Kiosk{std::move(*window), std::move(*imgui)};
}

// Lets the X server's own events (map, focus, pointer entering) arrive and
// drains them, so they cannot land between the events a test pushes.
void settle(Kiosk& kiosk, TouchState& touch) {
    for (int i = 0; i < 3; ++i) {
        SDL_Delay(30);
        pumpEvents(kiosk.imgui, touch, 0);
    }
}

void pushFinger(Uint32 type, SDL_FingerID finger, float x, float y) {
    SDL_Event e{};
    e.type = type;
    e.tfinger.touchId = 7;
    e.tfinger.fingerId = finger;
    e.tfinger.x = x; // normalised to the window
    e.tfinger.y = y;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

void pushMouseMotion(const Kiosk& kiosk, Uint32 which, int x, int y) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = SDL_GetWindowID(kiosk.window.sdl());
    e.motion.which = which;
    e.motion.x = x;
    e.motion.y = y;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

void pushMouseButton(const Kiosk& kiosk, Uint32 type, Uint32 which, int x, int y) {
    SDL_Event e{};
    e.type = type;
    e.button.windowID = SDL_GetWindowID(kiosk.window.sdl());
    e.button.which = which;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.x = x;
    e.button.y = y;
    REQUIRE(SDL_PushEvent(&e) == 1);
}

} // namespace

TEST_CASE("the pump records fingers in window pixels and whether the mouse came from touch") {
    Kiosk kiosk = startKiosk();
    TouchState touch;
    settle(kiosk, touch);
    REQUIRE(touch.fingers.empty());
    CHECK_FALSE(touch.mouseFromTouch);

    // A finger lands; SDL imitates the mouse with it.
    pushFinger(SDL_FINGERDOWN, 3, 0.5f, 0.25f);
    pushMouseMotion(kiosk, SDL_TOUCH_MOUSEID, 160, 60);
    pushMouseButton(kiosk, SDL_MOUSEBUTTONDOWN, SDL_TOUCH_MOUSEID, 160, 60);
    PumpResult pump = pumpEvents(kiosk.imgui, touch, 0);
    CHECK(pump.hadInput);
    REQUIRE(touch.fingers.size() == 1);
    CHECK(touch.fingers[0].touchId == 7);
    CHECK(touch.fingers[0].fingerId == 3);
    CHECK(touch.fingers[0].x == 160.0f);
    CHECK(touch.fingers[0].y == 60.0f);
    CHECK(touch.landedThisPump == 1);
    CHECK(touch.mouseFromTouch);

    // A real mouse moves: the pointer is no longer the finger's.
    pushMouseMotion(kiosk, 0, 10, 10);
    pumpEvents(kiosk.imgui, touch, 0);
    CHECK_FALSE(touch.mouseFromTouch);
    CHECK(touch.landedThisPump == 0);
    CHECK(touch.fingers.size() == 1); // the finger is still down

    // The finger moves and lifts; SDL releases its mouse button.
    pushFinger(SDL_FINGERMOTION, 3, 0.25f, 0.5f);
    pushMouseMotion(kiosk, SDL_TOUCH_MOUSEID, 80, 120);
    pumpEvents(kiosk.imgui, touch, 0);
    CHECK(touch.mouseFromTouch);
    REQUIRE(touch.fingers.size() == 1);
    CHECK(touch.fingers[0].x == 80.0f);
    CHECK(touch.fingers[0].y == 120.0f);

    pushFinger(SDL_FINGERUP, 3, 0.25f, 0.5f);
    pushMouseButton(kiosk, SDL_MOUSEBUTTONUP, SDL_TOUCH_MOUSEID, 80, 120);
    pumpEvents(kiosk.imgui, touch, 0);
    CHECK(touch.fingers.empty());
    CHECK(touch.liftedThisPump == 1);
    CHECK(touch.mouseFromTouch); // the latest mouse event was still the finger's

    // A real click says so too.
    pushMouseButton(kiosk, SDL_MOUSEBUTTONDOWN, 0, 20, 20);
    pumpEvents(kiosk.imgui, touch, 0);
    CHECK_FALSE(touch.mouseFromTouch);
}

TEST_CASE("a touch script reaches TouchState and the ImGui mouse as the kiosk feeds them") {
    Kiosk kiosk = startKiosk();
    TouchState touch;
    settle(kiosk, touch);
    auto parsed = parseScript("wait 50\ntouch-tap 160 130\npinch 160 120 60 200 200\nquit\n");
    REQUIRE(std::holds_alternative<Script>(parsed));
    ScriptPlayer player(std::get<Script>(std::move(parsed)));

    int clicks = 0;
    int frames = 0;
    int pinchFrames = 0;
    int landed = 0;
    for (bool running = true; running && frames < 200; ++frames) {
        CAPTURE(frames);
        // The kiosk's order: pump, script step, backend frame, scripted input.
        pumpEvents(kiosk.imgui, touch, 0);
        const FrameInput input = player.step(kHeadlessFrameMs);
        kiosk.imgui.beginBackendFrame();
        applyToImGui(input, ImGui::GetIO());
        applyToTouch(input, touch);
        ImGui::NewFrame();

        landed += touch.landedThisPump;
        if (!touch.fingers.empty()) {
            // The ImGui mouse is the first finger, in the same coordinates
            // (NewFrame floors it to whole pixels, as SDL's mouse is anyway).
            CHECK(ImGui::GetIO().MousePos.x == std::floor(touch.fingers[0].x));
            CHECK(ImGui::GetIO().MousePos.y == std::floor(touch.fingers[0].y));
            CHECK(ImGui::GetIO().MouseDown[0]);
            CHECK(touch.mouseFromTouch);
        }
        if (touch.fingers.size() == 2) ++pinchFrames;

        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
        ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::SetCursorPos(ImVec2(100, 100));
        if (ImGui::Button("Dotknij", ImVec2(120, 60))) ++clicks;
        ImGui::End();
        ImGui::Render();
        kiosk.imgui.renderDrawData(ImVec4(0.1f, 0.1f, 0.1f, 1));
        kiosk.window.swap();
        running = !input.quit && !input.finished;
    }
    // The tap clicks; the pinch's first finger lands on the button too (at
    // 130) but moves off it to 60 before lifting, so it does not click.
    CHECK(clicks == 1);
    CHECK(landed == 3);
    CHECK(pinchFrames > 12); // 200 ms of moves and ~120 ms of rest at 60 fps
    CHECK(touch.fingers.empty());
}
