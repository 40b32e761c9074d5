#pragma once
// One tappable record row (lists and search results): title, one-line
// summary, status badge. Returns true when tapped.
#include <imgui.h>

#include "cache/record.hpp"
#include "screen_context.hpp"

namespace kiosk::screens {

float recordRowHeight(const ScreenContext& ctx);
bool drawRecordRow(const ScreenContext& ctx, const cache::Record& r, float width, bool allowTap);
// The badge alone, for detail headers; returns its width.
float drawBadge(const ScreenContext& ctx, const cache::Record& r, ImVec2 pos);

} // namespace kiosk::screens
