#include "input_script.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <initializer_list>
#include <map>
#include <utility>

namespace kiosk::platform {

// [SECTION] Parsing

namespace {

// Virtual-clock comparisons: 60 steps of 1000/60 ms must reach 1000 ms.
constexpr double kTimeEpsilonMs = 1e-6;

// A snap waits for this many frames without input, so the captured frame
// shows the effect of the preceding input (an action applied after the frame
// of a click is drawn on the next one).
constexpr int kSettleFrames = 1;

// Finger gestures. The rest is longer than the ~50 ms over which inertia
// usually samples velocity (Leaflet), so a touch-drag never flings.
constexpr double kTouchRestMs = 120;
constexpr double kDoubleTapIntervalMs = 100; // landing to landing, well inside a ~250 ms window
constexpr double kTwoFingerTapHoldMs = 100;
constexpr float kTwoFingerTapSpacing = 80;
// The virtual touch device of scripted fingers.
constexpr std::int64_t kScriptTouchId = 1;
// Finger ids are handed out in blocks, one block per command.
constexpr std::int64_t kFingerIdsPerCommand = 2;

struct KeyName {
    std::string_view name;
    int key;
};

constexpr std::array kKeyNames{
    KeyName{"backspace", ImGuiKey_Backspace}, KeyName{"enter", ImGuiKey_Enter},
    KeyName{"escape", ImGuiKey_Escape},       KeyName{"tab", ImGuiKey_Tab},
    KeyName{"left", ImGuiKey_LeftArrow},      KeyName{"right", ImGuiKey_RightArrow},
    KeyName{"up", ImGuiKey_UpArrow},          KeyName{"down", ImGuiKey_DownArrow},
    KeyName{"home", ImGuiKey_Home},           KeyName{"end", ImGuiKey_End},
    KeyName{"delete", ImGuiKey_Delete},
};

bool isBlank(char c) {
    return c == ' ' || c == '\t';
}

std::string_view trimLeft(std::string_view s) {
    while (!s.empty() && isBlank(s.front()))
        s.remove_prefix(1);
    return s;
}

// Splits arguments on blanks; a token starting with '#' begins a comment.
std::vector<std::string_view> tokenize(std::string_view s) {
    std::vector<std::string_view> tokens;
    for (s = trimLeft(s); !s.empty(); s = trimLeft(s)) {
        std::size_t end = 0;
        while (end < s.size() && !isBlank(s[end]))
            ++end;
        const std::string_view token = s.substr(0, end);
        if (token.front() == '#') break;
        tokens.push_back(token);
        s.remove_prefix(end);
    }
    return tokens;
}

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

std::optional<float> parseCoordinate(std::string_view token) {
    float value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc{} || end != token.data() + token.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<int> parseMilliseconds(std::string_view token) {
    int value = 0;
    const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), value);
    if (ec != std::errc{} || end != token.data() + token.size() || value < 0) return std::nullopt;
    return value;
}

// Returns the code points of valid UTF-8 (no overlongs, no surrogates), each
// still UTF-8 encoded, or nullopt.
std::optional<std::vector<std::pair<std::string, char32_t>>> splitUtf8(std::string_view s) {
    std::vector<std::pair<std::string, char32_t>> out;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        int length = 0;
        char32_t cp = 0;
        char32_t minimum = 0;
        if (b0 < 0x80) {
            length = 1;
            cp = b0;
        } else if ((b0 & 0xE0) == 0xC0) {
            length = 2;
            cp = b0 & 0x1F;
            minimum = 0x80;
        } else if ((b0 & 0xF0) == 0xE0) {
            length = 3;
            cp = b0 & 0x0F;
            minimum = 0x800;
        } else if ((b0 & 0xF8) == 0xF0) {
            length = 4;
            cp = b0 & 0x07;
            minimum = 0x10000;
        } else {
            return std::nullopt;
        }
        if (i + static_cast<std::size_t>(length) > s.size()) return std::nullopt;
        for (int k = 1; k < length; ++k) {
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((b & 0xC0) != 0x80) return std::nullopt;
            cp = (cp << 6) | (b & 0x3F);
        }
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
        out.emplace_back(std::string(s.substr(i, static_cast<std::size_t>(length))), cp);
        i += static_cast<std::size_t>(length);
    }
    return out;
}

