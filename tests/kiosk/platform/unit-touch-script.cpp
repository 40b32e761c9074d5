// Scripted fingers without a window: parsing the touch commands, the frames
// each gesture produces (at 60 and 30 fps: the virtual clock, not the frame
// count, decides durations), the mouse SDL would synthesise from the first
// finger, applyToTouch, and ImGui clicks driven by touch.
#include "kiosk/platform/input_script.hpp"
#include "kiosk/platform/touch_state.hpp"
#include "script_test_support.hpp"

#include <cmath>
#include <cstddef>
#include <doctest/doctest.h>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using namespace kiosk::platform;
using namespace kiosk::platform::test;

namespace {

constexpr double k60Fps = 1000.0 / 60.0;
constexpr double k30Fps = 1000.0 / 30.0;

// Indices of the frames on which fingers landed / lifted.
std::vector<std::size_t> framesWhere(const std::vector<FrameInput>& frames,
                                     int FrameInput::*count) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < frames.size(); ++i)
        if (frames[i].*count > 0) out.push_back(i);
    return out;
}

// The last frame on which a finger that was already down moved.
std::optional<std::size_t> lastMove(const std::vector<FrameInput>& frames) {
    std::optional<std::size_t> last;
    for (std::size_t i = 1; i < frames.size(); ++i) {
        const auto& now = frames[i].fingers;
        const auto& before = frames[i - 1].fingers;
        if (now.empty() || now.size() != before.size()) continue;
        for (std::size_t k = 0; k < now.size(); ++k)
            if (now[k].x != before[k].x || now[k].y != before[k].y) last = i;
    }
    return last;
}

float distance(const FrameInput& f) {
    REQUIRE(f.fingers.size() == 2);
    return std::hypot(f.fingers[1].x - f.fingers[0].x, f.fingers[1].y - f.fingers[0].y);
}

// Every frame with a finger down: the mouse is SDL's imitation of the first one.
void checkMouseFollowsFirstFinger(const std::vector<FrameInput>& frames) {
    for (std::size_t i = 0; i < frames.size(); ++i) {
        CAPTURE(i);
        const FrameInput& f = frames[i];
        CHECK(f.mouseDown == !f.fingers.empty());
        if (f.fingers.empty()) continue;
        CHECK(f.mouseFromTouch);
        REQUIRE(f.mousePos);
        CHECK(f.mousePos->first == f.fingers[0].x);
        CHECK(f.mousePos->second == f.fingers[0].y);
    }
}

} // namespace

