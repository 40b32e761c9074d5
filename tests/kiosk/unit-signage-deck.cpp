// Signage deck: which records each slide shows, built from a real SQLite
// cache, in the configured order with the configured durations.
#include "signage/slide_deck.hpp"
#include "signage_fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <set>

using kiosk::app::KioskConfig;
using kiosk::app::SlideKind;
using kiosk::signage::buildDeck;
using kiosk::signage::Deck;
using kiosk::signage::localTimeAt;
using namespace signagetest;

namespace {

std::vector<std::string> ids(const kiosk::signage::Slide& s) {
    std::vector<std::string> out;
    for (const auto& i : s.items)
        out.push_back(i.record.id);
    return out;
}

const kiosk::signage::Slide& slideOf(const Deck& deck, SlideKind kind) {
    const auto it = std::find_if(deck.slides.begin(), deck.slides.end(),
                                 [&](const auto& s) { return s.kind == kind; });
    REQUIRE(it != deck.slides.end());
    return *it;
}

std::vector<SlideKind> kinds(const Deck& deck) {
    std::vector<SlideKind> out;
    for (const auto& s : deck.slides)
        out.push_back(s.kind);
    return out;
}

const auto kToday = localTimeAt(kNow, kWarsawWinter);

} // namespace

TEST_CASE("the deck follows the configured order and durations") {
    const auto cat = catalog();
    KioskConfig::Signage cfg;
    cfg.slides = {SlideKind::Indicators, SlideKind::Demands, SlideKind::Equipment};
    cfg.durationSeconds = {5, 6, 7,
                           8, 9, 10}; // by SlideKind: equipment 5, demands 6, …, indicators 10
    const Deck deck = buildDeck(*cat, cfg, kToday);
    CHECK(kinds(deck) ==
          std::vector{SlideKind::Indicators, SlideKind::Demands, SlideKind::Equipment});
    REQUIRE(deck.slides.size() == 3);
    CHECK(deck.slides[0].durationMs == 10'000);
    CHECK(deck.slides[1].durationMs == 6'000);
    CHECK(deck.slides[2].durationMs == 5'000);
    // The default order shows all six kinds when each has something to show.
    CHECK(buildDeck(*cat, KioskConfig::Signage{}, kToday).slides.size() == 6);
}

TEST_CASE("kinds with nothing to show are left out; an empty cache gives an empty deck") {
    const auto cat = catalog({"events", "announcements"});
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    CHECK(kinds(deck) == std::vector{SlideKind::Equipment, SlideKind::Demands,
                                     SlideKind::FeaturedEntity, SlideKind::Indicators});
    for (const auto& s : deck.slides)
        CHECK_FALSE(s.items.empty());

    uitest::FixtureCache empty;
    empty.add("entities",
              uitest::entityFeature("e-1", "Fundacja", "fundacja", "mokre", 18.6, 53.0, false));
    const auto none = empty.load();
    KioskConfig::Signage noEntities;
    noEntities.slides = {SlideKind::Equipment, SlideKind::Demands, SlideKind::Events,
                         SlideKind::Announcements, SlideKind::Indicators};
    const Deck emptyDeck = buildDeck(*none, noEntities, kToday);
    CHECK(emptyDeck.empty());
    // Still valid, and due for a rebuild at the next local midnight.
    CHECK(emptyDeck.validUntilUnix == kNow + 14 * 3600);
}

TEST_CASE(
    "demands: open ones before their deadline, soonest first, social clause flagged, days left") {
    const auto cat = catalog();
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    const auto& s = slideOf(deck, SlideKind::Demands);
    // d-past and d-this-morning are past their deadline, d-closed is closed.
    CHECK(ids(s) == std::vector<std::string>{"d-today", "d-soon", "d-later"});
    CHECK_FALSE(s.items[0].socialClause);
    CHECK(s.items[1].socialClause);
    CHECK_FALSE(s.items[2].socialClause);
    CHECK(s.items[0].daysLeft == 0);
    CHECK(s.items[1].daysLeft == 2);
    CHECK(s.items[2].daysLeft == 11);
    CHECK(*s.items[0].when == kNow + 5 * 3600);
}

TEST_CASE("equipment: available and not expired, newest first") {
    const auto cat = catalog();
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    // eq-reserved is reserved; eq-expired was available until yesterday; eq-mid until today still
    // counts.
    CHECK(ids(slideOf(deck, SlideKind::Equipment)) ==
          std::vector<std::string>{"eq-new", "eq-mid", "eq-old"});
    kiosk::signage::DeckLimits two;
    two.equipment = 2;
    CHECK(ids(slideOf(buildDeck(*cat, KioskConfig::Signage{}, kToday, two),
                      SlideKind::Equipment)) == std::vector<std::string>{"eq-new", "eq-mid"});
}

TEST_CASE("events: not yet ended, soonest first, the running one marked") {
    const auto cat = catalog();
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    const auto& s = slideOf(deck, SlideKind::Events);
    CHECK(ids(s) == std::vector<std::string>{"ev-now", "ev-next", "ev-later"});
    CHECK(s.items[0].happeningNow);
    CHECK_FALSE(s.items[1].happeningNow);
    CHECK(s.items[1].daysLeft == 1);
}

TEST_CASE("announcements: current ones, highest priority first") {
    const auto cat = catalog();
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    // a-future starts at 11:00, a-expired ended yesterday, a-withdrawn is withdrawn; the limit is
    // two.
    CHECK(ids(slideOf(deck, SlideKind::Announcements)) ==
          std::vector<std::string>{"a-urgent", "a-normal"});
    // At 11:00 a-future (priority 9, newer) joins ahead of a-urgent.
    const Deck later =
        buildDeck(*cat, KioskConfig::Signage{}, localTimeAt(kNow + 3600, kWarsawWinter));
    CHECK(ids(slideOf(later, SlideKind::Announcements)) ==
          std::vector<std::string>{"a-future", "a-urgent"});
}

TEST_CASE("indicators: target against current, the ratio as it is and clamped for the bar") {
    const auto cat = catalog();
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    const auto& s = slideOf(deck, SlideKind::Indicators);
    REQUIRE(ids(s) ==
            std::vector<std::string>{"i-half", "i-over", "i-zero"}); // i-archived is archived
    CHECK(s.items[0].current == 7);
    CHECK(s.items[0].target == 10);
    CHECK(s.items[0].ratio() == doctest::Approx(0.7));
    CHECK(s.items[0].progress() == doctest::Approx(0.7));
    CHECK(s.items[1].ratio() == doctest::Approx(1.6));
    CHECK(s.items[1].progress() == doctest::Approx(1.0));
    CHECK(s.items[2].ratio() == doctest::Approx(0.0));
}

TEST_CASE("the featured entity is an active one, the same all day, a different one the next day") {
    const auto cat = catalog();
    KioskConfig::Signage cfg;
    cfg.slides = {SlideKind::FeaturedEntity};
    const auto pick = [&](std::int64_t t) {
        const Deck d = buildDeck(*cat, cfg, localTimeAt(t, kWarsawWinter));
        REQUIRE(d.slides.size() == 1);
        REQUIRE(d.slides[0].items.size() == 1);
        return d.slides[0].items[0].record.id;
    };
    const std::string today = pick(kNow);
    CHECK(pick(kNow + 13 * 3600 + 59 * 60) == today); // 23:59 the same day
    std::set<std::string> seen;
    for (int day = 0; day < 3; ++day)
        seen.insert(pick(kNow + day * 86400));
    CHECK(seen == std::set<std::string>{"e-alma", "e-jestem",
                                        "e-lodz"}); // three days, three entities, never e-closed
}

TEST_CASE(
    "the deck knows when its content changes: the earliest deadline, end, start or midnight") {
    const auto cat = catalog();
    const Deck deck = buildDeck(*cat, KioskConfig::Signage{}, kToday);
    // a-future starts at 11:00: before ev-now ends (12:00), d-today's deadline (15:00) and
    // midnight.
    CHECK(deck.validUntilUnix == kNow + 3600);
    CHECK_FALSE(deck.needsRebuild(kNow + 3599));
    CHECK(deck.needsRebuild(kNow + 3600));
    const Deck at11 =
        buildDeck(*cat, KioskConfig::Signage{}, localTimeAt(kNow + 3600, kWarsawWinter));
    CHECK(at11.validUntilUnix == kNow + 2 * 3600); // ev-now ends at 12:00
    const Deck at12 =
        buildDeck(*cat, KioskConfig::Signage{}, localTimeAt(kNow + 2 * 3600, kWarsawWinter));
    CHECK(ids(slideOf(at12, SlideKind::Events)) == std::vector<std::string>{"ev-next", "ev-later"});
    CHECK(at12.validUntilUnix == kNow + 5 * 3600); // d-today's deadline at 15:00
}

TEST_CASE("a deck names records by id: it compares equal when rebuilt from a new snapshot of the "
          "same data") {
    const Deck a = buildDeck(*catalog(), KioskConfig::Signage{}, kToday);
    const Deck b =
        buildDeck(*catalog(), KioskConfig::Signage{}, kToday); // the first catalog is gone by now
    CHECK(a == b);
}
