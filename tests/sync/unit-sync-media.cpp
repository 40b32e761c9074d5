// Images travel in the feed as blobs and are normalised by the sync: the
// kiosk only ever reads files the sync re-encoded. Bombs and broken files
// fail the sync with the reason and leave the previous data intact.
#include <doctest/doctest.h>

#include <stb_image_write.h>
#include <zlib.h>

#include "sync_fixture.hpp"

using syncclient::SyncResultKind;
namespace fs = std::filesystem;

namespace {

std::string pngOf(int w, int h, std::uint8_t shade) {
    std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3, shade);
    std::string out;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size); },
        &out, w, h, 3, px.data(), w * 3);
    return out;
}

// A PNG whose header declares `w`×`h` pixels with no real image behind it.
std::string pngBomb(std::uint32_t w, std::uint32_t h) {
    std::string chunk = "IHDR";
    for (std::uint32_t v : {w, h})
        for (int s = 24; s >= 0; s -= 8) chunk.push_back(static_cast<char>((v >> s) & 0xFF));
    chunk += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()));
    std::string png = "\x89PNG\r\n\x1a\n";
    png += std::string("\x00\x00\x00\x0d", 4) + chunk;
    for (int s = 24; s >= 0; s -= 8) png.push_back(static_cast<char>((crc >> s) & 0xFF));
    return png;
}

} // namespace

TEST_CASE("new images are normalised and recorded; images no longer in the feed are removed") {
    synctest::FeedWorld w;
    fs::create_directories(w.source() / "media");
    pestor_test::writeFile(w.source() / "media" / "a.png", pngOf(3000, 1500, 200));
    w.publish();
    const auto first = w.sync();
    INFO(first.message);
    REQUIRE(first.kind == SyncResultKind::Applied);
    auto rows = cache::readMediaFiles(*w.db);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->at(0).width == 1280); // scaled down for the screen
    CHECK(rows->at(0).height == 640);
    CHECK(rows->at(0).mime == "image/jpeg"); // opaque: re-encoded as JPEG
    CHECK(fs::exists(w.config.stateDir / "media" / rows->at(0).file));
    const std::string firstFile = rows->at(0).file;

    // A second image arrives, the first leaves.
    fs::remove(w.source() / "media" / "a.png");
    pestor_test::writeFile(w.source() / "media" / "b.png", pngOf(64, 48, 10));
    w.publish();
    const auto second = w.sync();
    INFO(second.message);
    REQUIRE(second.kind == SyncResultKind::Applied);
    CHECK(second.blobsFetched == 1);
    rows = cache::readMediaFiles(*w.db);
    REQUIRE(rows->size() == 1);
    CHECK(rows->at(0).width == 64); // never scaled up
    CHECK(fs::exists(w.config.stateDir / "media" / rows->at(0).file));
    CHECK_FALSE(fs::exists(w.config.stateDir / "media" / firstFile));
}

TEST_CASE("image bombs and broken images fail the sync and change nothing") {
    synctest::FeedWorld w;
    w.publish();
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    const std::string before = w.records();
    fs::create_directories(w.source() / "media");
    std::string expected;
    SUBCASE("huge declared dimensions") {
        pestor_test::writeFile(w.source() / "media" / "bomb.png", pngBomb(100000, 100000));
        expected = "100000";
    }
    SUBCASE("truncated data") {
        const std::string png = pngOf(400, 300, 90);
        pestor_test::writeFile(w.source() / "media" / "half.png", png.substr(0, png.size() / 2));
        expected = "feed image ";
    }
    w.publish();
    const auto r = w.sync();
    INFO(r.message);
    CHECK(r.kind == SyncResultKind::Failed);
    CHECK(r.message.find("feed image ") != std::string::npos);
    CHECK(r.message.find(expected) != std::string::npos);
    CHECK(w.records() == before);
    CHECK(synctest::lastError(*w.db) == r.message);
    CHECK(cache::readMediaFiles(*w.db)->empty());
}
