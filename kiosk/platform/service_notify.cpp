#include "service_notify.hpp"

#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <utility>

namespace kiosk::platform {
namespace {

// A whole decimal number, nothing else; nullopt for anything odd.
std::optional<unsigned long long> parseUnsigned(const char* text) {
    if (text == nullptr || *text == '\0') return std::nullopt;
    const std::string_view s(text);
    unsigned long long value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
    return value;
}

// systemd's own sockets are absolute paths or abstract names ('@…').
bool supportedAddress(const std::string& path) {
    return !path.empty() && (path.front() == '/' || path.front() == '@') &&
           path.size() < sizeof(sockaddr_un::sun_path);
}

} // namespace

ServiceNotifier ServiceNotifier::fromEnvironment() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    std::optional<std::chrono::microseconds> watchdog;
    if (const auto usec = parseUnsigned(std::getenv("WATCHDOG_USEC")); usec && *usec > 0) {
        const auto pid = parseUnsigned(std::getenv("WATCHDOG_PID"));
        const bool ours = !pid || *pid == static_cast<unsigned long long>(::getpid()) ||
                          *pid == static_cast<unsigned long long>(::getppid());
        if (ours)
            watchdog = std::chrono::microseconds(*usec);
        else
            std::fprintf(
                stderr,
                "pestor-kiosk: service manager: the watchdog (WATCHDOG_PID=%llu) is neither this "
                "process nor its parent; not pinging it\n",
                *pid);
    }
    std::string path = socket ? socket : "";
    if (!path.empty() && !supportedAddress(path)) {
        std::fprintf(
            stderr,
            "pestor-kiosk: service manager: NOTIFY_SOCKET is not an absolute path or an abstract "
            "socket name; not reporting readiness or watchdog pings\n");
        path.clear();
    }
    if (path.empty()) watchdog.reset(); // nowhere to ping
    return ServiceNotifier(std::move(path), watchdog);
}

ServiceNotifier::ServiceNotifier(std::string socketPath,
                                 std::optional<std::chrono::microseconds> watchdog)
    : m_socketPath(std::move(socketPath)), m_watchdog(watchdog) {
    if (m_watchdog && m_watchdog->count() <= 0) m_watchdog.reset();
}

ServiceNotifier::ServiceNotifier(ServiceNotifier&& other) noexcept
    : m_socketPath(std::move(other.m_socketPath)), m_watchdog(other.m_watchdog),
      m_fd(std::exchange(other.m_fd, -1)), m_ready(other.m_ready), m_lastPing(other.m_lastPing),
      m_lastStatus(std::move(other.m_lastStatus)), m_failing(other.m_failing) {
    other.m_socketPath.clear();
}

ServiceNotifier& ServiceNotifier::operator=(ServiceNotifier&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) ::close(m_fd);
        m_socketPath = std::move(other.m_socketPath);
        other.m_socketPath.clear();
        m_watchdog = other.m_watchdog;
        m_fd = std::exchange(other.m_fd, -1);
        m_ready = other.m_ready;
        m_lastPing = other.m_lastPing;
        m_lastStatus = std::move(other.m_lastStatus);
        m_failing = other.m_failing;
    }
    return *this;
}

ServiceNotifier::~ServiceNotifier() {
    if (m_fd >= 0) ::close(m_fd);
}

bool ServiceNotifier::send(const std::string& message) {
    if (!active()) return false;
    if (m_fd < 0) m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    // An abstract name starts with a NUL byte and is not NUL-terminated.
    std::memcpy(addr.sun_path, m_socketPath.data(), m_socketPath.size());
    if (m_socketPath.front() == '@') addr.sun_path[0] = '\0';
    const auto length =
        static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + m_socketPath.size() +
                               (m_socketPath.front() == '@' ? 0 : 1));
    // The address is re-sent every time (no connect()): a service manager
    // that re-executes itself binds a new socket at the same name.
    const bool sent = m_fd >= 0 && ::sendto(m_fd, message.data(), message.size(), MSG_NOSIGNAL,
                                            reinterpret_cast<const sockaddr*>(&addr),
                                            length) == static_cast<ssize_t>(message.size());
    if (!sent && !m_failing) {
        std::fprintf(stderr,
                     "pestor-kiosk: service manager: cannot send a notification to %s: %s; without "
                     "watchdog pings systemd will restart the kiosk\n",
                     m_socketPath.c_str(), std::strerror(errno));
    } else if (sent && m_failing) {
        std::fprintf(stderr, "pestor-kiosk: service manager: notifications get through again\n");
    }
    m_failing = !sent;
    return sent;
}

void ServiceNotifier::ready(std::string_view status) {
    if (m_ready || !active()) return;
    m_ready = true;
    std::string message = "READY=1";
    if (!status.empty()) {
        std::string line(status);
        for (char& c : line)
            if (c == '\n' || c == '\r') c = ' ';
        message += "\nSTATUS=" + line;
        m_lastStatus = std::move(line);
    }
    send(message);
}

void ServiceNotifier::status(std::string_view text) {
    if (!active()) return;
    std::string line(text);
    for (char& c : line)
        if (c == '\n' || c == '\r') c = ' ';
    if (line == m_lastStatus) return;
    m_lastStatus = line;
    send("STATUS=" + line);
}

void ServiceNotifier::stopping() {
    send("STOPPING=1");
}

bool ServiceNotifier::watchdogPing(Clock::time_point now) {
    if (!m_watchdog || !active()) return false;
    if (m_lastPing && now - *m_lastPing < *m_watchdog / 2) return false;
    m_lastPing = now; // also when the send failed: one message per interval, not one per frame
    return send("WATCHDOG=1");
}

std::optional<std::chrono::milliseconds> ServiceNotifier::maxSleep(Clock::time_point now) const {
    if (!m_watchdog || !active()) return std::nullopt;
    if (!m_lastPing) return std::chrono::milliseconds(0);
    const auto due = *m_lastPing + *m_watchdog / 2;
    if (due <= now) return std::chrono::milliseconds(0);
    return std::chrono::duration_cast<std::chrono::milliseconds>(due - now);
}

} // namespace kiosk::platform