std::string hexCodePoint(char32_t cp) {
    constexpr std::string_view kDigits = "0123456789ABCDEF";
    std::string hex;
    for (; cp != 0 || hex.size() < 4; cp >>= 4)
        hex.insert(hex.begin(), kDigits[cp & 0xF]);
    return "U+" + hex;
}

class LineParser {
  public:
    LineParser(int line, std::string_view command, std::vector<std::string_view> args)
        : m_line(line), m_command(command), m_args(std::move(args)) {}

    // Checks the argument count against the names of required and optional
    // arguments, so messages can say which one is missing.
    std::optional<ScriptParseError>
    expectArguments(std::initializer_list<std::string_view> required,
                    std::size_t optional = 0) const {
        if (m_args.size() < required.size())
            return fail("missing argument " + std::string(*(required.begin() + m_args.size())));
        if (m_args.size() > required.size() + optional)
            return fail("unexpected argument " + quoted(m_args[required.size() + optional]));
        return std::nullopt;
    }

    std::variant<float, ScriptParseError> coordinate(std::size_t index,
                                                     std::string_view name) const {
        if (auto value = parseCoordinate(m_args[index])) return *value;
        return fail(std::string(name) + " must be a number, got " + quoted(m_args[index]));
    }

    std::variant<float, ScriptParseError> distance(std::size_t index, std::string_view name) const {
        if (auto value = parseCoordinate(m_args[index]); value && *value > 0) return *value;
        return fail(std::string(name) + " must be a distance greater than 0, got " +
                    quoted(m_args[index]));
    }

    std::variant<int, ScriptParseError> milliseconds(std::size_t index) const {
        if (auto value = parseMilliseconds(m_args[index])) return *value;
        return fail("MS must be a whole number of milliseconds (0 or more), got " +
                    quoted(m_args[index]));
    }

    ScriptParseError fail(const std::string& message) const {
        return ScriptParseError{m_line, std::string(m_command) + ": " + message};
    }

    const std::vector<std::string_view>& args() const { return m_args; }

  private:
    int m_line;
    std::string_view m_command;
    std::vector<std::string_view> m_args;
};

using ParsedLine = std::variant<ScriptAction, ScriptParseError>;

// Unwraps the numeric arguments of tap/drag; the first error wins.
template <class T> bool take(std::variant<T, ScriptParseError> v, T& out, ParsedLine& error) {
    if (auto* e = std::get_if<ScriptParseError>(&v)) {
        error = std::move(*e);
        return false;
    }
    out = std::get<T>(v);
    return true;
}

// tap, touch-tap, double-tap, two-finger-tap: X Y
template <class Command> ParsedLine parsePoint(const LineParser& p) {
    if (auto e = p.expectArguments({"X", "Y"})) return *e;
    Command c;
    ParsedLine error;
    if (!take(p.coordinate(0, "X"), c.x, error) || !take(p.coordinate(1, "Y"), c.y, error))
        return error;
    return c;
}

// drag, touch-drag, fling: X1 Y1 X2 Y2 [MS], the default MS from the command type
template <class Command> ParsedLine parseStroke(const LineParser& p) {
    if (auto e = p.expectArguments({"X1", "Y1", "X2", "Y2"}, 1)) return *e;
    Command c;
    ParsedLine error;
    if (!take(p.coordinate(0, "X1"), c.x1, error) || !take(p.coordinate(1, "Y1"), c.y1, error) ||
        !take(p.coordinate(2, "X2"), c.x2, error) || !take(p.coordinate(3, "Y2"), c.y2, error))
        return error;
    if (p.args().size() == 5 && !take(p.milliseconds(4), c.durationMs, error)) return error;
    return c;
}

ParsedLine parsePinch(const LineParser& p) {
    if (auto e = p.expectArguments({"CX", "CY", "D1", "D2"}, 1)) return *e;
    PinchCommand c;
    ParsedLine error;
    // Distances must be positive: fingers on one spot make a pinch's scale
    // (distance / start distance) meaningless.
    if (!take(p.coordinate(0, "CX"), c.cx, error) || !take(p.coordinate(1, "CY"), c.cy, error) ||
        !take(p.distance(2, "D1"), c.d1, error) || !take(p.distance(3, "D2"), c.d2, error))
        return error;
    if (p.args().size() == 5 && !take(p.milliseconds(4), c.durationMs, error)) return error;
    return c;
}

