// The real SDL + OpenGL path. Needs an X display: ctest runs it under
// xvfb-run with Mesa's software renderer (see CMakeLists.txt).
#include "kiosk/platform/event_pump.hpp"
#include "kiosk/platform/fonts.hpp"
#include "kiosk/platform/imgui_runtime.hpp"
#include "kiosk/platform/input_script.hpp"
#include "kiosk/platform/screenshot.hpp"
#include "kiosk/platform/window.hpp"

#include <array>
#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk::platform;

namespace {

constexpr int kWidth = 320;
constexpr int kHeight = 240;

const std::filesystem::path kOutputDir =
    std::filesystem::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-platform";

WindowOptions testWindow() {
    WindowOptions options;
    options.width = kWidth;
    options.height = kHeight;
    options.fullscreen = false;
    options.vsync = false;
    options.title = "platform test";
    return options;
}

struct Rgba {
    int r, g, b, a;
};

Rgba pixelAt(const std::vector<std::uint8_t>& pixels, int x, int y) {
    const auto i = (static_cast<std::size_t>(y) * kWidth + static_cast<std::size_t>(x)) * 4;
    return {pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]};
}

bool near(Rgba actual, Rgba expected) {
    const auto close = [](int a, int b) { return std::abs(a - b) <= 2; };
    return close(actual.r, expected.r) && close(actual.g, expected.g) &&
           close(actual.b, expected.b);
}

std::string show(Rgba c) {
    return std::to_string(c.r) + "," + std::to_string(c.g) + "," + std::to_string(c.b);
}

struct Kiosk {
    Window window;
    ImGuiRuntime imgui;
    FontSet fonts;
};

// Window, ImGui and fonts, in that order (and torn down in reverse).
std::optional<Kiosk> startKiosk(float bodyPx) {
    std::string error;
    auto window = Window::create(testWindow(), error);
    REQUIRE_MESSAGE(window, error);
    auto imgui = ImGuiRuntime::create(*window, error);
    REQUIRE_MESSAGE(imgui, error);
    auto fonts = loadFonts(std::filesystem::path(PESTOR_ASSETS_DIR) / "fonts", bodyPx, error);
    REQUIRE_MESSAGE(fonts, error);
    return Kiosk{std::move(*window), std::move(*imgui), *fonts};
}

} // namespace

TEST_CASE("a window renders an ImGui frame that reads back and saves as PNG") {
    auto kiosk = startKiosk(17.0f);
    Window& window = kiosk->window;
    CHECK(window.drawableWidth() == kWidth);
    CHECK(window.drawableHeight() == kHeight);
    const std::string glsl = window.glslVersion();
    CHECK((glsl == "#version 150" || glsl == "#version 130"));
    MESSAGE("GLSL " << glsl << ", display DPI " << window.dpi());
    CHECK(window.dpi() >= 0.0f);

    for (ImWchar c : {ImWchar{0x0142} /* ł */, ImWchar{0x017B} /* Ż */, ImWchar{0x0457} /* ї */,
                      ImWchar{0x2013} /* – */}) {
        CAPTURE(static_cast<int>(c));
        CHECK(kiosk->fonts.body->FindGlyphNoFallback(c) != nullptr);
        CHECK(kiosk->fonts.title->FindGlyphNoFallback(c) != nullptr);
    }

    TouchState touch;
    CHECK_FALSE(pumpEvents(kiosk->imgui, touch, 0).quit);
    kiosk->imgui.beginBackendFrame();
    ImGui::NewFrame();
    ImDrawList& draw = *ImGui::GetBackgroundDrawList();
    draw.AddRectFilled(ImVec2(0, 0), ImVec2(kWidth, kHeight), IM_COL32(20, 60, 140, 255));
    // Top-left marker: proves rows come back top-down.
    draw.AddRectFilled(ImVec2(10, 10), ImVec2(50, 50), IM_COL32(230, 40, 30, 255));
    const ImU32 white = IM_COL32(255, 255, 255, 255);
    const FontSet& f = kiosk->fonts;
    draw.AddText(f.title, f.title->FontSize, ImVec2(60, 12), white, "PES-TOR");
    draw.AddText(f.body, f.body->FontSize, ImVec2(10, 70), white, "Zażółć gęślą jaźń —");
    draw.AddText(f.bodyBold, f.bodyBold->FontSize, ImVec2(10, 95), white, "Łódź, Україна");
    draw.AddText(f.small, f.small->FontSize, ImVec2(10, 122), white, "„cytat” … • € № 12 ї Ґ");
    draw.AddText(f.display, f.display->FontSize, ImVec2(10, 140), white, "Toruń");
    ImGui::Render();
    kiosk->imgui.renderDrawData(ImVec4(0, 0, 0, 1));

    const auto pixels = readPixelsRgba(kWidth, kHeight);
    REQUIRE(pixels.size() == static_cast<std::size_t>(kWidth * kHeight * 4));
    const Rgba blue{20, 60, 140, 255};
    const Rgba red{230, 40, 30, 255};
    for (auto [x, y] :
         std::array<std::pair<int, int>, 4>{{{2, 2}, {317, 2}, {2, 237}, {317, 237}}}) {
        CAPTURE(x);
        CAPTURE(y);
        CHECK_MESSAGE(near(pixelAt(pixels, x, y), blue), show(pixelAt(pixels, x, y)));
    }
    CHECK_MESSAGE(near(pixelAt(pixels, 30, 30), red), show(pixelAt(pixels, 30, 30)));
    CHECK_MESSAGE(near(pixelAt(pixels, 30, 220), blue), show(pixelAt(pixels, 30, 220)));

    // Text was drawn: white glyphs (anti-aliased, so mostly partial
    // coverage) brighten the text rows well above the background.
    int bright = 0;
    for (int y = 70; y < 140; ++y)
        for (int x = 10; x < kWidth; ++x)
            if (pixelAt(pixels, x, y).r > 128) ++bright;
    CHECK(bright > 500);

    const auto png = kOutputDir / "window-frame.png";
    std::filesystem::remove(png);
    std::string error;
    REQUIRE_MESSAGE(saveScreenshotPng(png, kWidth, kHeight, error), error);
    std::ifstream in(png, std::ios::binary);
    std::array<char, 8> signature{};
    in.read(signature.data(), signature.size());
    CHECK(std::string(signature.data(), 8) == std::string("\x89PNG\r\n\x1a\n", 8));
    MESSAGE("screenshot: " << png.string());

    window.swap();
}

