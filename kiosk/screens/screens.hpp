#pragma once
#include "screen_context.hpp"

namespace kiosk::screens {

// The frame's whole screen: chrome (top bar, status line) plus the current
// route's content.
void drawKioskFrame(const ScreenContext& ctx, UiState& ui, app::Actions& out);

// The pieces, for tests and for the shell.
void drawHome(const ScreenContext& ctx, UiState& ui, app::Actions& out);
void drawList(const ScreenContext& ctx, UiState& ui, app::Actions& out);
void drawDetail(const ScreenContext& ctx, UiState& ui, app::Actions& out);
void drawSearch(const ScreenContext& ctx, UiState& ui, app::Actions& out);
void drawMap(const ScreenContext& ctx, UiState& ui, app::Actions& out);

} // namespace kiosk::screens
