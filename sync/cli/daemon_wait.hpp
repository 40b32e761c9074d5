#pragma once
// How the sync daemon waits between syncs: until the next sync is due, a
// stop signal (SIGTERM/SIGINT), or — unless the server asked us to hold off
// — a "sync now" request from the kiosk (its admin screen touches a file).
//
// The request file is watched with inotify on its folder, so a touch wakes
// the daemon at once rather than at the next poll; the file's modification
// time still decides what is a request, and a slow re-check (1 s, or 200 ms
// where inotify is unavailable or the folder is missing) covers anything the
// watch could miss. Stop signals are blocked except inside the wait
// (ppoll's mask), so a signal can never slip in between the check and the
// sleep.
#include <chrono>
#include <cstdint>
#include <string>

namespace cli {

// Installs the SIGTERM/SIGINT handlers and blocks both outside waits. Call
// once, before the daemon's loop.
void installStopSignals();
bool stopRequested();

// "Sync now": a request is a modification time that changed since the last
// attempt began. Comparing the file's time with the time it had then,
// rather than with our clock, keeps one clock domain: no request is lost to
// coarse file timestamps or a clock set back. A deleted file asks for
// nothing.
class RequestWatch {
public:
    explicit RequestWatch(std::string path); // empty: no request file
    ~RequestWatch();
    RequestWatch(const RequestWatch&) = delete;
    RequestWatch& operator=(const RequestWatch&) = delete;

    // Call as an attempt begins: a touch from now on asks for the next one.
    // Returns whether this attempt answers a request (one stat, so a touch
    // cannot slip between the question and the new baseline).
    bool attemptStarting();
    bool requested() const;

    // Sleeps up to `d`; returns early on a stop signal or, when `wakeOnRequest`,
    // on a request.
    void sleepFor(std::chrono::milliseconds d, bool wakeOnRequest);

private:
    std::int64_t mtimeNs() const;   // 0 when the file does not exist (or cannot be seen)
    void ensureWatch();             // (re)adds the folder watch if it is not in place
    void drainEvents();             // reads the queued events; notices a folder that went away

    std::string m_path, m_dir;
    std::int64_t m_seen = 0;
    int m_inotify = -1;
    int m_watch = -1;
};

} // namespace cli
