// The configuration file: defaults, every key, every kind of bad value
// (reported with file:line and key, replaced by its default while the rest
// still applies), broken TOML, unknown keys, the precedence of flags, the
// shipped example and README against the loader, and the admin PIN hash.
#include "app/admin_pin.hpp"
#include "app/hash_pin_command.hpp"
#include "app/kiosk_config.hpp"
#include "app/startup_settings.hpp"
#include "support/temp_dir.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

using namespace kiosk::app;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> lines(const ConfigLoad& load) {
    std::vector<std::string> out;
    for (const ConfigProblem& p : load.problems)
        out.push_back(describe(p));
    return out;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& l : v)
        s += l + "\n";
    return s;
}

// argv for resolveStartup, from literal strings.
struct Argv {
    std::vector<std::string> words;
    std::vector<char*> ptrs;
    explicit Argv(std::vector<std::string> w) : words(std::move(w)) {
        words.insert(words.begin(), "pestor-kiosk");
        for (std::string& s : words)
            ptrs.push_back(s.data());
    }
    int argc() { return static_cast<int>(ptrs.size()); }
    char** argv() { return ptrs.data(); }
};

std::string readAll(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A hash made once: argon2id takes ~0.1 s and 64 MiB per call.
const std::string& samplePinHash() {
    static const std::string h = *hashPin("2468");
    return h;
}

} // namespace

TEST_CASE("no file at the default path: defaults, silently") {
    testsupport::TempDir dir("pestor-config");
    auto loaded = loadConfigFile(dir / "kiosk.toml", false);
    REQUIRE(std::holds_alternative<ConfigLoad>(loaded));
    const ConfigLoad& load = std::get<ConfigLoad>(loaded);
    CHECK(load.problems.empty());
    CHECK_FALSE(load.fileFound);
    CHECK(load.config == KioskConfig{});
    const KioskConfig d;
    CHECK(d.display.fullscreen);
    CHECK(d.display.language == cache::Lang::Pl);
    CHECK(d.data.cache == "/var/lib/pestor-kiosk/cache.sqlite");
    CHECK(d.map.tileMemoryMb == 64);
    CHECK(d.session.idleTimeoutSeconds == 90);
    CHECK(d.session.stillThereSeconds == 15);
    CHECK_FALSE(d.signage.enabled);
    CHECK(d.signage.slides.size() == 6);
    CHECK(d.admin.pinHash.empty());
}

TEST_CASE("a file named with --config must exist; an empty file is all defaults") {
    testsupport::TempDir dir("pestor-config");
    auto missing = loadConfigFile(dir / "nope.toml", true);
    REQUIRE(std::holds_alternative<ConfigFileError>(missing));
    CHECK(std::get<ConfigFileError>(missing).message ==
          (dir / "nope.toml").string() + ": no such file (named by --config)");
    auto folder = loadConfigFile(dir.path(), true);
    REQUIRE(std::holds_alternative<ConfigFileError>(folder));
    CHECK(std::get<ConfigFileError>(folder).message.find("is a folder") != std::string::npos);

    testsupport::writeTextFile(dir / "empty.toml", "");
    auto empty = loadConfigFile(dir / "empty.toml", true);
    REQUIRE(std::holds_alternative<ConfigLoad>(empty));
    CHECK(std::get<ConfigLoad>(empty).fileFound);
    CHECK(std::get<ConfigLoad>(empty).problems.empty());
    CHECK(std::get<ConfigLoad>(empty).config == KioskConfig{});
}

