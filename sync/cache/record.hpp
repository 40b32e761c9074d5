#pragma once
#include <optional>
#include <string>
#include <vector>

#include "collection.hpp"
#include "record_schema.hpp"
#include "value.hpp"

namespace cache {

struct GeoPoint {
    double lon = 0;
    double lat = 0;
    bool operator==(const GeoPoint&) const = default;
};

// One validated record. `values` is parallel to specFor(collection).fields;
// absent fields are monostate. Records are immutable once in a Catalog.
struct Record {
    Collection collection = Collection::Entities;
    std::string id;
    std::string status;
    std::string updatedAt;
    std::optional<GeoPoint> point;
    std::string geometryJson; // canonical GeoJSON geometry when it is not a Point
    std::vector<Value> values;

    const CollectionSpec& spec() const { return specFor(collection); }
    const Value& value(std::string_view key) const;
    // Typed accessors: nullptr / nullopt when absent (or the key is unknown).
    const std::string* text(std::string_view key) const;
    const LocalText* localText(std::string_view key) const;
    const TextList* list(std::string_view key) const;
    std::optional<bool> flag(std::string_view key) const;
    std::optional<double> number(std::string_view key) const; // Int or Number
    // The display title in `lang`, falling back to the spec's fallback field.
    std::string title(Lang lang) const;
};

} // namespace cache
