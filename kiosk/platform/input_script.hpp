#pragma once
// Scripted input for headless runs and tests: a tiny line-based language
// (mouse `tap`/`drag`, finger `touch-tap`/`touch-drag`/`fling`/`pinch`/
// `double-tap`/`two-finger-tap`, `type`, `key`, `wait`, `snap`, `quit`) and a
// player that turns it into per-frame mouse, finger and keyboard input. Touch
// matters because Xvfb has no touch device: scripts are the only way to test
// map gestures end to end.
//
// Deliberately free of SDL and GL: it is unit-tested with a bare ImGui context
// and no window. The player runs on a virtual clock fed by the caller, so a
// scripted run produces the same frames however fast (software) GL renders.
#include "touch_state.hpp"

#include <cstdint>
#include <imgui.h>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kiosk::platform {

// Headless runs step the player (and io.DeltaTime) by this much every frame.
inline constexpr double kHeadlessFrameMs = 1000.0 / 60.0;

struct TapCommand {
    float x = 0;
    float y = 0;
};
struct DragCommand {
    float x1 = 0;
    float y1 = 0;
    float x2 = 0;
    float y2 = 0;
    int durationMs = 300;
};
struct TypeCommand {
    std::vector<std::string> codePoints; // one UTF-8 encoded code point each
};
struct KeyCommand {
    int key = 0; // an ImGuiKey_ value
};
struct WaitCommand {
    int durationMs = 0;
};
struct SnapCommand {
    std::string name; // [A-Za-z0-9_-]+, unique within the script
};
struct QuitCommand {};
// The frame loop stalls for MS of real time on one frame, as a hung loop
// would: the watchdog test sees its pings stop (tests/deploy).
struct HangCommand {
    int durationMs = 0;
};

// Finger commands (see ScriptPlayer for their frames).
struct TouchTapCommand {
    float x = 0;
    float y = 0;
};
struct TouchDragCommand {
    float x1 = 0;
    float y1 = 0;
    float x2 = 0;
    float y2 = 0;
    int durationMs = 300;
};
struct FlingCommand {
    float x1 = 0;
    float y1 = 0;
    float x2 = 0;
    float y2 = 0;
    int durationMs = 150;
};
struct PinchCommand {
    float cx = 0; // the midpoint, which stays put
    float cy = 0;
    float d1 = 0; // distance between the fingers at the start (> 0)
    float d2 = 0; // ... and at the end (> 0)
    int durationMs = 400;
};
struct DoubleTapCommand {
    float x = 0;
    float y = 0;
};
struct TwoFingerTapCommand {
    float x = 0; // midpoint of the two fingers
    float y = 0;
};

using ScriptAction =
    std::variant<TapCommand, DragCommand, TypeCommand, KeyCommand, WaitCommand, SnapCommand,
                 QuitCommand, TouchTapCommand, TouchDragCommand, FlingCommand, PinchCommand,
                 DoubleTapCommand, TwoFingerTapCommand, HangCommand>;

struct ScriptCommand {
    int line = 0; // 1-based line in the script text
    ScriptAction action;
};

struct Script {
    std::vector<ScriptCommand> commands;
};

struct ScriptParseError {
    int line = 0; // 1-based
    std::string message;
};

// Format, one command per line (blank lines and lines starting with '#' are
// ignored; other commands, except `type`, may end with a `# comment`):
//   tap X Y                       mouse click
//   drag X1 Y1 X2 Y2 [MS=300]     mouse drag
//   touch-tap X Y                 one finger down, up
//   touch-drag X1 Y1 X2 Y2 [MS=300]  one finger moves over MS, rests ~120 ms, lifts
//   fling X1 Y1 X2 Y2 [MS=150]    one finger moves over MS, lifts while moving
//   pinch CX CY D1 D2 [MS=400]    two fingers on a horizontal line through
//                                 (CX,CY) go from D1 to D2 apart, rest, lift
//   double-tap X Y                two finger taps landing ~100 ms apart
//   two-finger-tap X Y            fingers at X-40 and X+40 down together, up ~100 ms later
//   type TEXT...    (the rest of the line, UTF-8)
//   key NAME        (backspace enter escape tab left right up down home end delete)
//   wait MS
//   snap NAME       ([A-Za-z0-9_-]+)
//   quit
//   hang MS         (the frame loop sleeps MS of real time on that frame)
// Coordinates are in window pixels, the space of io.MousePos (the drawable's
// pixels unless the display is HiDPI); they may be negative (off-window). MS
// is a whole number >= 0; D1 and D2 are numbers > 0.
std::variant<Script, ScriptParseError> parseScript(std::string_view text);

