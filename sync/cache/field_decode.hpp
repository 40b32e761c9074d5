#pragma once
// Lenient-in-form, strict-in-meaning decoding of one property value, as QGIS
// and ogr2ogr write them (numbers as strings, "" for empty, decimal commas).
#include <nlohmann/json_fwd.hpp>

#include "record_schema.hpp"
#include "result.hpp"
#include "value.hpp"

namespace cache {

// Returns monostate for null / empty (absent), the typed value, or an error
// whose message names what was wrong (the caller prefixes the field name).
Result<Value> decodeField(const FieldSpec& spec, const nlohmann::json& raw);

// Canonical JSON of a decoded value (inverse of decodeField on valid input).
nlohmann::json encodeField(const FieldSpec& spec, const Value& value);

bool isValidRecordId(std::string_view id);

} // namespace cache
