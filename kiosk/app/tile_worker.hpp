#pragma once
// The map's tile thread: owns the MBTiles connection (read-only), reads and
// decodes the tiles the map asks for, and posts pixels to the main queue;
// the main thread uploads them to the GPU. The latest request wins: tiles
// asked for by a view the visitor already panned away from are dropped.
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "main_queue.hpp"
#include "map/tile_plan.hpp"

namespace kiosk::app {

struct TilePackSource {
    std::filesystem::path path; // empty: no tiles, the vector base map alone
    bool immutable = false;     // an installed (content-addressed, never rewritten) pack
    bool operator==(const TilePackSource&) const = default;
};

class TileWorker {
  public:
    explicit TileWorker(MainQueue& queue);
    ~TileWorker(); // stops and joins
    TileWorker(const TileWorker&) = delete;
    TileWorker& operator=(const TileWorker&) = delete;

    // Switches packs; tiles and replies carry `generation` so the main
    // thread can drop anything from an earlier pack.
    void openPack(TilePackSource source, std::uint64_t generation);
    // Replaces the pending list (first = most wanted).
    void request(std::vector<map::TileKey> keys, std::uint64_t generation);

  private:
    void run(std::stop_token stop);

    MainQueue& m_queue;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::optional<std::pair<TilePackSource, std::uint64_t>> m_pendingPack;
    std::vector<map::TileKey> m_pending; // reversed: back() is next
    std::uint64_t m_pendingGeneration = 0;
    std::jthread m_thread; // last: starts after the members it uses
};

} // namespace kiosk::app
