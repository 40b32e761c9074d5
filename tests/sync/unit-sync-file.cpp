// pestor-sync's sync against a local (file://) feed: the whole protocol and
// every content fault a server could serve, each ending with the previous
// data intact and an actionable message.
#include <doctest/doctest.h>

#include <sys/resource.h>

#include <csignal>

#include "sync_fixture.hpp"

using synctest::FeedWorld;
using syncclient::SyncResultKind;

TEST_CASE("first sync applies the feed; the same feed again is unchanged") {
    FeedWorld w;
    const auto m = w.publish();
    const auto first = w.sync();
    INFO(first.message);
    REQUIRE(first.kind == SyncResultKind::Applied);
    CHECK(first.sequence == 1);
    CHECK(first.blobsFetched == static_cast<int>(m.allBlobs().size()));
    CHECK(w.db->execAndGet("SELECT count(*) FROM records WHERE collection = 'entities'").getInt() == 207);
    auto st = cache::readSyncStatus(*w.db);
    REQUIRE(st.ok());
    CHECK(st->sequence == 1);
    CHECK(st->lastError.empty());
    CHECK(st->expiresAt == m.expiresAt);

    const auto again = w.sync();
    CHECK(again.kind == SyncResultKind::Unchanged);
    CHECK(again.blobsFetched == 0);
}

TEST_CASE("a one-record change fetches one chunk; a deleted record disappears") {
    FeedWorld w;
    w.publish();
    const auto first = w.sync();
    REQUIRE(first.kind == SyncResultKind::Applied);
    w.editSource("entities", 10, "short_name", "Nowa nazwa");
    const auto m2 = w.publish();
    const auto second = w.sync();
    INFO(second.message);
    REQUIRE(second.kind == SyncResultKind::Applied);
    CHECK(second.sequence == 2);
    CHECK(second.blobsFetched == 1);
    // Exactly the manifest, its signature and the one changed chunk travel.
    std::uint64_t largestChunk = 0;
    for (const auto& b : m2.allBlobs()) largestChunk = std::max(largestChunk, b.bytes);
    const auto fileSize = [&](const char* name) { return std::filesystem::file_size(w.feedDir() / name); };
    CHECK(second.bytes <= fileSize("manifest.json") + fileSize("manifest.json.minisig") + largestChunk);
    CHECK(second.bytes < first.bytes / 3);

    auto doc = pestor_test::readJson(w.source() / "offers.geojson");
    const std::string goneId = doc["features"][0]["id"];
    doc["features"].erase(0);
    pestor_test::writeJson(w.source() / "offers.geojson", doc);
    w.publish();
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    CHECK(w.db->execAndGet("SELECT count(*) FROM records WHERE collection = 'offers' AND id = '" + goneId + "'").getInt() == 0);
    CHECK(w.db->execAndGet("SELECT count(*) FROM records WHERE collection = 'offers'").getInt() == 41);
    // Blobs of the old feed are pruned after the commit.
    std::size_t blobs = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(w.config.stateDir / "blobs")) ++blobs;
    CHECK(blobs == feed::parseManifest(pestor_test::readFile(w.feedDir() / "manifest.json"))->allBlobs().size());
}