ParsedLine parseType(const LineParser& p, std::string_view text) {
    if (text.empty()) return p.fail("missing text");
    auto codePoints = splitUtf8(text);
    if (!codePoints) return p.fail("text is not valid UTF-8");
    TypeCommand c;
    for (auto& [utf8, cp] : *codePoints) {
        // ImGui 1.86 is built with 16-bit ImWchar: it would drop these silently.
        if (sizeof(ImWchar) == 2 && cp > 0xFFFF)
            return p.fail(hexCodePoint(cp) +
                          " is outside the Basic Multilingual Plane; ImGui cannot input it");
        c.codePoints.push_back(std::move(utf8));
    }
    return c;
}

ParsedLine parseKey(const LineParser& p) {
    if (auto e = p.expectArguments({"NAME"})) return *e;
    for (const auto& k : kKeyNames)
        if (k.name == p.args()[0]) return KeyCommand{k.key};
    std::string known;
    for (const auto& k : kKeyNames)
        known += (known.empty() ? "" : ", ") + std::string(k.name);
    return p.fail("unknown key " + quoted(p.args()[0]) + " (expected one of " + known + ")");
}

ParsedLine parseWait(const LineParser& p) {
    if (auto e = p.expectArguments({"MS"})) return *e;
    WaitCommand c;
    ParsedLine error;
    if (!take(p.milliseconds(0), c.durationMs, error)) return error;
    return c;
}

ParsedLine parseHang(const LineParser& p) {
    if (auto e = p.expectArguments({"MS"})) return *e;
    HangCommand c;
    ParsedLine error;
    if (!take(p.milliseconds(0), c.durationMs, error)) return error;
    return c;
}

ParsedLine parseSnap(const LineParser& p, std::map<std::string, int, std::less<>>& seen, int line) {
    if (auto e = p.expectArguments({"NAME"})) return *e;
    const std::string_view name = p.args()[0];
    const bool valid = std::all_of(name.begin(), name.end(), [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '_' || ch == '-';
    });
    // The name becomes a file name: keep it to a portable alphabet.
    if (!valid)
        return p.fail("name " + quoted(name) + " may only contain A-Z, a-z, 0-9, '_' and '-'");
    // A repeated name would silently overwrite the earlier capture.
    if (auto it = seen.find(name); it != seen.end())
        return p.fail("name " + quoted(name) + " is already used on line " +
                      std::to_string(it->second));
    seen.emplace(std::string(name), line);
    return SnapCommand{std::string(name)};
}

} // namespace

std::variant<Script, ScriptParseError> parseScript(std::string_view text) {
    Script script;
    std::map<std::string, int, std::less<>> snapLines;
    int lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1); // CRLF files

        const std::string_view trimmed = trimLeft(line);
        if (trimmed.empty() || trimmed.front() == '#') continue;

        std::size_t wordEnd = 0;
        while (wordEnd < trimmed.size() && !isBlank(trimmed[wordEnd]))
            ++wordEnd;
        const std::string_view command = trimmed.substr(0, wordEnd);
        const std::string_view rest = trimLeft(trimmed.substr(wordEnd));

        // `type` takes the rest of the line verbatim ('#' included), so it
        // skips the tokenizer.
        const LineParser p(lineNumber, command,
                           command == "type" ? std::vector<std::string_view>{} : tokenize(rest));
        ParsedLine parsed;
        if (command == "tap")
            parsed = parsePoint<TapCommand>(p);
        else if (command == "drag")
            parsed = parseStroke<DragCommand>(p);
        else if (command == "touch-tap")
            parsed = parsePoint<TouchTapCommand>(p);
        else if (command == "touch-drag")
            parsed = parseStroke<TouchDragCommand>(p);
        else if (command == "fling")
            parsed = parseStroke<FlingCommand>(p);
        else if (command == "pinch")
            parsed = parsePinch(p);
        else if (command == "double-tap")
            parsed = parsePoint<DoubleTapCommand>(p);
        else if (command == "two-finger-tap")
            parsed = parsePoint<TwoFingerTapCommand>(p);
        else if (command == "type")
            parsed = parseType(p, rest);
        else if (command == "key")
            parsed = parseKey(p);
        else if (command == "wait")
            parsed = parseWait(p);
        else if (command == "hang")
            parsed = parseHang(p);
        else if (command == "snap")
            parsed = parseSnap(p, snapLines, lineNumber);
        else if (command == "quit") {
            if (auto e = p.expectArguments({}))
                parsed = *e;
            else
                parsed = QuitCommand{};
        } else {
            return ScriptParseError{lineNumber, "unknown command " + quoted(command)};
        }

        if (auto* error = std::get_if<ScriptParseError>(&parsed)) return std::move(*error);
        script.commands.push_back({lineNumber, std::get<ScriptAction>(std::move(parsed))});
    }
    return script;
}

