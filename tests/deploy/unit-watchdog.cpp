// The kiosk under a watchdog, as pestor-kiosk.service runs it: the real
// binary in a real X server (Xvfb, Mesa's software GL) with NOTIFY_SOCKET
// naming a datagram socket this test owns and WATCHDOG_USEC set, as systemd
// sets them. It must say READY=1, ping WATCHDOG=1 about every half interval
// from its frame loop, and stop pinging while a script command (`hang 3000`)
// stalls that loop for three seconds of real time, then ping again. A ping
// sent from any other thread would go on during the hang and fail the test.
#include "support/process.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstring>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <poll.h>
#include <sstream>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kWatchdogUsec = 200'000; // WatchdogSec=0.2s: a ping due every 100 ms
constexpr int kHangMs = 3000;

struct Message {
    Clock::time_point at;
    std::string text;
};

bool hasLine(const std::string& message, const std::string& line) {
    std::istringstream in(message);
    for (std::string l; std::getline(in, l);)
        if (l == line) return true;
    return false;
}

// Xvfb picks a free display and writes its number to its stdout (the log).
std::optional<std::string> displayOf(const fs::path& log, pid_t xvfb) {
    for (auto until = Clock::now() + 20s; Clock::now() < until && !testsupport::hasExited(xvfb);
         std::this_thread::sleep_for(50ms)) {
        std::ifstream in(log);
        for (std::string line; std::getline(in, line);)
            if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos)
                return ":" + line;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("READY=1, a watchdog ping every half interval, and none while the frame loop hangs") {
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "deploy-watchdog";
    fs::remove_all(out);
    fs::create_directories(out);
    std::ofstream(out / "kiosk.toml")
        << "# defaults: the test must not read /etc/pestor-kiosk/kiosk.toml\n";
    // Scripts run on a virtual clock (60 frames a virtual second, however
    // fast the frames really are): 360 frames before and after the hang
    // give a few real seconds of pings even on a fast machine.
    std::ofstream(out / "script.txt") << "wait 6000\n"
                                      << "hang " << kHangMs << "\n"
                                      << "wait 6000\n"
                                      << "quit\n";

    // The test's side of NOTIFY_SOCKET, bound before the kiosk starts.
    const fs::path socketPath = out / "notify.sock";
    const int sock = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(sock >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    REQUIRE(socketPath.string().size() < sizeof addr.sun_path);
    std::strcpy(addr.sun_path, socketPath.c_str());
    REQUIRE(::bind(sock, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) == 0);

    const pid_t xvfb =
        testsupport::spawnProcess({testsupport::findExecutable("Xvfb").string(), "-displayfd", "1",
                                   "-screen", "0", "640x480x24", "-nolisten", "tcp"},
                                  out / "xvfb.log");
    const auto display = displayOf(out / "xvfb.log", xvfb);
    REQUIRE_MESSAGE(display, "Xvfb did not start: " << (out / "xvfb.log").string());

    const pid_t kiosk = testsupport::spawnProcess({"/usr/bin/env",
                                                   "-u",
                                                   "WATCHDOG_PID",
                                                   "DISPLAY=" + *display,
                                                   "LIBGL_ALWAYS_SOFTWARE=1",
                                                   "NOTIFY_SOCKET=" + socketPath.string(),
                                                   "WATCHDOG_USEC=" + std::to_string(kWatchdogUsec),
                                                   PESTOR_KIOSK_BIN,
                                                   "--config",
                                                   (out / "kiosk.toml").string(),
                                                   "--cache",
                                                   (out / "no-cache-yet.sqlite").string(),
                                                   "--assets",
                                                   PESTOR_ASSETS_DIR,
                                                   "--size",
                                                   "640x480",
                                                   "--script",
                                                   (out / "script.txt").string(),
                                                   "--screenshots",
                                                   out.string()},
                                                  out / "kiosk.log");
    INFO("kiosk log: " << (out / "kiosk.log").string());

    std::vector<Message> messages;
    const auto deadline = Clock::now() + 150s;
    bool exited = false;
    while (Clock::now() < deadline) {
        pollfd p{sock, POLLIN, 0};
        if (::poll(&p, 1, 100) == 1) {
            char buffer[4096];
            const ssize_t n = ::recv(sock, buffer, sizeof buffer, 0);
            if (n > 0)
                messages.push_back(
                    {Clock::now(), std::string(buffer, static_cast<std::size_t>(n))});
            continue; // drain everything queued before looking at the process
        }
        if ((exited = testsupport::hasExited(kiosk))) break;
    }
    if (!exited) testsupport::stopProcess(kiosk, SIGKILL, 1000ms);
    testsupport::stopProcess(xvfb, SIGTERM, 3000ms);
    ::close(sock);
    REQUIRE_MESSAGE(exited, "the kiosk did not finish its script within 150 s");

    std::vector<Clock::time_point> pings;
    bool ready = false;
    for (const Message& m : messages) {
        if (hasLine(m.text, "READY=1")) ready = true;
        if (hasLine(m.text, "WATCHDOG=1")) pings.push_back(m.at);
    }
    INFO("messages received: " << messages.size() << ", watchdog pings: " << pings.size());
    CHECK_MESSAGE(ready, "no READY=1 from the kiosk");
    REQUIRE(pings.size() >= 6);

    std::vector<long> gapsMs;
    for (std::size_t i = 1; i < pings.size(); ++i)
        gapsMs.push_back(
            std::chrono::duration_cast<std::chrono::milliseconds>(pings[i] - pings[i - 1]).count());
    const auto longest = std::max_element(gapsMs.begin(), gapsMs.end());
    const std::size_t hangAt = static_cast<std::size_t>(longest - gapsMs.begin());
    std::ostringstream gapsText;
    for (long g : gapsMs)
        gapsText << g << " ";
    INFO("gaps between pings (ms): " << gapsText.str());

    // The hang: no ping for its whole length.
    CHECK(*longest >= kHangMs - 100);
    // Before and after it, the loop pinged on time (a 100 ms period; the
    // bound leaves room for a slow software-GL frame on a busy machine).
    for (std::size_t i = 0; i < gapsMs.size(); ++i)
        if (i != hangAt) CHECK(gapsMs[i] <= 1500);
    // And it pinged both before the hang and after it: the frame loop, alive.
    CHECK(hangAt >= 2);
    CHECK(gapsMs.size() - hangAt >= 3);
}
