#pragma once
// Type-ahead search over the cache's FTS5 index. One Searcher per thread
// (it holds prepared statements on that thread's connection).
//
// Bounded work per keystroke: each collection has its own FTS5 table, read
// with a LIMIT and no ORDER BY, so FTS5 stops after kCandidatesPerCollection
// rows instead of scoring every match (bm25 alone costs a full pass over
// each phrase's matches). The candidates are ranked here: words of the
// title that start with what was typed first, then shorter titles. When a
// prefix matches more than kCandidatesPerCollection records, the ranking
// covers the first ones in index order and the group says `more`; one more
// letter narrows it.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <string>
#include <vector>

#include "collection.hpp"
#include "result.hpp"

namespace cache {

struct SearchHit {
    Collection collection;
    std::string id;
    double rank; // lower is better
};

struct SearchGroup {
    Collection collection;
    std::vector<SearchHit> hits; // best first, at most kMaxHitsPerCollection
    int total = 0;               // matches counted, at most kCandidatesPerCollection
    bool more = false;           // there are more than `total`
};

struct SearchResults {
    std::string query;
    std::vector<SearchGroup> groups; // in kAllCollections order, non-empty only
    int total() const {
        int n = 0;
        for (const auto& g : groups) n += g.total;
        return n;
    }
    bool more() const {
        for (const auto& g : groups)
            if (g.more) return true;
        return false;
    }
};

class Searcher {
public:
    static constexpr int kMaxHitsPerCollection = 50;
    static constexpr int kCandidatesPerCollection = 200;

    explicit Searcher(SQLite::Database& db);
    // Never fails for anything a visitor can type; an error means the cache
    // itself is unreadable.
    Result<SearchResults> search(std::string_view typed);

private:
    // Per searchable collection; the index carries the record id, so a hit
    // costs no second lookup.
    std::vector<std::pair<Collection, SQLite::Statement>> m_candidates;
};

} // namespace cache
