#pragma once
// Which collections appear on the map, in legend order.
#include <array>

#include "cache/catalog.hpp"
#include "cache/collection.hpp"

namespace kiosk::app {

inline constexpr std::array kMapLayers{
    cache::Collection::Entities,  cache::Collection::SupportPoints, cache::Collection::Premises,
    cache::Collection::Equipment, cache::Collection::Offers,        cache::Collection::Events,
};

constexpr bool isMapLayer(cache::Collection c) {
    for (auto l : kMapLayers)
        if (l == c) return true;
    return false;
}

// Where "show on map" goes for a record: the record itself when it has a
// place on a map layer; otherwise the first record it refers to that has
// one (an offer's entity); null when neither has.
const cache::Record* placeOnMap(const cache::Catalog& catalog, const cache::Record& r);

} // namespace kiosk::app
