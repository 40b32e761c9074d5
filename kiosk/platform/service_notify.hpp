#pragma once
// Telling the service manager how the kiosk is doing: systemd's notification
// protocol (sd_notify(3)) — "READY=1", "STATUS=…", "WATCHDOG=1",
// "STOPPING=1" — each a datagram sent to the unix socket named by
// $NOTIFY_SOCKET. The unit runs the kiosk with Type=notify and WatchdogSec=:
// the frame loop pings, so a loop that hangs stops pinging and systemd
// restarts the kiosk (systemd/README.md).
//
// Hand-written rather than linked against libsystemd: the protocol is a
// documented, stable interface of a few lines, and the kiosk then runs (and
// is tested) the same with or without systemd. Sending never blocks: the
// socket is non-blocking, so a busy service manager costs a dropped ping, not
// a frozen screen.
//
// Without $NOTIFY_SOCKET (development, tests, scripted runs) every call does
// nothing. Nothing here reads ImGui, SDL or GL; call it from the frame loop's
// thread only. Status texts go to `systemctl status` and the journal: never
// put visitor input in them.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::platform {

class ServiceNotifier {
  public:
    using Clock = std::chrono::steady_clock;

    // From the environment: NOTIFY_SOCKET (a path, or '@' for Linux's
    // abstract namespace), WATCHDOG_USEC, WATCHDOG_PID. The watchdog is ours
    // when WATCHDOG_PID is unset, our pid, or our parent's: under cage the
    // service's main process is the compositor that started the kiosk (the
    // unit says NotifyAccess=all so systemd accepts the kiosk's messages).
    static ServiceNotifier fromEnvironment();

    // For tests: `socketPath` empty = inactive; no `watchdog` = no pings.
    ServiceNotifier(std::string socketPath, std::optional<std::chrono::microseconds> watchdog);
    ServiceNotifier(ServiceNotifier&& other) noexcept;
    ServiceNotifier& operator=(ServiceNotifier&& other) noexcept;
    ServiceNotifier(const ServiceNotifier&) = delete;
    ServiceNotifier& operator=(const ServiceNotifier&) = delete;
    ~ServiceNotifier();

    bool active() const { return !m_socketPath.empty(); }
    // The service's WatchdogSec=, when the watchdog is ours.
    std::optional<std::chrono::microseconds> watchdogTimeout() const { return m_watchdog; }

    // "READY=1" (once; later calls do nothing), with "STATUS=status" when
    // given. Call after the first frame is on the screen.
    void ready(std::string_view status = {});
    // "STATUS=text", sent only when it differs from the last one sent.
    // Newlines become spaces (one message line per field).
    void status(std::string_view text);
    // "STOPPING=1": the kiosk is exiting on purpose.
    void stopping();

    // Call on every turn of the frame loop, drawn or not. Sends "WATCHDOG=1"
    // when half the watchdog timeout has passed since the last ping (the
    // first call pings at once). Returns whether it sent one.
    bool watchdogPing(Clock::time_point now = Clock::now());
    // How long the loop may block (waiting for events) before it must call
    // watchdogPing() again: the time until the next ping is due, 0 when it
    // is due now, nullopt when there is no watchdog (no limit).
    std::optional<std::chrono::milliseconds> maxSleep(Clock::time_point now = Clock::now()) const;

  private:
    bool send(const std::string& message);

    std::string m_socketPath;
    std::optional<std::chrono::microseconds> m_watchdog;
    int m_fd = -1;
    bool m_ready = false;
    std::optional<Clock::time_point> m_lastPing;
    std::string m_lastStatus;
    bool m_failing = false; // the last send failed (logged once until one succeeds)
};

} // namespace kiosk::platform
