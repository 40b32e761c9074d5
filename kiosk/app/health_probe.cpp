#include "health_probe.hpp"

#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/statvfs.h>

namespace kiosk::app {
namespace {

// The number of kB on the line starting with `key` ("VmRSS:", "MemTotal:").
std::optional<std::uint64_t> kilobytesAfter(std::string_view text, std::string_view key) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find('\n', at), text.size());
        std::string_view line = text.substr(at, end - at);
        at = end + 1;
        if (line.substr(0, key.size()) != key) continue;
        line.remove_prefix(key.size());
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
        std::uint64_t kb = 0;
        const auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), kb);
        if (ec != std::errc() || p == line.data()) return std::nullopt;
        if (std::string_view(p, line.data() + line.size()) != " kB") return std::nullopt;
        return kb * 1024;
    }
    return std::nullopt;
}

std::optional<std::string> readSmallFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

} // namespace

std::optional<std::uint64_t> parseVmRssBytes(std::string_view procSelfStatus) {
    return kilobytesAfter(procSelfStatus, "VmRSS:");
}

std::optional<MemoryFigures> parseMemInfo(std::string_view procMeminfo) {
    const auto total = kilobytesAfter(procMeminfo, "MemTotal:");
    const auto available = kilobytesAfter(procMeminfo, "MemAvailable:");
    if (!total || !available) return std::nullopt;
    MemoryFigures m;
    m.totalBytes = *total;
    m.availableBytes = *available;
    return m;
}

cache::Result<DiskSpace> diskSpaceOf(const std::filesystem::path& path) {
    std::error_code ec;
    const std::filesystem::path where =
        std::filesystem::exists(path, ec) || !path.has_parent_path() ? path : path.parent_path();
    struct statvfs st {};
    if (statvfs(where.c_str(), &st) != 0)
        return cache::makeError("disk space of " + where.string() + ": " + std::strerror(errno));
    DiskSpace d;
    d.freeBytes = static_cast<std::uint64_t>(st.f_bavail) * st.f_frsize;
    d.totalBytes = static_cast<std::uint64_t>(st.f_blocks) * st.f_frsize;
    return d;
}

cache::Result<MemoryFigures> memoryFigures(const std::filesystem::path& procDir) {
    const auto status = readSmallFile(procDir / "self" / "status");
    const auto meminfo = readSmallFile(procDir / "meminfo");
    if (!status || !meminfo)
        return cache::makeError("cannot read " + procDir.string() + "/self/status or meminfo");
    const auto rss = parseVmRssBytes(*status);
    auto machine = parseMemInfo(*meminfo);
    if (!rss || !machine)
        return cache::makeError("no VmRSS, MemTotal or MemAvailable in " + procDir.string());
    machine->processRssBytes = *rss;
    return *machine;
}

HealthReport probeHealth(const std::filesystem::path& cachePath, SQLite::Database* db,
                         const std::filesystem::path& procDir) {
    HealthReport r;
    r.disk = diskSpaceOf(cachePath);
    r.memory = memoryFigures(procDir);
    if (db)
        r.sync = cache::readSyncStatus(*db);
    else
        r.sync =
            cache::makeError("the cache " + cachePath.string() + " is not open (no sync yet?)");
    return r;
}

} // namespace kiosk::app
