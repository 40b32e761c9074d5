#pragma once
// What the screen shows when nobody is using the kiosk: the interactive
// screens, the signage slides, or nothing at all outside display hours. It
// owns the deck (rebuilt when a new catalog arrives or its content goes out
// of date) and the slide schedule, and tells the frame loop whether the
// picture changed since the last frame it drew and how long it may sleep.
#include <cstdint>
#include <memory>
#include <optional>

#include "cache/catalog.hpp"
#include "kiosk_config.hpp"
#include "signage/display_hours.hpp"
#include "signage/local_time.hpp"
#include "signage/slide_deck.hpp"
#include "signage/slide_schedule.hpp"

namespace kiosk::app {

enum class Showing { Kiosk, Signage, Dark };

class SignageRuntime {
public:
    explicit SignageRuntime(const KioskConfig::Signage& settings) : m_settings(settings) {}

    // Decides what to show at this moment. `on`: signage is switched on
    // (configuration or admin); `away`: nobody is at the terminal (always
    // true for a signage-only display). `monoMs` is the loop's monotonic
    // time, `local` the wall clock. Returns what to show.
    Showing update(bool on, bool away, const std::shared_ptr<const cache::Catalog>& catalog, std::int64_t monoMs,
                   const signage::LocalTime& local);

    Showing showing() const { return m_showing; }
    const signage::Deck& deck() const { return m_deck; }
    std::optional<std::size_t> slide() const { return m_slide; }
    // Whether the picture differs from the one last drawn (markDrawn()).
    bool changed() const { return m_key != m_drawnKey; }
    void markDrawn() { m_drawnKey = m_key; }
    // How long the loop may wait before the picture changes (slides, the
    // clock's minute, display hours, the deck's validity); none in Kiosk.
    std::optional<std::int64_t> msUntilChange() const { return m_waitMs; }

private:
    struct Key {
        Showing showing = Showing::Kiosk;
        std::optional<std::size_t> slide;
        std::int64_t minute = -1; // the clock on the slide
        std::uint64_t deckGeneration = 0;
        bool operator==(const Key&) const = default;
    };
    const KioskConfig::Signage& m_settings;
    Showing m_showing = Showing::Kiosk;
    signage::Deck m_deck;
    signage::SlideSchedule m_schedule;
    std::uint64_t m_deckGeneration = 0;
    // Which snapshot the deck was built from: held, so that a new one at a
    // freed one's address is still seen as new.
    std::shared_ptr<const cache::Catalog> m_deckCatalog;
    std::optional<std::size_t> m_slide;
    std::optional<std::int64_t> m_waitMs;
    Key m_key, m_drawnKey{Showing::Kiosk, std::nullopt, -2, 0};
};

} // namespace kiosk::app
