#pragma once
// The immutable catalog snapshot the kiosk's screens draw from. Built off
// the UI thread, handed over whole (shared_ptr<const Catalog>), never
// mutated: a newer cache produces a new Catalog.
#include <SQLiteCpp/Database.h>
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "record.hpp"
#include "result.hpp"

namespace cache {

class Catalog {
public:
    // Records of a collection in Polish alphabetical order of their title.
    const std::vector<Record>& records(Collection c) const { return m_records[index(c)]; }
    const Record* find(Collection c, std::string_view id) const;
    std::size_t size(Collection c) const { return m_records[index(c)].size(); }

    std::int64_t dataVersion() const { return m_dataVersion; }
    // Newest updated_at over all records ("" for an empty cache).
    const std::string& newestUpdate() const { return m_newestUpdate; }
    int skippedRecords() const { return m_skipped; }
    // The installed map tile pack that goes with these records (absolute
    // path, open it with MbtilesOpenMode::Immutable), or "" when the feed has
    // none. Read in the same transaction as the records.
    const std::string& tilePackPath() const { return m_tilePackPath; }

    static Result<std::shared_ptr<const Catalog>> load(SQLite::Database& db);

private:
    static std::size_t index(Collection c) { return static_cast<std::size_t>(c); }

    std::array<std::vector<Record>, kAllCollections.size()> m_records;
    std::array<std::unordered_map<std::string, std::size_t>, kAllCollections.size()> m_byId;
    std::int64_t m_dataVersion = 0;
    std::string m_newestUpdate;
    std::string m_tilePackPath;
    int m_skipped = 0;
};

// Cheap check whether another connection has committed since the last call
// on this connection (PRAGMA data_version).
std::int64_t dataVersion(SQLite::Database& db);

} // namespace cache
