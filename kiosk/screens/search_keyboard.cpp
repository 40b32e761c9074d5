#include "search_keyboard.hpp"

#include <imgui_internal.h>

namespace kiosk::screens {

widgets::KeyboardLanguage keyboardLanguageFor(cache::Lang lang) {
    switch (lang) {
    case cache::Lang::Pl: return widgets::KeyboardLanguage::Polish;
    case cache::Lang::En: return widgets::KeyboardLanguage::English;
    case cache::Lang::Uk: return widgets::KeyboardLanguage::Ukrainian;
    }
    return widgets::KeyboardLanguage::Polish;
}

// Why the buffer is edited here and not through io.AddInputCharacter: a tap on
// the keyboard is a click outside the field, which deactivates it (ImGui
// 1.86 InputTextEx: "release focus when we click outside"), so injected
// characters would have no field to go to. Instead the text is edited where
// it lives (ui.searchBuffer, the single source of truth, followed by the same
// SetQuery the field emits) and the field is brought back in step:
//  - an inactive InputText draws the caller's buffer, so the new text shows
//    on the next frame;
//  - when the field is re-activated, 1.86 reloads its text from the buffer
//    but would keep ("recycle") the old cursor and undo stack of the same id;
//    forgetting that state makes it start fresh, and the CallbackAlways
//    callback then puts the caret after the last character.
void drawSearchKeyboard(const ScreenContext& ctx, UiState& ui, app::Actions& out, const widgets::KeyRect& area,
                        ImGuiID fieldId) {
    const widgets::KeyboardLanguage lang = keyboardLanguageFor(ctx.lang());
    if (lang != ui.keyboard.followed) { // the visitor changed the screen's language: follow it again
        ui.keyboard.followed = lang;
        ui.keyboard.chosen.reset();
    }
    const widgets::KeyboardLabels labels{ctx.t("keyboard.space"),   ctx.t("keyboard.done"),
                                         ctx.t("keyboard.symbols"), ctx.t("keyboard.letters"),
                                         ctx.t("keyboard.altgr"),   ctx.fonts.title,
                                         ctx.fonts.bodyBold};
    const bool wasHolding = ui.keyboard.holding();
    const widgets::KeyPress press = widgets::onScreenKeyboard("osk", ui.keyboard, ctx.theme, area, ctx.dt, labels);
    if (press.kind == widgets::KeyPress::Kind::Done) {
        ui.keyboardHidden = true;
        return;
    }
    if (widgets::applyKeyPress(ui.searchBuffer, press)) {
        ImGuiContext& g = *GImGui;
        if (g.ActiveId == fieldId) ImGui::ClearActiveID(); // normally already inactive (see above)
        if (ImGuiInputTextState* st = ImGui::GetInputTextState(fieldId)) st->ID = 0;
        out.push_back(app::SetQuery{ui.searchBuffer});
    }
    // Give the field its caret back once the finger is off the keyboard (not
    // during a hold: an active field would turn the finger's slide into a
    // text selection).
    if (wasHolding && !ui.keyboard.holding()) {
        ui.focusSearchField = true;
        ui.searchCaretToEnd = true;
    }
}

void keepMouseHoverAfterFocus() { GImGui->NavDisableMouseHover = false; }

int searchFieldCallback(ImGuiInputTextCallbackData* data) {
    auto* ui = static_cast<UiState*>(data->UserData);
    if (ui->searchCaretToEnd) {
        data->CursorPos = data->SelectionStart = data->SelectionEnd = data->BufTextLen;
        ui->searchCaretToEnd = false;
    }
    return 0;
}

} // namespace kiosk::screens
