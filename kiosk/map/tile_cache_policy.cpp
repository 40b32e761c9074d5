#include "tile_cache_policy.hpp"

namespace kiosk::map {

void TileCachePolicy::touch(Entry& e) {
    e.lastUsed = m_frame;
    m_order.splice(m_order.begin(), m_order, e.pos);
}

void TileCachePolicy::markUsed(const TileKey& key) {
    if (auto it = m_entries.find(key); it != m_entries.end()) touch(it->second);
}

void TileCachePolicy::inserted(const TileKey& key, std::size_t bytes) {
    if (auto it = m_entries.find(key); it != m_entries.end()) {
        m_bytes = m_bytes - it->second.bytes + bytes;
        it->second.bytes = bytes;
        touch(it->second);
        return;
    }
    m_order.push_front(key);
    m_entries.emplace(key, Entry{bytes, m_frame, m_order.begin()});
    m_bytes += bytes;
}

std::vector<TileKey> TileCachePolicy::evictions() {
    std::vector<TileKey> out;
    while (m_bytes > m_budget && !m_order.empty()) {
        const TileKey key = m_order.back();
        auto it = m_entries.find(key);
        // Every use moves a tile to the front, so once the oldest was used
        // this frame, all of them were.
        if (it->second.lastUsed == m_frame) break;
        m_bytes -= it->second.bytes;
        m_order.pop_back();
        m_entries.erase(it);
        out.push_back(key);
    }
    return out;
}

void TileCachePolicy::erase(const TileKey& key) {
    auto it = m_entries.find(key);
    if (it == m_entries.end()) return;
    m_bytes -= it->second.bytes;
    m_order.erase(it->second.pos);
    m_entries.erase(it);
}

void TileCachePolicy::clear() {
    m_entries.clear();
    m_order.clear();
    m_bytes = 0;
}

} // namespace kiosk::map
