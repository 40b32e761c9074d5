#include "derived_views.hpp"

#include "related.hpp"

namespace kiosk::app {

void DerivedViews::refresh(const std::shared_ptr<const cache::Catalog>& catalog, const Session& session,
                           std::int64_t nowUnix) {
    const Route& route = session.current();
    const FilterState& filters = session.filtersOf(route.collection);
    const std::int64_t hour = nowUnix / 3600;
    if (catalog == m_catalog && route == m_route && filters == m_filters && hour == m_hour) return;
    m_catalog = catalog;
    m_route = route;
    m_filters = filters;
    m_hour = hour;
    m_listRows.clear();
    m_related.clear();
    m_takeAway.clear();
    if (!catalog) return;
    if (route.screen == ScreenId::List) m_listRows = applyFilters(*catalog, route.collection, filters, nowUnix);
    if (route.screen == ScreenId::Detail) {
        m_related = relatedRecords(*catalog, route.collection, route.recordId);
        if (const cache::Record* r = catalog->find(route.collection, route.recordId))
            m_takeAway = qr::takeAwayCodes(*r, m_platformUrl);
    }
}

void DerivedViews::setPlatformUrl(std::string url) {
    if (url == m_platformUrl) return;
    m_platformUrl = std::move(url);
    m_catalog.reset(); // the next refresh recomputes
}

} // namespace kiosk::app
