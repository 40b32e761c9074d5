#pragma once
// The signage deck: one slide per configured kind, in the configured order,
// each holding the records it shows. A value type built from a catalog
// snapshot, the [signage] settings and the local time; drawing never
// searches the catalog again except to look records up by id.
//
// Snapshots: a slide item names its record by (collection, id) and copies the
// few numbers it needs (deadline, days left, start, target and current), never
// a pointer. A deck therefore stays valid when a newer catalog replaces the
// one it was built from; the drawing looks each record up in the catalog it
// is given and skips one that has gone. Rebuild the deck when a new snapshot
// arrives and when needsRebuild() says its content is out of date.
#include "app/kiosk_config.hpp"
#include "cache/catalog.hpp"
#include "local_time.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::signage {

using app::SlideKind;

struct RecordRef {
    cache::Collection collection = cache::Collection::Entities;
    std::string id;
    bool operator==(const RecordRef&) const = default;
};

struct SlideItem {
    RecordRef record;
    // Demands: the deadline; events: the start. Unix seconds.
    std::optional<std::int64_t> when;
    // Demands: whole local calendar days from today to the deadline's date
    // (0 = today); events: days until the start (negative while it runs).
    int daysLeft = 0;
    bool socialClause = false; // demands
    bool happeningNow = false; // events that started and have not ended
    double current = 0;        // indicators
    double target = 0;         // indicators
    // current / target as it is (a target exceeded reads 1.6); 1 for a zero target.
    double ratio() const { return target > 0 ? current / target : 1.0; }
    // The same, clamped to 0…1 for a progress bar.
    double progress() const;
    bool operator==(const SlideItem&) const = default;
};

struct Slide {
    SlideKind kind = SlideKind::Equipment;
    std::int64_t durationMs = 0;
    std::vector<SlideItem> items; // never empty in a built deck
    bool operator==(const Slide&) const = default;
};

struct Deck {
    std::vector<Slide> slides; // may be empty: the loop then shows "touch to start" with the clock
    // The first moment its content changes without a new snapshot: an
    // included deadline passes, an event ends, an announcement expires or
    // starts, or local midnight (days left, the featured entity).
    std::int64_t validUntilUnix = 0;
    bool empty() const { return slides.empty(); }
    bool needsRebuild(std::int64_t nowUnix) const { return nowUnix >= validUntilUnix; }
    bool operator==(const Deck&) const = default;
};

// How many records a slide shows at most (the screen's room, not policy).
struct DeckLimits {
    std::size_t equipment = 4;
    std::size_t demands = 4;
    std::size_t events = 4;
    std::size_t announcements = 2;
    std::size_t indicators = 8;
};

// What each kind shows:
//   equipment      status "available", available_until not before today; newest updated_at first
//   demands        status "open", deadline not yet passed; soonest deadline first; social clause
//   flagged events         status "scheduled", not yet ended (ends_at, else starts_at); soonest
//   start first featured       one "active" entity, chosen by the local day number (a new one each
//   day) announcements  status "published", valid_from <= now < valid_until (either may be absent);
//                  highest priority first, then newest valid_from
//   indicators     status "active" with target and current, in catalog order
// A kind with nothing to show is left out.
Deck buildDeck(const cache::Catalog& catalog, const app::KioskConfig::Signage& settings,
               const LocalTime& now, const DeckLimits& limits = {});

} // namespace kiosk::signage