std::string describe(const ScriptParseError& error) {
    return "line " + std::to_string(error.line) + ": " + error.message;
}

// [SECTION] Playing

ScriptPlayer::ScriptPlayer(Script script) : m_commands(std::move(script.commands)) {}

void ScriptPlayer::append(Script more) {
    m_commands.erase(m_commands.begin(), m_commands.begin() + static_cast<std::ptrdiff_t>(m_index));
    m_index = 0;
    for (ScriptCommand& c : more.commands) m_commands.push_back(std::move(c));
}

double ScriptPlayer::waitLeftMs() const {
    if (finished()) return 0;
    const auto* wait = std::get_if<WaitCommand>(&m_commands[m_index].action);
    return wait ? std::max(0.0, wait->durationMs - m_commandElapsedMs) : 0.0;
}

FrameInput ScriptPlayer::step(double dtMs) {
    FrameInput out;
    m_frameHadInput = false;
    while (m_index < m_commands.size()) {
        const Outcome outcome = std::visit([&](const auto& c) { return play(c, out, dtMs); },
                                           m_commands[m_index].action);
        if (outcome == Outcome::Busy) break;
        advance();
        if (outcome != Outcome::Instant) break;
    }
    out.mousePos = m_mousePos;
    out.mouseDown = m_mouseDown;
    out.mouseFromTouch = m_mouseFromTouch;
    out.touchActive = m_touchActive;
    out.fingers = m_fingers;
    out.finished = finished();
    m_quietFrames = m_frameHadInput ? 0 : m_quietFrames + 1;
    m_elapsedMs += dtMs;
    return out;
}

void ScriptPlayer::advance() {
    ++m_index;
    m_phase = 0;
    m_commandElapsedMs = 0;
    m_markMs = 0;
    m_firstFingerId += kFingerIdsPerCommand;
}

void ScriptPlayer::moveMouse(float x, float y, bool fromTouch) {
    m_mousePos = std::pair{x, y};
    m_mouseFromTouch = fromTouch;
    m_frameHadInput = true;
}

double ScriptPlayer::progress(int durationMs) const {
    return (durationMs > 0 && m_commandElapsedMs + kTimeEpsilonMs < durationMs)
               ? m_commandElapsedMs / durationMs
               : 1.0;
}

ScriptPlayer::Outcome ScriptPlayer::play(const TapCommand& c, FrameInput&, double) {
    // Hover first, as a mouse would, so widgets that react to hover see an
    // ordinary pointer; ImGui registers the click on the down->up transition.
    const int phase = m_phase++;
    moveMouse(c.x, c.y);
    m_mouseDown = phase == 1;
    return phase < 2 ? Outcome::Busy : Outcome::Done;
}

ScriptPlayer::Outcome ScriptPlayer::play(const DragCommand& c, FrameInput&, double dtMs) {
    if (m_phase == 0) {
        moveMouse(c.x1, c.y1);
        m_mouseDown = true;
        m_phase = 1;
    } else if (m_phase == 1) {
        const double fraction = progress(c.durationMs);
        const auto lerp = [fraction](float a, float b) {
            return static_cast<float>(a + (b - a) * fraction);
        };
        moveMouse(lerp(c.x1, c.x2), lerp(c.y1, c.y2));
        if (fraction >= 1.0) m_phase = 2; // reached the end while still pressed
    } else {
        moveMouse(c.x2, c.y2);
        m_mouseDown = false;
        return Outcome::Done;
    }
    m_commandElapsedMs += dtMs;
    return Outcome::Busy;
}

ScriptPlayer::Outcome ScriptPlayer::play(const TypeCommand& c, FrameInput& out, double) {
    // One code point per frame, as a keyboard would deliver them.
    out.textUtf8 = c.codePoints[static_cast<std::size_t>(m_phase++)];
    m_frameHadInput = true;
    return static_cast<std::size_t>(m_phase) < c.codePoints.size() ? Outcome::Busy : Outcome::Done;
}

ScriptPlayer::Outcome ScriptPlayer::play(const KeyCommand& c, FrameInput& out, double) {
    // The release gets its own frame: a release and re-press of the same key in
    // one frame would look to ImGui like a key that never went up.
    m_frameHadInput = true;
    if (m_phase++ == 0) {
        out.keysPressed.push_back(c.key);
        return Outcome::Busy;
    }
    out.keysReleased.push_back(c.key);
    return Outcome::Done;
}

