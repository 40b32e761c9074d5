#pragma once
// One sync: conditional GET of the manifest, signature and rollback checks,
// download of the blobs not yet held (verified), decoding and validation of
// every record, and ONE transaction that replaces the data and records the
// new state. Any failure leaves the cache's data as it was and records the
// reason in words (sync_state.last_error).
#include <SQLiteCpp/Database.h>
#include <optional>
#include <string>
#include <vector>

#include "sync_config.hpp"

namespace syncclient {

enum class SyncResultKind { Unchanged, Applied, Failed };

struct SyncResult {
    SyncResultKind kind = SyncResultKind::Failed;
    std::string message;                 // what happened, for logs and `pestor-sync`
    std::optional<long> retryAfterSeconds; // the server asked us to wait
    std::int64_t sequence = 0;           // the feed now held
    std::uint64_t bytes = 0;             // transferred (bodies, headers, requests)
    int requests = 0;
    int blobsFetched = 0;
    bool stale = false;                  // the held feed has expired
    // Images refused by the normaliser (a bomb, a broken file), one line each:
    // "image 3f2a9c01b7e4 (entities/ent-1 logo): <reason>". The sync still
    // applies; the records naming them are kept without those images.
    std::vector<std::string> imagesRefused;
};

SyncResult syncOnce(const SyncConfig& config, SQLite::Database& db, net::HttpClient& http, std::int64_t nowUnix);

} // namespace syncclient
