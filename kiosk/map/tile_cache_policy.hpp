#pragma once
// Bookkeeping for a bounded tile-texture cache: least recently used first,
// within a byte budget, never evicting a tile drawn (or uploaded) in the
// current frame. No GL here: the caller owns the textures and frees exactly
// the keys evictions() hands back.
#include "tile_key.hpp"

#include <cstddef>
#include <cstdint>
#include <list>
#include <unordered_map>
#include <vector>

namespace kiosk::map {

class TileCachePolicy {
  public:
    explicit TileCachePolicy(std::size_t budgetBytes) : m_budget(budgetBytes) {}

    // Starts frame `frame` (any number that changes every frame).
    void beginFrame(std::uint64_t frame) { m_frame = frame; }
    // Drawn this frame: most recently used, and protected until the next frame.
    void markUsed(const TileKey& key);
    // A texture was uploaded (or replaced); it counts as used this frame, since
    // it was loaded to be drawn.
    void inserted(const TileKey& key, std::size_t bytes);
    // Keys to free now, least recently used first, until the total is within
    // the budget; they are already forgotten here. Tiles used this frame are
    // never returned: if they alone exceed the budget, the cache stays over
    // it (overBudget() tells) until a later frame no longer needs them.
    std::vector<TileKey> evictions();
    bool overBudget() const { return m_bytes > m_budget; }

    std::size_t bytes() const { return m_bytes; }
    std::size_t count() const { return m_entries.size(); }
    std::size_t budget() const { return m_budget; }
    void setBudget(std::size_t budgetBytes) { m_budget = budgetBytes; }
    bool contains(const TileKey& key) const { return m_entries.count(key) != 0; }
    // The caller freed a tile by itself (e.g. dropping a whole layer).
    void erase(const TileKey& key);
    void clear();

  private:
    struct Entry {
        std::size_t bytes;
        std::uint64_t lastUsed;
        std::list<TileKey>::iterator pos;
    };
    void touch(Entry& e);

    std::size_t m_budget;
    std::size_t m_bytes = 0;
    std::uint64_t m_frame = 0;
    std::list<TileKey> m_order; // front = most recently used
    std::unordered_map<TileKey, Entry, TileKeyHash> m_entries;
};

} // namespace kiosk::map
