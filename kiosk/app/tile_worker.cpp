#include "tile_worker.hpp"

#include <algorithm>

#include "cache/mbtiles.hpp"
#include "tile_decoder.hpp"

namespace kiosk::app {

TileWorker::TileWorker(MainQueue& queue) : m_queue(queue), m_thread([this](std::stop_token st) { run(st); }) {}

TileWorker::~TileWorker() {
    m_thread.request_stop();
    m_wake.notify_all();
}

void TileWorker::openPack(TilePackSource source, std::uint64_t generation) {
    {
        std::lock_guard lock(m_mutex);
        m_pendingPack.emplace(std::move(source), generation);
        m_pending.clear();
    }
    m_wake.notify_all();
}

void TileWorker::request(std::vector<map::TileKey> keys, std::uint64_t generation) {
    std::reverse(keys.begin(), keys.end());
    {
        std::lock_guard lock(m_mutex);
        m_pending = std::move(keys);
        m_pendingGeneration = generation;
    }
    m_wake.notify_all();
}

void TileWorker::run(std::stop_token stop) {
    std::optional<cache::MbtilesReader> reader;
    std::uint64_t packGeneration = 0;
    while (!stop.stop_requested()) {
        std::optional<std::pair<TilePackSource, std::uint64_t>> pack;
        std::optional<map::TileKey> key;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, stop, [&] { return m_pendingPack.has_value() || !m_pending.empty(); });
            if (stop.stop_requested()) break;
            if (m_pendingPack) {
                pack.swap(m_pendingPack);
            } else if (m_pendingGeneration == packGeneration) {
                key = m_pending.back();
                m_pending.pop_back();
            } else {
                m_pending.clear(); // asked for under another pack
            }
        }
        if (pack) {
            reader.reset();
            packGeneration = pack->second;
            TilePackStatus status{packGeneration, {}, {}};
            if (!pack->first.path.empty()) {
                auto opened = cache::MbtilesReader::open(pack->first.path, pack->first.immutable
                                                                               ? cache::MbtilesOpenMode::Immutable
                                                                               : cache::MbtilesOpenMode::ReadOnly);
                if (opened) {
                    status.info = opened->info();
                    reader.emplace(std::move(opened).value());
                } else {
                    status.problem = opened.error().message;
                }
            }
            m_queue.push(std::move(status));
            continue;
        }
        if (!key || !reader) continue;
        TileLoaded loaded{packGeneration, *key, {}, {}};
        auto bytes = reader->tile(key->z, key->x, key->y);
        if (!bytes) {
            loaded.problem = bytes.error().message;
        } else if (*bytes) {
            auto decoded = decodeTile(**bytes);
            if (decoded) loaded.tile = std::move(decoded).value();
            else loaded.problem = decoded.error().message;
        }
        m_queue.push(std::move(loaded));
    }
}

} // namespace kiosk::app
