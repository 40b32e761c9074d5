#pragma once
// The terminal's health for the admin screen: free disk where the cache
// lives, this process's memory and the machine's, and what the sync last did
// (from the cache's sync_state). File IO and SQL: run it on the cache worker
// thread, never while drawing. Each part fails on its own, as a value.
#include "cache/result.hpp"
#include "cache/sync_state.hpp"

#include <SQLiteCpp/Database.h>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace kiosk::app {

struct DiskSpace {
    std::uint64_t freeBytes = 0; // available to an unprivileged process
    std::uint64_t totalBytes = 0;
};

struct MemoryFigures {
    std::uint64_t processRssBytes = 0; // VmRSS of this process
    std::uint64_t availableBytes = 0;  // MemAvailable of the machine
    std::uint64_t totalBytes = 0;      // MemTotal
};

struct HealthReport {
    cache::Result<DiskSpace> disk = cache::makeError("not probed");
    cache::Result<MemoryFigures> memory = cache::makeError("not probed");
    cache::Result<cache::SyncStatus> sync = cache::makeError("not probed");
};

// "VmRSS:   81234 kB" in /proc/self/status -> bytes.
std::optional<std::uint64_t> parseVmRssBytes(std::string_view procSelfStatus);
// MemAvailable and MemTotal from /proc/meminfo (the rest of MemoryFigures is 0).
std::optional<MemoryFigures> parseMemInfo(std::string_view procMeminfo);

// statvfs of the filesystem holding `path` (the file, or its folder while
// the file does not exist yet).
cache::Result<DiskSpace> diskSpaceOf(const std::filesystem::path& path);
// From /proc/self/status and /proc/meminfo (`procDir` for tests).
cache::Result<MemoryFigures> memoryFigures(const std::filesystem::path& procDir = "/proc");

// Everything at once. `db` may be null (no cache yet): the sync part says so.
HealthReport probeHealth(const std::filesystem::path& cachePath, SQLite::Database* db,
                         const std::filesystem::path& procDir = "/proc");

} // namespace kiosk::app
