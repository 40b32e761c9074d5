#pragma once

#include "geometry.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace demo {

// Language variants of one text. Written as a plain string when only Polish
// is given, as {"pl","en","uk"} otherwise (see docs/data-format.md, ltext).
struct LText {
    std::string pl;
    std::string en;
    std::string uk;
};

std::string jsonString(std::string_view text);
// Fixed-point decimal without floating point: (1234, 2) -> "12.34".
std::string fixedDecimal(std::int64_t scaled, int decimals);

// Builds one JSON object member by member, in insertion order, so that the
// output never depends on a map's ordering.
class JsonObject {
  public:
    JsonObject& text(std::string_view key, std::string_view value);
    JsonObject& ltext(std::string_view key, const LText& value);
    JsonObject& integer(std::string_view key, std::int64_t value);
    JsonObject& fixed(std::string_view key, std::int64_t scaled, int decimals);
    JsonObject& boolean(std::string_view key, bool value);
    JsonObject& optionalBoolean(std::string_view key, std::optional<bool> value);
    JsonObject& tags(std::string_view key, const std::vector<std::string>& values);
    JsonObject& raw(std::string_view key, std::string_view json);

    std::string str() const;

  private:
    void key(std::string_view name);

    std::string m_body;
};

struct Feature {
    std::string id;
    std::optional<Coord> point;
    JsonObject properties;
};

std::string pointJson(const Coord& point);
std::string featureJson(const Feature& feature);
// One feature per line keeps diffs of the committed demo data readable.
std::string collectionJson(std::string_view collection, const std::vector<Feature>& features);

} // namespace demo
