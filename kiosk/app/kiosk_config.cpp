#include "kiosk_config.hpp"

#include "admin_pin.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <toml++/toml.h>

namespace kiosk::app {

// [SECTION] Names

namespace {
constexpr std::array<std::string_view, kSlideKindCount> kSlideNames{
    "equipment", "demands", "events", "featured_entity", "announcements", "indicators"};
constexpr std::array<std::string_view, 7> kWeekdays{"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};
constexpr std::size_t kMaxFileBytes = 1 << 20; // a config file is a page of text; more is a mistake
} // namespace

std::string_view slideKindName(SlideKind kind) {
    return kSlideNames[static_cast<std::size_t>(kind)];
}

std::optional<SlideKind> slideKindFromName(std::string_view name) {
    for (std::size_t i = 0; i < kSlideNames.size(); ++i)
        if (kSlideNames[i] == name) return static_cast<SlideKind>(i);
    return std::nullopt;
}

DailyHours KioskConfig::Signage::hoursOn(int weekdayFromMonday) const {
    if (weekdayFromMonday < 0 || weekdayFromMonday > 6) return hours;
    return weekdayHours[weekdayFromMonday].value_or(hours);
}

std::string describe(const ConfigProblem& p) {
    std::string s = p.file;
    if (p.line > 0) s += ":" + std::to_string(p.line);
    if (p.line > 0 && p.column > 0) s += ":" + std::to_string(p.column);
    s += ": ";
    if (!p.key.empty()) s += p.key + ": ";
    s += p.problem;
    if (!p.outcome.empty()) s += "; " + p.outcome;
    return s;
}

// [SECTION] Value helpers: each returns the problem in words, or nothing and
// stores the value. A reader never writes a field it rejected, so the default
// stays.

namespace {

struct Bad {
    std::string problem;
    const toml::node* at = nullptr; // where, when not the key's own value (an array element)
};
using Check = std::optional<Bad>;

std::string typeName(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::table:
        return "a table";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "a whole number";
    case toml::node_type::floating_point:
        return "a number with a fraction";
    case toml::node_type::boolean:
        return "true/false";
    default:
        return "a date or time";
    }
}

// A string value as shown in a message: quoted, control characters escaped,
// long ones cut, so one problem stays one line.
std::string quotedValue(std::string_view s) {
    std::string out = "\"";
    for (std::size_t i = 0; i < s.size() && i < 60; ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c == 0x7f)
            out += "\\x" + std::string(1, "0123456789abcdef"[c >> 4]) + "0123456789abcdef"[c & 15];
        else if (c == '"' || c == '\\')
            out += std::string("\\") + static_cast<char>(c);
        else
            out += static_cast<char>(c);
    }
    if (s.size() > 60) out += "…";
    return out + "\"";
}

std::string shown(const toml::node& n) {
    if (auto s = n.value<std::string>(); s && n.is_string()) return quotedValue(*s);
    if (n.is_integer()) return std::to_string(n.as_integer()->get());
    if (n.is_floating_point()) {
        std::ostringstream o;
        o << n.as_floating_point()->get();
        return o.str();
    }
    if (n.is_boolean()) return n.as_boolean()->get() ? "true" : "false";
    return typeName(n);
}

Check wantBool(const toml::node& n, bool& out) {
    if (!n.is_boolean()) return Bad{"must be true or false, got " + shown(n)};
    out = n.as_boolean()->get();
    return std::nullopt;
}

Check wantInt(const toml::node& n, std::int64_t lo, std::int64_t hi, int& out) {
    const std::string range =
        "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
    if (!n.is_integer()) return Bad{range + ", got " + shown(n)};
    const std::int64_t v = n.as_integer()->get();
    if (v < lo || v > hi) return Bad{range + ", got " + std::to_string(v)};
    out = static_cast<int>(v);
    return std::nullopt;
}

std::optional<double> number(const toml::node& n) {
    if (n.is_integer()) return static_cast<double>(n.as_integer()->get());
    if (n.is_floating_point()) return n.as_floating_point()->get();
    return std::nullopt;
}

bool hasControl(std::string_view s) {
    return std::any_of(s.begin(), s.end(),
                       [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

Check wantString(const toml::node& n, std::string& out) {
    if (!n.is_string()) return Bad{"must be a string in quotes, got " + typeName(n)};
    out = n.as_string()->get();
    return std::nullopt;
}

// Paths must be absolute: a relative one would depend on the service's
// working directory, which nobody reading the file can see.
Check wantPath(const toml::node& n, bool allowEmpty, std::filesystem::path& out) {
    std::string s;
    if (auto bad = wantString(n, s)) return bad;
    if (s.empty() && allowEmpty) {
        out.clear();
        return std::nullopt;
    }
    if (s.empty()) return Bad{"must not be empty"};
    if (hasControl(s)) return Bad{"contains control characters"};
    if (s.front() != '/')
        return Bad{"must be an absolute path (starting with /), got " + quotedValue(s)};
    out = s;
    return std::nullopt;
}

// "HH:MM"; "24:00" only as a closing time.
std::optional<int> minuteOfDay(std::string_view s, bool allowEndOfDay) {
    if (s.size() != 5 || s[2] != ':') return std::nullopt;
    for (int i : {0, 1, 3, 4})
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
    const int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allowEndOfDay))) return std::nullopt;
    return h * 60 + m;
}

Check wantTime(const toml::node& n, bool allowEndOfDay, int& out) {
    const std::string want = allowEndOfDay ? "must be a time \"HH:MM\" from \"00:00\" to \"24:00\""
                                           : "must be a time \"HH:MM\" from \"00:00\" to \"23:59\"";
    if (n.is_time()) { // TOML's own local time (on = 07:00) is as clear as a string
        const toml::time t = n.as_time()->get();
        if (t.second != 0 || t.nanosecond != 0) return Bad{want + " (whole minutes)"};
        out = t.hour * 60 + t.minute;
        return std::nullopt;
    }
    if (!n.is_string()) return Bad{want + ", got " + shown(n)};
    auto m = minuteOfDay(n.as_string()->get(), allowEndOfDay);
    if (!m) return Bad{want + ", got " + shown(n)};
    out = *m;
    return std::nullopt;
}

std::string hhmm(int minute) {
    char buf[16]; // room for any int, though minutes of a day need 5
    std::snprintf(buf, sizeof buf, "%02d:%02d", minute / 60, minute % 60);
    return buf;
}

// A weekday: "HH:MM-HH:MM" or "off" (dark all day).
Check wantWeekday(const toml::node& n, std::optional<DailyHours>& out) {
    const std::string want = "must be \"HH:MM-HH:MM\" (on-off, e.g. \"09:00-14:00\") or \"off\"";
    if (!n.is_string()) return Bad{want + ", got " + shown(n)};
    const std::string& s = n.as_string()->get();
    if (s == "off") {
        out = DailyHours{true, 0, 0};
        return std::nullopt;
    }
    if (s.size() != 11 || s[5] != '-') return Bad{want + ", got " + quotedValue(s)};
    const auto on = minuteOfDay(std::string_view(s).substr(0, 5), false);
    const auto off = minuteOfDay(std::string_view(s).substr(6), true);
    if (!on || !off) return Bad{want + ", got " + quotedValue(s)};
    if (*on >= *off) return Bad{"the screen must go on before it goes off, got " + quotedValue(s)};
    out = DailyHours{false, *on, *off};
    return std::nullopt;
}

// https://host[:port][/path], nothing a QR code reader could misread.
Check wantHttpsUrl(const toml::node& n, std::string& out) {
    std::string s;
    if (auto bad = wantString(n, s)) return bad;
    if (s.empty()) {
        out.clear();
        return std::nullopt;
    }
    const std::string want =
        "must be an https:// address with a host (or \"\" for none), got " + quotedValue(s);
    constexpr std::string_view scheme = "https://";
    if (s.size() > 200) return Bad{"must be at most 200 characters (it goes into QR codes)"};
    if (s.compare(0, scheme.size(), scheme) != 0) return Bad{want};
    std::string_view rest = std::string_view(s).substr(scheme.size());
    const std::string_view host = rest.substr(0, rest.find_first_of(":/"));
    if (host.empty() || !std::all_of(host.begin(), host.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
        }))
        return Bad{want};
    if (rest.size() > host.size() && rest[host.size()] == ':') {
        const std::string_view port =
            rest.substr(host.size() + 1, rest.find('/') - host.size() - 1);
        if (port.empty() || port.size() > 5 ||
            !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return Bad{want};
    }
    if (std::any_of(
            rest.begin(), rest.end(),
            [](char c) { return c == '?' || c == '#' || c == ' ' || c == '\\' || c == '@'; }) ||
        hasControl(rest))
        return Bad{want + " (no spaces, user names, queries or fragments)"};
    while (s.back() == '/')
        s.pop_back(); // paths are appended with their own '/'
    out = s;
    return std::nullopt;
}

// [SECTION] The keys, in the order of the documentation

struct KeySpec {
    std::string key;
    std::string defaultText; // TOML text of the default ("" = none)
    std::string outcome;     // when not "using default <defaultText>"
    // Stores the value, or says what is wrong and leaves the default.
    std::function<Check(const toml::node&, KioskConfig&)> read;
};

std::vector<KeySpec> makeSpecs() {
    std::vector<KeySpec> k;
    using C = KioskConfig;
    k.push_back({"display.fullscreen", "true", "",
                 [](const toml::node& n, C& c) { return wantBool(n, c.display.fullscreen); }});
    k.push_back({"display.width", "1920", "",
                 [](const toml::node& n, C& c) { return wantInt(n, 320, 8192, c.display.width); }});
    k.push_back({"display.height", "1080", "", [](const toml::node& n, C& c) {
                     return wantInt(n, 240, 8192, c.display.height);
                 }});
    k.push_back({"display.dpi", "0", "", [](const toml::node& n, C& c) -> Check {
                     const auto d = number(n);
                     if (!d || !(*d == 0 || (*d >= 50 && *d <= 600)))
                         return Bad{"must be 0 (ask the display) or a number from 50 to 600, got " +
                                    shown(n)};
                     c.display.dpi = static_cast<float>(*d);
                     return std::nullopt;
                 }});
    k.push_back({"display.language", "\"pl\"", "", [](const toml::node& n, C& c) -> Check {
                     const auto s = n.value_exact<std::string>();
                     if (s == "pl")
                         c.display.language = cache::Lang::Pl;
                     else if (s == "en")
                         c.display.language = cache::Lang::En;
                     else if (s == "uk")
                         c.display.language = cache::Lang::Uk;
                     else
                         return Bad{"must be \"pl\", \"en\" or \"uk\", got " + shown(n)};
                     return std::nullopt;
                 }});
    k.push_back({"data.cache", "\"/var/lib/pestor-kiosk/cache.sqlite\"", "",
                 [](const toml::node& n, C& c) { return wantPath(n, false, c.data.cache); }});
    k.push_back({"data.assets", "\"\"", "",
                 [](const toml::node& n, C& c) { return wantPath(n, true, c.data.assets); }});
    k.push_back({"map.tiles", "\"\"", "",
                 [](const toml::node& n, C& c) { return wantPath(n, true, c.map.tiles); }});
    k.push_back(
        {"map.here", "", "not shown on the map", [](const toml::node& n, C& c) -> Check {
             const std::string want =
                 "must be { lon = DEGREES, lat = DEGREES }, e.g. { lon = 18.6047, lat = 53.0103 }";
             const toml::table* t = n.as_table();
             if (!t) return Bad{want + ", got " + shown(n)};
             for (auto&& [key, v] : *t)
                 if (key.str() != "lon" && key.str() != "lat")
                     return Bad{want + "; unknown part " + std::string(key.str())};
             const auto lon = t->get("lon") ? number(*t->get("lon")) : std::nullopt;
             const auto lat = t->get("lat") ? number(*t->get("lat")) : std::nullopt;
             if (!lon || !lat) return Bad{want};
             if (*lon < -180 || *lon > 180 || *lat < -85 || *lat > 85)
                 return Bad{"lon must be -180 to 180 and lat -85 to 85 degrees"};
             c.map.here = C::Here{*lon, *lat};
             return std::nullopt;
         }});
    k.push_back({"map.tile_memory_mb", "64", "", [](const toml::node& n, C& c) {
                     return wantInt(n, 8, 1024, c.map.tileMemoryMb);
                 }});
    k.push_back({"platform.terminal_id", "\"\"", "", [](const toml::node& n, C& c) -> Check {
                     std::string s;
                     if (auto bad = wantString(n, s)) return bad;
                     if (s.size() > 64) return Bad{"must be at most 64 bytes"};
                     if (hasControl(s)) return Bad{"contains control characters"};
                     c.platform.terminalId = s;
                     return std::nullopt;
                 }});
    k.push_back({"platform.base_url", "\"\"", "no platform links in QR codes",
                 [](const toml::node& n, C& c) { return wantHttpsUrl(n, c.platform.baseUrl); }});
    k.push_back({"session.idle_timeout_seconds", "90", "", [](const toml::node& n, C& c) {
                     return wantInt(n, 20, 3600, c.session.idleTimeoutSeconds);
                 }});
    k.push_back({"session.still_there_seconds", "15", "", [](const toml::node& n, C& c) {
                     return wantInt(n, 5, 120, c.session.stillThereSeconds);
                 }});
    k.push_back({"signage.enabled", "false", "",
                 [](const toml::node& n, C& c) { return wantBool(n, c.signage.enabled); }});
    k.push_back({"signage.signage_only", "false", "",
                 [](const toml::node& n, C& c) { return wantBool(n, c.signage.signageOnly); }});
    k.push_back(
        {"signage.slides",
         "[\"equipment\", \"demands\", \"events\", \"featured_entity\", \"announcements\", "
         "\"indicators\"]",
         "", [](const toml::node& n, C& c) -> Check {
             const toml::array* a = n.as_array();
             if (!a) return Bad{"must be an array of slide kinds, got " + shown(n)};
             if (a->empty()) return Bad{"must name at least one slide kind"};
             std::vector<SlideKind> kinds;
             for (const toml::node& e : *a) {
                 const auto kind =
                     e.is_string() ? slideKindFromName(e.as_string()->get()) : std::nullopt;
                 if (!kind)
                     return Bad{
                         "each slide must be one of equipment, demands, events, featured_entity, "
                         "announcements, indicators; got " +
                             shown(e),
                         &e};
                 kinds.push_back(*kind);
             }
             c.signage.slides = std::move(kinds);
             return std::nullopt;
         }});
    for (std::size_t i = 0; i < kSlideKindCount; ++i)
        k.push_back({"signage.slide_seconds." + std::string(kSlideNames[i]),
                     std::to_string(C{}.signage.durationSeconds[i]), "",
                     [i](const toml::node& n, C& c) {
                         return wantInt(n, 3, 600, c.signage.durationSeconds[i]);
                     }});
    k.push_back({"signage.hours.on", "\"07:00\"", "", [](const toml::node& n, C& c) {
                     return wantTime(n, false, c.signage.hours.onMinute);
                 }});
    k.push_back({"signage.hours.off", "\"20:00\"", "", [](const toml::node& n, C& c) {
                     return wantTime(n, true, c.signage.hours.offMinute);
                 }});
    for (std::size_t d = 0; d < kWeekdays.size(); ++d)
        k.push_back(
            {"signage.hours." + std::string(kWeekdays[d]), "", "using the every-day hours",
             [d](const toml::node& n, C& c) { return wantWeekday(n, c.signage.weekdayHours[d]); }});
    k.push_back({"admin.pin_hash", "\"\"", "the admin screen stays disabled",
                 [](const toml::node& n, C& c) -> Check {
                     std::string s;
                     if (auto bad = wantString(n, s)) return bad;
                     // Never echo it: a hash is not the PIN, but it is no one's business either.
                     if (!s.empty() && !isPinHash(s))
                         return Bad{"is not a hash made by `pestor-kiosk --hash-pin` (argon2id, "
                                    "\"$argon2id$v=19$…\")"};
                     c.admin.pinHash = s;
                     return std::nullopt;
                 }});
    k.push_back({"admin.sync_request_file", "\"/run/pestor-kiosk/sync-request\"", "",
                 [](const toml::node& n, C& c) { return wantPath(n, false, c.admin.syncRequestFile); }});
    return k;
}

const std::vector<KeySpec>& specs() {
    static const std::vector<KeySpec> s = makeSpecs(); // immutable table, built once
    return s;
}

const KeySpec* findSpec(std::string_view key) {
    for (const KeySpec& s : specs())
        if (s.key == key) return &s;
    return nullptr;
}

bool isSection(std::string_view path) {
    for (const KeySpec& s : specs())
        if (s.key.size() > path.size() && s.key.compare(0, path.size(), path) == 0 &&
            s.key[path.size()] == '.')
            return true;
    return false;
}

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
        }
    }
    return row[b.size()];
}

