#pragma once
#include <string>

#include "cache/collection.hpp"

namespace kiosk::app {

enum class ScreenId { Home, List, Detail, Search, Map, Admin };

// Where the visitor is. Records are named by (collection, id), never by
// pointer, so a new catalog snapshot can replace the old one at any time.
// On the map, (collection, recordId) name the record to centre on, if any.
struct Route {
    ScreenId screen = ScreenId::Home;
    cache::Collection collection = cache::Collection::Entities;
    std::string recordId;
    bool operator==(const Route&) const = default;
};

} // namespace kiosk::app
