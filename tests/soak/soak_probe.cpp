#include "soak_probe.hpp"

#include <algorithm>
#include <fstream>
#include <stdexcept>
#include <system_error>

namespace soak {

namespace fs = std::filesystem;

namespace {

long statusKiB(const std::string& status, const std::string& key) {
    const auto at = status.find("\n" + key + ":");
    if (at == std::string::npos) return -1;
    return std::stol(status.substr(at + key.size() + 2));
}

} // namespace

ProcessFigures sampleProcess(pid_t pid) {
    const fs::path proc = fs::path("/proc") / std::to_string(pid);
    std::ifstream in(proc / "status");
    if (!in) throw std::runtime_error("process " + std::to_string(pid) + " is gone");
    const std::string status((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ProcessFigures f;
    f.rssKiB = statusKiB("\n" + status, "VmRSS");
    f.peakRssKiB = statusKiB("\n" + status, "VmHWM");
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(proc / "fd", ec)) {
        ++f.fds;
        std::error_code linkError;
        const fs::path target = fs::read_symlink(e.path(), linkError);
        f.fdTargets.push_back(e.path().filename().string() + " -> " + (linkError ? "?" : target.string()));
    }
    if (ec) throw std::runtime_error("cannot list " + (proc / "fd").string() + ": " + ec.message());
    std::sort(f.fdTargets.begin(), f.fdTargets.end());
    return f;
}

std::map<std::string, FolderFigures> sampleFolder(const fs::path& root) {
    std::map<std::string, FolderFigures> groups;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        std::error_code statError;
        if (!it->is_regular_file(statError)) continue;
        const fs::path relative = it->path().lexically_relative(root);
        FolderFigures& g = groups[relative.begin()->string()];
        ++g.files;
        g.bytes += it->file_size(statError);
    }
    return groups;
}

FolderFigures total(const std::map<std::string, FolderFigures>& groups) {
    FolderFigures t;
    for (const auto& [name, g] : groups) {
        t.files += g.files;
        t.bytes += g.bytes;
    }
    return t;
}

} // namespace soak
