#include "daemon_wait.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
sigset_t g_waitMask; // the mask in force inside ppoll: the stop signals unblocked

constexpr std::chrono::milliseconds kRecheckWatched{1000}; // inotify in place: a backstop only
constexpr std::chrono::milliseconds kRecheckPolled{200};   // no watch: poll as before inotify

std::string dirOf(const std::string& path) {
    const auto slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

} // namespace

void installStopSignals() {
    struct sigaction sa {};
    sa.sa_handler = [](int) { g_stop = 1; };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    sigset_t stopSignals, old;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    sigprocmask(SIG_BLOCK, &stopSignals, &old);
    g_waitMask = old;
    sigdelset(&g_waitMask, SIGTERM);
    sigdelset(&g_waitMask, SIGINT);
}

bool stopRequested() { return g_stop != 0; }

RequestWatch::RequestWatch(std::string path) : m_path(std::move(path)) {
    if (m_path.empty()) return;
    m_dir = dirOf(m_path);
    m_seen = mtimeNs(); // a touch before we started asks for nothing: the first sync comes anyway
    m_inotify = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    ensureWatch();
}

RequestWatch::~RequestWatch() {
    if (m_inotify >= 0) close(m_inotify);
}

std::int64_t RequestWatch::mtimeNs() const {
    struct stat st {};
    if (m_path.empty() || ::stat(m_path.c_str(), &st) != 0) return 0;
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

bool RequestWatch::attemptStarting() {
    const std::int64_t t = mtimeNs();
    const bool request = t != 0 && t != m_seen;
    m_seen = t;
    return request;
}

bool RequestWatch::requested() const {
    const std::int64_t t = mtimeNs();
    return t != 0 && t != m_seen;
}

void RequestWatch::ensureWatch() {
    if (m_inotify < 0 || m_watch >= 0) return;
    // Touching both times (touch, futimens(fd, NULL) as the kiosk does) is
    // IN_ATTRIB; setting the modification time alone is IN_MODIFY, as is
    // writing; a writer that has finished, or a file renamed into place, are
    // the others. Not IN_CREATE: the kiosk creates the file and then sets its
    // time, and waking in between would answer one request with two syncs.
    // The folder may not exist yet: then polling until it does.
    m_watch = inotify_add_watch(m_inotify, m_dir.c_str(),
                                IN_ATTRIB | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_ONLYDIR);
}

void RequestWatch::drainEvents() {
    alignas(inotify_event) char buffer[4096];
    for (;;) {
        const ssize_t n = read(m_inotify, buffer, sizeof buffer);
        if (n <= 0) break; // EAGAIN: drained
        for (char* p = buffer; p < buffer + n;) {
            const auto* e = reinterpret_cast<const inotify_event*>(p);
            if (e->mask & IN_IGNORED) m_watch = -1; // the folder went away: watch again when it is back
            p += sizeof(inotify_event) + e->len;
        }
    }
}

void RequestWatch::sleepFor(std::chrono::milliseconds d, bool wakeOnRequest) {
    using clock = std::chrono::steady_clock;
    const auto until = clock::now() + d;
    const bool watching = wakeOnRequest && !m_path.empty();
    while (!g_stop) {
        if (watching && requested()) return;
        const auto now = clock::now();
        if (now >= until) return;
        if (watching) ensureWatch();
        const bool haveWatch = watching && m_watch >= 0;
        auto slice = std::chrono::duration_cast<std::chrono::nanoseconds>(until - now);
        if (watching) slice = std::min<std::chrono::nanoseconds>(slice, haveWatch ? kRecheckWatched : kRecheckPolled);
        const timespec ts{static_cast<time_t>(slice.count() / 1000000000), static_cast<long>(slice.count() % 1000000000)};
        pollfd pfd{haveWatch ? m_inotify : -1, POLLIN, 0};
        // ppoll unblocks the stop signals only while it waits: a signal that
        // arrived since the check above interrupts it at once.
        if (ppoll(&pfd, 1, &ts, &g_waitMask) > 0 && haveWatch) drainEvents(); // the loop's check decides
    }
}

} // namespace cli
