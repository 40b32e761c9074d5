// The FeatureCollection envelope as QGIS and ogr2ogr write it.
#include "feed/geojson_reader.hpp"

#include "cache/record_codec.hpp"

#include <doctest/doctest.h>

#include <string>

#include "test_support.hpp"

using C = cache::Collection;

namespace {

feed::FeatureCollectionFile parsedOk(std::string_view text) {
    auto r = feed::parseFeatureCollection(text, "in.geojson");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return std::move(r).value();
}

std::string errorOf(std::string_view text) {
    auto r = feed::parseFeatureCollection(text, "in.geojson");
    REQUIRE_MESSAGE(!r.ok(), "accepted: " << text);
    return r.error().message;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("not JSON, not a FeatureCollection, no features: rejected, naming the input") {
    CHECK(errorOf("{\"type\": \"FeatureCollection\", \"features\": [").starts_with("in.geojson: not valid JSON ("));
    CHECK(errorOf("") .starts_with("in.geojson: not valid JSON ("));
    CHECK(errorOf("{\"type\": \"Feature\", \"properties\": {}}") ==
          "in.geojson: not a GeoJSON FeatureCollection (top-level \"type\" must be \"FeatureCollection\")");
    CHECK(errorOf("[1, 2]") ==
          "in.geojson: not a GeoJSON FeatureCollection (top-level \"type\" must be \"FeatureCollection\")");
    CHECK(errorOf("{\"type\": \"FeatureCollection\"}") == "in.geojson: FeatureCollection has no \"features\" array");
    CHECK(errorOf("{\"type\": \"FeatureCollection\", \"features\": {}}") ==
          "in.geojson: FeatureCollection has no \"features\" array");
}

TEST_CASE("the crs member: CRS84 and EPSG:4326 are read, projected systems are refused") {
    CHECK(parsedOk(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[]})")
              .features.empty());
    CHECK(parsedOk(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"features":[]})")
              .features.empty());
    CHECK(errorOf(R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2180"}},"features":[]})") ==
          "in.geojson: coordinates are in urn:ogc:def:crs:EPSG::2180; export as WGS 84 (EPSG:4326)");
}

TEST_CASE("a malformed crs member is a value, never an exception") {
    const std::string text = R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":2180}},"features":[]})";
    CHECK_NOTHROW(feed::parseFeatureCollection(text, "in.geojson"));
}

TEST_CASE("the collection member names the collection and wins over the file name") {
    const auto f = parsedOk(R"({"type":"FeatureCollection","collection":"offers","features":[]})");
    CHECK(f.declaredCollection == C::Offers);
    CHECK(feed::collectionOfFile(f, "entities.geojson") == C::Offers);
    CHECK(errorOf(R"({"type":"FeatureCollection","collection":"entitys","features":[]})") ==
          "in.geojson: unknown collection \"entitys\"");
    CHECK(errorOf(R"({"type":"FeatureCollection","collection":7,"features":[]})") ==
          "in.geojson: \"collection\" must be text");
}

TEST_CASE("without the member, the file name tells the collection") {
    const auto f = parsedOk(R"({"type":"FeatureCollection","name":"whatever","features":[]})");
    CHECK_FALSE(f.declaredCollection.has_value());
    CHECK(feed::collectionOfFile(f, "/srv/feed/support_points.geojson") == C::SupportPoints);
    CHECK(feed::collectionOfFile(f, "entities.json") == C::Entities);
    CHECK_FALSE(feed::collectionOfFile(f, "export.geojson").has_value());
}

TEST_CASE("features: ids as text, non-Features reported by position") {
    const auto f = parsedOk(R"({"type":"FeatureCollection","features":[
        {"type":"Feature","id":"a-1","properties":{"x":1},"geometry":null},
        {"type":"Point","coordinates":[18.6,53.0]},
        {"type":"Feature","id":17,"properties":null},
        {"type":"Feature","properties":{"id":"p-1"},"geometry":{"type":"Point","coordinates":[18.6,53.0]}},
        42
    ]})");
    REQUIRE(f.features.size() == 3);
    CHECK(f.features[0].featureId == "a-1");
    CHECK(f.features[0].index == 1);
    CHECK(f.features[0].properties["x"] == 1);
    CHECK(f.features[1].featureId == "17");
    CHECK(f.features[1].index == 3);
    CHECK(f.features[1].geometry.is_null());
    CHECK(f.features[2].featureId.empty());
    CHECK(f.features[2].geometry["type"] == "Point");
    CHECK(f.envelopeIssues ==
          std::vector<std::string>{"feature #2: not a GeoJSON Feature", "feature #5: not a GeoJSON Feature"});
}

TEST_CASE("readFeatureCollectionFile: a missing file and a UTF-8 BOM") {
    pestor_test::TempDir dir;
    auto missing = feed::readFeatureCollectionFile(dir / "nope.geojson");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == (dir / "nope.geojson").string() + ": cannot open");

    pestor_test::writeFile(dir / "bom.geojson", "\xEF\xBB\xBF{\"type\":\"FeatureCollection\",\"features\":[]}");
    auto bom = feed::readFeatureCollectionFile(dir / "bom.geojson");
    CHECK_MESSAGE(bom.ok(), (bom.ok() ? "" : bom.error().message));

    auto fixture = feed::readFeatureCollectionFile(pestor_test::fixture("truncated.geojson"));
    REQUIRE_FALSE(fixture.ok());
    CHECK(contains(fixture.error().message, "truncated.geojson: not valid JSON"));
}

TEST_CASE("inputs found by fuzzing are refused as values, never thrown") {
    // A number too large for a double, a non-string Feature type, and
    // invalid UTF-8 in a boolean field: each used to escape as an exception.
    CHECK_FALSE(feed::parseFeatureCollection("2e932", "fuzz").ok());
    CHECK_FALSE(feed::parseFeatureCollection(R"({"type":"FeatureCollection","features":[1e999]})", "fuzz").ok());
    auto odd = feed::parseFeatureCollection(R"({"type":"FeatureCollection","features":[{"type":1}]})", "fuzz");
    REQUIRE(odd.ok());
    CHECK(odd->envelopeIssues.size() == 1);
    CHECK(odd->features.empty());
    const nlohmann::json props = {{"opp", std::string("\xFF\xFE")}};
    const auto r = cache::decodeRecord(cache::Collection::Entities, props, nullptr, "e-1");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find("opp: expected true or false") != std::string::npos);
}
