#include "searcher.hpp"

#include <array>

#include "search_query.hpp"

namespace cache {

Searcher::Searcher(SQLite::Database& db)
    : m_ranked(db, "SELECT collection, (SELECT id FROM records WHERE rowid = s.rowid), "
                   "bm25(record_search, 0.0, 8.0, 1.0) AS score "
                   "FROM record_search AS s WHERE record_search MATCH ? "
                   "AND collection <> 'basemap' ORDER BY score LIMIT ?") {}

Result<SearchResults> Searcher::search(std::string_view typed) {
    SearchResults out;
    out.query = std::string(typed);
    const std::string expr = buildMatchExpression(typed);
    if (expr.empty()) return out;
    try {
        m_ranked.reset();
        m_ranked.clearBindings();
        m_ranked.bind(1, expr);
        m_ranked.bind(2, kMaxHits);
        std::array<SearchGroup, kAllCollections.size()> groups;
        for (std::size_t i = 0; i < groups.size(); ++i) groups[i].collection = kAllCollections[i];
        while (m_ranked.executeStep()) {
            const auto c = parseCollection(m_ranked.getColumn(0).getText());
            if (!c) continue;
            SearchGroup& g = groups[static_cast<std::size_t>(*c)];
            ++g.total;
            if (static_cast<int>(g.hits.size()) < kMaxHitsPerCollection)
                g.hits.push_back({*c, m_ranked.getColumn(1).getString(), m_ranked.getColumn(2).getDouble()});
        }
        m_ranked.reset();
        for (auto& g : groups)
            if (!g.hits.empty()) out.groups.push_back(std::move(g));
        return out;
    } catch (const std::exception& e) {
        m_ranked.reset();
        return makeError(std::string("search failed: ") + e.what());
    }
}

} // namespace cache
