// The take-away QR payloads (page URL, vCard 3.0, geo URI) as exact strings,
// and the libqrencode wrapper's matrix and its failure on too much data.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cache/record_codec.hpp"
#include "qr/qr_matrix.hpp"
#include "qr/take_away.hpp"
#include "qr/vcard.hpp"

using cache::Collection;
using nlohmann::json;

namespace {

cache::Record entity(json props, std::pair<double, double> lonLat) {
    props["status"] = "active";
    props["updated_at"] = "2026-11-01T10:00:00+01:00";
    props["legal_form"] = "spoldzielnia_socjalna";
    props["district"] = "stare_miasto";
    const json geometry{{"type", "Point"}, {"coordinates", {lonLat.first, lonLat.second}}};
    auto r = cache::decodeRecord(Collection::Entities, props, geometry, "ent-test");
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

// A `;` and a `,` in the name, a backslash, Polish letters, and a name long
// enough to fold — with a two-byte "ł" straddling octet 75 of the FN line.
const char* const kName = "Spółdzielnia Socjalna „Żółty Rower; Naprawa”, Toruń — szkło\\drewno i stal";

cache::Record fullEntity() {
    return entity({{"name", kName},
                   {"address", "ul. Szeroka 1, 87-100 Toruń"},
                   {"phone", "+48 56 000 11 22"},
                   {"email", "biuro@zolty-rower.example"},
                   {"www", "https://zolty-rower.example/o-nas"}},
                  std::pair{18.6047, 53.0103});
}

} // namespace

TEST_CASE("vCard text escaping: backslash, comma, semicolon and every kind of line break") {
    CHECK(kiosk::qr::escapeVCardText("a\\b,c;d\ne\r\nf\rg") == "a\\\\b\\,c\\;d\\ne\\nf\\ng");
    CHECK(kiosk::qr::escapeVCardText("Łódź") == "Łódź");
}

TEST_CASE("vCard folding: at most 75 octets a line, never inside a UTF-8 sequence") {
    using kiosk::qr::foldVCardLine;
    CHECK(foldVCardLine("FN:short") == "FN:short\r\n");
    const std::string exact75 = "FN:" + std::string(72, 'a');
    CHECK(foldVCardLine(exact75) == exact75 + "\r\n");
    // 74 ASCII octets, then "ż" (C5 BC) would end at octet 76: it moves to the
    // next line whole.
    const std::string line = "FN:" + std::string(71, 'a') + "żb";
    CHECK(foldVCardLine(line) == "FN:" + std::string(71, 'a') + "\r\n żb\r\n");
    // Continuation lines hold 74 octets after their leading space.
    const std::string longLine(75 + 74 + 3, 'x');
    CHECK(foldVCardLine(longLine) ==
          std::string(75, 'x') + "\r\n " + std::string(74, 'x') + "\r\n " + std::string(3, 'x') + "\r\n");
}

TEST_CASE("contact card of a record with Polish letters and a ';' in its name: exact vCard 3.0") {
    const auto card = kiosk::qr::contactCard(fullEntity());
    REQUIRE(card.has_value());
    CHECK(*card == "BEGIN:VCARD\r\n"
                   "VERSION:3.0\r\n"
                   "FN:Spółdzielnia Socjalna „Żółty Rower\\; Naprawa”\\, Toruń — szk\r\n"
                   " ło\\\\drewno i stal\r\n"
                   "N:;;;;\r\n"
                   "ORG:Spółdzielnia Socjalna „Żółty Rower\\; Naprawa”\\, Toruń — szk\r\n"
                   " ło\\\\drewno i stal\r\n"
                   "TEL;TYPE=WORK,VOICE:+48 56 000 11 22\r\n"
                   "EMAIL;TYPE=INTERNET:biuro@zolty-rower.example\r\n"
                   "URL:https://zolty-rower.example/o-nas\r\n"
                   "ADR;TYPE=WORK:;;ul. Szeroka 1;Toruń;;87-100;\r\n"
                   "END:VCARD\r\n");
}

TEST_CASE("contact card: an address without a postcode stays the street; a record without contact data has none") {
    const auto onlyPhone = kiosk::qr::contactCard(entity({{"name", "Fundacja ALMA"}, {"address", "Rynek Staromiejski"},
                                                          {"phone", "+48 56 000 11 22"}},
                                                         std::pair{18.61058, 53.0132}));
    REQUIRE(onlyPhone.has_value());
    CHECK(*onlyPhone == "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Fundacja ALMA\r\nN:;;;;\r\nORG:Fundacja ALMA\r\n"
                        "TEL;TYPE=WORK,VOICE:+48 56 000 11 22\r\nADR;TYPE=WORK:;;Rynek Staromiejski;;;;\r\n"
                        "END:VCARD\r\n");
    const cache::Record addressOnly =
        entity({{"name", "Fundacja ALMA"}, {"address", "87-100 Toruń"}}, std::pair{18.61058, 53.0132});
    CHECK_FALSE(kiosk::qr::contactCard(addressOnly).has_value());
}

TEST_CASE("geo URI: latitude first, six decimals, an optional percent-encoded label") {
    using kiosk::qr::geoUri;
    CHECK(geoUri({18.6047, 53.0103}) == "geo:53.010300,18.604700");
    CHECK(geoUri({-0.5, -33.25}) == "geo:-33.250000,-0.500000");
    CHECK(geoUri({18.6047, 53.0103}, "Fundacja (ALMA) Łódź") ==
          "geo:53.010300,18.604700?q=53.010300,18.604700(Fundacja%20ALMA%20%C5%81%C3%B3d%C5%BA)");
}

TEST_CASE("page URL: base, collection key and percent-encoded id, one slash between") {
    using kiosk::qr::pageUrl;
    CHECK(pageUrl("https://pes-tor.torun.pl", Collection::Entities, "ent-000024") ==
          "https://pes-tor.torun.pl/entities/ent-000024");
    CHECK(pageUrl("https://example.org/pes//", Collection::Premises, "a b/ć") ==
          "https://example.org/pes/premises/a%20b%2F%C4%87");
}

TEST_CASE("the codes of a record: page, contact card, map — only those it has data for") {
    const auto all = kiosk::qr::takeAwayCodes(fullEntity(), kiosk::qr::kDefaultPlatformUrl);
    REQUIRE(all.size() == 3);
    CHECK(all[0].kind == kiosk::qr::CodeKind::Page);
    CHECK(all[0].payload == "https://pes-tor.torun.pl/entities/ent-test");
    CHECK(all[1].kind == kiosk::qr::CodeKind::Contact);
    CHECK(all[2].kind == kiosk::qr::CodeKind::Map);
    CHECK(all[2].payload.starts_with("geo:53.010300,18.604700?q=53.010300,18.604700(Sp%C3%B3%C5%82dzielnia%20"));
    for (const auto& c : all) CHECK(c.matrix.modules.size() == std::size_t(c.matrix.size) * c.matrix.size);

    // An offer has no place of its own and no contact fields: its page only.
    const json offer{{"status", "active"},    {"updated_at", "2026-11-01T10:00:00+01:00"},
                     {"title", "Catering"},   {"entity_id", "ent-test"},
                     {"kind", "service"},     {"category", "catering"}};
    const auto bareRecord = cache::decodeRecord(Collection::Offers, offer, json(), "off-1");
    REQUIRE(bareRecord.ok());
    const auto bare = kiosk::qr::takeAwayCodes(*bareRecord, "https://example.org");
    REQUIRE(bare.size() == 1);
    CHECK(bare[0].payload == "https://example.org/offers/off-1");
}

TEST_CASE("QR matrix: the smallest version, finder patterns in the corners") {
    auto m = kiosk::qr::encodeQr("https://pes-tor.torun.pl/entities/ent-000024");
    REQUIRE(m.ok());
    CHECK(m->size == 33); // version 4: 44 bytes at level M need more than version 3's 42
    // Finder pattern: dark ring, light ring, dark 3x3 centre.
    for (auto [x, y] : {std::pair{0, 0}, std::pair{m->size - 7, 0}, std::pair{0, m->size - 7}}) {
        CHECK(m->dark(x, y));
        CHECK_FALSE(m->dark(x + 1, y + 1));
        CHECK(m->dark(x + 3, y + 3));
    }
}

TEST_CASE("QR matrix: a payload too long for one code fails with a message, not a crash") {
    CHECK(kiosk::qr::encodeQr(std::string(2331, 'a')).ok()); // version 40-M holds 2331 bytes
    const auto tooLong = kiosk::qr::encodeQr(std::string(2332, 'a'));
    REQUIRE_FALSE(tooLong.ok());
    CHECK(tooLong.error().message == "QR code: 2332 bytes do not fit in one code (at most 2331 at error correction M)");
    const auto empty = kiosk::qr::encodeQr("");
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "QR code: nothing to encode");
}
