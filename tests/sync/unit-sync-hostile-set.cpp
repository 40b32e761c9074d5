// The hostile demo set (pestor-demo-gen --set hostile) end to end: published
// with --skip-invalid, synced into a fresh cache. The good records arrive,
// the bad ones are reported by name, bad images are refused one by one, and
// a feed refused as a whole leaves the previous data as it was.
#include <doctest/doctest.h>

#include <cstdlib>

#include "sync_fixture.hpp"

using syncclient::SyncResultKind;
namespace fs = std::filesystem;

namespace {

void generateHostile(const fs::path& out) {
    fs::remove_all(out);
    const std::string command = std::string("\"") + PESTOR_DEMO_GEN + "\" --set hostile --basemap \"" +
                                (fs::path(PESTOR_ASSETS_DIR) / "demo" / "basemap.geojson").string() + "\" --out \"" +
                                out.string() + "\" > /dev/null";
    REQUIRE(std::system(command.c_str()) == 0);
}

bool anyContains(const std::vector<std::string>& lines, const std::string& part) {
    for (const auto& l : lines)
        if (l.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("the hostile set: good records in, bad ones named, bad images refused alone, old data kept on a refusal") {
    synctest::FeedWorld w;
    generateHostile(w.source());

    feed::BuildOptions o{w.source(), w.feedDir(), std::nullopt, 14, std::string("2026-11-21T12:00:00+01:00")};
    REQUIRE_FALSE(feed::buildFeed(o, w.key.secretKey).ok()); // by default an invalid record stops the build
    o.skipInvalid = true;
    auto built = feed::buildFeed(o, w.key.secretKey);
    REQUIRE_MESSAGE(built.ok(), (built.ok() ? "" : built.error().message));
    const auto& warnings = built->warnings;
    CHECK(built->problemsLeftOut == 5);
    CHECK(anyContains(warnings, "left out: entities/hostile-too-long: name: text longer than 4000 characters"));
    for (const char* id : {"warszawa", "gdansk", "swapped"})
        CHECK(anyContains(warnings, std::string("left out: entities/hostile-outside-") + id +
                                        ": geometry: position ["));
    CHECK(anyContains(warnings, "not-an-image.png: not a PNG or JPEG image"));
    CHECK(anyContains(warnings, "media/bomb.png ("));
    CHECK(anyContains(warnings, "entities/hostile-logo-missing: logo: image '"));
    CHECK(anyContains(warnings, "entities/hostile-emoji: name.pl: 9 character(s) the kiosk cannot show"));
    CHECK(anyContains(warnings, "entities/hostile-hebrew: name.pl: "));
    CHECK_FALSE(anyContains(warnings, "entities/hostile-ukrainian"));
    CHECK_FALSE(anyContains(warnings, "entities/hostile-combining"));
    CHECK(built->manifest.collections.at(cache::Collection::Entities).records == 314); // 318 - 4
    CHECK(built->manifest.media.size() == 5);

    const auto r = w.sync();
    INFO(r.message);
    REQUIRE(r.kind == SyncResultKind::Applied);
    CHECK(r.message.find("applied feed sequence 1: 391 records") == 0);
    REQUIRE(r.imagesRefused.size() == 3);
    CHECK(anyContains(r.imagesRefused, "(entities/hostile-logo-bomb logo, premises/hostile-premises-longest photos, "
                                       "announcements/hostile-announcement-emoji image): image bomb refused: "
                                       "declares 20000×20000 pixels"));
    CHECK(anyContains(r.imagesRefused, "(entities/hostile-logo-truncated-png logo): truncated PNG"));
    CHECK(anyContains(r.imagesRefused, "(entities/hostile-logo-truncated-jpeg logo, "
                                       "equipment/hostile-equipment-emoji photos): truncated JPEG"));
    CHECK(synctest::lastError(*w.db).empty());
    const auto media = cache::readMediaFiles(*w.db);
    REQUIRE(media.ok());
    CHECK(media->size() == 2); // ok.png and ok.jpg
    const auto count = [&](const std::string& where) {
        return w.db->execAndGet("SELECT count(*) FROM records WHERE " + where).getInt64();
    };
    CHECK(count("collection = 'entities'") == 314);
    CHECK(count("id LIKE 'hostile-rynek-%'") == 300);
    CHECK(count("id = 'hostile-logo-bomb'") == 1); // kept without its image
    CHECK(count("id = 'hostile-longest'") == 1);
    CHECK(count("id LIKE 'hostile-outside-%' OR id = 'hostile-too-long'") == 0);
    const std::string before = w.records();

    // A feed refused as a whole (a chunk whose record count the manifest
    // misstates) changes nothing.
    REQUIRE(feed::buildFeed(o, w.key.secretKey).ok()); // sequence 2
    w.resignManifest([](nlohmann::json& m) { m["collections"]["entities"]["chunks"][0]["records"] = 1; });
    const auto refused = w.sync();
    INFO(refused.message);
    CHECK(refused.kind == SyncResultKind::Failed);
    CHECK(refused.message.find("feed refused") != std::string::npos);
    CHECK(w.records() == before);
    CHECK(synctest::lastError(*w.db) == refused.message);
}
