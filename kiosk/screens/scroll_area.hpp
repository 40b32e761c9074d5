#pragma once
// A clipped child region whose content is moved by a KineticScroll.
#include <imgui.h>

#include "widgets/kinetic_scroll.hpp"

namespace kiosk::screens {

class ScrollArea {
public:
    // `contentHeight` is last frame's measured height (updated on destruction).
    ScrollArea(const char* id, ImVec2 pos, ImVec2 size, widgets::KineticScroll& scroll, float& contentHeight,
               float dt);
    ~ScrollArea();
    ScrollArea(const ScrollArea&) = delete;
    ScrollArea& operator=(const ScrollArea&) = delete;
    bool tapAllowed() const { return m_scroll.tapAllowed(); }
    float width() const { return m_size.x; }

private:
    widgets::KineticScroll& m_scroll;
    float& m_contentHeight;
    ImVec2 m_pos, m_size;
    float m_startY = 0;
};

} // namespace kiosk::screens
