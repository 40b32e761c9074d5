// ServiceNotifier speaks systemd's notification protocol to a datagram
// socket this test owns, as systemd would hold it: what it sends, when the
// watchdog pings fall due, how long the frame loop may sleep, and what it
// does without a socket. Also the script's `hang` command the watchdog test
// uses to stall the frame loop.
#include "kiosk/platform/input_script.hpp"
#include "kiosk/platform/service_notify.hpp"
#include "support/temp_dir.hpp"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <doctest/doctest.h>
#include <optional>
#include <poll.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <vector>

using kiosk::platform::ServiceNotifier;
using namespace std::chrono_literals;

namespace {

// A bound datagram socket: the test's stand-in for systemd's notify socket.
class NotifySocket {
  public:
    // `abstractName` binds in Linux's abstract namespace ("@name").
    explicit NotifySocket(const std::string& name, bool abstractName = false) {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::memcpy(addr.sun_path + (abstractName ? 1 : 0), name.data(), name.size());
        const auto length =
            static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + name.size() + 1);
        REQUIRE_MESSAGE(::bind(m_fd, reinterpret_cast<const sockaddr*>(&addr), length) == 0,
                        std::strerror(errno));
        m_address = abstractName ? "@" + name : name;
    }
    ~NotifySocket() { ::close(m_fd); }
    NotifySocket(const NotifySocket&) = delete;
    NotifySocket& operator=(const NotifySocket&) = delete;

    const std::string& address() const { return m_address; }

    // The next message, or nullopt when none arrives within `wait`.
    std::optional<std::string> receive(std::chrono::milliseconds wait = 200ms) {
        pollfd p{m_fd, POLLIN, 0};
        if (::poll(&p, 1, static_cast<int>(wait.count())) != 1) return std::nullopt;
        char buffer[4096];
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n < 0) return std::nullopt;
        return std::string(buffer, static_cast<std::size_t>(n));
    }

  private:
    int m_fd = -1;
    std::string m_address;
};

// Sets an environment variable for one scope.
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("ready, status and stopping arrive as systemd's notification lines") {
    testsupport::TempDir dir("pestor-notify");
    NotifySocket systemd((dir / "notify").string());
    ServiceNotifier n(systemd.address(), std::nullopt);
    CHECK(n.active());

    n.ready("showing data from 14:02");
    CHECK(systemd.receive() == "READY=1\nSTATUS=showing data from 14:02");
    n.ready("again");
    CHECK_FALSE(systemd.receive(50ms)); // READY=1 only once

    n.status("showing data from 14:02"); // unchanged: not sent again
    CHECK_FALSE(systemd.receive(50ms));
    n.status("cache unreadable:\nretrying"); // one line per field
    CHECK(systemd.receive() == "STATUS=cache unreadable: retrying");

    n.stopping();
    CHECK(systemd.receive() == "STOPPING=1");
}

TEST_CASE(
    "watchdog pings come at most every half interval; the loop may sleep until the next is due") {
    testsupport::TempDir dir("pestor-notify");
    NotifySocket systemd((dir / "notify").string());
    ServiceNotifier n(systemd.address(), std::chrono::microseconds(2'000'000)); // WatchdogSec=2s
    REQUIRE(n.watchdogTimeout() == std::chrono::microseconds(2'000'000));
    const auto t0 = ServiceNotifier::Clock::time_point{} + 1h;

    CHECK(n.maxSleep(t0) == 0ms); // nothing sent yet: ping now
    CHECK(n.watchdogPing(t0));
    CHECK(systemd.receive() == "WATCHDOG=1");
    CHECK(n.maxSleep(t0) == 1000ms);
    CHECK(n.maxSleep(t0 + 400ms) == 600ms);

    // Frames every 16 ms for 0.99 s: no second ping yet.
    for (auto t = t0 + 16ms; t < t0 + 1000ms; t += 16ms)
        CHECK_FALSE(n.watchdogPing(t));
    CHECK_FALSE(systemd.receive(50ms));
    CHECK(n.watchdogPing(t0 + 1000ms));
    CHECK(systemd.receive() == "WATCHDOG=1");

    // A loop that was stuck pings on its first turn back, and the interval
    // counts from there.
    CHECK(n.maxSleep(t0 + 5000ms) == 0ms);
    CHECK(n.watchdogPing(t0 + 5000ms));
    CHECK(systemd.receive() == "WATCHDOG=1");
    CHECK_FALSE(n.watchdogPing(t0 + 5999ms));
    CHECK(n.watchdogPing(t0 + 6000ms));
}