TEST_SUITE("parseScript: touch") {
    TEST_CASE("accepts every touch command, with default and explicit durations") {
        const Script s = parseOk("touch-tap 10 20\n"
                                 "touch-drag 1 2 3 4\n"
                                 "touch-drag 1 2 3 4 500 # slow\n"
                                 "fling 1 2 3 4\n"
                                 "fling 5 6 7 8 80\n"
                                 "pinch 400 300 100 300\n"
                                 "pinch 400 300 300 100.5 250\n"
                                 "double-tap 5 6\n"
                                 "two-finger-tap -7 8  # off the left edge\n");
        REQUIRE(s.commands.size() == 9);
        const auto& tap = std::get<TouchTapCommand>(s.commands[0].action);
        CHECK(tap.x == 10.0f);
        CHECK(tap.y == 20.0f);
        const auto& drag = std::get<TouchDragCommand>(s.commands[1].action);
        CHECK(drag.x1 == 1.0f);
        CHECK(drag.y2 == 4.0f);
        CHECK(drag.durationMs == 300);
        CHECK(std::get<TouchDragCommand>(s.commands[2].action).durationMs == 500);
        CHECK(std::get<FlingCommand>(s.commands[3].action).durationMs == 150);
        const auto& fling = std::get<FlingCommand>(s.commands[4].action);
        CHECK(fling.x1 == 5.0f);
        CHECK(fling.y1 == 6.0f);
        CHECK(fling.x2 == 7.0f);
        CHECK(fling.y2 == 8.0f);
        CHECK(fling.durationMs == 80);
        const auto& pinch = std::get<PinchCommand>(s.commands[5].action);
        CHECK(pinch.cx == 400.0f);
        CHECK(pinch.cy == 300.0f);
        CHECK(pinch.d1 == 100.0f);
        CHECK(pinch.d2 == 300.0f);
        CHECK(pinch.durationMs == 400);
        const auto& pinchIn = std::get<PinchCommand>(s.commands[6].action);
        CHECK(pinchIn.d2 == 100.5f);
        CHECK(pinchIn.durationMs == 250);
        CHECK(std::get<DoubleTapCommand>(s.commands[7].action).x == 5.0f);
        const auto& two = std::get<TwoFingerTapCommand>(s.commands[8].action);
        CHECK(two.x == -7.0f);
        CHECK(two.y == 8.0f);
        CHECK(s.commands[8].line == 9);
    }

    TEST_CASE("rejects bad touch commands with their line number and the offending text") {
        struct Case {
            const char* text;
            int line;
            const char* message;
        };
        const Case cases[] = {
            {"touch-tap 1", 1, "touch-tap: missing argument Y"},
            {"touch-tap", 1, "touch-tap: missing argument X"},
            {"touch-tap 1 2 3", 1, "touch-tap: unexpected argument '3'"},
            {"touch-tap a 2", 1, "touch-tap: X must be a number, got 'a'"},
            {"wait 5\ntouch-drag 0 0 10", 2, "touch-drag: missing argument Y2"},
            {"touch-drag 0 0 10 10 -5", 1,
             "touch-drag: MS must be a whole number of milliseconds (0 or more), got '-5'"},
            {"touch-drag 0 0 10 10 300 1", 1, "touch-drag: unexpected argument '1'"},
            {"fling", 1, "fling: missing argument X1"},
            {"# x\nfling 0 0 10\n", 2, "fling: missing argument Y2"},
            {"fling 0 y 10 10", 1, "fling: Y1 must be a number, got 'y'"},
            {"fling 0 0 10 10 -1", 1,
             "fling: MS must be a whole number of milliseconds (0 or more), got '-1'"},
            {"pinch 100 100 50", 1, "pinch: missing argument D2"},
            {"pinch", 1, "pinch: missing argument CX"},
            {"pinch 100 100 -50 100", 1, "pinch: D1 must be a distance greater than 0, got '-50'"},
            {"pinch 100 100 50 0", 1, "pinch: D2 must be a distance greater than 0, got '0'"},
            {"pinch 100 100 50 far", 1, "pinch: D2 must be a distance greater than 0, got 'far'"},
            {"pinch 1 x 10 20", 1, "pinch: CY must be a number, got 'x'"},
            {"pinch 1 1 10 20 -3", 1,
             "pinch: MS must be a whole number of milliseconds (0 or more), got '-3'"},
            {"pinch 1 1 10 20 30 4", 1, "pinch: unexpected argument '4'"},
            {"double-tap 5", 1, "double-tap: missing argument Y"},
            {"double-tap x 5", 1, "double-tap: X must be a number, got 'x'"},
            {"double-tap 1 2 100", 1, "double-tap: unexpected argument '100'"},
            {"tap 1 1\n\n\ntwo-finger-tap", 4, "two-finger-tap: missing argument X"},
            {"two-finger-tap 1 2 3", 1, "two-finger-tap: unexpected argument '3'"},
            {"touch tap 1 2", 1, "unknown command 'touch'"},
        };
        for (const Case& c : cases) {
            CAPTURE(c.text);
            const ScriptParseError e = parseFails(c.text);
            CHECK(e.line == c.line);
            CHECK(e.message == c.message);
        }
    }
}

