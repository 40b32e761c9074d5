#include "startup_settings.hpp"

namespace kiosk::app {

Options optionsFromConfig(const KioskConfig& c) {
    Options o;
    o.cachePath = c.data.cache;
    o.assetsDir = c.data.assets;
    o.windowed = !c.display.fullscreen;
    o.width = c.display.width;
    o.height = c.display.height;
    o.dpi = c.display.dpi;
    o.lang = c.display.language;
    o.tilesPath = c.map.tiles;
    if (c.map.here) o.here = map::LonLat{c.map.here->lon, c.map.here->lat};
    o.tileMemoryBytes = static_cast<std::size_t>(c.map.tileMemoryMb) << 20;
    o.config = c;
    return o;
}

// So that code reading options.config (signage, admin) sees what the flags
// chose, not what the file said.
void storeFlagsInConfig(Options& o) {
    KioskConfig& c = o.config;
    c.data.cache = o.cachePath;
    c.data.assets = o.assetsDir;
    c.display.fullscreen = !o.windowed;
    c.display.width = o.width;
    c.display.height = o.height;
    c.display.dpi = o.dpi;
    c.display.language = o.lang;
    c.map.tiles = o.tilesPath;
    c.map.here.reset();
    if (o.here) c.map.here = KioskConfig::Here{o.here->lon, o.here->lat};
    c.map.tileMemoryMb = static_cast<int>(o.tileMemoryBytes >> 20);
}

Startup resolveStartup(int argc, char** argv, const std::filesystem::path& defaultConfigPath) {
    Startup s;
    // First pass on built-in defaults: catches bad flags and learns --config.
    auto flagsOnly = parseOptions(argc, argv, s.usageError, s.help);
    if (s.help || !flagsOnly) return s;
    if (flagsOnly->hashPin) { // needs no configuration
        s.options = std::move(flagsOnly);
        return s;
    }
    const bool named = flagsOnly->configPath.has_value();
    auto loaded = loadConfigFile(named ? *flagsOnly->configPath : defaultConfigPath, named);
    if (auto* err = std::get_if<ConfigFileError>(&loaded)) {
        s.usageError = "config: " + err->message;
        return s;
    }
    const ConfigLoad& load = std::get<ConfigLoad>(loaded);
    for (const ConfigProblem& p : load.problems)
        s.configMessages.push_back(describe(p));
    // Second pass: the same flags on top of the file's settings.
    s.options = parseOptions(argc, argv, s.usageError, s.help, optionsFromConfig(load.config));
    if (s.options) storeFlagsInConfig(*s.options);
    return s;
}

} // namespace kiosk::app
