// Sanitizer builds only (cmake/Sanitizers.cmake links this into the
// programs that open a GL context): keeps Mesa's software DRI driver mapped
// until the process ends.
//
// Why: at exit SDL_Quit closes the X display, and libGLX_mesa dlcloses the
// driver. LeakSanitizer runs after that, no longer sees the blocks the
// driver's own globals still pointed to, and reports them as leaks from an
// "<unknown module>" that no suppression can name. With the driver held
// (RTLD_NODELETE) those blocks stay reachable and nothing is reported;
// anything LeakSanitizer still finds is a real leak.
#include <dlfcn.h>
#include <cstdio>

namespace {

struct KeepGlDriver {
    KeepGlDriver() {
        if (!dlopen(PESTOR_GL_DRIVER, RTLD_NOW | RTLD_GLOBAL | RTLD_NODELETE))
            std::fprintf(stderr, "keep_gl_driver: %s (LeakSanitizer may report Mesa's blocks)\n", dlerror());
    }
};

const KeepGlDriver kKeepGlDriver;

} // namespace
