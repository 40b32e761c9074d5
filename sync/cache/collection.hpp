#pragma once
#include <array>
#include <optional>
#include <string_view>

namespace cache {

// The collections the platform publishes. The order is the order of the
// home screen's tiles and of grouped search results.
enum class Collection {
    Entities,
    Premises,
    Equipment,
    Offers,
    Demands,
    SupportPoints,
    Events,
    Announcements,
    Indicators,
    Basemap,
};

inline constexpr std::array kAllCollections{
    Collection::Entities,      Collection::Premises,   Collection::Equipment,
    Collection::Offers,        Collection::Demands,    Collection::SupportPoints,
    Collection::Events,        Collection::Announcements, Collection::Indicators,
    Collection::Basemap,
};

// Wire name, as in file names and the cache: "entities", "support_points"...
std::string_view collectionKey(Collection c);
std::optional<Collection> parseCollection(std::string_view key);

} // namespace cache