TEST_CASE("every key is read") {
    const std::string text = R"(
[display]
fullscreen = false
width = 1280
height = 800
dpi = 141.5
language = "uk"

[data]
cache = "/srv/kiosk/cache.sqlite"
assets = "/opt/pestor/assets"

[map]
tiles = "/srv/kiosk/torun.mbtiles"
here = { lon = 18.6047, lat = 53.0103 }
tile_memory_mb = 128

[platform]
terminal_id = "Rynek Staromiejski 1 — hol"
base_url = "https://pes.torun.pl/katalog/"

[session]
idle_timeout_seconds = 120
still_there_seconds = 20

[signage]
enabled = true
signage_only = true
slides = ["events", "announcements", "events"]

[signage.slide_seconds]
equipment = 5
demands = 6
events = 7
featured_entity = 8
announcements = 9
indicators = 10

[signage.hours]
on = 06:30:00
off = "24:00"
sat = "09:00-14:00"
sun = "off"

[admin]
pin_hash = ")" + samplePinHash() +
                             "\"\n";
    const ConfigLoad load = parseConfig(text, "kiosk.toml");
    CHECK_MESSAGE(load.problems.empty(), joined(lines(load)));
    const KioskConfig& c = load.config;
    CHECK_FALSE(c.display.fullscreen);
    CHECK(c.display.width == 1280);
    CHECK(c.display.height == 800);
    CHECK(c.display.dpi == doctest::Approx(141.5));
    CHECK(c.display.language == cache::Lang::Uk);
    CHECK(c.data.cache == "/srv/kiosk/cache.sqlite");
    CHECK(c.data.assets == "/opt/pestor/assets");
    CHECK(c.map.tiles == "/srv/kiosk/torun.mbtiles");
    REQUIRE(c.map.here.has_value());
    CHECK(c.map.here->lon == doctest::Approx(18.6047));
    CHECK(c.map.here->lat == doctest::Approx(53.0103));
    CHECK(c.map.tileMemoryMb == 128);
    CHECK(c.platform.terminalId == "Rynek Staromiejski 1 — hol");
    CHECK(c.platform.baseUrl == "https://pes.torun.pl/katalog"); // trailing '/' dropped
    CHECK(c.session.idleTimeoutSeconds == 120);
    CHECK(c.session.stillThereSeconds == 20);
    CHECK(c.signage.enabled);
    CHECK(c.signage.signageOnly);
    CHECK(c.signage.slides ==
          std::vector<SlideKind>{SlideKind::Events, SlideKind::Announcements, SlideKind::Events});
    CHECK(c.signage.durationSeconds == std::array<int, kSlideKindCount>{5, 6, 7, 8, 9, 10});
    CHECK(c.signage.hours == DailyHours{false, 6 * 60 + 30, 24 * 60});
    CHECK(c.signage.hoursOn(0) == c.signage.hours); // Monday: the every-day hours
    CHECK(c.signage.hoursOn(5) == DailyHours{false, 9 * 60, 14 * 60});
    CHECK(c.signage.hoursOn(6).closed);
    CHECK(c.admin.pinHash == samplePinHash());
}

