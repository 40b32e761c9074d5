// pestor-kiosk: the touch-facing process. No network: it reads the cache
// that pestor-sync writes.
#include <cstdio>
#include <exception>

#include "hash_pin_command.hpp"
#include "kiosk_app.hpp"
#include "startup_settings.hpp"

int main(int argc, char** argv) {
    // Settings: defaults <- /etc/pestor-kiosk/kiosk.toml (or --config) <- flags.
    const kiosk::app::Startup startup = kiosk::app::resolveStartup(argc, argv);
    if (startup.help) {
        std::fputs(kiosk::app::optionsUsage(), stdout);
        return 0;
    }
    if (!startup.options) {
        std::fprintf(stderr, "pestor-kiosk: %s\n%s", startup.usageError.c_str(), kiosk::app::optionsUsage());
        return 2;
    }
    if (startup.options->hashPin) return kiosk::app::hashPinCommand();
    // A bad setting is replaced by its default: said once here, never fatal.
    for (const std::string& line : startup.configMessages) std::fprintf(stderr, "pestor-kiosk: config: %s\n", line.c_str());
    try {
        return kiosk::app::runKiosk(*startup.options);
    } catch (const std::exception& e) {
        // Last resort: log and exit non-zero so the service manager restarts us.
        std::fprintf(stderr, "pestor-kiosk: out of order: %s\n", e.what());
        return 3;
    }
}
