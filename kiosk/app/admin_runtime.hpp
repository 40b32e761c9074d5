#pragma once
// The frame loop's side of the admin screen: the PIN gate (for the whole run,
// so waiting out an idle reset gives no fresh tries), the latest health
// report, the last "sync now", and the admin's signage switch. The loop asks
// it for the panel to draw and hands it the effects of each frame's actions.
#include <cstdint>
#include <optional>

#include "admin_gate.hpp"
#include "admin_panel.hpp"
#include "apply_action.hpp"
#include "cache_worker.hpp"
#include "kiosk_config.hpp"
#include "main_queue.hpp"
#include "session.hpp"

namespace kiosk::app {

class AdminRuntime {
public:
    explicit AdminRuntime(const KioskConfig& config);

    // Takes a health report from the queue (true: redraw) and, while the
    // admin screen is unlocked, asks the worker for a fresh one every 5 s.
    bool poll(MainQueue& queue, CacheWorker& worker, const Session& session, double nowMs);
    // What the admin screen reads; null when no PIN hash is configured (the
    // gesture is then off). Valid until the next call.
    const AdminPanel* panel(std::int64_t nowUnix);

    struct Outcome {
        bool quit = false;
        bool changed = false; // something to redraw
    };
    // Checks a submitted PIN (argon2id: 0.1–1 s, on this thread, after the
    // frame; the digits are wiped), and carries out admin commands.
    Outcome apply(Effects& fx, Session& session, CacheWorker& worker, std::int64_t nowUnix, double nowMs);

    // Signage as the configuration says, unless the admin switched it.
    bool signageOn() const { return m_signageOn; }

private:
    const KioskConfig& m_config;
    AdminGate m_gate;
    AdminPanel m_panel;
    std::optional<HealthReport> m_health;
    std::optional<SyncRequestNote> m_syncNote;
    bool m_signageOn;
    double m_nextHealthMs = 0;
};

} // namespace kiosk::app
