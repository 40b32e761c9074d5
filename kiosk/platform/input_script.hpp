#pragma once
// Scripted input for headless runs and tests: a tiny line-based language
// (`tap`, `drag`, `type`, `key`, `wait`, `snap`, `quit`) and a player that
// turns it into per-frame mouse/keyboard input for ImGui.
//
// Deliberately free of SDL and GL: it is unit-tested with a bare ImGui context
// and no window. The player runs on a virtual clock fed by the caller, so a
// scripted run produces the same frames however fast (software) GL renders.
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

using ScriptAction = std::variant<TapCommand, DragCommand, TypeCommand, KeyCommand, WaitCommand,
                                  SnapCommand, QuitCommand>;

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
//   tap X Y
//   drag X1 Y1 X2 Y2 [MS=300]
//   type TEXT...    (the rest of the line, UTF-8)
//   key NAME        (backspace enter escape tab left right up down home end delete)
//   wait MS
//   snap NAME       ([A-Za-z0-9_-]+)
//   quit
// Coordinates are in pixels of the drawable; MS is a whole number >= 0.
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
    bool quit = false;
    bool finished = false; // nothing left to play after this frame
};

// Plays a Script one frame at a time. Every frame belongs to at most one
// command, so a press and its release are never merged into one frame:
//   tap   hover, down, up (3 frames)        key   down, up (2 frames)
//   drag  down at start, interpolated moves over MS, last move at end, up
//   type  one code point per frame          wait  frames until MS of virtual time passed
//   snap  on a frame that follows at least one frame without input changes,
//         so the capture shows the effect of everything before it; the frame
//         that reports a snap carries no other input
//   quit  reported at once; nothing after it is played
class ScriptPlayer {
  public:
    explicit ScriptPlayer(Script script);

    // dtMs: this frame's duration on the virtual clock (kHeadlessFrameMs headless).
    FrameInput step(double dtMs);

    bool finished() const { return m_index >= m_commands.size(); }
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
    void moveMouse(float x, float y);
    void advance();

    std::vector<ScriptCommand> m_commands;
    std::size_t m_index = 0;
    int m_phase = 0;               // frames the current command has used
    double m_commandElapsedMs = 0; // virtual time spent in the current command
    std::optional<std::pair<float, float>> m_mousePos;
    bool m_mouseDown = false;
    bool m_frameHadInput = false;
    int m_quietFrames = 0; // frames handed out since the last one with input
    double m_elapsedMs = 0;
};

// Writes one frame's input into io. Call after the platform backend's NewFrame
// (which overwrites the mouse from SDL) and before ImGui::NewFrame(). Keys go
// through io.KeyMap (the SDL backend fills it); a key without a mapping is
// ignored, so a windowless test must fill io.KeyMap itself.
void applyToImGui(const FrameInput& input, ImGuiIO& io);

} // namespace kiosk::platform