TEST_CASE("faults leave the previous data intact and say what is wrong") {
    FeedWorld w;
    w.publish();
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    w.editSource("entities", 0, "short_name", "Zmiana");
    const auto m2 = w.publish();
    const std::string before = w.records();
    const auto manifestText = pestor_test::readFile(w.feedDir() / "manifest.json");
    const auto sigText = pestor_test::readFile(w.feedDir() / "manifest.json.minisig");
    const auto restore = [&] {
        pestor_test::writeFile(w.feedDir() / "manifest.json", manifestText);
        pestor_test::writeFile(w.feedDir() / "manifest.json.minisig", sigText);
        std::filesystem::remove_all(w.config.stateDir / "blobs");
    };
    const auto expectFailure = [&](std::string_view fragment) {
        const auto r = w.sync();
        INFO("message: " << r.message);
        CHECK(r.kind == SyncResultKind::Failed);
        CHECK(r.message.find(fragment) != std::string::npos);
        CHECK(synctest::lastError(*w.db) == r.message);
        CHECK(w.records() == before);
        restore();
    };
    // The changed chunk: the one blob the terminal does not hold yet.
    std::string changed;
    for (const auto& b : m2.allBlobs())
        if (!std::filesystem::exists(w.config.stateDir / "blobs" / b.sha256)) changed = b.sha256;
    REQUIRE_FALSE(changed.empty());
    const auto blobFile = w.feedDir() / feed::blobPath(changed);
    const std::string blobBytes = pestor_test::readFile(blobFile);

    SUBCASE("bad signature") {
        pestor_test::writeFile(w.feedDir() / "manifest.json", manifestText + " ");
        expectFailure("feed refused: ");
    }
    SUBCASE("signed by another key") {
        const auto other = feed::generateKeyPair();
        pestor_test::writeFile(w.feedDir() / "manifest.json.minisig", feed::signDetached(other.secretKey, manifestText, "x"));
        expectFailure("feed refused: ");
    }
    SUBCASE("manifest that is not JSON") {
        w.resignManifest([](nlohmann::json&) {});
        const std::string junk = "<html>maintenance</html>";
        pestor_test::writeFile(w.feedDir() / "manifest.json", junk);
        pestor_test::writeFile(w.feedDir() / "manifest.json.minisig", feed::signDetached(w.key.secretKey, junk, "x"));
        expectFailure("manifest is not valid JSON");
    }
    SUBCASE("older sequence (rollback)") {
        w.resignManifest([](nlohmann::json& d) { d["sequence"] = 0 + 1; });
        // Sequence 1 with other content than the applied 1: refused too.
        expectFailure("feed refused: sequence 1");
    }
    SUBCASE("blob whose size does not match") {
        pestor_test::writeFile(blobFile, blobBytes + "x");
        expectFailure("feed blob: ");
        pestor_test::writeFile(blobFile, blobBytes);
    }
    SUBCASE("truncated blob") {
        pestor_test::writeFile(blobFile, blobBytes.substr(0, blobBytes.size() / 2));
        expectFailure("has " + std::to_string(blobBytes.size() / 2) + " bytes, the manifest says");
        pestor_test::writeFile(blobFile, blobBytes);
    }
    SUBCASE("blob whose hash does not match") {
        std::string flipped = blobBytes;
        flipped[flipped.size() / 2] ^= 0x01;
        pestor_test::writeFile(blobFile, flipped);
        expectFailure("does not match its SHA-256");
        pestor_test::writeFile(blobFile, blobBytes);
    }
    SUBCASE("a signed chunk with an invalid record") {
        // A publisher bug: the chunk itself carries a bad NIP, correctly hashed and signed.
        auto doc = nlohmann::json::parse(*feed::gzipDecompress(blobBytes, 1 << 24));
        doc["features"][0]["properties"]["nip"] = "1234567890";
        w.replaceChunk(changed, feed::gzipCompress(doc.dump()));
        expectFailure("feed refused, invalid record: entities/");
    }
    SUBCASE("disk full while storing a blob") {
        // RLIMIT_FSIZE makes writes beyond 1 KiB fail (EFBIG) like a full disk.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 1024;
        setrlimit(RLIMIT_FSIZE, &small);
        const auto r = w.sync();
        setrlimit(RLIMIT_FSIZE, &old);
        INFO(r.message);
        CHECK(r.kind == SyncResultKind::Failed);
        CHECK(r.message.find("disk full") != std::string::npos);
        CHECK(w.records() == before);
    }
    // After every fault the real feed still applies.
    const auto ok = w.sync();
    INFO(ok.message);
    CHECK(ok.kind == SyncResultKind::Applied);
    CHECK(ok.sequence == 2);
}

TEST_CASE("an older sequence than the applied one is refused as a rollback") {
    FeedWorld w;
    w.publish();
    const auto seq1Manifest = pestor_test::readFile(w.feedDir() / "manifest.json");
    const auto seq1Sig = pestor_test::readFile(w.feedDir() / "manifest.json.minisig");
    w.editSource("entities", 1, "short_name", "Nowsza");
    w.publish();
    REQUIRE(w.sync().kind == SyncResultKind::Applied);
    const std::string before = w.records();
    // A stale mirror serves the (validly signed) sequence 1 again.
    pestor_test::writeFile(w.feedDir() / "manifest.json", seq1Manifest);
    pestor_test::writeFile(w.feedDir() / "manifest.json.minisig", seq1Sig);
    const auto r = w.sync();
    INFO(r.message);
    CHECK(r.kind == SyncResultKind::Failed);
    CHECK(r.message == "feed refused: sequence 1 is older than the applied 2 (a rollback, or a stale mirror)");
    CHECK(w.records() == before);
}

TEST_CASE("an expired feed is applied and kept, flagged stale") {
    FeedWorld w;
    w.publish();
    const std::int64_t farFuture = 1795000000 + 365 * 86400;
    const auto r = w.sync(farFuture);
    CHECK(r.kind == SyncResultKind::Applied);
    CHECK(r.stale);
    CHECK(r.message.find("out of date") != std::string::npos);
    auto st = cache::readSyncStatus(*w.db);
    REQUIRE(st.ok());
    CHECK(st->staleAt(farFuture));
    CHECK_FALSE(st->staleAt(1795000000));
}

TEST_CASE("https is required unless file feeds are allowed") {
    FeedWorld w;
    w.publish();
    w.config.http.allowFileUrls = false;
    const auto r = w.sync();
    CHECK(r.kind == SyncResultKind::Failed);
    CHECK(w.db->execAndGet("SELECT count(*) FROM records").getInt() == 0);
    CHECK_FALSE(synctest::lastError(*w.db).empty());
}
