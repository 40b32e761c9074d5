// Whole records: ids, status, geometry and cross-field rules, and the
// "collection/id: field: reason" message format the importer reports.
#include "cache/record_codec.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "test_support.hpp"

using nlohmann::json;
using C = cache::Collection;

namespace {

json entityProps(std::string_view id = "ent-1") {
    return json{{"id", id},
                {"status", "active"},
                {"updated_at", "2024-05-01T10:00+02:00"},
                {"name", "Spółdzielnia Socjalna „Żółw”"},
                {"legal_form", "spoldzielnia_socjalna"},
                {"address", "ul. Stokrotkowa 22, 87-100 Toruń"},
                {"district", "rubinkowo"}};
}

json point(double lon, double lat) { return json{{"type", "Point"}, {"coordinates", {lon, lat}}}; }

cache::Record decodedOk(C c, const json& props, const json& geometry, std::string_view featureId = "") {
    auto r = cache::decodeRecord(c, props, geometry, featureId);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

std::string errorOf(C c, const json& props, const json& geometry, std::string_view featureId = "") {
    auto r = cache::decodeRecord(c, props, geometry, featureId);
    REQUIRE_MESSAGE(!r.ok(), "accepted: " << props.dump());
    return r.error().message;
}

json eventProps() {
    return json{{"id", "ev-1"},
                {"status", "scheduled"},
                {"updated_at", "2024-05-01T10:00:00+02:00"},
                {"title", "Forum Ekonomii Społecznej"},
                {"kind", "forum"},
                {"starts_at", "2025-03-12T10:00:00+01:00"}};
}

json basemapProps() {
    return json{{"id", "park-1"}, {"status", "active"}, {"updated_at", "2024-01-01T00:00:00+01:00"}, {"layer", "park"}};
}

} // namespace

TEST_CASE("a valid entity decodes with typed, normalised values") {
    json props = entityProps();
    props["nip"] = "123-456-32-18";
    props["regon"] = "12345678500000";
    props["krs"] = "123456";
    props["opp"] = "tak";
    props["social_enterprise"] = "0";
    props["areas"] = "catering; sprzątanie";
    props["short_name"] = nullptr;
    props["phone"] = "";
    const auto r = decodedOk(C::Entities, props, point(18.6512, 53.0234));
    CHECK(r.id == "ent-1");
    CHECK(r.status == "active");
    CHECK(r.updatedAt == "2024-05-01T10:00:00+02:00");
    REQUIRE(r.point.has_value());
    CHECK(r.point->lon == doctest::Approx(18.6512));
    CHECK(r.point->lat == doctest::Approx(53.0234));
    CHECK(r.geometryJson.empty());
    CHECK(*r.text("nip") == "1234563218");
    CHECK(*r.text("regon") == "123456785");
    CHECK(*r.text("krs") == "0000123456");
    CHECK(r.flag("opp") == true);
    CHECK(r.flag("social_enterprise") == false);
    CHECK_FALSE(r.flag("step_free").has_value()); // absent = unknown
    CHECK(*r.list("areas") == cache::TextList{"catering", "sprzątanie"});
    CHECK(r.text("short_name") == nullptr);
    CHECK(r.text("phone") == nullptr);
    CHECK(r.title(cache::Lang::Pl) == "Spółdzielnia Socjalna „Żółw”");
    CHECK(r.title(cache::Lang::Uk) == "Spółdzielnia Socjalna „Żółw”"); // falls back to Polish
}

TEST_CASE("numbers as strings in a record") {
    const json props{{"id", "prem-1"},      {"status", "available"}, {"updated_at", "2024-05-02T10:00:00+02:00"},
                     {"address", "ul. Mickiewicza 40"}, {"district", "Bydgoskie Przedmieście"},
                     {"purpose", "office"}, {"area_m2", "12,5"},     {"rooms", "2"},
                     {"floor", "0"},        {"rent_pln_m2", "8,40"}};
    const auto r = decodedOk(C::Premises, props, point(18.59, 53.015));
    CHECK(r.number("area_m2") == doctest::Approx(12.5));
    CHECK(r.number("rent_pln_m2") == doctest::Approx(8.4));
    CHECK(std::get<std::int64_t>(r.value("rooms")) == 2);
    CHECK(std::get<std::int64_t>(r.value("floor")) == 0);
    CHECK(*r.text("district") == "bydgoskie_przedmiescie");
    CHECK(r.title(cache::Lang::Pl) == "ul. Mickiewicza 40"); // premises fall back to the address
}

TEST_CASE("the Feature id wins over properties.id; an integer properties.id is text") {
    CHECK(decodedOk(C::Entities, entityProps("ent-props"), point(18.6, 53.0), "ent-feature").id == "ent-feature");
    json props = entityProps();
    props["id"] = 17;
    CHECK(decodedOk(C::Entities, props, point(18.6, 53.0)).id == "17");
}

TEST_CASE("error format: collection/id: field: reason, issues joined with '; '") {
    json props = entityProps("ent-bad");
    props["nip"] = "123-456-32-19";
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/ent-bad: nip: NIP checksum does not match");

    props.erase("address");
    props["legal_form"] = "firma";
    const std::string e = errorOf(C::Entities, props, point(18.6, 53.0));
    CHECK(e.starts_with("entities/ent-bad: legal_form: unknown value 'firma' (expected one of: "));
    CHECK(e.find("; address: required field is missing; nip: NIP checksum does not match") != std::string::npos);
}

TEST_CASE("required fields: missing, null and empty all count as missing") {
    for (const json& missing : {json(nullptr), json(""), json("  ")}) {
        json props = entityProps();
        props["address"] = missing;
        CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/ent-1: address: required field is missing");
    }
    json props = entityProps();
    props.erase("name");
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/ent-1: name: required field is missing");
}

TEST_CASE("id, status and updated_at problems are named") {
    json props = entityProps();
    props.erase("id");
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/(no id): id: missing");
    props["id"] = "ent 1";
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) ==
          "entities/ent 1: id: may contain only A-Z a-z 0-9 . _ : - (max 64)");
    props = entityProps();
    props["status"] = "open";
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/ent-1: status: unknown value 'open'");
    props = entityProps();
    props.erase("status");
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/ent-1: status: missing");
    props = entityProps();
    props["updated_at"] = "2024-05-01T10:00:00";
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)).starts_with(
        "entities/ent-1: updated_at: datetime has no UTC offset"));
}

