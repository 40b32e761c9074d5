#pragma once
// Command-line options of pestor-kiosk. The effective settings are
// defaults <- configuration file <- flags (startup_settings.hpp merges them).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "cache/value.hpp"
#include "kiosk_config.hpp"
#include "map/web_mercator.hpp"

namespace kiosk::app {

struct Options {
    std::filesystem::path cachePath = "/var/lib/pestor-kiosk/cache.sqlite";
    std::filesystem::path assetsDir;    // fonts/ inside; default: the build's or the installed assets
    bool windowed = false;              // --windowed: a normal window instead of fullscreen
    int width = 1920, height = 1080;    // --size WxH (windowed and headless)
    float dpi = 0;                      // --dpi: 0 = ask the display, else 96
    std::filesystem::path scriptPath;   // --script: play input, then exit
    std::filesystem::path screenshotDir = "screenshots";
    cache::Lang lang = cache::Lang::Pl; // --lang: the session's starting language
    std::optional<std::string> now;     // --now RFC3339: fixed clock for reproducible screenshots
    std::filesystem::path tilesPath;    // --tiles: a local MBTiles file instead of the synced pack
    std::optional<map::LonLat> here;    // --here LON,LAT: "you are here" on the map
    std::size_t tileMemoryBytes = 64u << 20; // --tile-memory MB: GPU budget for map tiles
    std::filesystem::path statsPath;    // --stats: frame figures as JSON on exit
    std::optional<std::filesystem::path> configPath; // --config: instead of kDefaultConfigPath (must exist)
    // --monkey SEED: seeded random visitor input for long runs (kiosk/monkey),
    // headless on the virtual clock like --script; reports go to stderr.
    std::optional<std::uint64_t> monkeySeed;
    double monkeyMinutes = 0;            // --monkey-minutes: stop after this much real time (0: until SIGTERM)
    std::string monkeyPin;               // --monkey-pin: the right admin PIN, tried now and then
    std::filesystem::path monkeyLogPath; // --monkey-log: the input played, as a --script file
    bool hashPin = false;               // --hash-pin: read a PIN on stdin, print its hash, exit
    // Every setting of the configuration file after the merge; the fields
    // above that flags can set hold the same values as their keys here.
    KioskConfig config;
};

// Returns nullopt and fills `error` on a bad flag; `help` for --help.
// Flags are applied on top of `base` (the configuration file's settings).
std::optional<Options> parseOptions(int argc, char** argv, std::string& error, bool& help, const Options& base = {});
const char* optionsUsage();

} // namespace kiosk::app