// [SECTION] Reading a parsed document

struct Reader {
    const std::string& file;
    std::vector<ConfigProblem>& problems;

    void report(const toml::node& at, std::string key, std::string problem, std::string outcome) {
        problems.push_back({file, static_cast<int>(at.source().begin.line), 0, std::move(key),
                            std::move(problem), std::move(outcome)});
    }

    // Keys nobody reads are likely typos: say so, with the nearest real key.
    void findUnknown(const toml::table& t, const std::string& prefix) {
        for (auto&& [k, v] : t) {
            const std::string path =
                prefix.empty() ? std::string(k.str()) : prefix + "." + std::string(k.str());
            if (findSpec(path)) continue;
            if (isSection(path)) {
                if (const toml::table* sub = v.as_table())
                    findUnknown(*sub, path);
                else
                    report(v, path, "must be a table ([" + path + "]), got " + typeName(v),
                           "its keys use their defaults");
                continue;
            }
            std::string outcome = "ignored";
            std::size_t best = 4;
            for (const KeySpec& s : specs())
                if (const std::size_t d = editDistance(path, s.key); d < best)
                    best = d, outcome = "ignored (did you mean " + s.key + "?)";
            report(v, path, "unknown key", outcome);
        }
    }
};

// Rules between keys, checked after each key passed alone.
void crossCheck(const toml::table& root, KioskConfig& c, Reader& r) {
    const KioskConfig d;
    if (c.signage.hours.onMinute >= c.signage.hours.offMinute) {
        const toml::node* at = root.at_path("signage.hours.off").node();
        if (!at) at = root.at_path("signage.hours.on").node();
        r.report(at ? *at : static_cast<const toml::node&>(root), "signage.hours",
                 "the screen must go on before it goes off, got on " +
                     hhmm(c.signage.hours.onMinute) + ", off " + hhmm(c.signage.hours.offMinute),
                 "using defaults on \"07:00\", off \"20:00\"");
        c.signage.hours = d.signage.hours;
    }
    if (c.session.stillThereSeconds >= c.session.idleTimeoutSeconds) {
        const toml::node* at = root.at_path("session.still_there_seconds").node();
        r.report(at ? *at : static_cast<const toml::node&>(root), "session.still_there_seconds",
                 "must be shorter than session.idle_timeout_seconds (" +
                     std::to_string(c.session.idleTimeoutSeconds) + ")",
                 "using default " + std::to_string(d.session.stillThereSeconds));
        c.session.stillThereSeconds = d.session.stillThereSeconds;
    }
}

} // namespace

