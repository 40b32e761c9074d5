#pragma once
// Everything a screen may read while drawing, all const. Screens append
// actions and touch only their own UI structs (scroll, text buffers).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/admin_panel.hpp"
#include "app/map_scene.hpp"
#include "app/session.hpp"
#include "cache/catalog.hpp"
#include "i18n/translator.hpp"
#include "map/camera.hpp"
#include "map/map_gestures.hpp"
#include "map/tile_plan.hpp"
#include "platform/touch_state.hpp"
#include "platform/fonts.hpp"
#include "qr/take_away.hpp"
#include "widgets/hidden_gesture.hpp"
#include "widgets/kinetic_scroll.hpp"
#include "widgets/on_screen_keyboard.hpp"
#include "widgets/theme.hpp"

namespace kiosk::screens {

class TileLookup; // map_canvas.hpp

struct ScreenContext {
    const cache::Catalog& catalog;
    const app::Session& session;
    const i18n::Translator& tr;
    const widgets::Theme& theme;
    const platform::FontSet& fonts;
    const std::vector<const cache::Record*>& listRows;    // the current list, filtered
    const std::vector<const cache::Record*>& relatedRows; // records linking to the detail's record
    std::int64_t nowUnix;
    float dt;
    std::string statusLine; // "Dane z 21.11.2026, 14:02"
    // The map's inputs (null: the map shows an empty city).
    const app::MapScene* mapScene = nullptr;
    const TileLookup* tiles = nullptr;
    const platform::TouchState* touch = nullptr; // fingers; null = mouse only
    double frameMs = 0;                          // monotonic frame time (virtual when scripted)
    std::optional<map::LonLat> here;             // the terminal's own position, from configuration
    const std::vector<qr::TakeAwayCode>* takeAway = nullptr; // the detail's QR codes, computed by the app
    const app::AdminPanel* admin = nullptr; // the admin screen's data; null = admin disabled (no PIN hash)

    cache::Lang lang() const { return session.lang; }
    std::string_view t(std::string_view key) const { return tr.text(session.lang, key); }
};

// The map's view and its motion. Survives navigation (back from a detail
// screen returns to the same view); reset with the session.
struct MapUi {
    map::Camera camera;
    ImVec2 viewOrigin{0, 0}; // the map viewport's top-left corner on screen
    bool placed = false;
    map::MapGestures gestures;
    app::Route centredFor;                // the route whose record the view was last centred on
    widgets::KineticScroll listScroll;    // the in-view list
    float listContent = 0;
    std::vector<map::TileKey> tilesDrawn; // outputs of the last frame, for the app
    std::vector<map::TileKey> tilesWanted;
    bool animating() const { return gestures.animating() || listScroll.animating(); }
};

// The admin screen's own state: the PIN being typed (wiped when this is
// reset, i.e. on every route change) and the quit confirmation.
struct AdminUi {
    app::PinDigits pin;
    bool confirmQuit = false;
    // Where the controls were drawn this frame (empty: not drawn); tests tap into them.
    struct Layout {
        std::optional<ImVec2> pad; // the PIN pad's top-left corner (widgets::pinKeyRect)
        widgets::KeyRect sync, signage, quit, quitYes, quitNo;
    } layout;
};

// Per-screen UI state: scroll positions and the search field's buffer. Reset
// on navigation (except the map's view); never holds catalog data.
struct UiState {
    widgets::KineticScroll homeScroll;
    widgets::KineticScroll listScroll;
    widgets::KineticScroll filterScroll;
    widgets::KineticScroll detailScroll;
    widgets::KineticScroll searchScroll;
    float homeContent = 0, listContent = 0, filterContent = 0, detailContent = 0, searchContent = 0;
    std::string searchBuffer;
    bool focusSearchField = false;
    widgets::KeyboardState keyboard;  // the search screen's on-screen keyboard
    bool keyboardHidden = false;      // "Done" was pressed; tapping the field brings it back
    bool searchCaretToEnd = false;    // the keyboard changed searchBuffer: caret after it on re-activation
    widgets::KeyRect searchFieldRect; // where the field was last drawn (layout checks)
    MapUi map;
    widgets::HiddenGesture adminGesture; // taps towards the admin screen (reset with the rest)
    AdminUi admin;
    bool animating() const {
        return homeScroll.animating() || listScroll.animating() || filterScroll.animating() ||
               detailScroll.animating() || searchScroll.animating() || map.animating() ||
               keyboard.holding(); // long-press and backspace repeat need frames while a finger rests
    }
};

} // namespace kiosk::screens