ScriptPlayer::Outcome ScriptPlayer::play(const WaitCommand& c, FrameInput&, double dtMs) {
    if (m_commandElapsedMs + kTimeEpsilonMs >= c.durationMs) return Outcome::Instant;
    m_commandElapsedMs += dtMs;
    return Outcome::Busy;
}

ScriptPlayer::Outcome ScriptPlayer::play(const SnapCommand& c, FrameInput& out, double) {
    if (m_quietFrames < kSettleFrames) return Outcome::Busy;
    out.snapshots.push_back(c.name);
    // Input on this frame (say, the hover of a following tap) would show in
    // the capture.
    return Outcome::DoneStop;
}

ScriptPlayer::Outcome ScriptPlayer::play(const QuitCommand&, FrameInput& out, double) {
    out.quit = true;
    m_index = m_commands.size() - 1; // advance() moves past the end: nothing after quit plays
    return Outcome::DoneStop;
}

ScriptPlayer::Outcome ScriptPlayer::play(const HangCommand& c, FrameInput& out, double) {
    out.hangMs = c.durationMs;
    return Outcome::Done;
}

// [SECTION] Playing fingers

void ScriptPlayer::setFingers(const std::vector<FingerAt>& fingers, FrameInput& out) {
    std::vector<TouchPoint> now;
    for (const FingerAt& f : fingers)
        now.push_back({kScriptTouchId, m_firstFingerId + f.index, f.x, f.y});
    const auto has = [](const std::vector<TouchPoint>& list, std::int64_t id) {
        return std::any_of(list.begin(), list.end(),
                           [id](const TouchPoint& p) { return p.fingerId == id; });
    };
    for (const TouchPoint& p : now)
        if (!has(m_fingers, p.fingerId)) ++out.fingersLanded;
    for (const TouchPoint& p : m_fingers)
        if (!has(now, p.fingerId)) ++out.fingersLifted;

    // SDL's rule: a finger landing while no finger drives the mouse takes it
    // over; the mouse button goes up when that finger lifts. Other fingers
    // never move the mouse.
    if (!m_mouseFinger) {
        for (const TouchPoint& p : now) {
            if (!has(m_fingers, p.fingerId)) {
                m_mouseFinger = p.fingerId;
                break;
            }
        }
    }
    if (m_mouseFinger) {
        const auto it = std::find_if(now.begin(), now.end(), [&](const TouchPoint& p) {
            return p.fingerId == *m_mouseFinger;
        });
        if (it != now.end()) {
            moveMouse(it->x, it->y, true);
            m_mouseDown = true;
        } else {
            m_mouseDown = false; // the pointer stays where the finger left
            m_mouseFinger.reset();
        }
    }
    m_fingers = std::move(now);
    m_touchActive = true;
    m_frameHadInput = true;
}

// Fingers land at their path starts, move together over durationMs (the last
// move exactly at the ends), then lift either on the next frame (still moving:
// a fling) or after resting kTouchRestMs where they are.
ScriptPlayer::Outcome ScriptPlayer::playMovement(const std::vector<FingerPath>& paths,
                                                 int durationMs, bool restBeforeLift,
                                                 FrameInput& out, double dtMs) {
    const auto at = [&](double fraction) {
        const auto lerp = [fraction](float a, float b) {
            return static_cast<float>(a + (b - a) * fraction);
        };
        std::vector<FingerAt> fingers;
        int index = 0;
        for (const FingerPath& p : paths)
            fingers.push_back({index++, lerp(p.x1, p.x2), lerp(p.y1, p.y2)});
        return fingers;
    };
    enum Phase { Land, Move, Rest, Lift };
    switch (m_phase) {
    case Land:
        setFingers(at(0.0), out);
        m_phase = Move;
        break;
    case Move: {
        const double fraction = progress(durationMs);
        setFingers(at(fraction), out);
        if (fraction >= 1.0) {
            m_phase = restBeforeLift ? Rest : Lift;
            m_markMs = m_commandElapsedMs;
        }
        break;
    }
    case Rest:
        if (m_commandElapsedMs + kTimeEpsilonMs >= m_markMs + kTouchRestMs) {
            setFingers({}, out);
            return Outcome::Done;
        }
        setFingers(at(1.0), out);
        break;
    default:
        setFingers({}, out);
        return Outcome::Done;
    }
    m_commandElapsedMs += dtMs;
    return Outcome::Busy;
}

