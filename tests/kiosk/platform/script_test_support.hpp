#pragma once
// Helpers shared by the scripted-input tests: parse or fail, play a whole
// script, and a bare ImGui context to feed frames into.
#include "kiosk/platform/input_script.hpp"

#include <cstddef>
#include <doctest/doctest.h>
#include <imgui.h>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::platform::test {

inline Script parseOk(std::string_view text) {
    auto parsed = parseScript(text);
    if (auto* error = std::get_if<ScriptParseError>(&parsed)) FAIL(describe(*error));
    return std::get<Script>(std::move(parsed));
}

inline ScriptParseError parseFails(std::string_view text) {
    auto parsed = parseScript(text);
    REQUIRE_MESSAGE(std::holds_alternative<ScriptParseError>(parsed), "parsed: " << text);
    return std::get<ScriptParseError>(parsed);
}

inline std::vector<FrameInput> playAll(std::string_view text, double dtMs = kHeadlessFrameMs,
                                       int maxFrames = 1000) {
    ScriptPlayer player(parseOk(text));
    std::vector<FrameInput> frames;
    while (static_cast<int>(frames.size()) < maxFrames) {
        frames.push_back(player.step(dtMs));
        if (frames.back().finished) break;
    }
    return frames;
}

// Did any finger land, lift or move on frame f?
inline bool fingersChanged(const FrameInput& f, const FrameInput* previous) {
    if (f.fingersLanded != 0 || f.fingersLifted != 0) return true;
    const std::size_t before = previous ? previous->fingers.size() : 0;
    if (f.fingers.size() != before) return true;
    for (std::size_t i = 0; i < before; ++i) {
        const TouchPoint& a = f.fingers[i];
        const TouchPoint& b = previous->fingers[i];
        if (a.fingerId != b.fingerId || a.x != b.x || a.y != b.y) return true;
    }
    return false;
}

inline bool hasInput(const FrameInput& f, const FrameInput* previous) {
    const bool moved = previous ? f.mousePos != previous->mousePos : f.mousePos.has_value();
    const bool pressed = previous ? f.mouseDown != previous->mouseDown : f.mouseDown;
    return moved || pressed || !f.textUtf8.empty() || !f.keysPressed.empty() ||
           !f.keysReleased.empty() || fingersChanged(f, previous);
}

// A bare ImGui context: fixed display size and time step, built font atlas,
// identity key map (there is no SDL backend to fill it).
struct HeadlessImGui {
    ImGuiContext* context = ImGui::CreateContext();

    HeadlessImGui() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(640, 480);
        io.DeltaTime = static_cast<float>(kHeadlessFrameMs / 1000.0);
        io.Fonts->Build();
        for (int key = 0; key < ImGuiKey_COUNT; ++key)
            io.KeyMap[key] = key;
    }
    ~HeadlessImGui() { ImGui::DestroyContext(context); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    template <class Draw> void frame(const FrameInput& input, Draw&& draw) {
        applyToImGui(input, ImGui::GetIO());
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("root", nullptr,
                     ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoSavedSettings);
        draw();
        ImGui::End();
        ImGui::Render();
    }
};

} // namespace kiosk::platform::test
