#pragma once
// A long-lived child process whose stdout is read line by line through a
// pipe (pestor-sync's daemon prints one JSON line per sync); its stderr is
// appended to a log file.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace soak {

class Daemon {
public:
    // Starts `argv`; the child gets SIGKILL if this process dies first.
    Daemon(const std::vector<std::string>& argv, const std::filesystem::path& stderrLog);
    ~Daemon(); // SIGKILL and reap if still running
    Daemon(const Daemon&) = delete;
    Daemon& operator=(const Daemon&) = delete;

    pid_t pid() const { return m_pid; }
    // The next stdout line, or nullopt after `timeout` or at end of output
    // (then exited() tells why).
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);
    // SIGTERM, then waits up to `grace`; returns the exit status as
    // waitpid gives it, or nullopt if it had to be killed.
    std::optional<int> stop(std::chrono::milliseconds grace);
    bool exited();

private:
    pid_t m_pid = -1;
    int m_out = -1;
    std::string m_buffer;
};

} // namespace soak
