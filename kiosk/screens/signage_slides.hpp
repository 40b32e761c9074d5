#pragma once
// The body of a signage slide, one drawing function per slide kind, inside a
// rectangle the signage screen gives it. Draw lists only: no widgets, no
// input (the loop treats any touch as a wake-up).
#include "screen_context.hpp"
#include "signage/slide_deck.hpp"

#include <imgui.h>
#include <string_view>

namespace kiosk::screens {

struct SlideBox {
    ImVec2 min, max;
    float width() const { return max.x - min.x; }
    float height() const { return max.y - min.y; }
};

// The slide's heading key, "signage.title.<kind>".
std::string_view slideTitleKey(app::SlideKind kind);

// The slide's records in `box`. Records no longer in ctx.catalog (a newer
// snapshot than the deck's) are left out.
void drawSlideBody(const ScreenContext& ctx, const signage::Slide& slide, SlideBox box);

} // namespace kiosk::screens
