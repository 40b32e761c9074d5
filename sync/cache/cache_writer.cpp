#include "cache_writer.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "record_codec.hpp"
#include "search_text.hpp"

namespace cache {
namespace {

// SQLiteCpp 3.2.1's Transaction has no behaviour argument: take the write
// lock up front so a reader-turned-writer cannot deadlock mid-import.
class ImmediateTransaction {
public:
    explicit ImmediateTransaction(SQLite::Database& db) : m_db(db) { m_db.exec("BEGIN IMMEDIATE"); }
    ~ImmediateTransaction() {
        if (!m_done) {
            try {
                m_db.exec("ROLLBACK");
            } catch (...) { // rollback of a failed transaction: nothing more to do
            }
        }
    }
    void commit() {
        m_db.exec("COMMIT");
        m_done = true;
    }
    ImmediateTransaction(const ImmediateTransaction&) = delete;
    ImmediateTransaction& operator=(const ImmediateTransaction&) = delete;

private:
    SQLite::Database& m_db;
    bool m_done = false;
};

void bindRecord(SQLite::Statement& st, const Record& r, const std::string& props) {
    st.bind(":status", r.status);
    st.bind(":updated_at", r.updatedAt);
    if (r.point) {
        st.bind(":lon", r.point->lon);
        st.bind(":lat", r.point->lat);
    } else {
        st.bind(":lon");
        st.bind(":lat");
    }
    if (r.geometryJson.empty()) st.bind(":geometry");
    else st.bind(":geometry", r.geometryJson);
    st.bind(":props", props);
}

std::string nowUtc() {
    const auto t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// The work of one collection replacement, inside the caller's transaction.
// Throws on SQLite errors; the caller's transaction rolls back.
ImportStats replaceInTransaction(SQLite::Database& db, Collection collection, const std::vector<Record>& records,
                                 const std::set<std::string>& keepExisting, int rejected, std::string_view source) {
    const std::string key(collectionKey(collection));
    ImportStats stats;
    stats.rejected = rejected;

    struct Existing {
        std::int64_t rowid;
        std::string props, geometry;
        std::optional<GeoPoint> point;
        bool seen = false;
    };
    std::map<std::string, Existing, std::less<>> existing;
    {
        SQLite::Statement q(db, "SELECT id, rowid, props, coalesce(geometry, ''), lon, lat FROM records "
                                "WHERE collection = ?");
        q.bind(1, key);
        while (q.executeStep()) {
            std::optional<GeoPoint> point;
            if (!q.getColumn(4).isNull()) point = GeoPoint{q.getColumn(4).getDouble(), q.getColumn(5).getDouble()};
            existing.emplace(q.getColumn(0).getString(),
                             Existing{q.getColumn(1).getInt64(), q.getColumn(2).getString(),
                                      q.getColumn(3).getString(), point});
        }
    }

    SQLite::Statement insert(db, "INSERT INTO records(collection, id, status, updated_at, lon, lat, geometry, props) "
                                 "VALUES(:collection, :id, :status, :updated_at, :lon, :lat, :geometry, :props)");
    SQLite::Statement update(db, "UPDATE records SET status = :status, updated_at = :updated_at, lon = :lon, "
                                 "lat = :lat, geometry = :geometry, props = :props WHERE rowid = :rowid");
    // The base map has no search table: its statements are never run.
    const std::string table(searchTable(collection));
    const bool searchable = !table.empty();
    std::optional<SQLite::Statement> ftsDelete, ftsInsert;
    if (searchable) {
        ftsDelete.emplace(db, "DELETE FROM " + table + " WHERE rowid = ?");
        ftsInsert.emplace(db, "INSERT INTO " + table + "(rowid, id, title, body) VALUES(?, ?, ?, ?)");
    }
    const auto unindex = [&](std::int64_t rowid) {
        if (!searchable) return;
        ftsDelete->bind(1, rowid);
        ftsDelete->exec();
        ftsDelete->reset();
    };
    const auto index = [&](std::int64_t rowid, const Record& r) {
        if (!searchable) return;
        const SearchText t = searchTextOf(r);
        ftsInsert->bind(1, rowid);
        ftsInsert->bind(2, r.id);
        ftsInsert->bind(3, t.title);
        ftsInsert->bind(4, t.body);
        ftsInsert->exec();
        ftsInsert->reset();
    };

    for (const Record& r : records) {
        const std::string props = encodeRecordProperties(r).dump();
        auto it = existing.find(r.id);
        if (it == existing.end()) {
            insert.bind(":collection", key);
            insert.bind(":id", r.id);
            bindRecord(insert, r, props);
            insert.exec();
            insert.reset();
            index(db.getLastInsertRowid(), r);
            ++stats.added;
            continue;
        }
        it->second.seen = true;
        // Points live in lon/lat, not in props: a moved marker is an update.
        if (it->second.props == props && it->second.geometry == r.geometryJson && it->second.point == r.point) {
            ++stats.unchanged;
            continue;
        }
        bindRecord(update, r, props);
        update.bind(":rowid", it->second.rowid);
        update.exec();
        update.reset();
        unindex(it->second.rowid);
        index(it->second.rowid, r);
        ++stats.updated;
    }

    SQLite::Statement remove(db, "DELETE FROM records WHERE rowid = ?");
    for (const auto& [id, e] : existing) {
        if (e.seen) continue;
        if (keepExisting.count(id)) {
            ++stats.keptOld;
            continue;
        }
        remove.bind(1, e.rowid);
        remove.exec();
        remove.reset();
        unindex(e.rowid);
        ++stats.removed;
    }

    SQLite::Statement log(db, "INSERT INTO import_log VALUES(?, ?, ?, ?, ?, ?, ?)");
    log.bind(1, nowUtc());
    log.bind(2, key);
    log.bind(3, std::string(source));
    log.bind(4, stats.added);
    log.bind(5, stats.updated);
    log.bind(6, stats.removed);
    log.bind(7, stats.rejected);
    log.exec();
    SQLite::Statement trim(db, "DELETE FROM import_log WHERE rowid <= ?");
    trim.bind(1, db.getLastInsertRowid() - kImportLogRows);
    trim.exec();

    return stats;
}

} // namespace

Result<ImportStats> replaceCollection(SQLite::Database& db, Collection collection,
                                      const std::vector<Record>& records,
                                      const std::set<std::string>& keepExisting, int rejected,
                                      std::string_view source) {
    try {
        ImmediateTransaction tx(db);
        ImportStats stats = replaceInTransaction(db, collection, records, keepExisting, rejected, source);
        tx.commit();
        return stats;
    } catch (const std::exception& e) {
        return makeError("writing " + std::string(collectionKey(collection)) +
                         " to the cache failed (nothing was changed): " + e.what());
    }
}

Result<std::map<Collection, ImportStats>> applyFeedUpdate(SQLite::Database& db,
                                                          const std::vector<CollectionReplacement>& collections,
                                                          const std::vector<MediaFile>& media,
                                                          const std::map<std::string, std::string>& syncState,
                                                          std::string_view source) {
    try {
        ImmediateTransaction tx(db);
        std::map<Collection, ImportStats> out;
        for (const CollectionReplacement& c : collections)
            out[c.collection] = replaceInTransaction(db, c.collection, c.records, {}, 0, source);
        db.exec("DELETE FROM media");
        SQLite::Statement addMedia(db, "INSERT INTO media(sha256, file, mime, width, height) VALUES(?, ?, ?, ?, ?)");
        for (const MediaFile& m : media) {
            addMedia.bind(1, m.sha256);
            addMedia.bind(2, m.file);
            addMedia.bind(3, m.mime);
            addMedia.bind(4, m.width);
            addMedia.bind(5, m.height);
            addMedia.exec();
            addMedia.reset();
        }
        SQLite::Statement put(db, "INSERT INTO sync_state(key, value) VALUES(?, ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        for (const auto& [k, v] : syncState) {
            put.bind(1, k);
            put.bind(2, v);
            put.exec();
            put.reset();
        }
        tx.commit();
        return out;
    } catch (const std::exception& e) {
        return makeError(std::string("applying the feed to the cache failed (the previous data is kept): ") + e.what());
    }
}

Result<std::vector<MediaFile>> readMediaFiles(SQLite::Database& db) {
    try {
        std::vector<MediaFile> out;
        SQLite::Statement q(db, "SELECT sha256, file, mime, width, height FROM media");
        while (q.executeStep())
            out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                           q.getColumn(3).getInt(), q.getColumn(4).getInt()});
        return out;
    } catch (const std::exception& e) {
        return makeError(std::string("reading the media table failed: ") + e.what());
    }
}

} // namespace cache
