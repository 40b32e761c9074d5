#include "scrub.hpp"

#include <string.h> // explicit_bzero

namespace kiosk::app {

[[gnu::noinline]] void burnStack() {
    constexpr unsigned kBytes = 64 * 1024;
    unsigned char area[kBytes];
    explicit_bzero(area, sizeof area); // never optimised away
}

} // namespace kiosk::app
