#include "monkey_runtime.hpp"

#include <algorithm>

#include "screens/screen_context.hpp"
#include "session.hpp"
#include "widgets/pin_pad.hpp"

namespace kiosk::app {

std::optional<MonkeyRuntime> MonkeyRuntime::create(const Options& options, float width, float height,
                                                   std::string& error) {
    if (!options.monkeySeed) return std::nullopt;
    monkey::MonkeySettings s;
    s.seed = *options.monkeySeed;
    s.width = width;
    s.height = height;
    s.idleTimeoutMs = options.config.session.idleTimeoutSeconds * 1000.0;
    s.stillThereMs = options.config.session.stillThereSeconds * 1000.0;
    s.pin = options.monkeyPin;
    std::FILE* script = nullptr;
    if (!options.monkeyLogPath.empty() && !(script = std::fopen(options.monkeyLogPath.c_str(), "w"))) {
        error = "--monkey-log: cannot write " + options.monkeyLogPath.string();
        return std::nullopt;
    }
    std::fprintf(stderr, "pestor-kiosk: monkey seed %llu\n", static_cast<unsigned long long>(s.seed));
    return MonkeyRuntime(s, options.monkeyMinutes * 60000.0, script);
}

MonkeyRuntime::MonkeyRuntime(const monkey::MonkeySettings& settings, double stopAtMs, std::FILE* script)
    : m_monkey(settings), m_log(settings.seed, 60000.0), m_stopAtMs(stopAtMs), m_script(script) {}

void MonkeyRuntime::feed(platform::ScriptPlayer& player, const monkey::MonkeyView& view) {
    if (!player.finished()) return;
    const monkey::Gesture g = m_monkey.next(view);
    auto parsed = platform::parseScript(g.script);
    if (auto* bad = std::get_if<platform::ScriptParseError>(&parsed)) {
        // The monkey's own output: a bug in kiosk/monkey, caught by its tests.
        std::fprintf(stderr, "pestor-kiosk: monkey wrote a bad command (%s): %s", platform::describe(*bad).c_str(),
                     g.script.c_str());
        return;
    }
    const auto& commands = std::get<platform::Script>(parsed).commands;
    const auto inputs = std::count_if(commands.begin(), commands.end(), [](const platform::ScriptCommand& c) {
        return !std::holds_alternative<platform::WaitCommand>(c.action);
    });
    m_log.gesture(g.kind, static_cast<int>(inputs));
    if (m_script) std::fprintf(m_script.get(), "# %s\n%s", g.kind.c_str(), g.script.c_str());
    player.append(std::get<platform::Script>(std::move(parsed)));
}

void MonkeyRuntime::frame(double frameMs, std::string_view screen, bool dataLoad, double realMs) {
    m_log.frame(frameMs, screen, dataLoad);
    if (auto report = m_log.due(realMs)) std::fprintf(stderr, "%s\n", report->c_str());
}

void MonkeyRuntime::finish(double realMs) {
    if (m_script) std::fflush(m_script.get());
    std::fprintf(stderr, "%s\n", m_log.summary(realMs).c_str());
}

monkey::MonkeyView monkeyView(const Session& session, const screens::UiState& ui, const widgets::Theme& theme,
                              Showing showing) {
    monkey::MonkeyView v;
    v.screen = session.current().screen;
    v.kioskShown = showing == Showing::Kiosk;
    if (v.screen != ScreenId::Admin) return v;
    const auto& layout = ui.admin.layout;
    if (layout.pad) {
        for (int row = 0; row < 4; ++row)
            for (int column = 0; column < 3; ++column)
                v.pinKeys.push_back(widgets::pinKeyRect(theme, *layout.pad, row, column));
    }
    for (const widgets::KeyRect& r : {layout.sync, layout.signage})
        if (r.w > 0) v.adminButtons.push_back(r);
    for (const widgets::KeyRect& r : {layout.quit, layout.quitYes})
        if (r.w > 0) v.avoid.push_back(r);
    return v;
}

std::string_view screenName(const Session& session, Showing showing, bool askingStillThere) {
    if (showing == Showing::Signage) return "signage";
    if (showing == Showing::Dark) return "dark";
    if (askingStillThere) return "still-there";
    switch (session.current().screen) {
    case ScreenId::Home: return "home";
    case ScreenId::List: return "list";
    case ScreenId::Detail: return "detail";
    case ScreenId::Search: return "search";
    case ScreenId::Map: return "map";
    case ScreenId::Admin: return "admin";
    }
    return "?";
}

} // namespace kiosk::app
