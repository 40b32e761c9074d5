#pragma once
// The kiosk's one window and its OpenGL context. SDL types are only
// forward-declared so code above the platform layer never sees SDL headers.
#include <optional>
#include <string>

struct SDL_Window;

namespace kiosk::platform {

struct WindowOptions {
    int width = 1920; // ignored in fullscreen: the desktop mode decides
    int height = 1080;
    bool fullscreen = true;
    bool visible = true;
    bool vsync = true;
    std::string title = "PES-TOR Kiosk";
};

// Owns the SDL video subsystem (SDL counts initialisations, so each Window
// takes one reference and the last one to go shuts SDL down), the window and
// an OpenGL 3.2 core context (3.0 if the driver refuses 3.2 core). Move-only.
class Window {
  public:
    static std::optional<Window> create(const WindowOptions& options, std::string& error);

    Window(Window&& other) noexcept;
    Window& operator=(Window&& other) noexcept;
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;
    ~Window();

    SDL_Window* sdl() const { return m_window; }
    void* glContext() const { return m_glContext; } // an SDL_GLContext
    void swap();

    int drawableWidth() const;
    int drawableHeight() const;
    float dpi() const; // diagonal DPI of the window's display; 0 if unknown
    const char* glslVersion() const { return m_glslVersion; }

  private:
    Window(SDL_Window* window, void* glContext, const char* glslVersion);
    void destroy();

    SDL_Window* m_window = nullptr;
    void* m_glContext = nullptr;
    const char* m_glslVersion = nullptr; // points at a string literal
};

} // namespace kiosk::platform
