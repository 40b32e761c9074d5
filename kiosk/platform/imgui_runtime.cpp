#include "imgui_runtime.hpp"
#include "typed_text_privacy.hpp"

#include "window.hpp"

#include <GL/gl.h>
#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <utility>

namespace kiosk::platform {

std::optional<ImGuiRuntime> ImGuiRuntime::create(Window& window, std::string& error) {
    IMGUI_CHECKVERSION();
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::SetCurrentContext(context);
    ImGuiIO& io = ImGui::GetIO();
    // A kiosk must start the same way every time: no imgui.ini, no log file.
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;

    if (!ImGui_ImplSDL2_InitForOpenGL(window.sdl(), window.glContext())) {
        error = "could not initialise the ImGui SDL2 backend";
        ImGui::DestroyContext(context);
        return std::nullopt;
    }
    if (!ImGui_ImplOpenGL3_Init(window.glslVersion())) {
        error = std::string("could not initialise the ImGui OpenGL3 backend (GLSL ") +
                window.glslVersion() + ")";
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext(context);
        return std::nullopt;
    }
    disableClipboard(); // after the SDL backend, which installs SDL's clipboard
    return ImGuiRuntime(context, window.sdl());
}

ImGuiRuntime::ImGuiRuntime(ImGuiContext* context, SDL_Window* window)
    : m_context(context), m_window(window) {}

ImGuiRuntime::ImGuiRuntime(ImGuiRuntime&& other) noexcept
    : m_context(std::exchange(other.m_context, nullptr)),
      m_window(std::exchange(other.m_window, nullptr)) {}

ImGuiRuntime& ImGuiRuntime::operator=(ImGuiRuntime&& other) noexcept {
    if (this != &other) {
        destroy();
        m_context = std::exchange(other.m_context, nullptr);
        m_window = std::exchange(other.m_window, nullptr);
    }
    return *this;
}

ImGuiRuntime::~ImGuiRuntime() {
    destroy();
}

void ImGuiRuntime::destroy() {
    if (m_context == nullptr) return; // moved from
    makeCurrent();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext(m_context);
    m_context = nullptr;
}

// The backends work on ImGui's current context; making ours current keeps
// them right even if someone else (a test) switched contexts in between.
void ImGuiRuntime::makeCurrent() const {
    ImGui::SetCurrentContext(m_context);
}

void ImGuiRuntime::beginBackendFrame() {
    makeCurrent();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
}

void ImGuiRuntime::renderDrawData(const ImVec4& clearColour) {
    makeCurrent();
    int width = 0;
    int height = 0;
    SDL_GL_GetDrawableSize(m_window, &width, &height);
    glViewport(0, 0, width, height);
    glClearColor(clearColour.x, clearColour.y, clearColour.z, clearColour.w);
    glClear(GL_COLOR_BUFFER_BIT);
    if (ImDrawData* data = ImGui::GetDrawData()) ImGui_ImplOpenGL3_RenderDrawData(data);
}

void ImGuiRuntime::processEvent(const SDL_Event& event) {
    makeCurrent();
    ImGui_ImplSDL2_ProcessEvent(&event);
}

} // namespace kiosk::platform
