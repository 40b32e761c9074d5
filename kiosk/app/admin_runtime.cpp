#include "admin_runtime.hpp"

#include <cstdio>

#include "sync_request.hpp"

namespace kiosk::app {
namespace {
constexpr double kHealthEveryMs = 5000;
}

AdminRuntime::AdminRuntime(const KioskConfig& config)
    : m_config(config), m_gate(config.admin.pinHash), m_signageOn(config.signage.enabled) {}

bool AdminRuntime::poll(MainQueue& queue, CacheWorker& worker, const Session& session, double nowMs) {
    bool changed = false;
    if (auto h = queue.takeHealth()) {
        m_health = std::move(*h);
        changed = true;
    }
    if (session.adminUnlocked && nowMs >= m_nextHealthMs) {
        worker.requestHealth();
        m_nextHealthMs = nowMs + kHealthEveryMs;
    }
    return changed;
}

const AdminPanel* AdminRuntime::panel(std::int64_t nowUnix) {
    if (!m_gate.enabled()) return nullptr;
    m_panel.gate = m_gate.view(nowUnix);
    m_panel.terminalId = m_config.platform.terminalId;
    m_panel.health = m_health ? &*m_health : nullptr;
    m_panel.signageOn = m_signageOn;
    m_panel.syncRequest = m_syncNote;
    return &m_panel;
}

AdminRuntime::Outcome AdminRuntime::apply(Effects& fx, Session& session, CacheWorker& worker, std::int64_t nowUnix,
                                          double nowMs) {
    Outcome out;
    if (fx.adminPin) {
        const PinVerdict verdict = m_gate.submit(*fx.adminPin, nowUnix); // wipes the digits
        fx.adminPin.reset();
        if (verdict == PinVerdict::Unlocked) {
            unlockAdmin(session);
            worker.requestHealth();
            m_nextHealthMs = nowMs + kHealthEveryMs;
            std::fprintf(stderr, "pestor-kiosk: admin: screen unlocked\n");
        } else if (verdict == PinVerdict::Wrong) {
            std::fprintf(stderr, "pestor-kiosk: admin: wrong PIN\n"); // never the digits
        }
        out.changed = true;
    }
    if (fx.adminCommand) {
        switch (*fx.adminCommand) {
        case AdminCommand::Kind::RequestSync: {
            const auto r = requestSync(m_config.admin.syncRequestFile);
            m_syncNote = SyncRequestNote{nowUnix, r ? std::string() : r.error().message};
            std::fprintf(stderr, "pestor-kiosk: admin: sync requested%s%s\n", r ? "" : ": ",
                         r ? "" : r.error().message.c_str());
            worker.requestHealth();
            break;
        }
        case AdminCommand::Kind::SignageOn: m_signageOn = true; break;
        case AdminCommand::Kind::SignageOff: m_signageOn = false; break;
        case AdminCommand::Kind::Quit:
            std::fprintf(stderr, "pestor-kiosk: admin: quit\n");
            out.quit = true;
            break;
        }
        fx.adminCommand.reset();
        out.changed = true;
    }
    return out;
}

} // namespace kiosk::app