// Fingers land together, stay put, and lift together on the first frame at
// least holdMs after landing (the next frame for 0).
ScriptPlayer::Outcome ScriptPlayer::playHold(const std::vector<FingerAt>& fingers, double holdMs,
                                             FrameInput& out, double dtMs) {
    if (m_phase > 0 && m_commandElapsedMs + kTimeEpsilonMs >= holdMs) {
        setFingers({}, out);
        return Outcome::Done;
    }
    setFingers(fingers, out);
    m_phase = 1;
    m_commandElapsedMs += dtMs;
    return Outcome::Busy;
}

ScriptPlayer::Outcome ScriptPlayer::play(const TouchTapCommand& c, FrameInput& out, double dtMs) {
    return playHold({{0, c.x, c.y}}, 0, out, dtMs);
}

ScriptPlayer::Outcome ScriptPlayer::play(const TouchDragCommand& c, FrameInput& out, double dtMs) {
    return playMovement({{c.x1, c.y1, c.x2, c.y2}}, c.durationMs, true, out, dtMs);
}

ScriptPlayer::Outcome ScriptPlayer::play(const FlingCommand& c, FrameInput& out, double dtMs) {
    return playMovement({{c.x1, c.y1, c.x2, c.y2}}, c.durationMs, false, out, dtMs);
}

ScriptPlayer::Outcome ScriptPlayer::play(const PinchCommand& c, FrameInput& out, double dtMs) {
    // Moving both ends linearly moves the distance linearly and keeps the midpoint.
    const float h1 = c.d1 / 2;
    const float h2 = c.d2 / 2;
    return playMovement({{c.cx - h1, c.cy, c.cx - h2, c.cy}, {c.cx + h1, c.cy, c.cx + h2, c.cy}},
                        c.durationMs, true, out, dtMs);
}

ScriptPlayer::Outcome ScriptPlayer::play(const DoubleTapCommand& c, FrameInput& out, double dtMs) {
    // Each tap is a new finger (a new id), as a real second touch would be.
    enum Phase { FirstDown, FirstUp, Gap, SecondUp };
    switch (m_phase) {
    case FirstDown:
        setFingers({{0, c.x, c.y}}, out);
        m_phase = FirstUp;
        break;
    case FirstUp:
        setFingers({}, out);
        m_phase = Gap;
        break;
    case Gap:
        if (m_commandElapsedMs + kTimeEpsilonMs >= kDoubleTapIntervalMs) {
            setFingers({{1, c.x, c.y}}, out);
            m_phase = SecondUp;
        }
        break;
    default:
        setFingers({}, out);
        return Outcome::Done;
    }
    m_commandElapsedMs += dtMs;
    return Outcome::Busy;
}

ScriptPlayer::Outcome ScriptPlayer::play(const TwoFingerTapCommand& c, FrameInput& out,
                                         double dtMs) {
    const float h = kTwoFingerTapSpacing / 2;
    return playHold({{0, c.x - h, c.y}, {1, c.x + h, c.y}}, kTwoFingerTapHoldMs, out, dtMs);
}

// [SECTION] Applying

namespace {

void setKey(ImGuiIO& io, int key, bool down) {
    if (key < 0 || key >= ImGuiKey_COUNT) return;
    const int index = io.KeyMap[key];
    if (index < 0 || index >= IM_ARRAYSIZE(io.KeysDown)) return;
    io.KeysDown[index] = down;
}

} // namespace

void applyToImGui(const FrameInput& input, ImGuiIO& io) {
    if (input.mousePos) {
        io.MousePos = ImVec2(input.mousePos->first, input.mousePos->second);
        io.MouseDown[0] = input.mouseDown;
    }
    for (int key : input.keysReleased)
        setKey(io, key, false);
    for (int key : input.keysPressed)
        setKey(io, key, true);
    if (!input.textUtf8.empty()) io.AddInputCharactersUTF8(input.textUtf8.c_str());
}

void applyToTouch(const FrameInput& input, TouchState& touch) {
    if (input.mousePos) touch.mouseFromTouch = input.mouseFromTouch;
    if (!input.touchActive) return; // real fingers, if any, keep what the pump recorded
    touch.fingers = input.fingers;
    touch.landedThisPump = input.fingersLanded;
    touch.liftedThisPump = input.fingersLifted;
}

} // namespace kiosk::platform