TEST_CASE("each kind of bad value is reported with file:line and key, replaced by its default, "
          "others still apply") {
    const std::string text = "[display]\n"                          // 1
                             "fullscreen = \"no\"\n"                // 2 wrong type
                             "width = 1024\n"                       // 3 good
                             "height = 100000\n"                    // 4 out of range
                             "dpi = \"high\"\n"                     // 5 wrong type
                             "language = \"de\"\n"                  // 6 bad enum
                             "[data]\n"                             // 7
                             "cache = \"cache.sqlite\"\n"           // 8 relative path
                             "[map]\n"                              // 9
                             "tile_memory_mb = 4\n"                 // 10 out of range
                             "here = { lon = 18.6 }\n"              // 11 half a position
                             "[platform]\n"                         // 12
                             "base_url = \"http://pes.torun.pl\"\n" // 13 not https
                             "terminal_id = \"T-07\"\n"             // 14 good
                             "[session]\n"                          // 15
                             "idle_timeout_seconds = 90.5\n"        // 16 not whole
                             "still_there_seconds = 30\n"           // 17 good
                             "[signage]\n"                          // 18
                             "enabled = true\n"                     // 19 good
                             "slides = [\"events\",\n"              // 20
                             "  \"weather\"]\n"                     // 21 bad enum in an array
                             "[signage.slide_seconds]\n"            // 22
                             "events = 0\n"                         // 23 out of range
                             "[signage.hours]\n"                    // 24
                             "on = \"7:00\"\n"                      // 25 bad time
                             "off = \"21:00\"\n"                    // 26 good
                             "sat = \"14:00-09:00\"\n"              // 27 backwards
                             "[admin]\n"                            // 28
                             "pin_hash = \"1234\"\n"; // 29 not a hash (and never echoed)
    const ConfigLoad load = parseConfig(text, "/etc/pestor-kiosk/kiosk.toml");
    const std::vector<std::string> want{
        "/etc/pestor-kiosk/kiosk.toml:2: display.fullscreen: must be true or false, got \"no\"; "
        "using default true",
        "/etc/pestor-kiosk/kiosk.toml:4: display.height: must be a whole number from 240 to 8192, "
        "got 100000; using default 1080",
        "/etc/pestor-kiosk/kiosk.toml:5: display.dpi: must be 0 (ask the display) or a number from "
        "50 to 600, got \"high\"; using default 0",
        "/etc/pestor-kiosk/kiosk.toml:6: display.language: must be \"pl\", \"en\" or \"uk\", got "
        "\"de\"; using default \"pl\"",
        "/etc/pestor-kiosk/kiosk.toml:8: data.cache: must be an absolute path (starting with /), "
        "got \"cache.sqlite\"; "
        "using default \"/var/lib/pestor-kiosk/cache.sqlite\"",
        "/etc/pestor-kiosk/kiosk.toml:10: map.tile_memory_mb: must be a whole number from 8 to "
        "1024, got 4; using default 64",
        "/etc/pestor-kiosk/kiosk.toml:11: map.here: must be { lon = DEGREES, lat = DEGREES }, e.g. "
        "{ lon = 18.6047, lat = "
        "53.0103 }; not shown on the map",
        "/etc/pestor-kiosk/kiosk.toml:13: platform.base_url: must be an https:// address with a "
        "host (or \"\" for none), got "
        "\"http://pes.torun.pl\"; no platform links in QR codes",
        "/etc/pestor-kiosk/kiosk.toml:16: session.idle_timeout_seconds: must be a whole number "
        "from 20 to 3600, got 90.5; "
        "using default 90",
        "/etc/pestor-kiosk/kiosk.toml:21: signage.slides: each slide must be one of equipment, "
        "demands, events, "
        "featured_entity, announcements, indicators; got \"weather\"; using default "
        "[\"equipment\", \"demands\", "
        "\"events\", \"featured_entity\", \"announcements\", \"indicators\"]",
        "/etc/pestor-kiosk/kiosk.toml:23: signage.slide_seconds.events: must be a whole number "
        "from 3 to 600, got 0; using "
        "default 12",
        "/etc/pestor-kiosk/kiosk.toml:25: signage.hours.on: must be a time \"HH:MM\" from "
        "\"00:00\" to \"23:59\", got \"7:00\"; "
        "using default \"07:00\"",
        "/etc/pestor-kiosk/kiosk.toml:27: signage.hours.sat: the screen must go on before it goes "
        "off, got \"14:00-09:00\"; "
        "using the every-day hours",
        "/etc/pestor-kiosk/kiosk.toml:29: admin.pin_hash: is not a hash made by `pestor-kiosk "
        "--hash-pin` (argon2id, "
        "\"$argon2id$v=19$…\"); the admin screen stays disabled",
    };
    const std::vector<std::string> got = lines(load);
    CHECK_MESSAGE(got == want, joined(got));
    for (const std::string& l : got)
        CHECK_MESSAGE(l.find("1234") == std::string::npos, l);

    const KioskConfig d;
    const KioskConfig& c = load.config;
    CHECK(c.display.fullscreen == d.display.fullscreen);
    CHECK(c.display.width == 1024); // good keys beside bad ones still apply
    CHECK(c.display.height == d.display.height);
    CHECK(c.display.dpi == d.display.dpi);
    CHECK(c.display.language == d.display.language);
    CHECK(c.data.cache == d.data.cache);
    CHECK(c.map.tileMemoryMb == d.map.tileMemoryMb);
    CHECK_FALSE(c.map.here.has_value());
    CHECK(c.platform.baseUrl.empty());
    CHECK(c.platform.terminalId == "T-07");
    CHECK(c.session.idleTimeoutSeconds == 90);
    CHECK(c.session.stillThereSeconds == 30);
    CHECK(c.signage.enabled);
    CHECK(c.signage.slides == d.signage.slides);
    CHECK(c.signage.durationSeconds == d.signage.durationSeconds);
    CHECK(c.signage.hours == DailyHours{false, 7 * 60, 21 * 60});
    CHECK_FALSE(c.signage.weekdayHours[5].has_value());
    CHECK(c.admin.pinHash.empty());
}