TEST_SUITE("ScriptPlayer: touch") {
    TEST_CASE("before any touch command the script leaves touch alone") {
        const auto frames = playAll("wait 50\ntap 10 10\nwait 50");
        for (const FrameInput& f : frames) {
            CHECK_FALSE(f.touchActive);
            CHECK(f.fingers.empty());
            CHECK_FALSE(f.mouseFromTouch);
        }
    }

    TEST_CASE("a touch-tap puts one finger down for one frame, and the mouse follows it") {
        for (auto [dt, waitFrames] : {std::pair{k60Fps, 3}, std::pair{k30Fps, 2}}) {
            CAPTURE(dt);
            const auto frames = playAll("wait 50\ntouch-tap 100 50", dt);
            const auto n = static_cast<std::size_t>(waitFrames);
            REQUIRE(frames.size() == n + 2);
            for (std::size_t i = 0; i < n; ++i) {
                CHECK_FALSE(frames[i].touchActive);
                CHECK_FALSE(frames[i].mousePos);
            }
            const FrameInput& down = frames[n];
            CHECK(down.touchActive);
            REQUIRE(down.fingers.size() == 1);
            CHECK(down.fingers[0].x == 100.0f);
            CHECK(down.fingers[0].y == 50.0f);
            CHECK(down.fingersLanded == 1);
            CHECK(down.fingersLifted == 0);
            CHECK(down.mousePos == std::pair{100.0f, 50.0f});
            CHECK(down.mouseDown);
            CHECK(down.mouseFromTouch);

            const FrameInput& up = frames[n + 1];
            CHECK(up.touchActive);
            CHECK(up.fingers.empty());
            CHECK(up.fingersLanded == 0);
            CHECK(up.fingersLifted == 1);
            CHECK(up.mousePos == std::pair{100.0f, 50.0f}); // the pointer stays where it lifted
            CHECK_FALSE(up.mouseDown);
            CHECK(up.mouseFromTouch);
            CHECK(up.finished);
        }
    }

    TEST_CASE("finger ids are stable within a command and new for the next") {
        const auto frames = playAll("touch-drag 0 0 100 0 100\nfling 0 0 100 0 100\n"
                                    "touch-tap 5 5\npinch 300 300 50 100 100");
        std::vector<std::set<std::int64_t>> strokes; // ids seen per run of frames with fingers
        std::set<std::int64_t> touchIds;
        bool inStroke = false;
        for (const FrameInput& f : frames) {
            if (f.fingers.empty()) {
                inStroke = false;
                continue;
            }
            if (!inStroke) strokes.emplace_back();
            inStroke = true;
            for (const TouchPoint& p : f.fingers) {
                strokes.back().insert(p.fingerId);
                touchIds.insert(p.touchId);
            }
        }
        REQUIRE(strokes.size() == 4);
        CHECK(strokes[0].size() == 1);
        CHECK(strokes[1].size() == 1);
        CHECK(strokes[2].size() == 1);
        CHECK(strokes[3].size() == 2); // pinch: two fingers, same two ids throughout
        std::set<std::int64_t> all;
        for (const auto& s : strokes)
            all.insert(s.begin(), s.end());
        CHECK(all.size() == 5); // no id reused by a later command
        CHECK(touchIds.size() == 1);
    }

    TEST_CASE("a touch-drag moves linearly over MS, then rests at least 120 ms before lifting") {
        struct Case {
            double dt;
            int lastMoveFrame; // reaches the end at 300 ms
            int liftFrame;     // the first frame >= 120 ms after that
        };
        for (auto [dt, lastMoveFrame, liftFrame] : {Case{k60Fps, 18, 26}, Case{k30Fps, 9, 13}}) {
            CAPTURE(dt);
            const auto frames = playAll("touch-drag 0 0 300 150 300", dt);
            REQUIRE(frames.size() == static_cast<std::size_t>(liftFrame) + 1);
            CHECK(framesWhere(frames, &FrameInput::fingersLanded) == std::vector<std::size_t>{0});
            CHECK(framesWhere(frames, &FrameInput::fingersLifted) ==
                  std::vector<std::size_t>{static_cast<std::size_t>(liftFrame)});
            CHECK(lastMove(frames) == static_cast<std::size_t>(lastMoveFrame));

            for (std::size_t i = 0; i + 1 < frames.size(); ++i) {
                CAPTURE(i);
                REQUIRE(frames[i].fingers.size() == 1);
                const TouchPoint& p = frames[i].fingers[0];
                // On the line, where the virtual clock says it should be.
                const double expected = 300.0 * std::min(1.0, static_cast<double>(i) * dt / 300.0);
                CHECK(p.x == doctest::Approx(expected));
                CHECK(p.y == doctest::Approx(p.x / 2));
                CHECK(p.fingerId == frames[0].fingers[0].fingerId);
            }
            CHECK(frames[0].fingers[0].x == 0.0f);
            CHECK(frames[static_cast<std::size_t>(lastMoveFrame)].fingers[0].x == 300.0f);
            // Resting: from the last move to the lift at least 120 ms pass, and the
            // lift comes on the first frame that allows it.
            const double restMs = (liftFrame - lastMoveFrame) * dt;
            CHECK(restMs >= 120.0);
            CHECK(restMs - dt < 120.0);
            CHECK(frames.back().fingers.empty());
            CHECK(frames.back().mousePos == std::pair{300.0f, 150.0f});
            checkMouseFollowsFirstFinger(frames);
        }
    }

    TEST_CASE("a fling lifts on the frame right after its last move, still moving") {
        for (auto [dt, lastMoveFrame] : {std::pair{k60Fps, 9}, std::pair{k30Fps, 5}}) {
            CAPTURE(dt);
            const auto frames = playAll("fling 0 0 300 0 150", dt);
            const auto last = static_cast<std::size_t>(lastMoveFrame);
            REQUIRE(frames.size() == last + 2);
            CHECK(lastMove(frames) == last);
            CHECK(framesWhere(frames, &FrameInput::fingersLifted) ==
                  std::vector<std::size_t>{last + 1});
            CHECK(frames[last].fingers[0].x == 300.0f);
            // Its speed just before the lift is what inertia picks up: full
            // speed (2 px/ms) up to the end, the last step maybe cut short by it.
            const auto step = [&](std::size_t i) {
                return frames[i].fingers[0].x - frames[i - 1].fingers[0].x;
            };
            CHECK(step(last - 1) == doctest::Approx(2.0 * dt));
            CHECK(step(last) > 0.0f);
            CHECK(step(last) <= doctest::Approx(2.0 * dt));
            CHECK(frames.back().fingers.empty());
            CHECK(frames.back().fingersLifted == 1);
            checkMouseFollowsFirstFinger(frames);
        }
    }

    TEST_CASE("a zero-length fling still lands, moves and lifts on separate frames") {
        const auto frames = playAll("fling 10 10 20 20 0");
        REQUIRE(frames.size() == 3);
        CHECK(frames[0].fingers[0].x == 10.0f);
        CHECK(frames[1].fingers[0].x == 20.0f);
        CHECK(frames[2].fingers.empty());
    }

    TEST_CASE("a pinch keeps its midpoint and goes from D1 to D2 apart, rests, lifts both") {
        struct Case {
            const char* script;
            float d1, d2;
            double dt;
            std::size_t lastMoveFrame, liftFrame;
        };
        // Moves end at 400 ms (resp. 200 ms); lift on the first frame >= 120 ms later.
        for (const Case& c : {Case{"pinch 400 300 100 300", 100, 300, k60Fps, 24, 32},
                              Case{"pinch 400 300 100 300", 100, 300, k30Fps, 12, 16},
                              Case{"pinch 400 300 300 100 200", 300, 100, k60Fps, 12, 20}}) {
            CAPTURE(c.script);
            CAPTURE(c.dt);
            const auto frames = playAll(c.script, c.dt);
            REQUIRE(frames.size() == c.liftFrame + 1);
            CHECK(frames[0].fingersLanded == 2); // both on the same frame
            CHECK(framesWhere(frames, &FrameInput::fingersLanded) == std::vector<std::size_t>{0});
            CHECK(framesWhere(frames, &FrameInput::fingersLifted) ==
                  std::vector<std::size_t>{c.liftFrame});
            CHECK(frames.back().fingersLifted == 2);
            CHECK(frames.back().fingers.empty());
            CHECK(lastMove(frames) == c.lastMoveFrame);

            CHECK(distance(frames[0]) == doctest::Approx(c.d1));
            CHECK(distance(frames[c.lastMoveFrame]) == doctest::Approx(c.d2));
            CHECK(distance(frames[c.liftFrame - 1]) == doctest::Approx(c.d2));
            const bool spreading = c.d2 > c.d1;
            for (std::size_t i = 0; i < c.liftFrame; ++i) {
                CAPTURE(i);
                const FrameInput& f = frames[i];
                REQUIRE(f.fingers.size() == 2);
                CHECK(f.fingers[0].fingerId == frames[0].fingers[0].fingerId);
                CHECK(f.fingers[1].fingerId == frames[0].fingers[1].fingerId);
                CHECK(f.fingers[0].x < f.fingers[1].x);
                CHECK((f.fingers[0].x + f.fingers[1].x) / 2 == doctest::Approx(400.0));
                CHECK(f.fingers[0].y == 300.0f);
                CHECK(f.fingers[1].y == 300.0f);
                if (i > 0 && i <= c.lastMoveFrame)
                    CHECK((spreading ? distance(f) > distance(frames[i - 1])
                                     : distance(f) < distance(frames[i - 1])));
            }
            CHECK((c.liftFrame - c.lastMoveFrame) * c.dt >= 120.0);
            checkMouseFollowsFirstFinger(frames); // the left finger
        }
    }

    TEST_CASE("a double-tap is two taps by two fingers landing 100 ms apart") {
        for (auto [dt, secondLanding] : {std::pair{k60Fps, 6}, std::pair{k30Fps, 3}}) {
            CAPTURE(dt);
            const auto frames = playAll("double-tap 200 100", dt);
            const auto second = static_cast<std::size_t>(secondLanding);
            REQUIRE(frames.size() == second + 2);
            CHECK(framesWhere(frames, &FrameInput::fingersLanded) ==
                  std::vector<std::size_t>{0, second});
            CHECK(framesWhere(frames, &FrameInput::fingersLifted) ==
                  std::vector<std::size_t>{1, second + 1});
            const double intervalMs = static_cast<double>(second) * dt;
            CHECK(intervalMs == doctest::Approx(100.0));
            for (std::size_t i = 2; i < second; ++i)
                CHECK(frames[i].fingers.empty());
            REQUIRE(frames[0].fingers.size() == 1);
            REQUIRE(frames[second].fingers.size() == 1);
            CHECK(frames[0].fingers[0].x == 200.0f);
            CHECK(frames[second].fingers[0].x == 200.0f);
            CHECK(frames[second].fingers[0].y == 100.0f);
            CHECK(frames[0].fingers[0].fingerId != frames[second].fingers[0].fingerId);
            checkMouseFollowsFirstFinger(frames); // mouse down on frames 0 and second only
        }
        // A slow frame rate still leaves a frame without fingers in between.
        const auto slow = playAll("double-tap 1 1", 300.0);
        REQUIRE(slow.size() == 4);
        CHECK(slow[1].fingersLifted == 1);
        CHECK(slow[2].fingersLanded == 1);
    }

    TEST_CASE("a two-finger-tap puts two fingers 80 px apart down together, unmoved, for 100 ms") {
        for (auto [dt, liftFrame] : {std::pair{k60Fps, 6}, std::pair{k30Fps, 3}}) {
            CAPTURE(dt);
            const auto frames = playAll("two-finger-tap 500 300", dt);
            const auto lift = static_cast<std::size_t>(liftFrame);
            REQUIRE(frames.size() == lift + 1);
            CHECK(frames[0].fingersLanded == 2);
            CHECK(framesWhere(frames, &FrameInput::fingersLanded) == std::vector<std::size_t>{0});
            CHECK(framesWhere(frames, &FrameInput::fingersLifted) ==
                  std::vector<std::size_t>{lift});
            CHECK(frames[lift].fingersLifted == 2);
            CHECK(frames[lift].fingers.empty());
            CHECK(static_cast<double>(lift) * dt == doctest::Approx(100.0));
            CHECK_FALSE(lastMove(frames));
            for (std::size_t i = 0; i < lift; ++i) {
                REQUIRE(frames[i].fingers.size() == 2);
                CHECK(frames[i].fingers[0].x == 460.0f);
                CHECK(frames[i].fingers[1].x == 540.0f);
                CHECK(frames[i].fingers[0].y == 300.0f);
                CHECK(frames[i].fingers[1].y == 300.0f);
                CHECK(frames[i].fingers[0].fingerId != frames[i].fingers[1].fingerId);
            }
            checkMouseFollowsFirstFinger(frames); // at 460, not 540
        }
    }

    TEST_CASE("mouseFromTouch lasts until a mouse command moves the mouse") {
        const auto frames = playAll("touch-tap 10 10\nwait 50\ntap 20 20\ntouch-tap 30 30");
        REQUIRE(frames.size() == 2 + 3 + 3 + 2);
        for (std::size_t i = 0; i < 5; ++i) {
            CAPTURE(i);
            CHECK(frames[i].mouseFromTouch);
            CHECK(frames[i].mousePos == std::pair{10.0f, 10.0f});
        }
        for (std::size_t i = 5; i < 8; ++i) {
            CAPTURE(i);
            CHECK_FALSE(frames[i].mouseFromTouch);
            CHECK(frames[i].touchActive); // the script still owns the (empty) touch state
            CHECK(frames[i].fingers.empty());
        }
        CHECK(frames[6].mouseDown); // the mouse tap's press
        CHECK(frames[8].mouseFromTouch);
        CHECK(frames[8].mousePos == std::pair{30.0f, 30.0f});
    }

    TEST_CASE("a snap after a gesture waits for the fingers to lift and a quiet frame") {
        const auto frames = playAll("touch-drag 0 0 50 50 50\nsnap dragged");
        REQUIRE(frames.size() >= 3);
        const FrameInput& snap = frames.back();
        CHECK(snap.snapshots == std::vector<std::string>{"dragged"});
        CHECK(snap.fingers.empty());
        CHECK(frames[frames.size() - 3].fingersLifted == 1);
        CHECK_FALSE(hasInput(frames[frames.size() - 2], &frames[frames.size() - 3]));
        CHECK_FALSE(hasInput(snap, &frames[frames.size() - 2]));
        for (std::size_t i = 0; i + 1 < frames.size(); ++i)
            CHECK(frames[i].snapshots.empty());
    }
}

