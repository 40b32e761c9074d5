#include "slide_deck.hpp"

#include "cache/datetime.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk::signage {
namespace {

using cache::Collection;
using cache::Record;

std::optional<std::int64_t> timeOf(const Record& r, std::string_view field) {
    const std::string* s = r.text(field);
    return s ? cache::unixSecondsOfDateTime(*s) : std::nullopt;
}

// "YYYY-MM-DD" of the local date, comparable with date fields as text.
std::string isoDate(const LocalTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.year, t.month, t.day);
    return buf;
}

// Whole local calendar days from today to the day `unix` falls on.
int calendarDaysUntil(const LocalTime& now, std::int64_t unix) {
    return static_cast<int>(localTimeAt(unix, now.utcOffsetSeconds).dayNumber() - now.dayNumber());
}

// The deck's expiry: the earliest future moment among those offered.
class Expiry {
  public:
    Expiry(std::int64_t now, std::int64_t fallback) : m_now(now), m_at(fallback) {}
    void offer(std::optional<std::int64_t> t) {
        if (t && *t > m_now) m_at = std::min(m_at, *t);
    }
    std::int64_t at() const { return m_at; }

  private:
    std::int64_t m_now;
    std::int64_t m_at;
};

SlideItem itemFor(const Record& r) {
    SlideItem item;
    item.record = RecordRef{r.collection, r.id};
    return item;
}

std::vector<SlideItem> equipmentItems(const cache::Catalog& cat, const LocalTime& now,
                                      std::size_t limit) {
    const std::string today = isoDate(now);
    std::vector<const Record*> rows;
    for (const Record& r : cat.records(Collection::Equipment)) {
        if (r.status != "available") continue;
        const std::string* until = r.text("available_until");
        if (until && *until < today) continue;
        rows.push_back(&r);
    }
    // Newest first; RFC 3339 strings with different offsets compare as instants.
    const auto updated = [](const Record* r) {
        return cache::unixSecondsOfDateTime(r->updatedAt).value_or(0);
    };
    std::stable_sort(rows.begin(), rows.end(),
                     [&](const Record* a, const Record* b) { return updated(a) > updated(b); });
    std::vector<SlideItem> out;
    for (const Record* r : rows) {
        if (out.size() == limit) break;
        out.push_back(itemFor(*r));
    }
    return out;
}

std::vector<SlideItem> demandItems(const cache::Catalog& cat, const LocalTime& now,
                                   std::size_t limit, Expiry& expiry) {
    std::vector<SlideItem> all;
    for (const Record& r : cat.records(Collection::Demands)) {
        if (r.status != "open") continue;
        const auto deadline = timeOf(r, "deadline");
        if (!deadline || *deadline <= now.unix) continue;
        SlideItem item = itemFor(r);
        item.when = deadline;
        item.daysLeft = calendarDaysUntil(now, *deadline);
        item.socialClause = r.flag("social_clause") == true;
        all.push_back(std::move(item));
    }
    std::stable_sort(all.begin(), all.end(),
                     [](const SlideItem& a, const SlideItem& b) { return *a.when < *b.when; });
    if (all.size() > limit) all.resize(limit);
    for (const SlideItem& i : all)
        expiry.offer(i.when);
    return all;
}

std::vector<SlideItem> eventItems(const cache::Catalog& cat, const LocalTime& now,
                                  std::size_t limit, Expiry& expiry) {
    struct Row {
        SlideItem item;
        std::int64_t end;
    };
    std::vector<Row> rows;
    for (const Record& r : cat.records(Collection::Events)) {
        if (r.status != "scheduled") continue;
        const auto start = timeOf(r, "starts_at");
        if (!start) continue;
        const std::int64_t end = std::max(*start, timeOf(r, "ends_at").value_or(*start));
        if (end <= now.unix) continue;
        SlideItem item = itemFor(r);
        item.when = start;
        item.daysLeft = calendarDaysUntil(now, *start);
        item.happeningNow = *start <= now.unix;
        rows.push_back({std::move(item), end});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& a, const Row& b) { return *a.item.when < *b.item.when; });
    std::vector<SlideItem> out;
    for (Row& row : rows) {
        if (out.size() == limit) break;
        expiry.offer(row.end);       // it leaves the slide
        expiry.offer(row.item.when); // "happening now" starts
        out.push_back(std::move(row.item));
    }
    return out;
}