TEST_CASE("rules between keys: still-there shorter than the idle timeout, on before off") {
    const ConfigLoad load =
        parseConfig("[session]\nidle_timeout_seconds = 30\nstill_there_seconds = 60\n"
                    "[signage.hours]\non = \"21:00\"\noff = \"08:00\"\n",
                    "k.toml");
    const std::vector<std::string> want{
        "k.toml:3: session.still_there_seconds: must be shorter than session.idle_timeout_seconds "
        "(30); using default 15",
        "k.toml:6: signage.hours: the screen must go on before it goes off, got on 21:00, off "
        "08:00; using defaults on "
        "\"07:00\", off \"20:00\"",
    };
    CHECK(lines(load) == want);
    CHECK(load.config.session.idleTimeoutSeconds == 30);
    CHECK(load.config.session.stillThereSeconds == 15);
    CHECK(load.config.signage.hours == DailyHours{});
}

TEST_CASE("a file that is not TOML: reported with line and column, every setting at its default") {
    const ConfigLoad load = parseConfig("[display]\nwidth = 1024\nlanguage = \"en\n", "bad.toml");
    REQUIRE(load.problems.size() == 1);
    const ConfigProblem& p = load.problems[0];
    CHECK(p.line == 3);
    CHECK(p.column > 0);
    const std::string line = describe(p);
    INFO(line);
    CHECK(line.rfind("bad.toml:3:" + std::to_string(p.column) + ": not valid TOML: ", 0) == 0);
    CHECK(line.find("; using defaults for every setting") != std::string::npos);
    CHECK(load.config == KioskConfig{}); // not half a file: width 1024 does not apply either

    const ConfigLoad dup = parseConfig(
        "[session]\nidle_timeout_seconds = 60\nidle_timeout_seconds = 70\n", "dup.toml");
    REQUIRE(dup.problems.size() == 1);
    CHECK(dup.problems[0].line == 3);
}

TEST_CASE("unknown keys are reported (with the likely key) and ignored") {
    const ConfigLoad load = parseConfig("title = \"kiosk\"\n"
                                        "[session]\n"
                                        "idle_timout_seconds = 60\n"
                                        "[colours]\n"
                                        "accent = \"#ff0000\"\n"
                                        "[signage.slide_seconds]\n"
                                        "weather = 10\n"
                                        "[map]\n"
                                        "here = { lon = 18.6, lat = 53.0, alt = 60 }\n"
                                        "[admin]\n"
                                        "pin = \"1234\"\n",
                                        "k.toml");
    const std::vector<std::string> want{
        "k.toml:1: title: unknown key; ignored",
        "k.toml:3: session.idle_timout_seconds: unknown key; ignored (did you mean "
        "session.idle_timeout_seconds?)",
        "k.toml:4: colours: unknown key; ignored",
        "k.toml:7: signage.slide_seconds.weather: unknown key; ignored",
        "k.toml:9: map.here: must be { lon = DEGREES, lat = DEGREES }, e.g. { lon = 18.6047, lat = "
        "53.0103 }; unknown "
        "part alt; not shown on the map",
        "k.toml:11: admin.pin: unknown key; ignored",
    };
    CHECK(lines(load) == want);
    CHECK(load.config.session.idleTimeoutSeconds == 90);
}

TEST_CASE("platform.base_url: https with a host, optional port and path, nothing else") {
    for (const char* good :
         {"https://pes.torun.pl", "https://pes.torun.pl:8443/katalog", "https://10.0.0.5/"}) {
        const ConfigLoad load =
            parseConfig(std::string("[platform]\nbase_url = \"") + good + "\"\n", "k.toml");
        CHECK_MESSAGE(load.problems.empty(), good);
    }
    for (const char* bad : {"pes.torun.pl", "https://", "https:///x", "https://pes.torun.pl:99x/",
                            "https://user@pes.torun.pl", "https://pes.torun.pl/?q=1",
                            "https://pes torun.pl", "ftp://pes.torun.pl"}) {
        const ConfigLoad load =
            parseConfig(std::string("[platform]\nbase_url = \"") + bad + "\"\n", "k.toml");
        CHECK_MESSAGE(load.problems.size() == 1, bad);
        CHECK(load.config.platform.baseUrl.empty());
    }
}

TEST_CASE("a section that is not a table is reported, its keys keep their defaults") {
    const ConfigLoad load = parseConfig("display = 5\n", "k.toml");
    CHECK(lines(load) ==
          std::vector<std::string>{"k.toml:1: display: must be a table ([display]), got a whole "
                                   "number; its keys use their defaults"});
    CHECK(load.config == KioskConfig{});
}

