#pragma once
// Helpers shared by the cache and feed tests: a self-removing temporary
// directory, file IO, the fixtures in tests/data, and a fixture loader that
// goes through the same validation and writer as the importer
// (decodeRecord + replaceCollection) without depending on sync/feed.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cache/cache_db.hpp"
#include "cache/cache_writer.hpp"
#include "cache/collection.hpp"
#include "cache/record_codec.hpp"

namespace pestor_test {

namespace fs = std::filesystem;

// A fresh directory under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::ostringstream name;
            name << "pestor-test-" << ::getpid() << '-' << std::hex << now << '-' << rd();
            const fs::path candidate = fs::temp_directory_path() / name.str();
            if (fs::create_directory(candidate)) {
                m_path = candidate;
                return;
            }
        }
        FAIL("cannot create a temporary directory");
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return m_path; }
    fs::path operator/(std::string_view name) const { return m_path / name; }

private:
    fs::path m_path;
};

inline fs::path fixture(std::string_view name) { return fs::path(PESTOR_TEST_DATA_DIR) / name; }

inline std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline void writeFile(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE_MESSAGE(out.good(), "cannot write " << path);
}

inline nlohmann::json readJson(const fs::path& path) { return nlohmann::json::parse(readFile(path)); }

inline void writeJson(const fs::path& path, const nlohmann::json& doc) { writeFile(path, doc.dump(1)); }

// Index of the feature with this id (Feature.id or properties.id) in a
// FeatureCollection document.
inline std::size_t featureIndex(const nlohmann::json& doc, std::string_view id) {
    const auto& features = doc.at("features");
    for (std::size_t i = 0; i < features.size(); ++i) {
        const auto& f = features[i];
        if ((f.contains("id") && f["id"] == id) ||
            (f.contains("properties") && f["properties"].value("id", std::string()) == id))
            return i;
    }
    FAIL("no feature " << id);
    return 0;
}

inline std::unique_ptr<SQLite::Database> openWriter(const fs::path& path) {
    auto db = cache::openCacheForWriting(path);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(db).value();
}

inline std::unique_ptr<SQLite::Database> openReader(const fs::path& path) {
    auto db = cache::openCacheReadOnly(path);
    REQUIRE_MESSAGE(db.ok(), (db.ok() ? "" : db.error().message));
    return std::move(db).value();
}

// Decodes every feature of a FeatureCollection document; all must be valid.
inline std::vector<cache::Record> decodeAll(cache::Collection collection, const nlohmann::json& doc) {
    std::vector<cache::Record> records;
    for (const auto& f : doc.at("features")) {
        std::string featureId;
        if (f.contains("id") && f["id"].is_string()) featureId = f["id"].get<std::string>();
        auto r = cache::decodeRecord(collection, f.value("properties", nlohmann::json()),
                                     f.value("geometry", nlohmann::json()), featureId);
        REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
        records.push_back(std::move(r).value());
    }
    return records;
}

// Writes one fixture file (named after its collection) into the cache.
inline cache::ImportStats loadFixture(SQLite::Database& db, std::string_view fileName) {
    const fs::path path = fixture(fileName);
    const auto collection = cache::parseCollection(path.stem().string());
    REQUIRE_MESSAGE(collection.has_value(), "fixture not named after a collection: " << fileName);
    auto stats = cache::replaceCollection(db, *collection, decodeAll(*collection, readJson(path)), {}, 0,
                                          path.filename().string());
    REQUIRE_MESSAGE(stats.ok(), (stats.ok() ? "" : stats.error().message));
    return *stats;
}

inline constexpr std::string_view kAllFixtures[] = {
    "entities.geojson", "premises.geojson",      "equipment.geojson", "offers.geojson",
    "demands.geojson",  "support_points.geojson", "events.geojson",    "announcements.geojson",
    "indicators.geojson", "basemap.geojson",
};

inline void loadAllFixtures(SQLite::Database& db) {
    for (auto name : kAllFixtures) loadFixture(db, name);
}

// Every row of a query rendered as text, for byte-for-byte comparisons.
inline std::string dumpQuery(SQLite::Database& db, const std::string& sql) {
    SQLite::Statement q(db, sql);
    std::string out;
    while (q.executeStep()) {
        for (int i = 0; i < q.getColumnCount(); ++i) {
            const auto col = q.getColumn(i);
            out += col.isNull() ? std::string("<null>") : col.getString();
            out += '\x1F';
        }
        out += '\n';
    }
    return out;
}

inline std::string dumpRecords(SQLite::Database& db) {
    return dumpQuery(db, "SELECT collection, id, status, updated_at, lon, lat, geometry, props FROM records "
                         "ORDER BY 1, 2");
}

inline std::int64_t countRows(SQLite::Database& db, const std::string& sqlCount) {
    return db.execAndGet(sqlCount).getInt64();
}

} // namespace pestor_test
