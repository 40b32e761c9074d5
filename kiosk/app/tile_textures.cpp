#include "tile_textures.hpp"

#include <algorithm>

#include "main_queue.hpp"

namespace kiosk::app {

TileTextures::TileTextures(std::size_t budgetBytes) : m_budget(budgetBytes), m_policy(budgetBytes) {}

void TileTextures::resetPack(std::uint64_t generation, const std::optional<cache::MbtilesInfo>& info) {
    m_generation = generation;
    m_info = info;
    for (const auto& [key, tex] : m_textures) m_policy.erase(key);
    m_textures.clear();
    m_absent.clear();
    m_asked.clear();
}

void TileTextures::accept(TileLoaded& tile) {
    if (tile.generation != m_generation) return; // from a pack no longer shown
    std::erase(m_asked, tile.key);
    if (tile.tile.rgba.empty()) {
        m_absent.insert(tile.key);
        return;
    }
    platform::Texture tex = platform::Texture::fromRgba(tile.tile.rgba, tile.tile.width, tile.tile.height);
    if (!tex) {
        m_absent.insert(tile.key);
        return;
    }
    m_policy.inserted(tile.key, tex.bytes());
    m_textures.insert_or_assign(tile.key, Entry{std::move(tex), tile.tile.opaque});
    // Within budget at once, not only after the frame: many tiles may arrive
    // between two frames. Tiles the last frame drew are never evicted.
    for (const map::TileKey& k : m_policy.evictions()) m_textures.erase(k);
    m_peakBytes = std::max(m_peakBytes, m_policy.bytes());
}

int TileTextures::endFrame(std::uint64_t frame, const std::vector<map::TileKey>& drawn) {
    m_policy.beginFrame(frame);
    for (const map::TileKey& k : drawn) m_policy.markUsed(k);
    int freed = 0;
    for (const map::TileKey& k : m_policy.evictions()) {
        m_textures.erase(k);
        ++freed;
    }
    return freed;
}

std::optional<std::vector<map::TileKey>> TileTextures::requestsFor(const std::vector<map::TileKey>& wanted) {
    std::vector<map::TileKey> list;
    for (const map::TileKey& k : wanted)
        if (!m_textures.count(k) && !m_absent.count(k)) list.push_back(k);
    if (list == m_asked) return std::nullopt;
    m_asked = list;
    return list;
}

void TileTextures::beginOpaque(ImDrawList* dl) const { dl->AddCallback(platform::disableBlendingCallback(), nullptr); }

// ImGui's own callback value: the renderer restores its whole state.
void TileTextures::endOpaque(ImDrawList* dl) const { dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr); }

ImTextureID TileTextures::texture(const map::TileKey& key) const {
    const auto it = m_textures.find(key);
    return it == m_textures.end() ? nullptr : it->second.texture.imguiId();
}

bool TileTextures::opaque(const map::TileKey& key) const {
    const auto it = m_textures.find(key);
    return it != m_textures.end() && it->second.opaque;
}

} // namespace kiosk::app
