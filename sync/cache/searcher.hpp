#pragma once
// Type-ahead search over the cache's FTS5 index. One Searcher per thread
// (it holds a prepared statement on that thread's connection).
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
    double rank; // lower is better (bm25)
};

struct SearchGroup {
    Collection collection;
    std::vector<SearchHit> hits;
    int total = 0; // hits in this collection, capped at kMaxHitsPerCollection
};

struct SearchResults {
    std::string query;
    std::vector<SearchGroup> groups; // in kAllCollections order, non-empty only
    int total() const {
        int n = 0;
        for (const auto& g : groups) n += g.total;
        return n;
    }
};

class Searcher {
public:
    static constexpr int kMaxHits = 300;
    static constexpr int kMaxHitsPerCollection = 50;

    explicit Searcher(SQLite::Database& db);
    // Never throws for anything a visitor can type; an error means the cache
    // itself is unreadable.
    Result<SearchResults> search(std::string_view typed);

private:
    SQLite::Statement m_ranked;
};

} // namespace cache
