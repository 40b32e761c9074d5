#include "window.hpp"

#include <SDL.h>
#include <utility>

namespace kiosk::platform {

namespace {

struct GlVersion {
    int major;
    int minor;
    int profile;
    const char* glsl;
};

// 3.2 core lets the ImGui GL3 backend use base-vertex draws (no 64k-vertex
// limit per draw list); 3.0 is the fallback for drivers without core profiles.
constexpr GlVersion kPreferredGl{3, 2, SDL_GL_CONTEXT_PROFILE_CORE, "#version 150"};
constexpr GlVersion kFallbackGl{3, 0, 0, "#version 130"};

void requestGl(const GlVersion& v) {
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, v.profile);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, v.major);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, v.minor);
}

std::string sdlError(const char* what) {
    return std::string(what) + ": " + SDL_GetError();
}

void releaseVideo() {
    SDL_QuitSubSystem(SDL_INIT_VIDEO);
    if (SDL_WasInit(SDL_INIT_EVERYTHING) == 0) SDL_Quit();
}

} // namespace

std::optional<Window> Window::create(const WindowOptions& options, std::string& error) {
    if (!options.fullscreen && (options.width <= 0 || options.height <= 0)) {
        error = "window size must be positive, got " + std::to_string(options.width) + "x" +
                std::to_string(options.height);
        return std::nullopt;
    }

    // Hints are read when the video subsystem starts.
    // The kiosk draws its own on-screen keyboard; an IME popup would cover it.
    SDL_SetHint(SDL_HINT_IME_SHOW_UI, "0");
    // ImGui widgets are driven by the mouse events SDL synthesises from touch.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");

    if (SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        error = sdlError("could not start SDL video");
        return std::nullopt;
    }

    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    // ImGui needs neither depth nor stencil; software GL pays for every buffer.
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
    requestGl(kPreferredGl);

    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    flags |= options.visible ? SDL_WINDOW_SHOWN : SDL_WINDOW_HIDDEN;
    flags |= options.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : SDL_WINDOW_RESIZABLE;
    SDL_Window* window =
        SDL_CreateWindow(options.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                         options.width, options.height, flags);
    if (window == nullptr) {
        error = sdlError("could not create the window");
        releaseVideo();
        return std::nullopt;
    }

    const GlVersion* version = &kPreferredGl;
    SDL_GLContext context = SDL_GL_CreateContext(window);
    if (context == nullptr) {
        const std::string firstError = SDL_GetError();
        version = &kFallbackGl;
        requestGl(kFallbackGl);
        context = SDL_GL_CreateContext(window);
        if (context == nullptr) {
            error = "could not create an OpenGL 3.2 core context (" + firstError +
                    ") nor an OpenGL 3.0 one (" + SDL_GetError() + ")";
            SDL_DestroyWindow(window);
            releaseVideo();
            return std::nullopt;
        }
    }
    SDL_GL_MakeCurrent(window, context);
    // Not every driver can change the swap interval (Xvfb cannot); running
    // without vsync is still correct, just busier.
    SDL_GL_SetSwapInterval(options.vsync ? 1 : 0);
    SDL_DisableScreenSaver();
    // A fullscreen kiosk is touched, not pointed at: no cursor on screen.
    if (options.fullscreen) SDL_ShowCursor(SDL_DISABLE);

    return Window(window, context, version->glsl);
}

Window::Window(SDL_Window* window, void* glContext, const char* glslVersion)
    : m_window(window), m_glContext(glContext), m_glslVersion(glslVersion) {}

Window::Window(Window&& other) noexcept
    : m_window(std::exchange(other.m_window, nullptr)),
      m_glContext(std::exchange(other.m_glContext, nullptr)),
      m_glslVersion(std::exchange(other.m_glslVersion, nullptr)) {}

Window& Window::operator=(Window&& other) noexcept {
    if (this != &other) {
        destroy();
        m_window = std::exchange(other.m_window, nullptr);
        m_glContext = std::exchange(other.m_glContext, nullptr);
        m_glslVersion = std::exchange(other.m_glslVersion, nullptr);
    }
    return *this;
}

Window::~Window() {
    destroy();
}

void Window::destroy() {
    if (m_window == nullptr) return; // moved from
    SDL_GL_DeleteContext(m_glContext);
    SDL_DestroyWindow(m_window);
    releaseVideo();
    m_window = nullptr;
    m_glContext = nullptr;
}

void Window::swap() {
    SDL_GL_SwapWindow(m_window);
}

int Window::drawableWidth() const {
    int width = 0;
    SDL_GL_GetDrawableSize(m_window, &width, nullptr);
    return width;
}

int Window::drawableHeight() const {
    int height = 0;
    SDL_GL_GetDrawableSize(m_window, nullptr, &height);
    return height;
}

float Window::dpi() const {
    const int display = SDL_GetWindowDisplayIndex(m_window);
    float diagonal = 0;
    if (display < 0 || SDL_GetDisplayDPI(display, &diagonal, nullptr, nullptr) != 0) return 0;
    return diagonal;
}

} // namespace kiosk::platform
