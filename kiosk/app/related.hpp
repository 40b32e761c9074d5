#pragma once
#include <vector>

#include "cache/catalog.hpp"

namespace kiosk::app {

// Records that refer to (collection, id) through a ref field: an entity's
// offers, equipment, events, let premises and the units it runs.
std::vector<const cache::Record*> relatedRecords(const cache::Catalog& catalog, cache::Collection collection,
                                                 std::string_view id);

} // namespace kiosk::app
