#pragma once
// The map tiles on the GPU: uploaded on the main thread as the tile worker
// delivers them, kept within a byte budget (least recently drawn go first,
// never one drawn in the current frame), and looked up by the map screen.
#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "cache/mbtiles.hpp"
#include "map/tile_cache_policy.hpp"
#include "map/tile_plan.hpp"
#include "platform/texture.hpp"
#include "screens/map_canvas.hpp"

namespace kiosk::app {

struct TileLoaded;

class TileTextures final : public screens::TileLookup {
  public:
    explicit TileTextures(std::size_t budgetBytes);

    // A new pack (or none): every texture of the old one goes.
    void resetPack(std::uint64_t generation, const std::optional<cache::MbtilesInfo>& info);
    std::uint64_t generation() const { return m_generation; }
    // Uploads a delivered tile (or remembers that the pack has none there).
    void accept(TileLoaded& tile);
    // After a frame: what it drew stays, the budget is enforced. Returns
    // how many textures were freed.
    int endFrame(std::uint64_t frame, const std::vector<map::TileKey>& drawn);
    // What the view wants and nobody has asked the worker for yet, or the
    // whole wish list when it changed; empty when nothing changed.
    std::optional<std::vector<map::TileKey>> requestsFor(const std::vector<map::TileKey>& wanted);

    // screens::TileLookup
    ImTextureID texture(const map::TileKey& key) const override;
    bool opaque(const map::TileKey& key) const override;
    bool hasPack() const override { return m_info.has_value(); }
    int minLevel() const override { return m_info ? m_info->minZoom : 0; }
    int maxLevel() const override { return m_info ? m_info->maxZoom : -1; }
    std::string_view attribution() const override { return m_info ? std::string_view(m_info->attribution) : std::string_view(); }
    void beginOpaque(ImDrawList* dl) const override;
    void endOpaque(ImDrawList* dl) const override;

    std::size_t bytes() const { return m_policy.bytes(); }
    std::size_t count() const { return m_textures.size(); }
    std::size_t budget() const { return m_budget; }
    std::size_t peakBytes() const { return m_peakBytes; }

  private:
    std::size_t m_budget;
    map::TileCachePolicy m_policy;
    std::uint64_t m_generation = 0;
    std::optional<cache::MbtilesInfo> m_info;
    struct Entry {
        platform::Texture texture;
        bool opaque = true;
    };
    std::map<map::TileKey, Entry> m_textures;
    std::set<map::TileKey> m_absent;      // the pack has no tile here (or it was unreadable)
    std::vector<map::TileKey> m_asked;    // the last list sent to the worker, not yet delivered
    std::size_t m_peakBytes = 0;
};

} // namespace kiosk::app