// "line 3: tap: missing argument Y" — for logs and test failure messages.
std::string describe(const ScriptParseError& error);

// What to inject into ImGui on one frame.
struct FrameInput {
    // Unset until the script first touches the mouse; after that it always
    // carries the last position, so the script (not the real pointer) owns it.
    std::optional<std::pair<float, float>> mousePos;
    bool mouseDown = false;
    std::string textUtf8;               // at most one code point per frame
    std::vector<int> keysPressed;       // ImGuiKey_ values going down this frame
    std::vector<int> keysReleased;      // ImGuiKey_ values going up this frame (pressed last frame)
    std::vector<std::string> snapshots; // capture the screen after rendering this frame

    // Set once the script has used a finger; from then on the script owns the
    // touch state (applyToTouch), as it owns the mouse once mousePos is set.
    bool touchActive = false;
    std::vector<TouchPoint> fingers; // down after this frame's events, in landing order
    int fingersLanded = 0;           // this frame
    int fingersLifted = 0;
    // As in SDL, the first finger of a touch also drives the mouse (mousePos,
    // mouseDown), so ImGui buttons work by touch. True from that finger's
    // landing until a mouse command moves the mouse: "the latest mouse event
    // came from touch", as TouchState::mouseFromTouch.
    bool mouseFromTouch = false;

    // Real milliseconds the frame loop must sleep on this frame (`hang`); the
    // virtual clock does not see them.
    int hangMs = 0;

    bool quit = false;
    bool finished = false; // nothing left to play after this frame
};

// Plays a Script one frame at a time. Every frame belongs to at most one
// command, so a press and its release are never merged into one frame:
//   tap   hover, down, up (3 frames)        key   down, up (2 frames)
//   drag  down at start, interpolated moves over MS, last move at end, up
//   type  one code point per frame          wait  frames until MS of virtual time passed
//   touch-tap       down, up (2 frames)
//   touch-drag      down at start, moves over MS, last move at end, stays
//                   still until ~120 ms passed since that move, up
//   fling           down at start, moves over MS, last move at end, up on the next frame
//   pinch           both down at D1, moves over MS, at D2, stays still ~120 ms, both up
//   double-tap      down, up, frames without fingers until 100 ms since the first
//                   landing, down, up (a new finger id)
//   two-finger-tap  both down, unmoved until 100 ms passed, both up
//   snap  on a frame that follows at least one frame without input changes,
//         so the capture shows the effect of everything before it; the frame
//         that reports a snap carries no other input
//   quit  reported at once; nothing after it is played
//   hang  one frame carrying hangMs
class ScriptPlayer {
  public:
    explicit ScriptPlayer(Script script);

    // dtMs: this frame's duration on the virtual clock (kHeadlessFrameMs headless).
    FrameInput step(double dtMs);

    bool finished() const { return m_index >= m_commands.size(); }
    // Adds commands after the ones left (the monkey feeds the player a
    // gesture at a time). Commands already played are dropped, so a player
    // fed for days holds only what is still to come.
    void append(Script more);
    // Virtual time left in the current `wait` (0 when not waiting), and the
    // frames since the last one with input: a caller may step the clock in
    // bigger strides through a quiet wait, as a real kiosk sleeps when idle.
    double waitLeftMs() const;
    int quietFrames() const { return m_quietFrames; }
    double elapsedMs() const { return m_elapsedMs; }

