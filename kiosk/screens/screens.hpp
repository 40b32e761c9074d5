#pragma once
#include "screen_context.hpp"

#include <cstddef>
#include <optional>

namespace kiosk::signage {
struct Deck;
struct LocalTime;
} // namespace kiosk::signage

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
// Locked: the PIN pad; unlocked: the terminal's health and the admin's buttons.
void drawAdmin(const ScreenContext& ctx, UiState& ui, app::Actions& out);
// The hidden gesture (five quick taps in the top-left corner, on no control)
// emits OpenAdmin; does nothing while ctx.admin is null (no PIN hash).
// Call it last in the frame, when every control has claimed its hover.
void watchAdminGesture(const ScreenContext& ctx, UiState& ui, app::Actions& out);

// "Still there?" over the current screen, with the seconds left before the
// session is wiped. Draw it after drawKioskFrame, in the same frame.
void drawStillThere(const ScreenContext& ctx, int secondsLeft);

// Signage: slide `slide` of `deck` full screen (none or out of range: the
// plain welcome with the invitation), the clock and date at `now`, the slide
// dots, and "touch to start" in pl, en and uk at once unless `touchPrompt` is
// false (a screen without touch). Draws only; call it instead of
// drawKioskFrame.
void drawSignage(const ScreenContext& ctx, const signage::Deck& deck, std::optional<std::size_t> slide,
                 const signage::LocalTime& now, bool touchPrompt = true);

} // namespace kiosk::screens