TEST_SUITE("applyToTouch") {
    TouchState pumped() {
        TouchState touch;
        touch.beginPump();
        touch.fingerDown(42, 7, 1, 2);
        touch.mouseFromTouch = true;
        return touch;
    }

    TEST_CASE("leaves what the pump recorded while the script has used neither touch nor mouse") {
        TouchState touch = pumped();
        applyToTouch(FrameInput{}, touch);
        REQUIRE(touch.fingers.size() == 1);
        CHECK(touch.fingers[0].fingerId == 7);
        CHECK(touch.landedThisPump == 1);
        CHECK(touch.mouseFromTouch);
    }

    TEST_CASE("a scripted mouse sets mouseFromTouch but leaves the fingers") {
        const auto frames = playAll("tap 5 5");
        TouchState touch = pumped();
        applyToTouch(frames[0], touch);
        CHECK_FALSE(touch.mouseFromTouch);
        CHECK(touch.fingers.size() == 1);
        CHECK(touch.landedThisPump == 1);
    }

    TEST_CASE("once the script uses touch it replaces fingers and this frame's counts") {
        const auto frames = playAll("wait 20\npinch 400 300 100 200 100");
        TouchState touch = pumped();
        int landed = 0;
        int lifted = 0;
        for (std::size_t i = 0; i < frames.size(); ++i) {
            CAPTURE(i);
            touch.beginPump(); // as pumpEvents does, before the script's frame
            if (i == 0) touch.fingerDown(42, 8, 3, 4); // a stray real finger
            applyToTouch(frames[i], touch);
            if (!frames[i].touchActive) {
                CHECK(touch.find(42, 8) != nullptr); // still the pump's
                continue;
            }
            REQUIRE(touch.fingers.size() == frames[i].fingers.size());
            for (std::size_t k = 0; k < touch.fingers.size(); ++k) {
                CHECK(touch.fingers[k].fingerId == frames[i].fingers[k].fingerId);
                CHECK(touch.fingers[k].x == frames[i].fingers[k].x);
                CHECK(touch.fingers[k].y == frames[i].fingers[k].y);
            }
            CHECK(touch.landedThisPump == frames[i].fingersLanded);
            CHECK(touch.liftedThisPump == frames[i].fingersLifted);
            CHECK(touch.mouseFromTouch);
            landed += touch.landedThisPump;
            lifted += touch.liftedThisPump;
        }
        CHECK(landed == 2);
        CHECK(lifted == 2);
        CHECK(touch.fingers.empty());
        CHECK(touch.find(42, 7) == nullptr);
    }
}

