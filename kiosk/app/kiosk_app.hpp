#pragma once
#include "options.hpp"

namespace kiosk::app {

// Runs the kiosk until quit (or until a script ends). Returns the exit code.
int runKiosk(const Options& options);

} // namespace kiosk::app
