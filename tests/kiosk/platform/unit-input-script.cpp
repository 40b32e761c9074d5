// Scripted input without a window: the parser's error messages, the frames the
// player produces, and a real (windowless) ImGui frame loop driven by it.
#include "kiosk/platform/input_script.hpp"
#include "script_test_support.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace kiosk::platform;
using namespace kiosk::platform::test;

TEST_SUITE("parseScript") {
    TEST_CASE("accepts every command, comments, blank lines and CRLF") {
        const Script s = parseOk("# a comment\r\n"
                                 "\n"
                                 "tap 10 20.5\r\n"
                                 "  drag 1 2 3 4   # default duration\n"
                                 "drag 1 2 3 4 120\n"
                                 "type Zażółć # not a comment\n"
                                 "key backspace\n"
                                 "wait 250\n"
                                 "snap home-1_a\n"
                                 "quit");
        REQUIRE(s.commands.size() == 8);
        CHECK(s.commands[0].line == 3);
        const auto& tap = std::get<TapCommand>(s.commands[0].action);
        CHECK(tap.x == 10.0f);
        CHECK(tap.y == 20.5f);
        CHECK(std::get<DragCommand>(s.commands[1].action).durationMs == 300);
        CHECK(std::get<DragCommand>(s.commands[2].action).durationMs == 120);
        const auto& type = std::get<TypeCommand>(s.commands[3].action);
        std::string typed;
        for (const auto& cp : type.codePoints)
            typed += cp;
        CHECK(typed == "Zażółć # not a comment");
        CHECK(std::get<KeyCommand>(s.commands[4].action).key == ImGuiKey_Backspace);
        CHECK(std::get<WaitCommand>(s.commands[5].action).durationMs == 250);
        CHECK(std::get<SnapCommand>(s.commands[6].action).name == "home-1_a");
        CHECK(std::holds_alternative<QuitCommand>(s.commands[7].action));
        CHECK(s.commands[7].line == 10);
    }

    TEST_CASE("an empty script has no commands") {
        CHECK(parseOk("").commands.empty());
        CHECK(parseOk("\n# only comments\n\n").commands.empty());
    }

    TEST_CASE("rejects bad lines with their line number and the offending text") {
        struct Case {
            const char* text;
            int line;
            const char* message;
        };
        const Case cases[] = {
            {"tapp 1 2", 1, "unknown command 'tapp'"},
            {"# comment\n\ntap 10\n", 3, "tap: missing argument Y"},
            {"tap", 1, "tap: missing argument X"},
            {"tap 1 2 3", 1, "tap: unexpected argument '3'"},
            {"tap 1 abc", 1, "tap: Y must be a number, got 'abc'"},
            {"tap inf 2", 1, "tap: X must be a number, got 'inf'"},
            {"tap 1,5 2", 1, "tap: X must be a number, got '1,5'"},
            {"wait 5\ndrag 0 0 10", 2, "drag: missing argument Y2"},
            {"drag 0 0 10 10 fast", 1,
             "drag: MS must be a whole number of milliseconds (0 or more), got 'fast'"},
            {"drag 0 0 10 10 300 1", 1, "drag: unexpected argument '1'"},
            {"drag 0 0 x 10", 1, "drag: X2 must be a number, got 'x'"},
            {"wait", 1, "wait: missing argument MS"},
            {"wait -5", 1, "wait: MS must be a whole number of milliseconds (0 or more), got '-5'"},
            {"wait 1.5", 1,
             "wait: MS must be a whole number of milliseconds (0 or more), got '1.5'"},
            {"wait 10 20", 1, "wait: unexpected argument '20'"},
            {"type", 1, "type: missing text"},
            {"type    ", 1, "type: missing text"},
            {"type abc\xff", 1, "type: text is not valid UTF-8"},
            {"type \xc5", 1, "type: text is not valid UTF-8"},
            {"type \xc0\xaf", 1, "type: text is not valid UTF-8"}, // overlong '/'
            {"type \xf0\x9f\x98\x80", 1,
             "type: U+1F600 is outside the Basic Multilingual Plane; ImGui cannot input it"},
            {"key", 1, "key: missing argument NAME"},
            {"key f1", 1,
             "key: unknown key 'f1' (expected one of backspace, enter, escape, tab, left, right, "
             "up, down, home, end, delete)"},
            {"key Enter", 1,
             "key: unknown key 'Enter' (expected one of backspace, enter, escape, tab, left, "
             "right, up, down, home, end, delete)"},
            {"snap", 1, "snap: missing argument NAME"},
            {"snap a/b", 1, "snap: name 'a/b' may only contain A-Z, a-z, 0-9, '_' and '-'"},
            {"snap ../x", 1, "snap: name '../x' may only contain A-Z, a-z, 0-9, '_' and '-'"},
            {"snap home\nwait 1\nsnap home", 3, "snap: name 'home' is already used on line 1"},
            {"snap a b", 1, "snap: unexpected argument 'b'"},
            {"quit now", 1, "quit: unexpected argument 'now'"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            const ScriptParseError e = parseFails(c.text);
            CHECK(e.line == c.line);
            CHECK(e.message == c.message);
        }
    }

    TEST_CASE("describe() prefixes the line number") {
        CHECK(describe(parseFails("wait 1\n\ntap 10")) == "line 3: tap: missing argument Y");
    }
}

TEST_SUITE("ScriptPlayer") {
    TEST_CASE("a tap hovers, presses and releases at the point, and the pointer stays there") {
        ScriptPlayer player(parseOk("tap 100 50"));
        const FrameInput hover = player.step(kHeadlessFrameMs);
        const FrameInput down = player.step(kHeadlessFrameMs);
        const FrameInput up = player.step(kHeadlessFrameMs);
        const std::pair<float, float> point{100.0f, 50.0f};
        CHECK(hover.mousePos == point);
        CHECK_FALSE(hover.mouseDown);
        CHECK_FALSE(hover.finished);
        CHECK(down.mousePos == point);
        CHECK(down.mouseDown);
        CHECK(up.mousePos == point);
        CHECK_FALSE(up.mouseDown);
        CHECK(up.finished);
        const FrameInput after = player.step(kHeadlessFrameMs);
        CHECK(after.mousePos == point);
        CHECK_FALSE(after.mouseDown);
        CHECK(after.finished);
    }

    TEST_CASE("the mouse is untouched until the script first uses it") {
        const auto frames = playAll("wait 50\ntap 1 2");
        REQUIRE(frames.size() == 6);
        for (int i = 0; i < 3; ++i)
            CHECK_FALSE(frames[static_cast<std::size_t>(i)].mousePos);
        CHECK(frames[3].mousePos.has_value());
    }

    TEST_CASE("a drag presses at the start, moves monotonically over MS and releases at the end") {
        const auto frames = playAll("drag 0 0 300 150 300");
        // press + 18 moves (300 ms at 60 fps, the last at the end) + release
        REQUIRE(frames.size() == 20);
        CHECK(frames.front().mousePos == std::pair{0.0f, 0.0f});
        CHECK(frames.front().mouseDown);
        for (std::size_t i = 1; i + 1 < frames.size(); ++i) {
            CAPTURE(i);
            CHECK(frames[i].mouseDown);
            CHECK(frames[i].mousePos->first > frames[i - 1].mousePos->first);
            CHECK(frames[i].mousePos->second == doctest::Approx(frames[i].mousePos->first / 2));
        }
        CHECK(frames[frames.size() - 2].mousePos == std::pair{300.0f, 150.0f});
        CHECK(frames[frames.size() - 2].mouseDown);
        CHECK(frames.back().mousePos == std::pair{300.0f, 150.0f});
        CHECK_FALSE(frames.back().mouseDown);
        CHECK(frames.back().finished);
        CHECK(frames[9].mousePos->first == doctest::Approx(150.0f)); // halfway after 150 ms
    }

    TEST_CASE("a zero-length drag still presses, moves and releases on separate frames") {
        const auto frames = playAll("drag 10 10 20 20 0");
        REQUIRE(frames.size() == 3);
        CHECK(frames[0].mousePos == std::pair{10.0f, 10.0f});
        CHECK(frames[1].mousePos == std::pair{20.0f, 20.0f});
        CHECK(frames[1].mouseDown);
        CHECK_FALSE(frames[2].mouseDown);
    }

    TEST_CASE("type delivers one code point per frame") {
        const auto frames = playAll("type Łódź");
        REQUIRE(frames.size() == 4);
        CHECK(frames[0].textUtf8 == "Ł");
        CHECK(frames[1].textUtf8 == "ó");
        CHECK(frames[2].textUtf8 == "d");
        CHECK(frames[3].textUtf8 == "ź");
        CHECK(frames[3].finished);
    }

    TEST_CASE("a key goes down for exactly one frame") {
        const auto frames = playAll("key backspace\nkey backspace");
        REQUIRE(frames.size() == 4);
        for (std::size_t i = 0; i < 4; i += 2) {
            CHECK(frames[i].keysPressed == std::vector<int>{ImGuiKey_Backspace});
            CHECK(frames[i].keysReleased.empty());
            CHECK(frames[i + 1].keysPressed.empty());
            CHECK(frames[i + 1].keysReleased == std::vector<int>{ImGuiKey_Backspace});
        }
    }

    TEST_CASE("wait advances the virtual clock, whatever the frame rate") {
        auto framesBeforeQuit = [](double dtMs) {
            const auto frames = playAll("wait 1000\nquit", dtMs);
            REQUIRE(frames.back().quit);
            return static_cast<int>(frames.size()) - 1;
        };
        CHECK(framesBeforeQuit(1000.0 / 60.0) == 60);
        CHECK(framesBeforeQuit(1000.0 / 30.0) == 30);
        CHECK(framesBeforeQuit(300.0) == 4);
        CHECK(playAll("wait 0\nquit").size() == 1);
    }

    TEST_CASE("a snap comes only after the preceding input has played and a frame was drawn") {
        SUBCASE("after a tap") {
            const auto frames = playAll("tap 10 10\nsnap after-tap");
            REQUIRE(frames.size() == 5); // hover, down, up, one quiet frame, snap
            for (std::size_t i = 0; i < 4; ++i)
                CHECK(frames[i].snapshots.empty());
            CHECK(frames[4].snapshots == std::vector<std::string>{"after-tap"});
            CHECK_FALSE(hasInput(frames[4], &frames[3]));
            CHECK_FALSE(hasInput(frames[3], &frames[2]));
            CHECK(frames[4].finished);
        }
        SUBCASE("after typing") {
            const auto frames = playAll("type ab\nsnap typed");
            REQUIRE(frames.size() == 4);
            CHECK(frames[3].snapshots == std::vector<std::string>{"typed"});
        }
        SUBCASE("after a wait, which is quiet already") {
            const auto frames = playAll("tap 1 1\nwait 100\nsnap waited");
            REQUIRE(frames.size() == 10); // tap 3, wait 6, snap
            CHECK(frames[9].snapshots == std::vector<std::string>{"waited"});
        }
        SUBCASE("at the start, once a first frame exists") {
            const auto frames = playAll("snap first");
            REQUIRE(frames.size() == 2);
            CHECK(frames[1].snapshots == std::vector<std::string>{"first"});
        }
        SUBCASE("a snap frame carries no input of the next command") {
            const auto frames = playAll("snap a\nsnap b\ntap 5 5");
            REQUIRE(frames.size() == 6);
            CHECK(frames[1].snapshots == std::vector<std::string>{"a"});
            CHECK(frames[2].snapshots == std::vector<std::string>{"b"});
            CHECK_FALSE(frames[2].mousePos);
            CHECK(frames[3].mousePos == std::pair{5.0f, 5.0f});
        }
    }

    TEST_CASE("quit ends the script at once") {
        const auto frames = playAll("quit\ntap 1 1");
        REQUIRE(frames.size() == 1);
        CHECK(frames[0].quit);
        CHECK(frames[0].finished);
        CHECK_FALSE(frames[0].mousePos);
    }
}

TEST_SUITE("applyToImGui") {
    TEST_CASE("a scripted tap on a button clicks it exactly once") {
        HeadlessImGui imgui;
        ScriptPlayer player(parseOk("tap 200 140\nwait 200\ntap 500 400\nwait 200"));
        int clicks = 0;
        int clickFrame = -1;
        ImVec2 min, max;
        for (int frame = 0; frame < 60 && !player.finished(); ++frame) {
            imgui.frame(player.step(kHeadlessFrameMs), [&] {
                ImGui::SetCursorPos(ImVec2(100, 100));
                if (ImGui::Button("OK", ImVec2(200, 80))) {
                    ++clicks;
                    clickFrame = frame;
                }
                min = ImGui::GetItemRectMin();
                max = ImGui::GetItemRectMax();
            });
        }
        CHECK(player.finished());
        CHECK(min.x == 100.0f);
        CHECK(min.y == 100.0f);
        CHECK(max.x == 300.0f);
        CHECK(max.y == 180.0f);
        CHECK(clicks == 1);     // the second tap is outside the button
        CHECK(clickFrame == 2); // on the release frame
    }

    TEST_CASE("a drag that leaves the button before releasing does not click it") {
        HeadlessImGui imgui;
        // The wait lets ImGui create the window first: a press on the very
        // first frame of a context finds no window under it.
        ScriptPlayer player(parseOk("wait 50\ndrag 200 140 500 400 200\nwait 100"));
        int clicks = 0;
        bool heldWhileDragging = false;
        while (!player.finished()) {
            imgui.frame(player.step(kHeadlessFrameMs), [&] {
                ImGui::SetCursorPos(ImVec2(100, 100));
                if (ImGui::Button("OK", ImVec2(200, 80))) ++clicks;
                heldWhileDragging = heldWhileDragging || ImGui::IsItemActive();
            });
        }
        CHECK(heldWhileDragging);
        CHECK(clicks == 0);
    }

    TEST_CASE("typed text and keys reach a focused text field") {
        HeadlessImGui imgui;
        ScriptPlayer player(parseOk("tap 200 20\ntype Łódź!\nkey backspace\nkey left\n"
                                    "type x\nwait 100"));
        std::string text;
        char buffer[64] = "";
        while (!player.finished()) {
            imgui.frame(player.step(kHeadlessFrameMs), [&] {
                ImGui::SetNextItemWidth(400);
                ImGui::InputText("##field", buffer, sizeof buffer);
            });
        }
        CHECK(std::string(buffer) == "Łódxź");
    }
}
