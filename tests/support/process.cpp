#include "support/process.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <signal.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace testsupport {

namespace {

std::string commandLine(const std::vector<std::string>& argv) {
    std::string text;
    for (const auto& arg : argv)
        text += (text.empty() ? "" : " ") + arg;
    return text;
}

// Only async-signal-safe calls between fork and exec: the test process has
// other threads (servers, curl's resolver) whose locks may be held.
pid_t forkExec(const std::vector<std::string>& argv, int outputFd, bool dieWithParent) {
    if (argv.empty()) throw std::invalid_argument("forkExec: empty argv");
    const std::string exe = findExecutable(argv[0]).string();
    std::vector<char*> args;
    for (const auto& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    const int devNull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (devNull < 0)
        throw std::runtime_error(std::string("cannot open /dev/null: ") + std::strerror(errno));
    const pid_t parent = ::getpid();

    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(devNull);
        throw std::runtime_error("fork failed for " + exe + ": " + std::strerror(errno));
    }
    if (pid == 0) {
        if (dieWithParent) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent) ::_exit(127); // the parent died before prctl took effect
        }
        ::dup2(devNull, 0);
        ::dup2(outputFd, 1);
        ::dup2(outputFd, 2);
        // No inherited sockets or pipes: a server child holding a test's
        // listening socket would keep the port (and the test) alive.
        if (::syscall(SYS_close_range, 3U, ~0U, 0U) != 0)
            for (int fd = 3; fd < 4096; ++fd)
                ::close(fd);
        struct sigaction dfl {};
        dfl.sa_handler = SIG_DFL;
        ::sigaction(SIGPIPE, &dfl, nullptr);
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execv(exe.c_str(), args.data());
        ::_exit(127);
    }
    ::close(devNull);
    return pid;
}

int waitFor(pid_t pid) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return status;
}

} // namespace

std::filesystem::path findExecutable(std::string_view name) {
    if (name.find('/') != std::string_view::npos) return std::filesystem::path(name);
    std::string dirs = std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin";
    dirs += ":/usr/sbin:/sbin";
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const auto end = dirs.find(':', start);
        const std::string dir = dirs.substr(start, end == std::string::npos ? end : end - start);
        if (!dir.empty()) {
            const auto candidate = std::filesystem::path(dir) / name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        if (end == std::string::npos) break;
        start = end + 1;
    }
    throw std::runtime_error("program not found: " + std::string(name));
}

ProcessResult runProcess(const std::vector<std::string>& argv) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("pipe failed: ") + std::strerror(errno));
    pid_t pid = -1;
    try {
        pid = forkExec(argv, fds[1], false);
    } catch (...) {
        ::close(fds[0]);
        ::close(fds[1]);
        throw;
    }
    ::close(fds[1]);
    ProcessResult result;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
        if (n > 0)
            result.output.append(buffer, static_cast<std::size_t>(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    ::close(fds[0]);
    const int status = waitFor(pid);
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string runOrThrow(const std::vector<std::string>& argv) {
    ProcessResult result = runProcess(argv);
    if (result.exitCode != 0)
        throw std::runtime_error("command failed (exit " + std::to_string(result.exitCode) +
                                 "): " + commandLine(argv) + "\n" + result.output);
    return std::move(result.output);
}

pid_t spawnProcess(const std::vector<std::string>& argv, const std::filesystem::path& logFile) {
    const int log = ::open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (log < 0)
        throw std::runtime_error("cannot open " + logFile.string() + ": " + std::strerror(errno));
    pid_t pid = -1;
    try {
        pid = forkExec(argv, log, true);
    } catch (...) {
        ::close(log);
        throw;
    }
    ::close(log);
    return pid;
}

bool hasExited(pid_t pid) {
    int status = 0;
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    return r == pid || (r < 0 && errno == ECHILD);
}

void stopProcess(pid_t pid, int signal, std::chrono::milliseconds grace) {
    if (pid <= 0) return;
    ::kill(pid, signal);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (std::chrono::steady_clock::now() < deadline) {
        if (hasExited(pid)) return;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::kill(pid, SIGKILL);
    waitFor(pid);
}

} // namespace testsupport
