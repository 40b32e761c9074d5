#pragma once
// The frame loop's side of the monkey (pestor-kiosk --monkey SEED): feeds
// the script player a gesture whenever it runs dry, tells the monkey what the
// last frame showed, counts frames and screens, prints a JSON report line on
// stderr every minute and a summary at the end, and can save the input it
// played as a --script file that replays the run.
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "monkey/monkey.hpp"
#include "monkey/monkey_log.hpp"
#include "options.hpp"
#include "platform/input_script.hpp"
#include "signage_runtime.hpp"

namespace kiosk::screens {
struct UiState;
}
namespace kiosk::widgets {
struct Theme;
}

namespace kiosk::app {

struct Session;

class MonkeyRuntime {
  public:
    // Nullopt without --monkey; prints why and returns nullopt via `error` on a bad log path.
    static std::optional<MonkeyRuntime> create(const Options& options, float width, float height, std::string& error);

    // Before the player's step: a new gesture when nothing is left to play.
    void feed(platform::ScriptPlayer& player, const monkey::MonkeyView& view);
    // After a drawn frame.
    void frame(double frameMs, std::string_view screen, bool dataLoad, double realMs);
    void catalogLoaded() { m_log.catalogLoaded(); }
    bool timeUp(double realMs) const { return m_stopAtMs > 0 && realMs >= m_stopAtMs; }
    void finish(double realMs);

  private:
    MonkeyRuntime(const monkey::MonkeySettings& settings, double stopAtMs, std::FILE* script);
    struct FileCloser {
        void operator()(std::FILE* f) const {
            if (f) std::fclose(f);
        }
    };
    monkey::Monkey m_monkey;
    monkey::MonkeyLog m_log;
    double m_stopAtMs;
    std::unique_ptr<std::FILE, FileCloser> m_script;
};

// What the monkey needs to know of the last frame.
monkey::MonkeyView monkeyView(const Session& session, const screens::UiState& ui, const widgets::Theme& theme,
                              Showing showing);
// "home", "list", ... "admin", "still-there", "signage", "dark": for reports.
std::string_view screenName(const Session& session, Showing showing, bool askingStillThere);

} // namespace kiosk::app
