#pragma once
// What this visitor did: where they are, what they typed, which filters they
// chose, their language. Lives only in memory; wiped on idle (issue 5).
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "cache/searcher.hpp"
#include "filters.hpp"
#include "route.hpp"

namespace kiosk::app {

struct MapSelection {
    cache::Collection collection;
    std::string id;
    bool operator==(const MapSelection&) const = default;
};

struct Session {
    std::vector<Route> history{Route{}}; // never empty; back() is the current screen
    cache::Lang lang = cache::Lang::Pl;
    std::string query;
    std::uint64_t queryGeneration = 0;         // bumped on every query change
    std::optional<cache::SearchResults> results; // for `query`, when they arrived
    std::map<cache::Collection, FilterState> filters;
    std::set<cache::Collection> hiddenMapLayers;
    std::optional<MapSelection> mapSelection; // the marker whose card is open
    // Accessibility choices, one tap away on every screen; wiped with the rest.
    bool highContrast = false; // the high-contrast theme (text at least 7:1)
    bool largeText = false;    // text at 150 %
    // The admin PIN was accepted: true only while the admin screen is shown
    // (applyAction clears it when the route leaves it; a wipe clears it too).
    bool adminUnlocked = false;

    const Route& current() const { return history.back(); }
    const FilterState& filtersOf(cache::Collection c) const {
        static const FilterState kNone{}; // constant: never mutated
        const auto it = filters.find(c);
        return it == filters.end() ? kNone : it->second;
    }
};

} // namespace kiosk::app
