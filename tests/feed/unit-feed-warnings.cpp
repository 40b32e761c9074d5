// pestor-feed build's warnings: text the kiosk cannot show, images terminals
// will refuse or cannot find, and records left out with --skip-invalid. The
// feed is published in every case; each warning names collection/id, field
// and the problem.
#include <doctest/doctest.h>

#include <zlib.h>

#include <algorithm>

#include "cache/glyph_coverage.hpp"
#include "feed/feed_builder.hpp"
#include "feed/hashing.hpp"
#include "test_support.hpp"

using pestor_test::TempDir;
namespace fs = std::filesystem;

namespace {

fs::path demoSource(const TempDir& dir) {
    const fs::path src = dir / "src";
    fs::create_directories(src);
    for (const char* c : {"entities", "offers"})
        fs::copy_file(fs::path(PESTOR_ASSETS_DIR) / "demo" / (std::string(c) + ".geojson"), src / (std::string(c) + ".geojson"));
    return src;
}

void editEntity(const fs::path& src, std::size_t index, const std::string& field, nlohmann::json value) {
    auto doc = pestor_test::readJson(src / "entities.geojson");
    doc["features"][index]["properties"][field] = std::move(value);
    pestor_test::writeJson(src / "entities.geojson", doc);
}

// A PNG header declaring w x h pixels, nothing behind it.
std::string pngBomb(std::uint32_t w, std::uint32_t h) {
    std::string chunk = "IHDR";
    for (std::uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8) chunk.push_back(static_cast<char>((v >> s) & 0xFF));
    chunk += std::string("\x08\x02\x00\x00\x00", 5);
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\x00\x00\x00\x0d", 4) + chunk;
    for (int s = 24; s >= 0; s -= 8) png.push_back(static_cast<char>((crc >> s) & 0xFF));
    return png;
}

feed::BuildReport build(const fs::path& src, const fs::path& out, bool skipInvalid = false) {
    feed::BuildOptions o{src, out, std::nullopt, 14, std::string("2026-11-21T12:00:00+01:00")};
    o.skipInvalid = skipInvalid;
    auto r = feed::buildFeed(o, feed::generateKeyPair().secretKey);
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
    return *r;
}

std::vector<std::string> containing(const std::vector<std::string>& lines, const std::string& part) {
    std::vector<std::string> out;
    std::copy_if(lines.begin(), lines.end(), std::back_inserter(out),
                 [&](const std::string& l) { return l.find(part) != std::string::npos; });
    return out;
}

} // namespace

TEST_CASE("glyph coverage: Polish, Ukrainian and combining marks are shown; emoji, Hebrew, Arabic are not") {
    for (char32_t cp : {U'ą', U'Ł', U'Є', U'Ґ', U'ї', U'\u02BC', U'\u0301', U'\u2026', U'\u201E', U'€', U'\n'})
        CHECK(cache::kioskCanShow(cp));
    for (char32_t cp : {U'\U0001F35E', U'\u05E9', U'\u0627', U'\U0001F1F5', U'\uFE0F', U'\u2190', U'\u0085'})
        CHECK_FALSE(cache::kioskCanShow(cp));
    CHECK(cache::codePointsKioskCannotShow("Chleb 🍞🍞 i שלום") ==
          std::vector<char32_t>{0x1F35E, 0x05E9, 0x05DC, 0x05D5, 0x05DD});
    CHECK(cache::codePointName(0x1F35E) == "U+1F35E");
    CHECK(cache::codePointName(0x5E9) == "U+05E9");
}

TEST_CASE("pestor-feed build warns about characters the kiosk cannot show, naming record, field and code points") {
    TempDir dir;
    const fs::path src = demoSource(dir);
    editEntity(src, 0, "name", "Piekarnia 🍞 שלום");
    editEntity(src, 1, "description", {{"pl", "Kawiarnia Cafe\u0301, пʼять"}, {"uk", "Їжа 👍🏽"}});
    const auto report = build(src, dir / "feed");
    CHECK(report.manifest.collections.at(cache::Collection::Entities).records == 207);
    const auto glyphs = containing(report.warnings, "the kiosk cannot show");
    INFO(report.warnings.size());
    REQUIRE(glyphs.size() == 2); // the combining accent and the Ukrainian apostrophe are shown
    CHECK(glyphs[0] == "entities/ent-000001: name.pl: 5 character(s) the kiosk cannot show (drawn as U+FFFD): "
                       "U+1F35E U+05E9 U+05DC U+05D5 U+05DD");
    CHECK(glyphs[1] == "entities/ent-000002: description.uk: 2 character(s) the kiosk cannot show (drawn as U+FFFD): "
                       "U+1F44D U+1F3FD");
}

TEST_CASE("pestor-feed build warns about images terminals will refuse and images that are not there") {
    TempDir dir;
    const fs::path src = demoSource(dir);
    fs::create_directories(src / "media");
    const std::string bomb = pngBomb(20000, 20000);
    pestor_test::writeFile(src / "media" / "bomb.png", bomb);
    const std::string sha = feed::sha256Hex(bomb);
    editEntity(src, 1, "logo", nlohmann::json::array({sha}));
    editEntity(src, 2, "logo", nlohmann::json::array({"nope.png"}));
    editEntity(src, 3, "logo", nlohmann::json::array({"bomb.png"}));
    const auto report = build(src, dir / "feed");
    CHECK(report.manifest.media.size() == 1); // published anyway: each terminal refuses it alone
    const auto refused = containing(report.warnings, "terminals will refuse");
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].starts_with("media/bomb.png (" + sha.substr(0, 12) +
                                 "): terminals will refuse this image and keep its records without it: "));
    CHECK(refused[0].find("20000") != std::string::npos);
    CHECK(refused[0].ends_with("(named by entities/ent-000002 logo)"));
    CHECK(containing(report.warnings, "entities/ent-000003: logo: image 'nope.png' is not in media/; "
                                      "terminals will show the record without it").size() == 1);
    CHECK(containing(report.warnings, "entities/ent-000004: logo: image 'bomb.png' is named by its file name; "
                                      "name it by its SHA-256 " + sha).size() == 1);
}

TEST_CASE("pestor-feed build --skip-invalid leaves bad records and non-images out and publishes the rest") {
    TempDir dir;
    const fs::path src = demoSource(dir);
    editEntity(src, 3, "nip", "1234567890");
    fs::create_directories(src / "media");
    pestor_test::writeFile(src / "media" / "notes.png", "not an image");
    feed::BuildOptions strict{src, dir / "feed", std::nullopt, 14, std::nullopt};
    const auto key = feed::generateKeyPair().secretKey;
    REQUIRE_FALSE(feed::buildFeed(strict, key).ok()); // the default is unchanged
    const auto report = build(src, dir / "feed", true);
    CHECK(report.problemsLeftOut == 2);
    CHECK(report.manifest.collections.at(cache::Collection::Entities).records == 206);
    CHECK(report.manifest.media.empty());
    CHECK(containing(report.warnings, "left out: entities/ent-000004: nip: NIP checksum does not match").size() == 1);
    CHECK(containing(report.warnings, "left out: ").size() == 2);
    CHECK(containing(report.warnings, "notes.png: not a PNG or JPEG image").size() == 1);
    CHECK(fs::exists(dir / "feed" / "manifest.json"));
}
