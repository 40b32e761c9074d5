// pestor-kiosk: the touch-facing process. No network: it reads the cache
// that pestor-sync writes.
#include <cstdio>
#include <exception>
#include <string>

#include "hash_pin_command.hpp"
#include "kiosk_app.hpp"
#include "startup_settings.hpp"
#include "zeroing_allocators.hpp"

int main(int argc, char** argv) {
    // Before anything allocates through ImGui or SQLite: freed memory is
    // zeroed, so nothing a visitor typed outlives its session.
    if (std::string error; !kiosk::app::installZeroingAllocators(error)) {
        std::fprintf(stderr, "pestor-kiosk: %s\n", error.c_str());
        return 2;
    }
    // Settings: defaults <- /etc/pestor-kiosk/kiosk.toml (or --config) <- flags.
    const kiosk::app::Startup startup = kiosk::app::resolveStartup(argc, argv);
    if (startup.help) {
        std::fputs(kiosk::app::optionsUsage(), stdout);
        std::printf("\nDefault asset folder (fonts, translations): %s\n", PESTOR_DEFAULT_ASSETS_DIR);
        return 0;
    }
    if (!startup.options) {
        std::fprintf(stderr, "pestor-kiosk: %s\n%s", startup.usageError.c_str(), kiosk::app::optionsUsage());
        return 2;
    }
    if (startup.options->hashPin) return kiosk::app::hashPinCommand();
    kiosk::app::Options options = *startup.options;
    // Each executable is built with its own asset folder: the build tree's
    // pestor-kiosk uses the source tree's assets/ (quick start, tests), the
    // installed one /usr/share/pestor-kiosk (kiosk/app/CMakeLists.txt).
    if (options.assetsDir.empty()) options.assetsDir = PESTOR_DEFAULT_ASSETS_DIR;
    // A bad setting is replaced by its default: said once here, never fatal.
    for (const std::string& line : startup.configMessages) std::fprintf(stderr, "pestor-kiosk: config: %s\n", line.c_str());
    try {
        return kiosk::app::runKiosk(options);
    } catch (const std::exception& e) {
        // Last resort: log and exit non-zero so the service manager restarts us.
        std::fprintf(stderr, "pestor-kiosk: out of order: %s\n", e.what());
        return 3;
    }
}
