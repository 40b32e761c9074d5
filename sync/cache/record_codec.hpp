#pragma once
// Record <-> JSON. decodeRecord validates everything (the importer and the
// catalog loader use the same code, so the cache can never hold a record
// the kiosk could not read); encodeRecordProperties writes the canonical
// form that the cache stores.
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "record.hpp"
#include "result.hpp"

namespace cache {

// `featureId` is the Feature's `id` member if it had one (already as text),
// else empty and properties.id is used. `geometry` may be null. The error
// message reads "collection/id: field: reason; field: reason".
Result<Record> decodeRecord(Collection collection, const nlohmann::json& properties,
                            const nlohmann::json& geometry, std::string_view featureId);

nlohmann::json encodeRecordProperties(const Record& record);
// The record as a GeoJSON Feature (id, canonical properties, geometry).
nlohmann::json encodeFeature(const Record& record);

// The id a Feature names (Feature.id, else properties.id, text or whole
// number), whether or not the rest of the record is valid; "" if none.
std::string recordIdOf(const nlohmann::json& properties, std::string_view featureId);

} // namespace cache
