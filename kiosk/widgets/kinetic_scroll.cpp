#include "kinetic_scroll.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::widgets {

void KineticScroll::update(const ImVec2& areaMin, const ImVec2& areaMax, float contentHeight, float dt) {
    const ImGuiIO& io = ImGui::GetIO();
    const float viewHeight = areaMax.y - areaMin.y;
    m_maxOffset = std::max(0.0f, contentHeight - viewHeight);
    const bool inside = io.MousePos.x >= areaMin.x && io.MousePos.x < areaMax.x &&
                        io.MousePos.y >= areaMin.y && io.MousePos.y < areaMax.y;

    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && inside) {
        m_pressed = true;
        m_pressWasDrag = false;
        m_pressStoppedFling = std::fabs(m_velocity) > 200.0f;
        m_velocity = 0;
        m_pressY = m_lastY = io.MousePos.y;
        m_pressOffset = m_offset;
        m_sampleVelocity = 0;
    }
    if (m_pressed && io.MouseDown[ImGuiMouseButton_Left]) {
        const float y = io.MousePos.y;
        if (!m_dragging && std::fabs(y - m_pressY) > kDragThresholdPx) {
            m_dragging = true;
            m_pressWasDrag = true;
        }
        if (m_dragging) {
            m_offset = m_pressOffset - (y - m_pressY);
            // Velocity smoothed over ~50 ms of samples.
            if (dt > 0) {
                const float v = -(y - m_lastY) / dt;
                const float a = std::min(1.0f, dt / 0.05f);
                m_sampleVelocity = m_sampleVelocity * (1 - a) + v * a;
            }
        }
        m_lastY = y;
    } else if (m_pressed) { // released
        if (m_dragging) m_velocity = std::clamp(m_sampleVelocity, -kMaxVelocityPxS, kMaxVelocityPxS);
        m_pressed = false;
        m_dragging = false;
    } else if (!io.MouseDown[ImGuiMouseButton_Left]) {
        m_pressWasDrag = false;
        m_pressStoppedFling = false;
    }

    if (inside && io.MouseWheel != 0.0f) {
        m_offset -= io.MouseWheel * 120.0f;
        m_velocity = 0;
    }

    if (!m_dragging && m_velocity != 0.0f) {
        m_offset += m_velocity * dt;
        const float dv = kDecelerationPxS2 * dt;
        m_velocity = std::fabs(m_velocity) <= dv ? 0.0f : m_velocity - std::copysign(dv, m_velocity);
    }
    if (!m_dragging) {
        // Bounce back inside the content (a short spring rather than a wall).
        if (m_offset < 0) m_offset = std::fabs(m_offset) < 0.5f ? 0 : m_offset * std::max(0.0f, 1 - dt * 12);
        if (m_offset > m_maxOffset)
            m_offset = m_offset - m_maxOffset < 0.5f ? m_maxOffset
                                                     : m_maxOffset + (m_offset - m_maxOffset) * std::max(0.0f, 1 - dt * 12);
        if ((m_offset <= 0 && m_velocity < 0) || (m_offset >= m_maxOffset && m_velocity > 0)) m_velocity = 0;
    }
}

} // namespace kiosk::widgets
