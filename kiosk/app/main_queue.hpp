#pragma once
// Results from worker threads to the main thread. Workers push; the frame
// loop swaps the whole pending list out under the lock and handles it
// unlocked. Messages carry data, not callbacks: the main thread decides what
// to do with them.
#include <memory>
#include <mutex>
#include <string>
#include <variant>
#include <vector>

#include "cache/catalog.hpp"
#include "cache/searcher.hpp"

namespace kiosk::app {

struct CatalogLoaded {
    std::shared_ptr<const cache::Catalog> catalog;
};
struct SearchDone {
    std::uint64_t generation; // matches Session::queryGeneration when still current
    cache::SearchResults results;
};
struct CacheProblem {
    std::string message; // for the admin log and status line; never visitor text
};

using WorkerMessage = std::variant<CatalogLoaded, SearchDone, CacheProblem>;

class MainQueue {
public:
    void push(WorkerMessage m) {
        std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(m));
    }
    std::vector<WorkerMessage> takeAll() {
        std::vector<WorkerMessage> out;
        std::lock_guard lock(m_mutex);
        out.swap(m_pending);
        return out;
    }

private:
    std::mutex m_mutex;
    std::vector<WorkerMessage> m_pending;
};

} // namespace kiosk::app