const std::vector<std::string>& knownConfigKeys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> v;
        for (const KeySpec& s : specs())
            v.push_back(s.key);
        return v;
    }();
    return keys;
}

std::string defaultConfigText(std::string_view key) {
    const KeySpec* s = findSpec(key);
    return s ? s->defaultText : std::string();
}

ConfigLoad parseConfig(std::string_view text, const std::string& file) {
    ConfigLoad out;
    out.fileFound = true;
    Reader r{file, out.problems};
    if (text.size() > kMaxFileBytes) {
        out.problems.push_back({file, 0, 0, "", "is larger than 1 MiB, not a configuration file",
                                "using defaults for every setting"});
        return out;
    }
    toml::table root;
    try { // toml++ reports syntax errors by exception: turned into a problem here
        root = toml::parse(text, file);
    } catch (const toml::parse_error& e) {
        out.problems.push_back({file, static_cast<int>(e.source().begin.line),
                                static_cast<int>(e.source().begin.column), "",
                                "not valid TOML: " + std::string(e.description()),
                                "using defaults for every setting"});
        return out;
    }
    r.findUnknown(root, "");
    for (const KeySpec& s : specs()) {
        const toml::node* n = root.at_path(s.key).node();
        // at_path also walks arrays ("a[0]"); our keys have none, and a
        // section that is not a table was reported by findUnknown.
        if (!n) continue;
        if (auto bad = s.read(*n, out.config))
            r.report(bad->at ? *bad->at : *n, s.key, bad->problem,
                     s.outcome.empty() ? "using default " + s.defaultText : s.outcome);
    }
    crossCheck(root, out.config, r);
    std::stable_sort(
        out.problems.begin(), out.problems.end(),
        [](const ConfigProblem& a, const ConfigProblem& b) { return a.line < b.line; });
    return out;
}

std::variant<ConfigLoad, ConfigFileError> loadConfigFile(const std::filesystem::path& path,
                                                         bool required) {
    std::error_code ec;
    const bool exists = std::filesystem::exists(path, ec);
    if (!exists && !ec) {
        if (required) return ConfigFileError{path.string() + ": no such file (named by --config)"};
        return ConfigLoad{};
    }
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, ec)) {
        const std::string why =
            std::filesystem::is_directory(path, ec) ? "is a folder" : std::strerror(errno);
        if (required) return ConfigFileError{path.string() + ": cannot read: " + why};
        ConfigLoad load;
        load.problems.push_back(
            {path.string(), 0, 0, "", "cannot read: " + why, "using defaults for every setting"});
        return load;
    }
    std::string text;
    text.resize(kMaxFileBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return parseConfig(text, path.string());
}

} // namespace kiosk::app
