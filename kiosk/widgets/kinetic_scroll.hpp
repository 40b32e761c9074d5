#pragma once
// Finger-drag scrolling with inertia for a vertical region. It reads ImGui's
// mouse (SDL turns touches into mouse events for ImGui) and keeps only its
// own offset and velocity: the content is the caller's.
#include <imgui.h>

namespace kiosk::widgets {

class KineticScroll {
public:
    // Call once per frame before drawing the region's content. `area` is the
    // visible rectangle in screen coordinates; `contentHeight` the height of
    // the content drawn last frame; dt in seconds.
    void update(const ImVec2& areaMin, const ImVec2& areaMax, float contentHeight, float dt);
    float offset() const { return m_offset; }
    // False while a drag or fling is under way: a press that scrolls must not
    // also open the row under the finger.
    bool tapAllowed() const { return !m_dragging && !m_pressWasDrag && !m_pressStoppedFling; }
    bool animating() const { return m_dragging || m_velocity != 0.0f; }
    void reset() { *this = KineticScroll(); }
    void scrollTo(float offset) { m_offset = offset; m_velocity = 0; }

    static constexpr float kDragThresholdPx = 12.0f;   // a finger moves a little while tapping
    static constexpr float kDecelerationPxS2 = 3400.0f; // Leaflet's feel
    static constexpr float kMaxVelocityPxS = 6000.0f;

private:
    float m_offset = 0;
    float m_velocity = 0;
    float m_maxOffset = 0;
    bool m_pressed = false;
    bool m_dragging = false;
    bool m_pressWasDrag = false;
    bool m_pressStoppedFling = false;
    float m_pressY = 0;
    float m_pressOffset = 0;
    float m_lastY = 0;
    float m_sampleVelocity = 0;
};

} // namespace kiosk::widgets
