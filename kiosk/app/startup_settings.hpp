#pragma once
// What pestor-kiosk runs with: defaults <- the configuration file <- flags.
// Pure (files, no window), so the precedence is unit-tested.
#include "kiosk_config.hpp"
#include "options.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::app {

struct Startup {
    std::optional<Options> options; // the merged settings; nullopt on a usage error or --help
    bool help = false;              // print the usage, exit 0
    std::string usageError;         // a bad flag or a missing --config file: exit 2
    std::vector<std::string>
        configMessages; // one line per problem in the file (the kiosk still runs)
};

// The file is `--config PATH` when given (it must exist), else
// `defaultConfigPath` when present.
Startup resolveStartup(int argc, char** argv,
                       const std::filesystem::path& defaultConfigPath = kDefaultConfigPath);

// The flag-settable fields of Options from a configuration, and back.
Options optionsFromConfig(const KioskConfig& config);
void storeFlagsInConfig(Options& options);

} // namespace kiosk::app
