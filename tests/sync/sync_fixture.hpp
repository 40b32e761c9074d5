#pragma once
// A publisher and a terminal in one test: source folder -> pestor-feed's
// builder -> feed folder -> syncOnce -> cache file. Feeds can be edited
// after publishing to simulate a broken or hostile server.
#include <doctest/doctest.h>

#include <SQLiteCpp/Database.h>

#include <filesystem>
#include <memory>

#include "cache/cache_db.hpp"
#include "cache/sync_state.hpp"
#include "client/sync_once.hpp"
#include "feed/feed_builder.hpp"
#include "feed/gzip.hpp"
#include "feed/hashing.hpp"
#include "feed/manifest.hpp"
#include "test_support.hpp"

namespace synctest {

namespace fs = std::filesystem;

class FeedWorld {
public:
    FeedWorld() : key(feed::generateKeyPair()) {
        fs::create_directories(source());
        for (const char* c : {"entities", "offers", "events", "basemap"})
            fs::copy_file(fs::path(PESTOR_ASSETS_DIR) / "demo" / (std::string(c) + ".geojson"),
                          source() / (std::string(c) + ".geojson"));
        db = pestor_test::openWriter(cachePath());
        config.feedUrl = "file://" + feedDir().string();
        config.pinnedKeys = {key.publicKey};
        config.http.allowFileUrls = true;
        config.stateDir = dir / "state";
    }

    fs::path source() const { return dir / "src"; }
    fs::path feedDir() const { return dir / "feed"; }
    fs::path cachePath() const { return dir / "cache.sqlite"; }

    feed::Manifest publish(std::optional<std::int64_t> sequence = std::nullopt) {
        feed::BuildOptions o{source(), feedDir(), sequence, 14, std::string("2026-11-21T12:00:00+01:00")};
        auto r = feed::buildFeed(o, key.secretKey);
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        return r->manifest;
    }

    syncclient::SyncResult sync(std::int64_t now = 1795000000) {
        net::HttpClient http(config.http);
        return syncclient::syncOnce(config, *db, http, now);
    }

    // Edits a record of the source (and nothing else).
    void editSource(const std::string& collection, std::size_t index, const std::string& field, nlohmann::json value) {
        auto doc = pestor_test::readJson(source() / (collection + ".geojson"));
        doc["features"][index]["properties"][field] = std::move(value);
        pestor_test::writeJson(source() / (collection + ".geojson"), doc);
    }

    // Rewrites manifest.json as `edit` says and signs it again with the
    // feed's key: a "valid" manifest for hostile content.
    void resignManifest(const std::function<void(nlohmann::json&)>& edit) {
        auto doc = nlohmann::json::parse(pestor_test::readFile(feedDir() / "manifest.json"));
        edit(doc);
        const std::string text = doc.dump(1) + "\n";
        pestor_test::writeFile(feedDir() / "manifest.json", text);
        pestor_test::writeFile(feedDir() / "manifest.json.minisig", feed::signDetached(key.secretKey, text, "test"));
    }

    // Puts `bytes` in the feed as a new blob in place of chunk `oldSha`, and
    // signs the manifest again: hostile content, correctly hashed and signed.
    void replaceChunk(const std::string& oldSha, const std::string& bytes) {
        const std::string sha = feed::sha256Hex(bytes);
        fs::create_directories((feedDir() / feed::blobPath(sha)).parent_path());
        pestor_test::writeFile(feedDir() / feed::blobPath(sha), bytes);
        resignManifest([&](nlohmann::json& d) {
            for (auto& [name, c] : d["collections"].items())
                for (auto& ch : c["chunks"])
                    if (ch["sha256"] == oldSha) {
                        ch["sha256"] = sha;
                        ch["bytes"] = bytes.size();
                    }
        });
    }

    // Records + sync state, to assert "nothing changed".
    std::string records() { return pestor_test::dumpRecords(*db); }

    pestor_test::TempDir dir;
    feed::KeyPair key;
    std::unique_ptr<SQLite::Database> db;
    syncclient::SyncConfig config;
};

inline std::string lastError(SQLite::Database& db) {
    auto st = cache::readSyncStatus(db);
    REQUIRE(st.ok());
    return st->lastError;
}

} // namespace synctest
