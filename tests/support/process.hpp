#pragma once
// Running helper programs (openssl, nginx) from tests without a shell:
// arguments are passed as they are, so temporary paths need no quoting.
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace testsupport {

// `name` itself if it contains a '/', else the first executable of that
// name on PATH (then /usr/sbin and /sbin, where Debian puts nginx).
// Throws std::runtime_error when there is none.
std::filesystem::path findExecutable(std::string_view name);

struct ProcessResult {
    int exitCode = -1;  // -1 when killed by a signal
    std::string output; // stdout and stderr, interleaved
};

// Runs a program to completion; stdin is /dev/null.
ProcessResult runProcess(const std::vector<std::string>& argv);

// Same, but throws std::runtime_error with the command line and its output
// unless the program exits with 0. Returns the output.
std::string runOrThrow(const std::vector<std::string>& argv);

// Starts a program in the background with stdout and stderr appended to
// `logFile`. The child gets SIGKILL if the calling thread's process dies
// first (PR_SET_PDEATHSIG), so a crashing test leaves no server behind.
pid_t spawnProcess(const std::vector<std::string>& argv, const std::filesystem::path& logFile);

// Whether `pid` (our child) has exited; reaps it if so.
bool hasExited(pid_t pid);

// Sends `signal`, waits up to `grace` for the child to exit, then SIGKILLs
// it; always reaps it.
void stopProcess(pid_t pid, int signal, std::chrono::milliseconds grace);

} // namespace testsupport
