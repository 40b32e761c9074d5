#pragma once
// The kiosk's configuration file (TOML): every setting with its default, and
// a loader that never stops the kiosk. A bad value is reported and replaced by
// its default; a file that is not TOML at all is reported and the defaults
// apply; unknown keys (likely typos) are reported and ignored. The README's
// "Configuration" table and assets/config/kiosk.example.toml document the
// same keys; tests hold all three together.
#include "cache/value.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace kiosk::app {

inline constexpr const char* kDefaultConfigPath = "/etc/pestor-kiosk/kiosk.toml";

enum class SlideKind { Equipment, Demands, Events, FeaturedEntity, Announcements, Indicators };
inline constexpr std::size_t kSlideKindCount = 6;
std::string_view slideKindName(SlideKind kind); // the name used in the file, e.g. "featured_entity"
std::optional<SlideKind> slideKindFromName(std::string_view name);

// When the signage screen is lit on one day; minutes after midnight, on < off.
struct DailyHours {
    bool closed = false; // dark all day
    int onMinute = 7 * 60;
    int offMinute = 20 * 60;
    bool operator==(const DailyHours&) const = default;
};

struct KioskConfig {
    struct Display {
        bool fullscreen = true;
        int width = 1920, height = 1080; // windowed and scripted runs
        float dpi = 0;                   // 0 = ask the display, else 96
        cache::Lang language = cache::Lang::Pl;
        bool operator==(const Display&) const = default;
    } display;
    struct Data {
        std::filesystem::path cache = "/var/lib/pestor-kiosk/cache.sqlite";
        std::filesystem::path assets; // empty = the installed (or the build's) assets
        bool operator==(const Data&) const = default;
    } data;
    struct Here {
        double lon = 0, lat = 0;
        bool operator==(const Here&) const = default;
    };
    struct Map {
        std::filesystem::path tiles; // empty = the pack the sync installed, if any
        std::optional<Here> here;    // "you are here"; none = not shown
        int tileMemoryMb = 64;
        bool operator==(const Map&) const = default;
    } map;
    struct Platform {
        std::string terminalId; // free text shown on the admin screen
        std::string baseUrl;    // https://… for QR codes; empty = qr::kDefaultPlatformUrl (no trailing '/')
        bool operator==(const Platform&) const = default;
    } platform;
    struct Session {
        int idleTimeoutSeconds = 90; // no touch this long: ask "still there?"
        int stillThereSeconds = 15;  // then this long to answer before the reset
        bool operator==(const Session&) const = default;
    } session;
    struct Signage {
        bool enabled = false;
        bool signageOnly = false; // no touch at all: a display, not a kiosk
        std::vector<SlideKind> slides{SlideKind::Equipment,     SlideKind::Demands,
                                      SlideKind::Events,        SlideKind::FeaturedEntity,
                                      SlideKind::Announcements, SlideKind::Indicators};
        std::array<int, kSlideKindCount> durationSeconds{12, 12, 12, 15, 12, 12}; // by SlideKind
        DailyHours hours; // every day unless a weekday says otherwise
        std::array<std::optional<DailyHours>, 7> weekdayHours{}; // Monday first
        DailyHours hoursOn(int weekdayFromMonday) const;
        bool operator==(const Signage&) const = default;
    } signage;
    struct Admin {
        std::string pinHash; // from `pestor-kiosk --hash-pin`; empty = the admin screen is disabled
        // Touched by "sync now"; pestor-sync's daemon watches it (--request-file).
        std::filesystem::path syncRequestFile = "/run/pestor-kiosk/sync-request";
        bool operator==(const Admin&) const = default;
    } admin;
    bool operator==(const KioskConfig&) const = default;
};

// One problem with the file, meant for a person editing it.
struct ConfigProblem {
    std::string file;
    int line = 0, column = 0; // 0 = no position
    std::string key;          // dotted, e.g. "session.idle_timeout"; empty for the file as a whole
    std::string problem;      // what was wrong
    std::string outcome;      // what happens instead, e.g. "using default 90"
};
// "FILE:LINE: KEY: PROBLEM; OUTCOME" — one line.
std::string describe(const ConfigProblem& p);

struct ConfigLoad {
    KioskConfig config;
    std::vector<ConfigProblem> problems;
    bool fileFound = false;
};

// Parses TOML text; `file` names it in problems.
ConfigLoad parseConfig(std::string_view text, const std::string& file);

struct ConfigFileError {
    std::string message;
};
// Reads and parses a file. A missing file is silent (defaults) unless
// `required` (named with --config): then, as when it cannot be read, the
// result is an error, because an operator who named a file expects it used.
// Without `required`, an unreadable file is a problem and defaults apply.
std::variant<ConfigLoad, ConfigFileError> loadConfigFile(const std::filesystem::path& path,
                                                         bool required);

// Every key the file may hold, dotted, in the order of the documentation.
const std::vector<std::string>& knownConfigKeys();
// Each key's default as TOML text ("" for keys that have none, e.g. map.here).
std::string defaultConfigText(std::string_view key);

} // namespace kiosk::app
