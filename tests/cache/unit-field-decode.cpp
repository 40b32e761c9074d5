// One property value at a time: lenient in form (QGIS/ogr2ogr habits),
// strict in meaning.
#include "cache/field_decode.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cache/record_schema.hpp"

using nlohmann::json;

namespace {

const cache::FieldSpec& field(cache::Collection c, std::string_view key) {
    const auto& spec = cache::specFor(c);
    const auto i = cache::fieldIndex(spec, key);
    REQUIRE_MESSAGE(i.has_value(), "no field " << key);
    return spec.fields[*i];
}

cache::Value decoded(cache::Collection c, std::string_view key, const json& raw) {
    auto r = cache::decodeField(field(c, key), raw);
    REQUIRE_MESSAGE(r.ok(), key << " = " << raw.dump().substr(0, 60) << ": " << (r.ok() ? "" : r.error().message));
    return r.value();
}

std::string errorOf(cache::Collection c, std::string_view key, const json& raw) {
    auto r = cache::decodeField(field(c, key), raw);
    REQUIRE_MESSAGE(!r.ok(), key << " = " << raw.dump().substr(0, 60) << " (" << raw.dump().size()
                                 << " bytes as JSON) was accepted");
    return r.error().message;
}

template <class T> T as(const cache::Value& v) {
    REQUIRE_MESSAGE(std::holds_alternative<T>(v), "value holds alternative #" << v.index());
    return std::get<T>(v);
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

using C = cache::Collection;

} // namespace

TEST_CASE("numbers: numeric strings and the Polish decimal comma") {
    CHECK(as<double>(decoded(C::Premises, "area_m2", "12,5")) == doctest::Approx(12.5));
    CHECK(as<double>(decoded(C::Premises, "area_m2", " 12.5 ")) == doctest::Approx(12.5));
    CHECK(as<double>(decoded(C::Premises, "area_m2", "1 234,5")) == doctest::Approx(1234.5));
    CHECK(as<double>(decoded(C::Premises, "area_m2", 48)) == doctest::Approx(48.0));
    CHECK(as<double>(decoded(C::Premises, "rent_pln_m2", "0")) == doctest::Approx(0.0));
    CHECK(as<std::int64_t>(decoded(C::Premises, "rooms", "12")) == 12);
    CHECK(as<std::int64_t>(decoded(C::Premises, "floor", "-1")) == -1);
    CHECK(as<std::int64_t>(decoded(C::Premises, "rooms", 3.0)) == 3);
}

TEST_CASE("numbers: non-numbers, NaN, out-of-range and fractions for integers are refused") {
    CHECK(errorOf(C::Premises, "area_m2", "dwanaście") == "\"dwanaście\" is not a number");
    CHECK(errorOf(C::Premises, "area_m2", "12 m2") == "\"12 m2\" is not a number");
    CHECK(errorOf(C::Premises, "area_m2", "NaN") == "\"NaN\" is not a number");
    CHECK(errorOf(C::Premises, "area_m2", "inf") == "\"inf\" is not a number");
    CHECK(errorOf(C::Premises, "area_m2", "0") == "0 is outside 1..10000");
    CHECK(errorOf(C::Premises, "area_m2", 10000.5) == "10000.5 is outside 1..10000");
    CHECK(errorOf(C::Premises, "floor", 21) == "21 is outside -2..20");
    CHECK(errorOf(C::Premises, "rooms", "2,5") == "expected a whole number");
    CHECK(errorOf(C::Premises, "area_m2", true) == "expected a number, got boolean");
    CHECK(errorOf(C::Premises, "area_m2", json::array({1})) == "expected a number, got array");
}

TEST_CASE("booleans: true/false, tak/nie, yes/no, 1/0") {
    for (const json& t : {json(true), json(1), json("1"), json("true"), json("tak"), json("TAK"), json("Tak "),
                          json("yes"), json("Yes")}) {
        CAPTURE(t.dump());
        CHECK(as<bool>(decoded(C::Entities, "step_free", t)) == true);
    }
    for (const json& f : {json(false), json(0), json("0"), json("false"), json("nie"), json("NIE"), json("no")}) {
        CAPTURE(f.dump());
        CHECK(as<bool>(decoded(C::Entities, "step_free", f)) == false);
    }
}

TEST_CASE("booleans: anything else is refused with the value quoted") {
    CHECK(errorOf(C::Entities, "step_free", "może") == "expected true or false, got \"może\"");
    CHECK(errorOf(C::Entities, "step_free", 2) == "expected true or false, got 2");
    CHECK(errorOf(C::Entities, "step_free", json::object()) == "expected true or false, got {}");
}

TEST_CASE("null, empty and blank strings are absent, not false or zero") {
    for (std::string_view key : {"step_free", "short_name", "description", "areas", "nip", "phone", "logo"}) {
        CAPTURE(key);
        CHECK(cache::isAbsent(decoded(C::Entities, key, nullptr)));
        CHECK(cache::isAbsent(decoded(C::Entities, key, "")));
        CHECK(cache::isAbsent(decoded(C::Entities, key, "   ")));
    }
    CHECK(cache::isAbsent(decoded(C::Premises, "area_m2", "")));
    CHECK(cache::isAbsent(decoded(C::Premises, "rooms", nullptr)));
}

TEST_CASE("enums: unknown values list every choice") {
    CHECK(as<std::string>(decoded(C::Entities, "legal_form", "fundacja")) == "fundacja");
    CHECK(errorOf(C::Equipment, "mode", "sprzedam") ==
          "unknown value 'sprzedam' (expected one of: give, lend, swap)");
    const std::string e = errorOf(C::Entities, "legal_form", "Fundacja");
    CHECK(contains(e, "unknown value 'Fundacja' (expected one of: spoldzielnia_socjalna, spoldzielnia_pracy,"));
    CHECK(contains(e, "wtz, other)"));
}

TEST_CASE("tags: a QGIS ';'-separated string or an array, trimmed, empty items dropped") {
    CHECK(as<cache::TextList>(decoded(C::Entities, "areas", "a; b")) == cache::TextList{"a", "b"});
    CHECK(as<cache::TextList>(decoded(C::Entities, "areas", " catering ;; sprzątanie; ")) ==
          cache::TextList{"catering", "sprzątanie"});
    CHECK(as<cache::TextList>(decoded(C::Entities, "areas", json::array({" x ", "", "y"}))) ==
          cache::TextList{"x", "y"});
    CHECK(cache::isAbsent(decoded(C::Entities, "areas", ";")));
    CHECK(cache::isAbsent(decoded(C::Entities, "areas", json::array())));
    CHECK(errorOf(C::Entities, "areas", json::array({"a", 1})) == "list items must be text");
}

TEST_CASE("tags of an enum: each item must be a choice") {
    CHECK(as<cache::TextList>(decoded(C::Demands, "eligible_forms", "fundacja; cis")) ==
          cache::TextList{"fundacja", "cis"});
    CHECK(contains(errorOf(C::Demands, "eligible_forms", "fundacja; firma"), "unknown value 'firma' (expected one of:"));
}

TEST_CASE("local text: a string is Polish; an object needs pl") {
    CHECK(as<cache::LocalText>(decoded(C::Entities, "name", "Fundacja")) == cache::LocalText{"Fundacja", "", ""});
    CHECK(as<cache::LocalText>(decoded(C::Entities, "name", json{{"pl", "Dom"}, {"uk", "Дім"}})) ==
          cache::LocalText{"Dom", "", "Дім"});
    CHECK(errorOf(C::Entities, "name", json{{"en", "Home"}}) == "the Polish variant 'pl' is missing");
    CHECK(errorOf(C::Entities, "name", json{{"pl", ""}, {"uk", "Дім"}}) == "the Polish variant 'pl' is missing");
    CHECK(errorOf(C::Entities, "name", json{{"pl", 5}}) == "language variant 'pl' is not text");
    CHECK(errorOf(C::Entities, "name", 5) == "expected text or {\"pl\": ...}, got number");
    CHECK(cache::isAbsent(decoded(C::Entities, "name", json::object())));
}

TEST_CASE("text: trimmed, integers accepted, control characters and bad UTF-8 refused") {
    CHECK(as<std::string>(decoded(C::Entities, "address", "  ul. Długa 1 \n")) == "ul. Długa 1");
    CHECK(as<std::string>(decoded(C::Entities, "short_name", 1920)) == "1920");
    CHECK(errorOf(C::Entities, "address", "ul.\x01 Długa") == "text contains a control character");
    CHECK(errorOf(C::Entities, "address", std::string("ul. D\xC5ługa")) == "text is not valid UTF-8");
    CHECK(errorOf(C::Entities, "address", 1.5) == "expected text, got number");
    CHECK(errorOf(C::Entities, "address", std::string(16001, 'a')) == "text longer than 4000 characters");
}

TEST_CASE("text: the limit is 4000 characters, whatever their UTF-8 length") {
    // docs/data-format.md: "max 4000 chars"; the message says characters too.
    std::string polish;
    for (int i = 0; i < 4000; ++i) polish += "ł"; // 8000 bytes, 4000 characters
    CHECK(as<std::string>(decoded(C::Entities, "address", polish)).size() == 8000);
    CHECK(as<std::string>(decoded(C::Entities, "address", std::string(4000, 'a'))).size() == 4000);
    CHECK(errorOf(C::Entities, "address", std::string(4001, 'a')) == "text longer than 4000 characters");
    CHECK(errorOf(C::Entities, "address", polish + "ł") == "text longer than 4000 characters");
}

TEST_CASE("identifiers inside records: NIP, REGON (padded), KRS (padding)") {
    CHECK(as<std::string>(decoded(C::Entities, "nip", "123-456-32-18")) == "1234563218");
    CHECK(as<std::string>(decoded(C::Entities, "regon", "12345678500000")) == "123456785");
    CHECK(as<std::string>(decoded(C::Entities, "krs", 123456)) == "0000123456");
    CHECK(errorOf(C::Entities, "nip", "123-456-32-19") == "NIP checksum does not match");
}

TEST_CASE("dates, datetimes, urls, e-mails, phones, refs") {
    CHECK(as<std::string>(decoded(C::Events, "starts_at", "2025-03-12T10:00+01:00")) == "2025-03-12T10:00:00+01:00");
    CHECK(errorOf(C::Premises, "apply_deadline", "2024-02-30") == "no such date: 2024-02-30");
    CHECK(as<std::string>(decoded(C::Entities, "www", "https://torun.pl/ngo")) == "https://torun.pl/ngo");
    CHECK(errorOf(C::Entities, "www", "www.torun.pl") == "address must start with https:// or http://");
    CHECK(errorOf(C::Entities, "www", "https://localhost") == "\"https://localhost\" is not a web address");
    CHECK(errorOf(C::Entities, "email", "biuro@torun") == "\"biuro@torun\" is not an e-mail address");
    CHECK(errorOf(C::Entities, "email", "a@b@c.pl") == "\"a@b@c.pl\" is not an e-mail address");
    CHECK(as<std::string>(decoded(C::Entities, "phone", "+48 (56) 611-22-33")) == "+48 (56) 611-22-33");
    CHECK(errorOf(C::Entities, "phone", "611 22 33") == "phone number must have 9 to 15 digits");
    CHECK(errorOf(C::Entities, "phone", "56 611 22 33 wew. 5") ==
          "phone number may contain only digits, spaces, + - ( )");
    CHECK(as<std::string>(decoded(C::Entities, "parent_id", "ent-fund")) == "ent-fund");
    CHECK(errorOf(C::Entities, "parent_id", "ent fund") == "'ent fund' is not a record id");
}

TEST_CASE("districts: keys, and names as QGIS users type them") {
    CHECK(as<std::string>(decoded(C::Entities, "district", "podgorz")) == "podgorz");
    CHECK(as<std::string>(decoded(C::Entities, "district", "Podgórz")) == "podgorz");
    CHECK(as<std::string>(decoded(C::Entities, "district", "PODGÓRZ")) == "podgorz");
    CHECK(as<std::string>(decoded(C::Entities, "district", "Grębocin nad Strugą")) == "grebocin");
    CHECK(as<std::string>(decoded(C::Entities, "district", "Chełmińskie Przedmieście")) == "chelminskie_przedmiescie");
    CHECK(errorOf(C::Entities, "district", "Śródmieście") == "unknown Toruń district 'Śródmieście'");
}

TEST_CASE("record ids: 1-64 chars of A-Z a-z 0-9 . _ : -") {
    CHECK(cache::isValidRecordId("ent-1"));
    CHECK(cache::isValidRecordId("urn:pes.tor_1"));
    CHECK(cache::isValidRecordId(std::string(64, 'a')));
    CHECK_FALSE(cache::isValidRecordId(std::string(65, 'a')));
    CHECK_FALSE(cache::isValidRecordId(""));
    CHECK_FALSE(cache::isValidRecordId("ent 1"));
    CHECK_FALSE(cache::isValidRecordId("żółw"));
    CHECK_FALSE(cache::isValidRecordId("a/b"));
}

TEST_CASE("encodeField is the inverse of decodeField on valid input") {
    const json lt = json{{"pl", "Dom"}, {"en", "Home"}};
    CHECK(cache::encodeField(field(C::Entities, "name"), decoded(C::Entities, "name", lt)) == lt);
    CHECK(cache::encodeField(field(C::Entities, "name"), decoded(C::Entities, "name", "Dom")) == json("Dom"));
    CHECK(cache::encodeField(field(C::Premises, "area_m2"), decoded(C::Premises, "area_m2", "12,5")) == json(12.5));
    CHECK(cache::encodeField(field(C::Premises, "rooms"), decoded(C::Premises, "rooms", "2")) == json(2));
    CHECK(cache::encodeField(field(C::Entities, "opp"), decoded(C::Entities, "opp", "tak")) == json(true));
    CHECK(cache::encodeField(field(C::Entities, "areas"), decoded(C::Entities, "areas", "a;b")) ==
          json::array({"a", "b"}));
    CHECK(cache::encodeField(field(C::Entities, "opp"), cache::Value{}).is_null());
}
