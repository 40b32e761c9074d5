#include "options.hpp"

#include <cstdio>
#include <cstdlib>

#include "cache/datetime.hpp"

namespace kiosk::app {

const char* optionsUsage() {
    return "usage: pestor-kiosk [--cache PATH] [--assets DIR] [--windowed] [--size WxH] [--dpi N]\n"
           "                    [--lang pl|en|uk] [--script FILE [--screenshots DIR]] [--now RFC3339]\n"
           "                    [--tiles FILE.mbtiles] [--here LON,LAT] [--tile-memory MB] [--stats FILE]\n"
           "                    [--config FILE] [--fullscreen]\n"
           "                    [--monkey SEED [--monkey-minutes M] [--monkey-pin DIGITS] [--monkey-log FILE]]\n"
           "       pestor-kiosk --hash-pin < PIN\n"
           "  --config FILE       settings file (default /etc/pestor-kiosk/kiosk.toml, if present); flags win\n"
           "  --hash-pin          read the admin PIN (4-12 digits) on stdin, print admin.pin_hash for the file\n"
           "  --cache PATH        SQLite cache written by pestor-sync (read-only here)\n"
           "  --assets DIR        folder with fonts/ (default: the installed assets)\n"
           "  --windowed          a window instead of fullscreen (development); --fullscreen: the opposite\n"
           "  --size WxH          window size, default 1920x1080\n"
           "  --dpi N             screen DPI for 15 mm touch targets (default: from the display, else 96)\n"
           "  --lang CODE         starting language: pl (default), en, uk\n"
           "  --script FILE       play scripted input (tap/drag/type/key/wait/snap/quit), then exit\n"
           "  --screenshots DIR   where `snap NAME` writes NAME.png (default ./screenshots)\n"
           "  --now RFC3339       fixed clock, for reproducible screenshots\n"
           "  --tiles FILE        a local MBTiles base map (default: the pack the sync installed, if any)\n"
           "  --here LON,LAT      the terminal's own position, shown on the map as \"you are here\"\n"
           "  --tile-memory MB    texture memory for map tiles, 8 to 1024 (default 64)\n"
           "  --stats FILE        write frame-time and texture figures as JSON on exit (benchmarks)\n"
           "  --monkey SEED       long-run testing: seeded random visitor input on every screen (headless,\n"
           "                      virtual clock), a JSON report line on stderr every minute and at the end\n"
           "  --monkey-minutes M  stop the monkey after M minutes of real time (default: until SIGTERM)\n"
           "  --monkey-pin DIGITS the admin PIN the monkey enters now and then (else only wrong ones)\n"
           "  --monkey-log FILE   write the input played as a --script file, to replay a run\n";
}

std::optional<Options> parseOptions(int argc, char** argv, std::string& error, bool& help, const Options& base) {
    Options o = base;
    help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= argc) {
                error = "option " + a + " needs a value";
                return std::nullopt;
            }
            return std::string(argv[++i]);
        };
        if (a == "--help" || a == "-h") {
            help = true;
            return o;
        } else if (a == "--windowed") {
            o.windowed = true;
        } else if (a == "--fullscreen") { // undoes display.fullscreen = false from the file
            o.windowed = false;
        } else if (a == "--hash-pin") {
            o.hashPin = true;
        } else if (a == "--config") {
            auto v = value();
            if (!v) return std::nullopt;
            o.configPath = *v;
        } else if (a == "--cache") {
            auto v = value();
            if (!v) return std::nullopt;
            o.cachePath = *v;
        } else if (a == "--assets") {
            auto v = value();
            if (!v) return std::nullopt;
            o.assetsDir = *v;
        } else if (a == "--script") {
            auto v = value();
            if (!v) return std::nullopt;
            o.scriptPath = *v;
        } else if (a == "--screenshots") {
            auto v = value();
            if (!v) return std::nullopt;
            o.screenshotDir = *v;
        } else if (a == "--size") {
            auto v = value();
            if (!v) return std::nullopt;
            int w = 0, h = 0;
            if (std::sscanf(v->c_str(), "%dx%d", &w, &h) != 2 || w < 320 || h < 240 || w > 8192 || h > 8192) {
                error = "--size must look like 1920x1080 (320x240 to 8192x8192), got '" + *v + "'";
                return std::nullopt;
            }
            o.width = w, o.height = h;
        } else if (a == "--dpi") {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            const float d = std::strtof(v->c_str(), &end);
            if (end == v->c_str() || *end || d < 50 || d > 600) {
                error = "--dpi must be a number from 50 to 600, got '" + *v + "'";
                return std::nullopt;
            }
            o.dpi = d;
        } else if (a == "--lang") {
            auto v = value();
            if (!v) return std::nullopt;
            if (*v == "pl") o.lang = cache::Lang::Pl;
            else if (*v == "en") o.lang = cache::Lang::En;
            else if (*v == "uk") o.lang = cache::Lang::Uk;
            else {
                error = "--lang must be pl, en or uk, got '" + *v + "'";
                return std::nullopt;
            }
        } else if (a == "--now") {
            auto v = value();
            if (!v) return std::nullopt;
            auto n = cache::normaliseDateTime(*v);
            if (!n) {
                error = "--now: " + n.error().message;
                return std::nullopt;
            }
            o.now = *n;
        } else if (a == "--tiles") {
            auto v = value();
            if (!v) return std::nullopt;
            o.tilesPath = *v;
        } else if (a == "--monkey") {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            const unsigned long long seed = std::strtoull(v->c_str(), &end, 10);
            if (v->empty() || end == v->c_str() || *end || (*v)[0] == '-') {
                error = "--monkey takes a seed, a whole number >= 0, got '" + *v + "'";
                return std::nullopt;
            }
            o.monkeySeed = seed;
        } else if (a == "--monkey-minutes") {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            const double m = std::strtod(v->c_str(), &end);
            if (end == v->c_str() || *end || !(m >= 0) || m > 60 * 24 * 30) {
                error = "--monkey-minutes must be a number of minutes from 0 to 43200, got '" + *v + "'";
                return std::nullopt;
            }
            o.monkeyMinutes = m;
        } else if (a == "--monkey-pin") {
            auto v = value();
            if (!v) return std::nullopt;
            if (v->size() < 4 || v->size() > 12 || v->find_first_not_of("0123456789") != std::string::npos) {
                error = "--monkey-pin must be 4 to 12 digits";
                return std::nullopt;
            }
            o.monkeyPin = *v;
        } else if (a == "--monkey-log") {
            auto v = value();
            if (!v) return std::nullopt;
            o.monkeyLogPath = *v;
        } else if (a == "--stats") {
            auto v = value();
            if (!v) return std::nullopt;
            o.statsPath = *v;
        } else if (a == "--here") {
            auto v = value();
            if (!v) return std::nullopt;
            double lon = 0, lat = 0;
            char tail = 0;
            if (std::sscanf(v->c_str(), "%lf,%lf%c", &lon, &lat, &tail) != 2 || lon < -180 || lon > 180 || lat < -85 ||
                lat > 85) {
                error = "--here must be LON,LAT in degrees, e.g. 18.6047,53.0103, got '" + *v + "'";
                return std::nullopt;
            }
            o.here = map::LonLat{lon, lat};
        } else if (a == "--tile-memory") {
            auto v = value();
            if (!v) return std::nullopt;
            char* end = nullptr;
            const long mb = std::strtol(v->c_str(), &end, 10);
            if (end == v->c_str() || *end || mb < 8 || mb > 1024) {
                error = "--tile-memory must be a whole number of MB from 8 to 1024, got '" + *v + "'";
                return std::nullopt;
            }
            o.tileMemoryBytes = static_cast<std::size_t>(mb) << 20;
        } else {
            error = "unknown option " + a;
            return std::nullopt;
        }
    }
    return o;
}

} // namespace kiosk::app
