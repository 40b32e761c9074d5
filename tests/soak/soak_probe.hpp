#pragma once
// What a soak run watches in the process under test and in its state
// folder, read from /proc and the file system (Linux only).
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace soak {

struct ProcessFigures {
    int fds = 0;                     // entries in /proc/PID/fd
    std::vector<std::string> fdTargets; // what each one points at, sorted (for a report on growth)
    long rssKiB = 0;                 // VmRSS
    long peakRssKiB = 0;             // VmHWM
};

// Throws std::runtime_error when the process is gone.
ProcessFigures sampleProcess(pid_t pid);

struct FolderFigures {
    std::uint64_t files = 0;
    std::uint64_t bytes = 0; // sum of the regular files' sizes
};

// Regular files under `root`, grouped by the first path component below it
// ("blobs", "media", "tiles"; a file directly in `root` is its own group,
// e.g. "cache.sqlite-wal").
std::map<std::string, FolderFigures> sampleFolder(const std::filesystem::path& root);
FolderFigures total(const std::map<std::string, FolderFigures>& groups);

} // namespace soak
