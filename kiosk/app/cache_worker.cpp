#include "cache_worker.hpp"

#include <utility>

#include "cache/cache_db.hpp"
#include "cache/wipe.hpp"
#include "scrub.hpp"

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
        m_pendingQuery = query;
        m_pendingGeneration = generation;
        m_hasPending = true;
    }
    cache::wipe(query); // the caller's copy (by-value parameters live in the caller's frame)
    m_wake.notify_all();
}

void CacheWorker::forgetSearches() {
    {
        std::lock_guard lock(m_mutex);
        cache::wipe(m_pendingQuery);
        m_hasPending = false;
        m_forget = true;
    }
    m_wake.notify_all();
}

void CacheWorker::requestHealth() {
    {
        std::lock_guard lock(m_mutex);
        m_healthWanted = true;
    }
    m_wake.notify_all();
}

// Below run()'s frame, so burnStack() from run() overwrites its locals.
[[gnu::noinline]] void CacheWorker::runSearch(cache::Searcher& searcher, std::uint64_t generation,
                                              const std::function<void(std::string)>& report) {
    std::string query;
    {
        std::lock_guard lock(m_mutex);
        query = m_pendingQuery;
        cache::wipe(m_pendingQuery);
    }
    auto results = searcher.search(query);
    if (results) {
        m_queue.push(SearchDone{generation, std::move(results).value()});
        cache::wipe(results->query); // moved from: a short string leaves its bytes behind
    } else {
        // The error text may quote the query: never pass visitor input on.
        report("search failed: the cache's full-text index is unreadable");
    }
    cache::wipe(query);
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

        bool search = false, forget = false, health = false;
        std::uint64_t generation = 0;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_for(lock, stop, m_pollInterval, [&] { return m_hasPending || m_forget || m_healthWanted; });
            search = std::exchange(m_hasPending, false);
            generation = m_pendingGeneration;
            forget = std::exchange(m_forget, false);
            health = std::exchange(m_healthWanted, false);
        }
        if (search && searcher) {
            runSearch(*searcher, generation, report);
        } else if (search) {
            std::lock_guard lock(m_mutex);
            cache::wipe(m_pendingQuery); // no cache to search yet: the query goes
        }
        if (forget) {
            // The visit is over. Close the connection: SQLite and FTS5 free
            // every buffer that saw the query (zeroed by the kiosk's
            // allocator); the next turn reopens it and reloads the catalog.
            searcher.reset();
            db.reset();
            burnStack(); // runSearch's frames, below this one
        }
        if (health) m_queue.setHealth(probeHealth(m_path, db.get()));
    }
}

} // namespace kiosk::app
