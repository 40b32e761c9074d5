#pragma once
// Views computed from (catalog, session) when either changes — never per
// frame: the filtered rows of the current list, the records related to the
// current detail and its take-away QR codes.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cache/catalog.hpp"
#include "qr/take_away.hpp"
#include "session.hpp"

namespace kiosk::app {

class DerivedViews {
public:
    // Recomputes what the inputs invalidate. `nowUnix` matters for date
    // filters; a change of day is enough to refresh.
    void refresh(const std::shared_ptr<const cache::Catalog>& catalog, const Session& session, std::int64_t nowUnix);
    const std::vector<const cache::Record*>& listRows() const { return m_listRows; }
    const std::vector<const cache::Record*>& relatedRows() const { return m_related; }
    // The detail's QR codes, encoded once per record and data snapshot (a
    // new catalog is a new data version), never per frame.
    const std::vector<qr::TakeAwayCode>& takeAwayCodes() const { return m_takeAway; }
    // The platform's web address the page codes point at (configuration).
    void setPlatformUrl(std::string url);

private:
    // Held, not just compared by address: the rows point into it, and a new
    // snapshot allocated where a freed one was must not pass for the old one.
    std::shared_ptr<const cache::Catalog> m_catalog;
    Route m_route;
    FilterState m_filters;
    std::int64_t m_hour = -1;
    std::vector<const cache::Record*> m_listRows;
    std::vector<const cache::Record*> m_related;
    std::string m_platformUrl{qr::kDefaultPlatformUrl};
    std::vector<qr::TakeAwayCode> m_takeAway;
};

} // namespace kiosk::app