std::vector<SlideItem> featuredEntity(const cache::Catalog& cat, const LocalTime& now) {
    std::vector<const Record*> active;
    for (const Record& r : cat.records(Collection::Entities))
        if (r.status == "active") active.push_back(&r);
    if (active.empty()) return {};
    // The catalog's order (Polish alphabetical) is stable across snapshots of
    // the same data, so the same day shows the same entity on every terminal.
    const std::int64_t n = static_cast<std::int64_t>(active.size());
    const std::size_t pick = static_cast<std::size_t>(((now.dayNumber() % n) + n) % n);
    return {itemFor(*active[pick])};
}

std::vector<SlideItem> announcementItems(const cache::Catalog& cat, const LocalTime& now,
                                         std::size_t limit, Expiry& expiry) {
    struct Row {
        const Record* r;
        double priority;
        std::int64_t from;
        std::optional<std::int64_t> until;
    };
    std::vector<Row> rows;
    for (const Record& r : cat.records(Collection::Announcements)) {
        if (r.status != "published") continue;
        const auto from = timeOf(r, "valid_from");
        const auto until = timeOf(r, "valid_until");
        if (until && *until <= now.unix) continue;
        if (from && *from > now.unix) {
            expiry.offer(from); // it joins the slide then
            continue;
        }
        rows.push_back({&r, r.number("priority").value_or(0), from.value_or(0), until});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.priority != b.priority) return a.priority > b.priority;
        return a.from > b.from;
    });
    std::vector<SlideItem> out;
    for (const Row& row : rows) {
        if (out.size() == limit) break;
        expiry.offer(row.until);
        out.push_back(itemFor(*row.r));
    }
    return out;
}

std::vector<SlideItem> indicatorItems(const cache::Catalog& cat, std::size_t limit) {
    std::vector<SlideItem> out;
    for (const Record& r : cat.records(Collection::Indicators)) {
        if (out.size() == limit) break;
        if (r.status != "active") continue;
        const auto target = r.number("target"), current = r.number("current");
        if (!target || !current) continue;
        SlideItem item = itemFor(r);
        item.target = *target;
        item.current = *current;
        out.push_back(std::move(item));
    }
    return out;
}

} // namespace

double SlideItem::progress() const {
    return std::clamp(ratio(), 0.0, 1.0);
}

Deck buildDeck(const cache::Catalog& catalog, const app::KioskConfig::Signage& settings,
               const LocalTime& now, const DeckLimits& limits) {
    Deck deck;
    Expiry expiry(now.unix, now.nextMidnightUnix());
    for (SlideKind kind : settings.slides) {
        Slide slide;
        slide.kind = kind;
        const int seconds = settings.durationSeconds[static_cast<std::size_t>(kind)];
        slide.durationMs = std::int64_t(std::max(seconds, 1)) * 1000;
        switch (kind) {
        case SlideKind::Equipment:
            slide.items = equipmentItems(catalog, now, limits.equipment);
            break;
        case SlideKind::Demands:
            slide.items = demandItems(catalog, now, limits.demands, expiry);
            break;
        case SlideKind::Events:
            slide.items = eventItems(catalog, now, limits.events, expiry);
            break;
        case SlideKind::FeaturedEntity:
            slide.items = featuredEntity(catalog, now);
            break;
        case SlideKind::Announcements:
            slide.items = announcementItems(catalog, now, limits.announcements, expiry);
            break;
        case SlideKind::Indicators:
            slide.items = indicatorItems(catalog, limits.indicators);
            break;
        }
        if (!slide.items.empty()) deck.slides.push_back(std::move(slide));
    }
    deck.validUntilUnix = expiry.at();
    return deck;
}

} // namespace kiosk::signage
