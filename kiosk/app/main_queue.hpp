#pragma once
// Results from worker threads to the main thread. Workers push; the frame
// loop swaps the whole pending list out under the lock and handles it
// unlocked. Messages carry data, not callbacks: the main thread decides what
// to do with them.
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "cache/catalog.hpp"
#include "cache/mbtiles.hpp"
#include "cache/searcher.hpp"
#include "health_probe.hpp"
#include "map/tile_plan.hpp"
#include "map_scene.hpp"
#include "tile_decoder.hpp"

namespace kiosk::app {

struct CatalogLoaded {
    std::shared_ptr<const cache::Catalog> catalog;
    std::shared_ptr<const MapScene> scene; // the same snapshot, ready for the map
};
struct SearchDone {
    std::uint64_t generation; // matches Session::queryGeneration when still current
    cache::SearchResults results;
};
struct CacheProblem {
    std::string message; // for the admin log and status line; never visitor text
};

// The tile worker opened (or failed to open) a tile pack.
struct TilePackStatus {
    std::uint64_t generation = 0;
    std::optional<cache::MbtilesInfo> info; // unset: no pack, or it failed
    std::string problem;                    // why it failed, for the log
};
// One tile: pixels, or none (the pack has no such tile, or it was bad).
struct TileLoaded {
    std::uint64_t generation = 0;
    map::TileKey key;
    DecodedTile tile; // empty rgba: nothing to show at this key
    std::string problem;
};

using WorkerMessage = std::variant<CatalogLoaded, SearchDone, CacheProblem, TilePackStatus, TileLoaded>;

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
    // The terminal's health for the admin screen (CacheWorker::requestHealth).
    // A newer report replaces one not yet taken: only the latest matters.
    void setHealth(HealthReport report) {
        std::lock_guard lock(m_mutex);
        m_health = std::move(report);
    }
    std::optional<HealthReport> takeHealth() {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_health, std::nullopt);
    }

private:
    std::mutex m_mutex;
    std::vector<WorkerMessage> m_pending;
    std::optional<HealthReport> m_health;
};

} // namespace kiosk::app