TEST_CASE("flags override the file, the file overrides the defaults") {
    testsupport::TempDir dir("pestor-config");
    testsupport::writeTextFile(dir / "kiosk.toml",
                               "[display]\nlanguage = \"en\"\nfullscreen = false\nwidth = 1280\n"
                               "[data]\ncache = \"/srv/file.sqlite\"\n"
                               "[map]\ntile_memory_mb = 32\nhere = { lon = 18.5, lat = 53.0 }\n"
                               "[session]\nidle_timeout_seconds = 45\n");
    SUBCASE("the file alone, found at the default path") {
        Argv a({});
        const Startup s = resolveStartup(a.argc(), a.argv(), dir / "kiosk.toml");
        REQUIRE(s.options.has_value());
        CHECK(s.configMessages.empty());
        CHECK(s.options->lang == cache::Lang::En);
        CHECK(s.options->windowed);
        CHECK(s.options->width == 1280);
        CHECK(s.options->height == 1080); // default: not in the file
        CHECK(s.options->cachePath == "/srv/file.sqlite");
        CHECK(s.options->tileMemoryBytes == std::size_t{32} << 20);
        REQUIRE(s.options->here.has_value());
        CHECK(s.options->here->lon == doctest::Approx(18.5));
        CHECK(s.options->config.session.idleTimeoutSeconds == 45);
    }
    SUBCASE("flags win, and options.config says what they chose") {
        Argv a({"--config", (dir / "kiosk.toml").string(), "--lang", "uk", "--fullscreen",
                "--cache", "/tmp/flag.sqlite", "--tile-memory", "256", "--here", "18.6,53.01",
                "--size", "800x600"});
        const Startup s = resolveStartup(a.argc(), a.argv(), dir / "absent.toml");
        REQUIRE(s.options.has_value());
        CHECK(s.options->lang == cache::Lang::Uk);
        CHECK_FALSE(s.options->windowed);
        CHECK(s.options->cachePath == "/tmp/flag.sqlite");
        CHECK(s.options->tileMemoryBytes == std::size_t{256} << 20);
        CHECK(s.options->width == 800);
        const KioskConfig& c = s.options->config;
        CHECK(c.display.language == cache::Lang::Uk);
        CHECK(c.display.fullscreen);
        CHECK(c.display.width == 800);
        CHECK(c.data.cache == "/tmp/flag.sqlite");
        CHECK(c.map.tileMemoryMb == 256);
        REQUIRE(c.map.here.has_value());
        CHECK(c.map.here->lon == doctest::Approx(18.6));
        CHECK(c.session.idleTimeoutSeconds == 45); // no flag for it: the file's value
    }
    SUBCASE("no file anywhere: the built-in defaults") {
        Argv a({"--windowed"});
        const Startup s = resolveStartup(a.argc(), a.argv(), dir / "absent.toml");
        REQUIRE(s.options.has_value());
        CHECK(s.configMessages.empty());
        CHECK(s.options->windowed);
        CHECK(s.options->cachePath == "/var/lib/pestor-kiosk/cache.sqlite");
        CHECK(s.options->tileMemoryBytes == std::size_t{64} << 20);
        CHECK_FALSE(s.options->config.display.fullscreen);
    }
    SUBCASE("--config naming a missing file is a usage error") {
        Argv a({"--config", (dir / "typo.toml").string()});
        const Startup s = resolveStartup(a.argc(), a.argv(), dir / "kiosk.toml");
        CHECK_FALSE(s.options.has_value());
        CHECK(s.usageError ==
              "config: " + (dir / "typo.toml").string() + ": no such file (named by --config)");
    }
    SUBCASE("problems in the file become messages, the kiosk still gets settings") {
        testsupport::writeTextFile(dir / "bad.toml", "[session]\nidle_timeout_seconds = 5\n");
        Argv a({"--config", (dir / "bad.toml").string()});
        const Startup s = resolveStartup(a.argc(), a.argv());
        REQUIRE(s.options.has_value());
        CHECK(
            s.configMessages ==
            std::vector<std::string>{
                (dir / "bad.toml").string() +
                ":2: session.idle_timeout_seconds: must be a whole number from 20 to 3600, got 5; "
                "using default 90"});
        CHECK(s.options->config.session.idleTimeoutSeconds == 90);
    }
}