  private:
    enum class Outcome {
        Busy,     // the command used this frame and continues next frame
        Done,     // the command used this frame and is complete
        Instant,  // the command completed without using the frame
        DoneStop, // complete; nothing else may happen this frame
    };

    Outcome play(const TapCommand& c, FrameInput& out, double dtMs);
    Outcome play(const DragCommand& c, FrameInput& out, double dtMs);
    Outcome play(const TypeCommand& c, FrameInput& out, double dtMs);
    Outcome play(const KeyCommand& c, FrameInput& out, double dtMs);
    Outcome play(const WaitCommand& c, FrameInput& out, double dtMs);
    Outcome play(const SnapCommand& c, FrameInput& out, double dtMs);
    Outcome play(const QuitCommand& c, FrameInput& out, double dtMs);
    Outcome play(const TouchTapCommand& c, FrameInput& out, double dtMs);
    Outcome play(const TouchDragCommand& c, FrameInput& out, double dtMs);
    Outcome play(const FlingCommand& c, FrameInput& out, double dtMs);
    Outcome play(const PinchCommand& c, FrameInput& out, double dtMs);
    Outcome play(const DoubleTapCommand& c, FrameInput& out, double dtMs);
    Outcome play(const TwoFingerTapCommand& c, FrameInput& out, double dtMs);
    Outcome play(const HangCommand& c, FrameInput& out, double dtMs);

    // A finger's straight path over a movement; index k gets the command's k-th finger id.
    struct FingerPath {
        float x1, y1, x2, y2;
    };
    struct FingerAt {
        int index;
        float x, y;
    };
    Outcome playMovement(const std::vector<FingerPath>& paths, int durationMs, bool restBeforeLift,
                         FrameInput& out, double dtMs);
    Outcome playHold(const std::vector<FingerAt>& fingers, double holdMs, FrameInput& out,
                     double dtMs);
    // Fraction of a durationMs movement done at the start of this frame.
    double progress(int durationMs) const;
    // This frame's fingers of the current command (empty: all lifted).
    void setFingers(const std::vector<FingerAt>& fingers, FrameInput& out);
    void moveMouse(float x, float y, bool fromTouch = false);
    void advance();

    std::vector<ScriptCommand> m_commands;
    std::size_t m_index = 0;
    int m_phase = 0;               // frames the current command has used
    double m_commandElapsedMs = 0; // virtual time spent in the current command
    double m_markMs = 0;           // command time a movement reached its end
    std::optional<std::pair<float, float>> m_mousePos;
    bool m_mouseDown = false;
    bool m_mouseFromTouch = false;
    bool m_touchActive = false;
    std::vector<TouchPoint> m_fingers;
    std::optional<std::int64_t> m_mouseFinger; // the finger driving the mouse, as in SDL
    std::int64_t m_firstFingerId = 1;          // the current command's finger 0
    bool m_frameHadInput = false;
    int m_quietFrames = 0; // frames handed out since the last one with input
    double m_elapsedMs = 0;
};

// Writes one frame's input into io. Call after the platform backend's NewFrame
// (which overwrites the mouse from SDL) and before ImGui::NewFrame(). Keys go
// through io.KeyMap (the SDL backend fills it); a key without a mapping is
// ignored, so a windowless test must fill io.KeyMap itself.
void applyToImGui(const FrameInput& input, ImGuiIO& io);

// Writes one frame's fingers into touch, which pumpEvents filled (headless:
// with nothing, as Xvfb has no touch device), so widgets read scripted and real
// fingers the same way. Once the script has used touch it replaces the finger
// list and this frame's landed/lifted counts; once it has used the mouse it
// sets mouseFromTouch. Call after pumpEvents, before drawing.
void applyToTouch(const FrameInput& input, TouchState& touch);

} // namespace kiosk::platform
