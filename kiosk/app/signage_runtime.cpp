#include "signage_runtime.hpp"

#include "signage/signage_wake.hpp"

namespace kiosk::app {

Showing SignageRuntime::update(bool on, bool away, const std::shared_ptr<const cache::Catalog>& catalog,
                               std::int64_t monoMs, const signage::LocalTime& local) {
    const bool wanted = m_settings.signageOnly || (on && away);
    if (!wanted) {
        m_showing = Showing::Kiosk;
        m_slide.reset();
        m_waitMs.reset();
        m_key = Key{};
        m_drawnKey = Key{};
        return m_showing;
    }
    const signage::DisplayState display = signage::displayStateAt(m_settings, local);
    const bool entering = m_showing == Showing::Kiosk;
    m_showing = display.lit ? Showing::Signage : Showing::Dark;

    // A new snapshot, content out of date, or signage starting afresh: a new
    // deck, shown from its first slide.
    if (entering || catalog != m_deckCatalog || m_deck.needsRebuild(local.unix)) {
        m_deck = signage::buildDeck(*catalog, m_settings, local);
        m_deckCatalog = catalog;
        m_schedule = signage::SlideSchedule::forDeck(m_deck, monoMs);
        ++m_deckGeneration;
    }
    const std::optional<signage::SlideAt> at = m_schedule.at(monoMs);
    m_slide = at ? std::optional<std::size_t>(at->index) : std::nullopt;

    signage::WakeInputs wake;
    wake.monoMs = monoMs;
    wake.unixMs = local.unix * 1000;
    wake.slide = m_showing == Showing::Signage ? at : std::nullopt;
    wake.display = display;
    if (m_showing == Showing::Signage) wake.deckValidUntilUnix = m_deck.validUntilUnix;
    m_waitMs = signage::msUntilNextChange(wake);

    m_key.showing = m_showing;
    m_key.slide = m_showing == Showing::Signage ? m_slide : std::nullopt;
    m_key.minute = m_showing == Showing::Signage ? local.unix / 60 : -1;
    m_key.deckGeneration = m_deckGeneration;
    return m_showing;
}

} // namespace kiosk::app