TEST_SUITE("touch through ImGui") {
    // Button at (100,100)-(300,180).
    struct ButtonRun {
        int clicks = 0;
        int doubleClicks = 0;
    };

    ButtonRun runButton(std::string_view script, double dt = k60Fps) {
        HeadlessImGui imgui;
        ImGui::GetIO().DeltaTime = static_cast<float>(dt / 1000.0);
        ScriptPlayer player(parseOk(script));
        ButtonRun run;
        for (int frame = 0; frame < 500 && !player.finished(); ++frame) {
            imgui.frame(player.step(dt), [&] {
                ImGui::SetCursorPos(ImVec2(100, 100));
                if (ImGui::Button("OK", ImVec2(200, 80))) ++run.clicks;
                if (ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left))
                    ++run.doubleClicks;
            });
        }
        CHECK(player.finished());
        return run;
    }

    TEST_CASE("a touch-tap clicks a button through the synthesised mouse") {
        // The wait lets ImGui create the window first (see unit-input-script.cpp).
        for (double dt : {k60Fps, k30Fps}) {
            CAPTURE(dt);
            const ButtonRun run = runButton("wait 50\ntouch-tap 200 140\nwait 100", dt);
            CHECK(run.clicks == 1);
            CHECK(run.doubleClicks == 0);
        }
        CHECK(runButton("wait 50\ntouch-tap 400 140\nwait 100").clicks == 0);
    }

    TEST_CASE("a two-finger-tap clicks with its first finger only") {
        // First finger at 200 (inside): a click.
        CHECK(runButton("wait 50\ntwo-finger-tap 240 140\nwait 100").clicks == 1);
        // First finger at 30 (outside), second at 110 (inside): no click.
        CHECK(runButton("wait 50\ntwo-finger-tap 70 140\nwait 100").clicks == 0);
    }

    TEST_CASE("a double-tap is a double click for ImGui") {
        for (double dt : {k60Fps, k30Fps}) {
            CAPTURE(dt);
            const ButtonRun run = runButton("wait 50\ndouble-tap 200 140\nwait 100", dt);
            CHECK(run.clicks == 2);
            CHECK(run.doubleClicks == 1);
        }
    }

    TEST_CASE("a touch-drag off a button does not click it") {
        CHECK(runButton("wait 50\ntouch-drag 200 140 500 400 200\nwait 100").clicks == 0);
    }
}
