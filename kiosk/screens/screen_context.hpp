#pragma once
// Everything a screen may read while drawing, all const. Screens append
// actions and touch only their own UI structs (scroll, text buffers).
#include <cstdint>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/session.hpp"
#include "cache/catalog.hpp"
#include "i18n/translator.hpp"
#include "platform/fonts.hpp"
#include "widgets/kinetic_scroll.hpp"
#include "widgets/theme.hpp"

namespace kiosk::screens {

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

    cache::Lang lang() const { return session.lang; }
    std::string_view t(std::string_view key) const { return tr.text(session.lang, key); }
};

// Per-screen UI state: scroll positions and the search field's buffer. Reset
// on navigation; never holds catalog data.
struct UiState {
    widgets::KineticScroll homeScroll;
    widgets::KineticScroll listScroll;
    widgets::KineticScroll filterScroll;
    widgets::KineticScroll detailScroll;
    widgets::KineticScroll searchScroll;
    float homeContent = 0, listContent = 0, filterContent = 0, detailContent = 0, searchContent = 0;
    std::string searchBuffer;
    bool focusSearchField = false;
    bool animating() const {
        return homeScroll.animating() || listScroll.animating() || filterScroll.animating() ||
               detailScroll.animating() || searchScroll.animating();
    }
};

} // namespace kiosk::screens
