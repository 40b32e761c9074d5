#include "collection.hpp"

namespace cache {

std::string_view collectionKey(Collection c) {
    switch (c) {
    case Collection::Entities: return "entities";
    case Collection::Premises: return "premises";
    case Collection::Equipment: return "equipment";
    case Collection::Offers: return "offers";
    case Collection::Demands: return "demands";
    case Collection::SupportPoints: return "support_points";
    case Collection::Events: return "events";
    case Collection::Announcements: return "announcements";
    case Collection::Indicators: return "indicators";
    case Collection::Basemap: return "basemap";
    }
    return "unknown";
}

std::optional<Collection> parseCollection(std::string_view key) {
    for (Collection c : kAllCollections)
        if (collectionKey(c) == key) return c;
    return std::nullopt;
}

} // namespace cache
