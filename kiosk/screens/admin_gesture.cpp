// Watching for the hidden admin gesture over the whole frame: the taps go to
// widgets::HiddenGesture (pure logic) unless a control took them.
#include "screens.hpp"

#include <imgui.h>

namespace kiosk::screens {

void watchAdminGesture(const ScreenContext& ctx, UiState& ui, app::Actions& out) {
    if (!ctx.admin || !ctx.admin->gate.enabled) return; // no PIN hash: the corner is just a corner
    if (ctx.session.current().screen == app::ScreenId::Admin) return;
    if (!ImGui::IsMouseClicked(ImGuiMouseButton_Left)) return;
    // A tap on a button (back, home…) is that button's, and starts the count over.
    if (ImGui::IsAnyItemHovered()) {
        ui.adminGesture.reset();
        return;
    }
    widgets::HiddenGestureRule rule;
    rule.cornerPx = ctx.theme.mm(15.0f);
    const ImVec2 at = ImGui::GetIO().MouseClickedPos[ImGuiMouseButton_Left];
    if (ui.adminGesture.press(at.x, at.y, ctx.frameMs, rule)) out.push_back(app::OpenAdmin{});
}

} // namespace kiosk::screens
