#pragma once
// The kiosk's one background thread for data: it owns a read-only SQLite
// connection, notices new commits (PRAGMA data_version) and loads a new
// catalog snapshot, and runs type-ahead searches (latest query wins).
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "cache/searcher.hpp"
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
    // The session was wiped: drop any pending search and overwrite what this
    // thread may still hold of the typed text (its stack, SQLite's bindings).
    void forgetSearches();
    // Probe the terminal's health (disk, memory, sync state) on this thread
    // soon; the report arrives through MainQueue::takeHealth().
    void requestHealth();

private:
    void run(std::stop_token stop);
    void runSearch(cache::Searcher& searcher, std::uint64_t generation,
                   const std::function<void(std::string)>& report);

    std::filesystem::path m_path;
    MainQueue& m_queue;
    std::chrono::milliseconds m_pollInterval;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    // The latest search asked for. A plain string, not an optional, so its
    // bytes can always be zeroed (cache::wipe) once taken or forgotten.
    std::string m_pendingQuery;
    std::uint64_t m_pendingGeneration = 0;
    bool m_hasPending = false;
    bool m_forget = false;
    bool m_healthWanted = false;
    std::jthread m_thread; // last: starts after the members it uses
};

} // namespace kiosk::app
