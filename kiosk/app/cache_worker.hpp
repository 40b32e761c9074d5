#pragma once
// The kiosk's one background thread for data: it owns a read-only SQLite
// connection, notices new commits (PRAGMA data_version) and loads a new
// catalog snapshot, and runs type-ahead searches (latest query wins).
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "main_queue.hpp"

namespace kiosk::app {

class CacheWorker {
public:
    CacheWorker(std::filesystem::path cachePath, MainQueue& queue,
                std::chrono::milliseconds pollInterval = std::chrono::milliseconds(1000));
    ~CacheWorker(); // stops and joins
    CacheWorker(const CacheWorker&) = delete;
    CacheWorker& operator=(const CacheWorker&) = delete;

    // Replaces any search not yet started: typing fast costs one query.
    void requestSearch(std::string query, std::uint64_t generation);

private:
    void run(std::stop_token stop);

    std::filesystem::path m_path;
    MainQueue& m_queue;
    std::chrono::milliseconds m_pollInterval;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::optional<std::pair<std::string, std::uint64_t>> m_pendingSearch;
    std::jthread m_thread; // last: starts after the members it uses
};

} // namespace kiosk::app
