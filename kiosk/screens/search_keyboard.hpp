#pragma once
// The search screen's side of the on-screen keyboard: which layout a
// language gets, and how a key press reaches the search field.
#include <imgui.h>

#include "screen_context.hpp"

namespace kiosk::screens {

widgets::KeyboardLanguage keyboardLanguageFor(cache::Lang lang);

// Draws the keyboard in `area` and applies what was typed to
// `ui.searchBuffer`, emitting SetQuery exactly like typing into the field.
// `fieldId`: the search field's ImGui id (its text state is kept in step).
void drawSearchKeyboard(const ScreenContext& ctx, UiState& ui, app::Actions& out, const widgets::KeyRect& area,
                        ImGuiID fieldId);

// The search field's InputText callback (ImGuiInputTextFlags_CallbackAlways,
// user data = &ui): after the keyboard changed the text, the caret goes after
// it once the field is active again.
int searchFieldCallback(ImGuiInputTextCallbackData* data);

// Call when the field was activated by SetKeyboardFocusHere. ImGui 1.86
// treats focus by code like keyboard navigation and ignores mouse hover until
// the mouse moves; a finger tapping the next key on the frame the field takes
// its focus back must not be ignored.
void keepMouseHoverAfterFocus();

} // namespace kiosk::screens
