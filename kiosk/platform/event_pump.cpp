#include "event_pump.hpp"

#include "imgui_runtime.hpp"

#include <SDL.h>

namespace kiosk::platform {

namespace {

bool isInput(Uint32 type) {
    switch (type) {
    case SDL_MOUSEMOTION:
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEWHEEL:
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_TEXTEDITING:
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        return true;
    default:
        return false;
    }
}

} // namespace

PumpResult pumpEvents(ImGuiRuntime& imgui, TouchState& touch, int waitTimeoutMs) {
    PumpResult result;
    touch.beginPump();

    SDL_Window* window = imgui.window();
    const Uint32 windowId = SDL_GetWindowID(window);
    int width = 0;
    int height = 0;
    SDL_GetWindowSize(window, &width, &height);

    const auto handle = [&](const SDL_Event& event) {
        imgui.processEvent(event);
        result.hadInput = result.hadInput || isInput(event.type);
        switch (event.type) {
        case SDL_QUIT:
            result.quit = true;
            break;
        case SDL_WINDOWEVENT:
            if (event.window.windowID != windowId) break;
            if (event.window.event == SDL_WINDOWEVENT_CLOSE) result.quit = true;
            if (event.window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
                SDL_GetWindowSize(window, &width, &height);
            // Fingers lifted while another window had focus never report "up".
            if (event.window.event == SDL_WINDOWEVENT_FOCUS_LOST) touch.clear();
            break;
        // SDL imitates a mouse with the first finger; the backend above
        // already took it as a mouse (so ImGui buttons work by touch).
        case SDL_MOUSEMOTION:
            touch.mouseFromTouch = event.motion.which == SDL_TOUCH_MOUSEID;
            break;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            touch.mouseFromTouch = event.button.which == SDL_TOUCH_MOUSEID;
            break;
        // SDL gives finger positions normalised to the window (0..1); window
        // size, not drawable size, matches io.MousePos (see TouchPoint).
        case SDL_FINGERDOWN:
            touch.fingerDown(event.tfinger.touchId, event.tfinger.fingerId,
                             event.tfinger.x * static_cast<float>(width),
                             event.tfinger.y * static_cast<float>(height));
            break;
        case SDL_FINGERMOTION:
            touch.fingerMoved(event.tfinger.touchId, event.tfinger.fingerId,
                              event.tfinger.x * static_cast<float>(width),
                              event.tfinger.y * static_cast<float>(height));
            break;
        case SDL_FINGERUP:
            touch.fingerUp(event.tfinger.touchId, event.tfinger.fingerId);
            break;
        default:
            break;
        }
    };

    SDL_Event event;
    if (waitTimeoutMs > 0 && SDL_WaitEventTimeout(&event, waitTimeoutMs) == 1) handle(event);
    while (SDL_PollEvent(&event) == 1)
        handle(event);
    return result;
}

} // namespace kiosk::platform
