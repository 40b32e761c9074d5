#pragma once
// The ImGui context with its SDL2 and OpenGL3 backends, tied to a Window.
#include <imgui.h>
#include <optional>
#include <string>

struct SDL_Window;
union SDL_Event;

namespace kiosk::platform {

class Window;

// Creates the ImGui context and both backends; tears them down in reverse
// order. The Window must outlive it. Move-only.
//
// A frame, in the order ImGui 1.86 needs it:
//   beginBackendFrame();          // GL3 + SDL2 NewFrame (reads the real mouse)
//   applyToImGui(scripted, io);   // optional: scripted input overrides it
//   ImGui::NewFrame(); ...draw...; ImGui::Render();
//   renderDrawData(clearColour);  // then screenshots, then Window::swap()
class ImGuiRuntime {
  public:
    // Fonts are best loaded (loadFonts) before the first beginBackendFrame(),
    // which uploads the atlas to a texture.
    static std::optional<ImGuiRuntime> create(Window& window, std::string& error);

    ImGuiRuntime(ImGuiRuntime&& other) noexcept;
    ImGuiRuntime& operator=(ImGuiRuntime&& other) noexcept;
    ImGuiRuntime(const ImGuiRuntime&) = delete;
    ImGuiRuntime& operator=(const ImGuiRuntime&) = delete;
    ~ImGuiRuntime();

    void beginBackendFrame();
    void renderDrawData(const ImVec4& clearColour);
    void processEvent(const SDL_Event& event);

    ImGuiContext* context() const { return m_context; }
    SDL_Window* window() const { return m_window; }

  private:
    ImGuiRuntime(ImGuiContext* context, SDL_Window* window);
    void destroy();
    void makeCurrent() const;

    ImGuiContext* m_context = nullptr;
    SDL_Window* m_window = nullptr;
};

} // namespace kiosk::platform
