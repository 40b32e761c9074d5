#pragma once
// What the sync last did, kept in the cache (table sync_state) for
// `pestor-sync status` and the kiosk's admin screen.
#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "result.hpp"

namespace cache {

namespace sync_keys {
inline constexpr const char* kLastAttempt = "last_attempt";     // RFC 3339
inline constexpr const char* kLastSuccess = "last_success";     // RFC 3339
inline constexpr const char* kLastError = "last_error";         // words for a person; "" after a success
inline constexpr const char* kSequence = "feed_sequence";
inline constexpr const char* kManifestSha = "manifest_sha256";
inline constexpr const char* kManifestEtag = "manifest_etag";
inline constexpr const char* kGeneratedAt = "feed_generated_at";
inline constexpr const char* kExpiresAt = "feed_expires_at";
inline constexpr const char* kFeedUrl = "feed_url";
// Absolute path of the installed map tile pack (an MBTiles file the sync
// wrote, opened immutable by the kiosk); "" when the feed has none.
inline constexpr const char* kTilesPack = "tiles_pack";
} // namespace sync_keys

struct SyncStatus {
    std::string lastAttempt, lastSuccess, lastError;
    std::int64_t sequence = 0;
    std::string manifestSha, manifestEtag, generatedAt, expiresAt, feedUrl;
    std::string tilesPack;
    // Expired feeds are kept and shown, flagged as possibly out of date.
    bool staleAt(std::int64_t nowUnix) const;
};

Result<SyncStatus> readSyncStatus(SQLite::Database& db);
// Writes keys in one small transaction (used for failures, which must not
// touch the records).
Result<void> writeSyncState(SQLite::Database& db, const std::map<std::string, std::string>& values);

} // namespace cache