TEST_CASE("a scripted tap clicks a button through the real SDL backend") {
    auto kiosk = startKiosk(18.0f);
    auto parsed = parseScript("wait 100\ntap 160 130\nsnap clicked\nquit\n");
    REQUIRE(std::holds_alternative<Script>(parsed));
    ScriptPlayer player(std::get<Script>(std::move(parsed)));

    TouchState touch;
    int clicks = 0;
    int frames = 0;
    std::vector<std::string> saved;
    for (bool running = true; running && frames < 200; ++frames) {
        const FrameInput input = player.step(kHeadlessFrameMs);
        pumpEvents(kiosk->imgui, touch, 0);
        kiosk->imgui.beginBackendFrame();
        // After the backend (which reads the real pointer), before NewFrame.
        applyToImGui(input, ImGui::GetIO());
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(kWidth, kHeight));
        ImGui::Begin("root", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
        ImGui::SetCursorPos(ImVec2(100, 100));
        const std::string label = clicks == 0 ? "Dotknij" : "Kliknięto: " + std::to_string(clicks);
        if (ImGui::Button(label.c_str(), ImVec2(120, 60))) ++clicks;
        ImGui::End();
        ImGui::Render();
        kiosk->imgui.renderDrawData(ImVec4(0.1f, 0.1f, 0.1f, 1));
        for (const auto& name : input.snapshots) {
            std::string error;
            CHECK_MESSAGE(saveScreenshotPng(kOutputDir / (name + ".png"), kWidth, kHeight, error),
                          error);
            saved.push_back(name);
        }
        kiosk->window.swap();
        running = !input.quit && !input.finished;
    }
    CHECK(clicks == 1);
    CHECK(saved == std::vector<std::string>{"clicked"});
    CHECK(frames == 6 + 3 + 2 + 1); // wait, tap, settle + snap, quit
}

TEST_CASE("windows can be created again, moved and hidden") {
    std::string error;
    {
        auto first = Window::create(testWindow(), error);
        REQUIRE_MESSAGE(first, error);
        Window moved = std::move(*first);
        CHECK(moved.sdl() != nullptr);
        CHECK(first->sdl() == nullptr);
    } // SDL shut down here: the next window must start it again
    WindowOptions hidden = testWindow();
    hidden.visible = false;
    auto second = Window::create(hidden, error);
    REQUIRE_MESSAGE(second, error);
    CHECK(second->drawableWidth() == kWidth);

    WindowOptions bad = testWindow();
    bad.width = 0;
    CHECK_FALSE(Window::create(bad, error));
    CHECK(error == "window size must be positive, got 0x240");
}
