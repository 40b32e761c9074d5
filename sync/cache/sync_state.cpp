#include "sync_state.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "datetime.hpp"

namespace cache {

bool SyncStatus::staleAt(std::int64_t nowUnix) const {
    const auto expires = unixSecondsOfDateTime(expiresAt);
    return expires && nowUnix > *expires;
}

Result<SyncStatus> readSyncStatus(SQLite::Database& db) {
    try {
        SyncStatus s;
        SQLite::Statement q(db, "SELECT key, value FROM sync_state");
        while (q.executeStep()) {
            const std::string k = q.getColumn(0).getString(), v = q.getColumn(1).getString();
            namespace K = sync_keys;
            if (k == K::kLastAttempt) s.lastAttempt = v;
            else if (k == K::kLastSuccess) s.lastSuccess = v;
            else if (k == K::kLastError) s.lastError = v;
            else if (k == K::kSequence) s.sequence = std::stoll(v);
            else if (k == K::kManifestSha) s.manifestSha = v;
            else if (k == K::kManifestEtag) s.manifestEtag = v;
            else if (k == K::kGeneratedAt) s.generatedAt = v;
            else if (k == K::kExpiresAt) s.expiresAt = v;
            else if (k == K::kFeedUrl) s.feedUrl = v;
            else if (k == K::kTilesPack) s.tilesPack = v;
        }
        return s;
    } catch (const std::exception& e) {
        return makeError(std::string("reading the sync state failed: ") + e.what());
    }
}

Result<void> writeSyncState(SQLite::Database& db, const std::map<std::string, std::string>& values) {
    try {
        SQLite::Transaction tx(db);
        SQLite::Statement put(db, "INSERT INTO sync_state(key, value) VALUES(?, ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        for (const auto& [k, v] : values) {
            put.bind(1, k);
            put.bind(2, v);
            put.exec();
            put.reset();
        }
        tx.commit();
        return {};
    } catch (const std::exception& e) {
        return makeError(std::string("writing the sync state failed: ") + e.what());
    }
}

} // namespace cache