TEST_CASE("enum errors inside a record list the choices") {
    json props = eventProps();
    props["kind"] = "party";
    CHECK(errorOf(C::Events, props, nullptr) ==
          "events/ev-1: kind: unknown value 'party' (expected one of: training, study_visit, meeting, forum, other)");
}

TEST_CASE("LocalText without pl is an error in a record") {
    json props = entityProps();
    props["name"] = json{{"en", "Turtle"}, {"uk", "Черепаха"}};
    CHECK(errorOf(C::Entities, props, point(18.6, 53.0)) == "entities/ent-1: name: the Polish variant 'pl' is missing");
}

TEST_CASE("3-D positions are accepted and the altitude dropped") {
    const auto r = decodedOk(C::Entities, entityProps(), json{{"type", "Point"}, {"coordinates", {18.6512, 53.0234, 55.5}}});
    REQUIRE(r.point.has_value());
    CHECK(r.point->lon == doctest::Approx(18.6512));
    CHECK(r.point->lat == doctest::Approx(53.0234));

    const json line{{"type", "LineString"}, {"coordinates", {{18.5, 53.02, 40.0}, {18.6, 53.004, 41.0}}}};
    json props = basemapProps();
    props["layer"] = "river";
    const auto river = decodedOk(C::Basemap, props, line);
    CHECK_FALSE(river.point.has_value());
    CHECK(json::parse(river.geometryJson) ==
          json{{"type", "LineString"}, {"coordinates", {{18.5, 53.02}, {18.6, 53.004}}}});
}

TEST_CASE("bbox members are ignored") {
    json geometry = point(18.6512, 53.0234);
    geometry["bbox"] = {18.6512, 53.0234, 18.6512, 53.0234};
    const auto r = decodedOk(C::Entities, entityProps(), geometry);
    CHECK(r.point->lon == doctest::Approx(18.6512));
    json polygon{{"type", "Polygon"},
                 {"bbox", {18.63, 53.03, 18.64, 53.04}},
                 {"coordinates", {{{18.63, 53.03}, {18.64, 53.03}, {18.64, 53.04}, {18.63, 53.03}}}}};
    CHECK(json::parse(decodedOk(C::Basemap, basemapProps(), polygon).geometryJson).contains("bbox") == false);
}

TEST_CASE("a [lat, lon] swapped point is refused with the hint") {
    const std::string e = errorOf(C::Entities, entityProps(), point(53.0234, 18.6512));
    CHECK(e == "entities/ent-1: geometry: position [53.02340, 18.65120] is outside the service area (Toruń); "
               "is it [latitude, longitude] instead of [longitude, latitude]?");
}

TEST_CASE("geometry rules per collection") {
    CHECK(errorOf(C::Entities, entityProps(), nullptr) == "entities/ent-1: geometry: a location is required");
    CHECK(errorOf(C::Entities, entityProps(),
                  json{{"type", "LineString"}, {"coordinates", {{18.5, 53.02}, {18.6, 53.004}}}}) ==
          "entities/ent-1: geometry: expected a Point, got LineString");
    CHECK(errorOf(C::Entities, entityProps(), point(21.01, 52.23)).find("outside the service area") !=
          std::string::npos); // Warsaw
    CHECK(errorOf(C::Entities, entityProps(), json{{"type", "Point"}, {"coordinates", json::array({18.6})}}) ==
          "entities/ent-1: geometry: a position must be [longitude, latitude]");
    CHECK(errorOf(C::Entities, entityProps(), json{{"type", "Point"}}) == "entities/ent-1: geometry: no coordinates");
    // Optional points may be null; collections without geometry ignore it.
    CHECK_FALSE(decodedOk(C::Events, eventProps(), nullptr).point.has_value());
    const json demand{{"id", "dem-1"},         {"status", "open"},  {"updated_at", "2024-05-10T09:00:00+02:00"},
                      {"title", "Catering"},   {"department", "Wydział Zdrowia i Polityki Społecznej"},
                      {"kind", "zlecenie"},    {"deadline", "2024-06-01T12:00+02:00"}};
    CHECK_FALSE(decodedOk(C::Demands, demand, point(0, 0)).point.has_value());
}