TEST_CASE("the shipped example parses with no problems and equals the defaults") {
    const fs::path example = fs::path(PESTOR_ASSETS_DIR) / "config" / "kiosk.example.toml";
    auto loaded = loadConfigFile(example, true);
    REQUIRE(std::holds_alternative<ConfigLoad>(loaded));
    const ConfigLoad& load = std::get<ConfigLoad>(loaded);
    CHECK_MESSAGE(load.problems.empty(), joined(lines(load)));
    CHECK(load.config == KioskConfig{});
}

TEST_CASE(
    "every key is in the example and in the README, and its documented default is the default") {
    const std::string example =
        readAll(fs::path(PESTOR_ASSETS_DIR) / "config" / "kiosk.example.toml");
    const std::string readme = readAll(fs::path(PESTOR_ASSETS_DIR).parent_path() / "README.md");
    REQUIRE_FALSE(readme.empty());
    for (const std::string& key : knownConfigKeys()) {
        CAPTURE(key);
        CHECK_MESSAGE(readme.find("`" + key + "`") != std::string::npos,
                      "README's Configuration table lacks " << key);
        const std::string leaf = key.substr(key.rfind('.') + 1);
        CHECK_MESSAGE(example.find(leaf) != std::string::npos, "the example lacks " << key);
        const std::string def = defaultConfigText(key);
        if (def.empty()) continue; // no default value (e.g. map.here)
        // The default, written as the README and the messages write it, is read back as the
        // default.
        const std::string section = key.substr(0, key.rfind('.'));
        const ConfigLoad load =
            parseConfig("[" + section + "]\n" + leaf + " = " + def + "\n", "default.toml");
        CHECK_MESSAGE(load.problems.empty(), joined(lines(load)));
        CHECK(load.config == KioskConfig{});
        CHECK_MESSAGE(readme.find("`" + key + "` | `" + def + "`") != std::string::npos,
                      "README's default for " << key << " is not `" << def << "`");
    }
}

TEST_CASE("hash-pin: a round trip, a wrong PIN refused, the PIN never printed") {
    std::istringstream in("2468\n");
    std::ostringstream out, err;
    REQUIRE(runHashPin(in, out, err) == 0);
    std::string hash = out.str();
    REQUIRE(hash.size() > 1);
    CHECK(hash.back() == '\n');
    hash.pop_back();
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("2468") == std::string::npos);
    CHECK(err.str().empty());
    CHECK(isPinHash(hash));
    CHECK(verifyPin(hash, "2468"));
    CHECK_FALSE(verifyPin(hash, "2469"));
    CHECK_FALSE(verifyPin(hash, ""));
    CHECK_FALSE(verifyPin("not a hash", "2468"));
    CHECK(hashPin("2468") != hash); // salted: the same PIN hashes differently each time

    const ConfigLoad load = parseConfig("[admin]\npin_hash = \"" + hash + "\"\n", "k.toml");
    CHECK(load.problems.empty());
    CHECK(verifyPin(load.config.admin.pinHash, "2468"));

    for (const char* badPin : {"12a4\n", "123\n", "1234567890123\n", "\n"}) {
        std::istringstream bin(badPin);
        std::ostringstream bout, berr;
        CHECK(runHashPin(bin, bout, berr) == 2);
        CHECK(bout.str().empty());
        CHECK(berr.str() == "pestor-kiosk --hash-pin: the PIN must be 4 to 12 digits\n");
    }
    std::istringstream crlf("13579\r\n");
    std::ostringstream cout2, cerr2;
    REQUIRE(runHashPin(crlf, cout2, cerr2) == 0);
    CHECK(verifyPin(cout2.str().substr(0, cout2.str().size() - 1), "13579"));
}

TEST_CASE("a damaged hash is refused as a config problem") {
    std::string h = samplePinHash();
    CHECK(isPinHash(h));
    CHECK_FALSE(isPinHash(h.substr(0, h.size() - 10)));      // cut short
    CHECK_FALSE(isPinHash("$argon2i$" + h.substr(10)));      // another algorithm name
    CHECK_FALSE(isPinHash("$2y$10$abcdefghijklmnopqrstuv")); // bcrypt: not ours
    CHECK_FALSE(isPinHash(""));
    std::string flipped = h;
    flipped[flipped.find("$m=") + 3] = 'x'; // memory parameter no longer a number
    CHECK_FALSE(isPinHash(flipped));
}
