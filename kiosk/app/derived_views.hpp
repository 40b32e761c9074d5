#pragma once
// Views computed from (catalog, session) when either changes — never per
// frame: the filtered rows of the current list, the records related to the
// current detail.
#include <cstdint>
#include <memory>
#include <vector>

#include "cache/catalog.hpp"
#include "session.hpp"

namespace kiosk::app {

class DerivedViews {
public:
    // Recomputes what the inputs invalidate. `nowUnix` matters for date
    // filters; a change of day is enough to refresh.
    void refresh(const std::shared_ptr<const cache::Catalog>& catalog, const Session& session, std::int64_t nowUnix);
    const std::vector<const cache::Record*>& listRows() const { return m_listRows; }
    const std::vector<const cache::Record*>& relatedRows() const { return m_related; }

private:
    const cache::Catalog* m_catalog = nullptr;
    Route m_route;
    FilterState m_filters;
    std::int64_t m_hour = -1;
    std::vector<const cache::Record*> m_listRows;
    std::vector<const cache::Record*> m_related;
};

} // namespace kiosk::app
