// Tile texture cache bookkeeping: budget, LRU order, current-frame protection.
#include "map/tile_cache_policy.hpp"

#include <doctest/doctest.h>

using namespace kiosk::map;

namespace {
TileKey key(int i) {
    return {15, 18000 + i, 10600};
}
} // namespace

TEST_CASE("insertions within budget evict nothing; bytes and count add up") {
    TileCachePolicy cache(1000);
    cache.beginFrame(1);
    for (int i = 0; i < 4; ++i)
        cache.inserted(key(i), 250);
    CHECK(cache.bytes() == 1000);
    CHECK(cache.count() == 4);
    CHECK(cache.evictions().empty());
    CHECK_FALSE(cache.overBudget());
    CHECK(cache.contains(key(2)));
    CHECK_FALSE(cache.contains(key(9)));
    // Replacing a tile's texture updates its size, not the count.
    cache.inserted(key(2), 100);
    CHECK(cache.bytes() == 850);
    CHECK(cache.count() == 4);
    cache.erase(key(2));
    CHECK(cache.bytes() == 750);
    CHECK_FALSE(cache.contains(key(2)));
    cache.erase(key(2)); // unknown: no effect
    CHECK(cache.count() == 3);
}

TEST_CASE("over budget: the least recently used go first, until within budget") {
    TileCachePolicy cache(500);
    for (int i = 0; i < 10; ++i) { // one tile per frame: 0 is the oldest
        cache.beginFrame(static_cast<std::uint64_t>(i + 1));
        cache.inserted(key(i), 100);
    }
    cache.beginFrame(20);
    // Tiles 0 and 1 drawn again: now the most recent.
    cache.markUsed(key(0));
    cache.markUsed(key(1));
    const auto out = cache.evictions();
    CHECK(out == std::vector<TileKey>{key(2), key(3), key(4), key(5), key(6)});
    CHECK(cache.bytes() == 500);
    CHECK_FALSE(cache.overBudget());
    for (const TileKey& k : out)
        CHECK_FALSE(cache.contains(k));
    CHECK(cache.contains(key(0)));
    CHECK(cache.contains(key(9)));
    CHECK(cache.evictions().empty()); // nothing more to do
}

TEST_CASE("a tile used in the current frame is never evicted, even over budget") {
    TileCachePolicy cache(300);
    cache.beginFrame(1);
    for (int i = 0; i < 6; ++i)
        cache.inserted(key(i), 100); // inserted = used this frame
    CHECK(cache.evictions().empty());
    CHECK(cache.overBudget());
    CHECK(cache.bytes() == 600);

    cache.beginFrame(2);
    cache.markUsed(key(4));
    cache.markUsed(key(1));
    const auto out = cache.evictions();
    CHECK(out.size() == 3);
    for (const TileKey& k : out) {
        CHECK(k != key(4));
        CHECK(k != key(1));
    }
    CHECK(cache.contains(key(4)));
    CHECK(cache.contains(key(1)));
    CHECK(cache.bytes() == 300);

    cache.beginFrame(3);
    for (int i = 10; i < 14; ++i)
        cache.markUsed(key(i)); // unknown keys: ignored
    cache.markUsed(key(4));
    cache.markUsed(key(1));
    cache.inserted(key(20), 200);
    const auto more = cache.evictions();
    // Only the one tile not used this frame can go; still over budget after.
    CHECK(more.size() == 1);
    CHECK(cache.overBudget());
    CHECK(cache.count() == 3);
}

TEST_CASE("markUsed refreshes recency: the eviction order follows use, not insertion") {
    TileCachePolicy cache(200);
    cache.beginFrame(1);
    cache.inserted(key(0), 100);
    cache.inserted(key(1), 100);
    cache.inserted(key(2), 100);
    cache.beginFrame(2);
    cache.markUsed(key(2));
    cache.markUsed(key(0)); // order now (old -> new): 1, 2, 0
    cache.beginFrame(3);
    cache.setBudget(0);
    CHECK(cache.evictions() == std::vector<TileKey>{key(1), key(2), key(0)});
    CHECK(cache.count() == 0);
    CHECK(cache.bytes() == 0);
}
