#include "record_codec.hpp"

#include <nlohmann/json.hpp>

#include "datetime.hpp"
#include "field_decode.hpp"
#include "geometry_decode.hpp"

namespace cache {
namespace {

using json = nlohmann::json;

void addIssue(std::string& issues, std::string_view field, std::string_view reason) {
    if (!issues.empty()) issues += "; ";
    issues.append(field).append(": ").append(reason);
}

// Checks that need two fields at once.
void crossFieldChecks(const Record& r, std::string& issues) {
    const auto ordered = [&](std::string_view a, std::string_view b, std::string_view what) {
        const std::string* x = r.text(a);
        const std::string* y = r.text(b);
        if (x && y) {
            const bool dt = x->size() > 10;
            const auto ax = dt ? unixSecondsOfDateTime(*x) : unixSecondsOfDate(*x, 0);
            const auto by = dt ? unixSecondsOfDateTime(*y) : unixSecondsOfDate(*y, 0);
            if (ax && by && *by < *ax) addIssue(issues, b, what);
        }
    };
    ordered("starts_at", "ends_at", "ends before it starts");
    ordered("available_from", "available_until", "is before available_from");
    ordered("valid_from", "valid_until", "is before valid_from");
    const auto lo = r.number("price_min_pln"), hi = r.number("price_max_pln");
    if (lo && hi && *hi < *lo) addIssue(issues, "price_max_pln", "is lower than price_min_pln");
}

} // namespace

std::string recordIdOf(const json& properties, std::string_view featureId) {
    // The Feature's id wins; properties.id is what QGIS can export.
    if (!featureId.empty()) return std::string(featureId);
    if (!properties.is_object()) return {};
    const auto it = properties.find("id");
    if (it == properties.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    return {};
}

Result<Record> decodeRecord(Collection collection, const json& properties, const json& geometry,
                            std::string_view featureId) {
    const CollectionSpec& spec = specFor(collection);
    Record r;
    r.collection = collection;
    std::string issues;

    const json& props = properties.is_object() ? properties : json::object();
    if (!properties.is_object() && !properties.is_null())
        addIssue(issues, "properties", "not an object");

    r.id = recordIdOf(props, featureId);
    if (r.id.empty()) addIssue(issues, "id", "missing");
    else if (!isValidRecordId(r.id)) addIssue(issues, "id", "may contain only A-Z a-z 0-9 . _ : - (max 64)");

    if (auto it = props.find("status"); it == props.end() || !it->is_string()) {
        addIssue(issues, "status", "missing");
    } else {
        r.status = it->get<std::string>();
        bool known = false;
        for (auto s : spec.statuses) known = known || s == r.status;
        if (!known) addIssue(issues, "status", "unknown value '" + r.status + "'");
    }

    if (auto it = props.find("updated_at"); it == props.end() || !it->is_string()) {
        addIssue(issues, "updated_at", "missing");
    } else if (auto dt = normaliseDateTime(it->get<std::string>()); !dt) {
        addIssue(issues, "updated_at", dt.error().message);
    } else {
        r.updatedAt = *dt;
    }

    r.values.reserve(spec.fields.size());
    for (const FieldSpec& f : spec.fields) {
        const auto it = props.find(std::string(f.key));
        Result<Value> v = it == props.end() ? Result<Value>(Value{}) : decodeField(f, *it);
        if (!v) {
            addIssue(issues, f.key, v.error().message);
            r.values.emplace_back();
            continue;
        }
        if (f.required && isAbsent(*v)) addIssue(issues, f.key, "required field is missing");
        r.values.push_back(std::move(v).value());
    }

    if (auto g = decodeGeometry(spec.geometry, geometry); !g) {
        addIssue(issues, "geometry", g.error().message);
    } else {
        r.point = g->point;
        r.geometryJson = std::move(g->json);
    }

    if (issues.empty()) crossFieldChecks(r, issues);
    if (!issues.empty()) {
        const std::string who = r.id.empty() ? std::string("(no id)") : r.id;
        return makeError(std::string(collectionKey(collection)) + "/" + who + ": " + issues);
    }
    return r;
}

json encodeFeature(const Record& r) {
    json geometry = nullptr;
    if (r.point) geometry = {{"type", "Point"}, {"coordinates", {r.point->lon, r.point->lat}}};
    else if (!r.geometryJson.empty()) geometry = json::parse(r.geometryJson);
    return {{"type", "Feature"}, {"id", r.id}, {"properties", encodeRecordProperties(r)}, {"geometry", geometry}};
}

json encodeRecordProperties(const Record& r) {
    const CollectionSpec& spec = r.spec();
    json o = json::object();
    o["id"] = r.id;
    o["status"] = r.status;
    o["updated_at"] = r.updatedAt;
    for (std::size_t i = 0; i < spec.fields.size() && i < r.values.size(); ++i)
        if (!isAbsent(r.values[i])) o[std::string(spec.fields[i].key)] = encodeField(spec.fields[i], r.values[i]);
    return o;
}

} // namespace cache
