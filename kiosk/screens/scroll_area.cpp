#include "scroll_area.hpp"

#include <algorithm>

namespace kiosk::screens {

ScrollArea::ScrollArea(const char* id, ImVec2 pos, ImVec2 size, widgets::KineticScroll& scroll,
                       float& contentHeight, float dt)
    : m_scroll(scroll), m_contentHeight(contentHeight), m_pos(pos), m_size(size) {
    m_scroll.update(pos, ImVec2(pos.x + size.x, pos.y + size.y), contentHeight, dt);
    ImGui::SetCursorScreenPos(pos);
    ImGui::BeginChild(id, size, false,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                          ImGuiWindowFlags_NoBackground);
    // The content is shifted rather than ImGui-scrolled: the offset applies
    // this frame, with no one-frame lag under the finger.
    ImGui::SetCursorPosY(-m_scroll.offset());
    m_startY = ImGui::GetCursorPosY();
}

ScrollArea::~ScrollArea() {
    m_contentHeight = ImGui::GetCursorPosY() - m_startY;
    // A thin position indicator, only when there is something to scroll.
    if (m_contentHeight > m_size.y + 1) {
        const float frac = m_size.y / m_contentHeight;
        const float barH = std::max(40.0f, m_size.y * frac);
        const float t = std::clamp(m_scroll.offset() / (m_contentHeight - m_size.y), 0.0f, 1.0f);
        const float y = m_pos.y + t * (m_size.y - barH);
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(m_pos.x + m_size.x - 8, y),
                                                  ImVec2(m_pos.x + m_size.x - 2, y + barH),
                                                  IM_COL32(0, 0, 0, 60), 3.0f);
    }
    ImGui::EndChild();
}

} // namespace kiosk::screens