TEST_CASE("a polygon ring that is not closed is refused") {
    const json open{{"type", "Polygon"},
                    {"coordinates", {{{18.63, 53.03}, {18.64, 53.03}, {18.64, 53.04}, {18.63, 53.04}}}}};
    CHECK(errorOf(C::Basemap, basemapProps(), open) ==
          "basemap/park-1: geometry: a polygon ring needs 4 or more positions and must be closed");
    const json tooShort{{"type", "Polygon"}, {"coordinates", {{{18.63, 53.03}, {18.64, 53.03}, {18.63, 53.03}}}}};
    CHECK(errorOf(C::Basemap, basemapProps(), tooShort) ==
          "basemap/park-1: geometry: a polygon ring needs 4 or more positions and must be closed");
    const json multi{{"type", "MultiPolygon"},
                     {"coordinates", {{{{18.63, 53.03}, {18.64, 53.03}, {18.64, 53.04}, {18.63, 53.03}}},
                                      {{{18.63, 53.03}, {18.64, 53.03}, {18.64, 53.04}, {18.6, 53.0}}}}}};
    CHECK(errorOf(C::Basemap, basemapProps(), multi) ==
          "basemap/park-1: geometry: a polygon ring needs 4 or more positions and must be closed");
    const json closed{{"type", "Polygon"},
                      {"coordinates", {{{18.63, 53.03}, {18.64, 53.03}, {18.64, 53.04}, {18.63, 53.03}}}}};
    CHECK(decodedOk(C::Basemap, basemapProps(), closed).geometryJson.find("Polygon") != std::string::npos);
}

TEST_CASE("cross-field: ends_at before starts_at is refused, compared as instants") {
    json props = eventProps();
    props["ends_at"] = "2025-03-12T09:59:00+01:00";
    CHECK(errorOf(C::Events, props, nullptr) == "events/ev-1: ends_at: ends before it starts");
    // 09:30+00:00 is 10:30+01:00: after the start although its clock reads earlier.
    props["ends_at"] = "2025-03-12T09:30:00Z";
    CHECK(decodedOk(C::Events, props, nullptr).text("ends_at") != nullptr);
    props["ends_at"] = "2025-03-12T10:00:00+01:00"; // zero-length is allowed
    CHECK(cache::decodeRecord(C::Events, props, nullptr, "").ok());
}

TEST_CASE("cross-field: dates and prices") {
    const json eq{{"id", "eq-1"},     {"status", "available"}, {"updated_at", "2024-05-05T11:00:00+02:00"},
                  {"title", "Biurka"}, {"category", "furniture"}, {"mode", "give"},
                  {"available_from", "2024-06-01"}, {"available_until", "2024-05-31"}};
    CHECK(errorOf(C::Equipment, eq, nullptr) == "equipment/eq-1: available_until: is before available_from");
    const json offer{{"id", "off-1"},       {"status", "active"}, {"updated_at", "2024-05-01T10:00:00+02:00"},
                     {"title", "Catering"}, {"entity_id", "ent-1"}, {"kind", "service"}, {"category", "catering"},
                     {"price_min_pln", "60"}, {"price_max_pln", "25,5"}};
    CHECK(errorOf(C::Offers, offer, nullptr) == "offers/off-1: price_max_pln: is lower than price_min_pln");
}

TEST_CASE("encodeRecordProperties round-trips through decodeRecord") {
    for (std::string_view name : pestor_test::kAllFixtures) {
        CAPTURE(name);
        const auto path = pestor_test::fixture(name);
        const auto collection = *cache::parseCollection(path.stem().string());
        for (const auto& r : pestor_test::decodeAll(collection, pestor_test::readJson(path))) {
            CAPTURE(r.id);
            const json encoded = cache::encodeRecordProperties(r);
            json geometry = nullptr;
            if (r.point) geometry = point(r.point->lon, r.point->lat);
            else if (!r.geometryJson.empty()) geometry = json::parse(r.geometryJson);
            const auto again = decodedOk(collection, encoded, geometry, r.id);
            CHECK(cache::encodeRecordProperties(again) == encoded);
            CHECK(again.geometryJson == r.geometryJson);
            CHECK(again.point == r.point);
        }
    }
}