TEST_CASE("from the environment: abstract sockets, WATCHDOG_USEC, and a WATCHDOG_PID that is "
          "someone else's") {
    const std::string name = "pestor-notify-test-" + std::to_string(::getpid());
    NotifySocket systemd(name, /*abstractName=*/true);
    ScopedEnv socket("NOTIFY_SOCKET", systemd.address().c_str());
    ScopedEnv usec("WATCHDOG_USEC", "20000000");

    SUBCASE("no WATCHDOG_PID: the watchdog is ours") {
        ScopedEnv pid("WATCHDOG_PID", nullptr);
        ServiceNotifier n = ServiceNotifier::fromEnvironment();
        CHECK(n.watchdogTimeout() == std::chrono::microseconds(20'000'000));
        CHECK(n.watchdogPing());
        CHECK(systemd.receive() == "WATCHDOG=1");
    }
    SUBCASE("WATCHDOG_PID is our parent (the compositor started by the unit): ours") {
        const std::string parent = std::to_string(::getppid());
        ScopedEnv pid("WATCHDOG_PID", parent.c_str());
        CHECK(ServiceNotifier::fromEnvironment().watchdogTimeout().has_value());
    }
    SUBCASE("WATCHDOG_PID is another process: no pings, but READY=1 still goes out") {
        ScopedEnv pid("WATCHDOG_PID", "1");
        ServiceNotifier n = ServiceNotifier::fromEnvironment();
        CHECK_FALSE(n.watchdogTimeout());
        CHECK_FALSE(n.watchdogPing());
        CHECK_FALSE(n.maxSleep());
        n.ready();
        CHECK(systemd.receive() == "READY=1");
    }
    SUBCASE("a WATCHDOG_USEC that is not a number: no watchdog") {
        ScopedEnv bad("WATCHDOG_USEC", "20s");
        CHECK_FALSE(ServiceNotifier::fromEnvironment().watchdogTimeout());
    }
}

TEST_CASE("without NOTIFY_SOCKET (development, tests) every call does nothing") {
    ScopedEnv socket("NOTIFY_SOCKET", nullptr);
    ScopedEnv usec("WATCHDOG_USEC", "20000000");
    ServiceNotifier n = ServiceNotifier::fromEnvironment();
    CHECK_FALSE(n.active());
    CHECK_FALSE(n.watchdogTimeout());
    CHECK_FALSE(n.maxSleep()); // no limit on sleeping
    CHECK_FALSE(n.watchdogPing());
    n.ready("x");
    n.status("y");
    n.stopping();

    ScopedEnv relative("NOTIFY_SOCKET", "relative/path"); // systemd never sends one
    CHECK_FALSE(ServiceNotifier::fromEnvironment().active());
}

TEST_CASE("a socket nobody listens on costs a log line, never a blocked or crashed loop") {
    testsupport::TempDir dir("pestor-notify");
    ServiceNotifier n((dir / "gone").string(), std::chrono::microseconds(1'000'000));
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(n.watchdogPing());
    n.ready();
    CHECK(std::chrono::steady_clock::now() - start < 1s);
}

TEST_CASE("a moved-from notifier is inactive; the moved-to one keeps the socket") {
    testsupport::TempDir dir("pestor-notify");
    NotifySocket systemd((dir / "notify").string());
    ServiceNotifier a(systemd.address(), std::chrono::microseconds(1'000'000));
    ServiceNotifier b = std::move(a);
    CHECK_FALSE(a.active()); // NOLINT(bugprone-use-after-move): checking the moved-from state
    CHECK(b.watchdogPing());
    CHECK(systemd.receive() == "WATCHDOG=1");
}

TEST_CASE("script: `hang MS` is one frame carrying MS of real time for the loop to stall") {
    using namespace kiosk::platform;
    auto parsed = parseScript("wait 50\nhang 1500\nwait 50\n");
    REQUIRE(std::holds_alternative<Script>(parsed));
    ScriptPlayer player(std::get<Script>(std::move(parsed)));
    std::vector<int> hangs;
    while (!player.finished())
        hangs.push_back(player.step(kHeadlessFrameMs).hangMs);
    int total = 0, frames = 0;
    for (int h : hangs) {
        total += h;
        frames += h > 0 ? 1 : 0;
    }
    CHECK(total == 1500);
    CHECK(frames == 1);
    // Virtual time does not see the hang: a few frames of 1/60 s.
    CHECK(player.elapsedMs() < 200);

    auto bad = parseScript("hang\n");
    REQUIRE(std::holds_alternative<ScriptParseError>(bad));
    CHECK(describe(std::get<ScriptParseError>(bad)) == "line 1: hang: missing argument MS");
    auto negative = parseScript("hang -5\n");
    REQUIRE(std::holds_alternative<ScriptParseError>(negative));
    CHECK(describe(std::get<ScriptParseError>(negative)) ==
          "line 1: hang: MS must be a whole number of milliseconds (0 or more), got '-5'");
}
