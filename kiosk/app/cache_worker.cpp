#include "cache_worker.hpp"

#include "cache/cache_db.hpp"

namespace kiosk::app {

CacheWorker::CacheWorker(std::filesystem::path cachePath, MainQueue& queue, std::chrono::milliseconds pollInterval)
    : m_path(std::move(cachePath)), m_queue(queue), m_pollInterval(pollInterval),
      m_thread([this](std::stop_token st) { run(st); }) {}

CacheWorker::~CacheWorker() {
    m_thread.request_stop();
    m_wake.notify_all();
}

void CacheWorker::requestSearch(std::string query, std::uint64_t generation) {
    {
        std::lock_guard lock(m_mutex);
        m_pendingSearch.emplace(std::move(query), generation);
    }
    m_wake.notify_all();
}

void CacheWorker::run(std::stop_token stop) {
    std::unique_ptr<SQLite::Database> db;
    std::optional<cache::Searcher> searcher;
    std::int64_t loadedVersion = -1; // data_version is never negative
    std::string lastProblem;

    const auto report = [&](std::string message) {
        if (message != lastProblem) m_queue.push(CacheProblem{message});
        lastProblem = std::move(message);
    };

    while (!stop.stop_requested()) {
        // (Re)open until the cache exists: a terminal may boot before its
        // first sync.
        if (!db) {
            auto opened = cache::openCacheReadOnly(m_path);
            if (opened) {
                db = std::move(opened).value();
                searcher.emplace(*db);
                loadedVersion = -1;
            } else {
                report(opened.error().message);
            }
        }
        if (db) {
            try {
                const std::int64_t v = cache::dataVersion(*db);
                if (loadedVersion != v) {
                    auto catalog = cache::Catalog::load(*db);
                    if (catalog) {
                        // The map's projected, triangulated, clustered view of
                        // the same snapshot, built here rather than in a frame.
                        std::shared_ptr<const cache::Catalog> snapshot = std::move(catalog).value();
                        auto scene = buildMapScene(snapshot);
                        m_queue.push(CatalogLoaded{std::move(snapshot), std::move(scene)});
                        loadedVersion = v;
                        lastProblem.clear();
                    } else {
                        report(catalog.error().message);
                    }
                }
            } catch (const std::exception& e) {
                report(std::string("cache unreadable: ") + e.what());
                searcher.reset();
                db.reset();
            }
        }

        std::optional<std::pair<std::string, std::uint64_t>> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, stop, m_pollInterval, [&] { return m_pendingSearch.has_value(); });
            job.swap(m_pendingSearch);
        }
        if (job && searcher) {
            auto results = searcher->search(job->first);
            if (results) m_queue.push(SearchDone{job->second, std::move(results).value()});
            // The error text may quote the query: never pass visitor input on.
            else report("search failed: the cache's full-text index is unreadable");
        }
    }
}

} // namespace kiosk::app
