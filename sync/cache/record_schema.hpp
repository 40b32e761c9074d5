#pragma once
// The record schema: which fields each collection has, their types and rules.
// It is constant data (docs/data-format.md is its prose twin); the codec, the
// search indexer and the kiosk's detail screens all read it, so a new field
// is one line here.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "collection.hpp"

namespace cache {

enum class FieldType {
    Text,
    LocalText,
    Enum,
    Tags,
    Int,
    Number,
    Bool,
    Date,
    DateTime,
    Url,
    Email,
    Phone,
    Nip,
    Regon,
    Krs,
    Ref,
    Media,
    District,
};

enum class GeometryRule { None, OptionalPoint, RequiredPoint, RequiredAny };

struct FieldSpec {
    std::string_view key;
    FieldType type;
    bool required = false;
    std::span<const std::string_view> choices = {}; // Enum and Tags-of-enum
    std::optional<Collection> refTo = std::nullopt;  // Ref
    double minValue = 0;                              // Int, Number
    double maxValue = 0;                              // Int, Number (0,0 = no range)
    bool searchable = false;                          // goes into the full-text body
};

struct CollectionSpec {
    Collection collection;
    std::span<const FieldSpec> fields;
    std::span<const std::string_view> statuses;
    std::string_view titleField;    // the record's display title
    std::string_view fallbackTitle; // used when titleField is empty (premises: address)
    GeometryRule geometry;
};

const CollectionSpec& specFor(Collection c);
std::span<const std::string_view> districtKeys();
// Display name of a district key ("podgorz" -> "Podgórz"): a proper noun,
// the same in every language.
std::string_view districtName(std::string_view key);
std::span<const std::string_view> legalFormKeys();

// Index of a field in spec.fields, or nullopt.
std::optional<std::size_t> fieldIndex(const CollectionSpec& spec, std::string_view key);

// The service area: points outside it are refused (a typo'd coordinate would
// put a marker in the Baltic).
struct GeoBox {
    double minLon, minLat, maxLon, maxLat;
    bool contains(double lon, double lat) const {
        return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
    }
};
inline constexpr GeoBox kServiceArea{18.40, 52.93, 18.80, 53.10};

} // namespace cache
