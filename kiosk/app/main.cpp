// pestor-kiosk: the touch-facing process. No network: it reads the cache
// that pestor-sync writes.
#include <cstdio>
#include <exception>

#include "kiosk_app.hpp"

int main(int argc, char** argv) {
    std::string error;
    bool help = false;
    const auto options = kiosk::app::parseOptions(argc, argv, error, help);
    if (help) {
        std::fputs(kiosk::app::optionsUsage(), stdout);
        return 0;
    }
    if (!options) {
        std::fprintf(stderr, "pestor-kiosk: %s\n%s", error.c_str(), kiosk::app::optionsUsage());
        return 2;
    }
    try {
        return kiosk::app::runKiosk(*options);
    } catch (const std::exception& e) {
        // Last resort: log and exit non-zero so the service manager restarts us.
        std::fprintf(stderr, "pestor-kiosk: out of order: %s\n", e.what());
        return 3;
    }
}
