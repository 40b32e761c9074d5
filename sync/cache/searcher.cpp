#include "searcher.hpp"

#include <algorithm>

#include "search_query.hpp"
#include "search_text.hpp"
#include "wipe.hpp"

namespace cache {
namespace {

bool isWordStart(const std::string& text, std::size_t pos) {
    if (pos == 0) return true;
    const auto c = static_cast<unsigned char>(text[pos - 1]);
    return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80);
}

// How well the folded title answers the typed tokens: every token that
// starts a title word counts, a title starting with the first token more.
int titleScore(const std::string& title, const std::vector<std::string>& tokens) {
    int score = 0;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        for (std::size_t pos = title.find(tokens[t]); pos != std::string::npos;
             pos = title.find(tokens[t], pos + 1)) {
            if (!isWordStart(title, pos)) continue;
            score += 10;
            if (pos == 0 && t == 0) score += 5;
            break;
        }
    }
    return score;
}

} // namespace

Searcher::Searcher(SQLite::Database& db) {
    for (Collection c : kAllCollections) {
        const std::string table(searchTable(c));
        if (table.empty()) continue; // the base map's labels are not directory entries
        m_candidates.emplace_back(
            c, SQLite::Statement(db, "SELECT id, title FROM " + table + " WHERE " + table + " MATCH ? LIMIT ?"));
    }
}

Result<SearchResults> Searcher::search(std::string_view typed) {
    SearchResults out;
    out.query = std::string(typed);
    std::string expr = buildMatchExpression(typed);
    std::vector<std::string> tokens = searchTokens(typed);
    // What the visitor typed, in the forms derived here, is zeroed on the way
    // out; SQLite's copy of the binding is released (clearBindings) too.
    struct Forget {
        std::string& expr;
        std::vector<std::string>& tokens;
        ~Forget() {
            wipe(expr);
            for (std::string& t : tokens) wipe(t);
        }
    } forget{expr, tokens};
    if (expr.empty()) return out;
    try {
        struct Candidate {
            int score;
            std::size_t titleLength;
            std::size_t order; // index order, for a stable tie-break
            std::string id;
            bool operator<(const Candidate& o) const {
                if (score != o.score) return score > o.score;
                if (titleLength != o.titleLength) return titleLength < o.titleLength;
                return order < o.order;
            }
        };
        for (auto& [c, stmt] : m_candidates) {
            stmt.reset();
            stmt.bind(1, expr);
            stmt.bind(2, kCandidatesPerCollection + 1);
            std::vector<Candidate> found;
            while (stmt.executeStep()) {
                const std::string title = stmt.getColumn(1).getString();
                found.push_back({titleScore(title, tokens), title.size(), found.size(), stmt.getColumn(0).getString()});
            }
            stmt.reset();
            stmt.clearBindings();
            if (found.empty()) continue;

            SearchGroup g;
            g.collection = c;
            g.more = static_cast<int>(found.size()) > kCandidatesPerCollection;
            if (g.more) found.resize(kCandidatesPerCollection);
            g.total = static_cast<int>(found.size());
            const auto keep = std::min<std::size_t>(found.size(), kMaxHitsPerCollection);
            std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(keep), found.end());
            for (std::size_t i = 0; i < keep; ++i)
                g.hits.push_back({c, std::move(found[i].id), -static_cast<double>(found[i].score)});
            out.groups.push_back(std::move(g));
        }
        return out;
    } catch (const std::exception& e) {
        for (auto& entry : m_candidates) {
            entry.second.reset();
            entry.second.clearBindings();
        }
        return makeError(std::string("search failed: ") + e.what());
    }
}

} // namespace cache
