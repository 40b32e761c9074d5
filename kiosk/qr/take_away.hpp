#pragma once
// "Take it with you": what a visitor's phone gets from a record's QR codes —
// the record's page on the platform, a contact card, a map pin. Pure: no
// ImGui; the app computes these when the route or the data changes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cache/record.hpp"
#include "qr_matrix.hpp"

namespace kiosk::qr {

// The platform's public web site; configurable (the kiosk's configuration).
inline constexpr std::string_view kDefaultPlatformUrl = "https://pes-tor.torun.pl";

// `<base>/<collection>/<id>`, one slash between the parts whatever `base`
// ends with; the id percent-encoded.
std::string pageUrl(std::string_view base, cache::Collection collection, std::string_view id);
// RFC 5870 `geo:LAT,LON` with 6 decimals (about 0.1 m). With a label, the
// `?q=LAT,LON(label)` query that Android map apps show as a named pin.
std::string geoUri(const cache::GeoPoint& point, std::string_view label = {});
// A vCard 3.0 when the record has a phone, an e-mail or a web site (an
// address alone is no way to get in touch; the map code covers it).
std::optional<std::string> contactCard(const cache::Record& record);

enum class CodeKind { Page, Contact, Map };

struct TakeAwayCode {
    CodeKind kind = CodeKind::Page;
    std::string payload;
    QrMatrix matrix;
};

// The codes for a record, in display order (page, contact, map). A payload
// that does not fit in a code is left out, not shown broken.
std::vector<TakeAwayCode> takeAwayCodes(const cache::Record& record, std::string_view platformUrl);

} // namespace kiosk::qr
