#include "catalog.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <nlohmann/json.hpp>

#include "datetime.hpp"
#include "record_codec.hpp"
#include "sync_state.hpp"
#include "text_fold.hpp"

namespace cache {

std::int64_t dataVersion(SQLite::Database& db) {
    return db.execAndGet("PRAGMA data_version").getInt64();
}

const Record* Catalog::find(Collection c, std::string_view id) const {
    const auto& map = m_byId[index(c)];
    const auto it = map.find(std::string(id));
    return it == map.end() ? nullptr : &m_records[index(c)][it->second];
}

Result<std::shared_ptr<const Catalog>> Catalog::load(SQLite::Database& db) {
    try {
        auto cat = std::make_shared<Catalog>();
        // One read transaction: every collection from the same commit.
        db.exec("BEGIN");
        struct EndRead {
            SQLite::Database& db;
            ~EndRead() {
                try {
                    db.exec("COMMIT");
                } catch (...) { // read transaction: nothing to lose
                }
            }
        } endRead{db};

        cat->m_dataVersion = cache::dataVersion(db);
        {
            SQLite::Statement pack(db, "SELECT value FROM sync_state WHERE key = ?");
            pack.bind(1, sync_keys::kTilesPack);
            if (pack.executeStep()) cat->m_tilePackPath = pack.getColumn(0).getString();
        }
        SQLite::Statement q(db, "SELECT collection, id, lon, lat, geometry, props FROM records");
        while (q.executeStep()) {
            const auto c = parseCollection(q.getColumn(0).getText());
            if (!c) {
                ++cat->m_skipped;
                continue;
            }
            // Points live in the lon/lat columns, other shapes as GeoJSON text.
            nlohmann::json geometry = nullptr;
            if (!q.getColumn(2).isNull())
                geometry = {{"type", "Point"},
                            {"coordinates", {q.getColumn(2).getDouble(), q.getColumn(3).getDouble()}}};
            else if (!q.getColumn(4).isNull())
                geometry = nlohmann::json::parse(q.getColumn(4).getText(), nullptr, false);
            const auto props = nlohmann::json::parse(q.getColumn(5).getText(), nullptr, false);
            auto rec = decodeRecord(*c, props, geometry, q.getColumn(1).getText());
            if (!rec) {
                ++cat->m_skipped; // written by another validator version: skip, never crash
                continue;
            }
            cat->m_records[index(*c)].push_back(std::move(rec).value());
        }

        std::optional<std::int64_t> newest;
        for (Collection c : kAllCollections) {
            auto& recs = cat->m_records[index(c)];
            // Compare instants, not strings: offsets differ between records.
            for (const Record& r : recs) {
                const auto t = unixSecondsOfDateTime(r.updatedAt);
                if (t && (!newest || *t > *newest)) {
                    newest = t;
                    cat->m_newestUpdate = r.updatedAt;
                }
            }
            std::vector<std::pair<std::string, std::size_t>> keys;
            keys.reserve(recs.size());
            for (std::size_t i = 0; i < recs.size(); ++i)
                keys.emplace_back(polishSortKey(recs[i].title(Lang::Pl)), i);
            std::sort(keys.begin(), keys.end());
            std::vector<Record> sorted;
            sorted.reserve(recs.size());
            for (auto& [k, i] : keys) sorted.push_back(std::move(recs[i]));
            recs = std::move(sorted);
            auto& byId = cat->m_byId[index(c)];
            byId.reserve(recs.size());
            for (std::size_t i = 0; i < recs.size(); ++i) byId.emplace(recs[i].id, i);
        }
        return std::shared_ptr<const Catalog>(std::move(cat));
    } catch (const std::exception& e) {
        return makeError(std::string("reading the cache failed: ") + e.what());
    }
}

} // namespace cache
