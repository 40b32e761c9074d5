#pragma once
// The only code that writes records. One call = one transaction: readers see
// the collection as it was or as it is now, never a mix.
#include <SQLiteCpp/Database.h>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "record.hpp"
#include "result.hpp"

namespace cache {

struct ImportStats {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
    int removed = 0;
    int rejected = 0;  // invalid records in the input
    int keptOld = 0;   // of those, ids whose previous good version was kept
};

// Every replacement adds one row to import_log (what changed, from where);
// only the newest rows are kept, so a sync daemon applying feeds for years
// does not grow the cache.
inline constexpr int kImportLogRows = 1000;

// Makes `collection` hold exactly `records`, except that ids in
// `keepExisting` (records that came in invalid) keep their previous good
// version if there was one. `rejected` is recorded in the stats and log.
Result<ImportStats> replaceCollection(SQLite::Database& db, Collection collection,
                                      const std::vector<Record>& records,
                                      const std::set<std::string>& keepExisting, int rejected,
                                      std::string_view source);

// A whole feed update: every listed collection replaced and the sync state
// written, in ONE transaction, so the kiosk sees the old feed or the new one.
struct CollectionReplacement {
    Collection collection;
    std::vector<Record> records;
};
// An image the sync normalised: `file` is relative to the media folder.
struct MediaFile {
    std::string sha256; // of the original blob, as records reference it
    std::string file;
    std::string mime;
    int width = 0;
    int height = 0;
};
Result<std::map<Collection, ImportStats>> applyFeedUpdate(SQLite::Database& db,
                                                          const std::vector<CollectionReplacement>& collections,
                                                          const std::vector<MediaFile>& media,
                                                          const std::map<std::string, std::string>& syncState,
                                                          std::string_view source);
// The media table as it is (the sync reuses files it normalised before).
Result<std::vector<MediaFile>> readMediaFiles(SQLite::Database& db);

} // namespace cache
