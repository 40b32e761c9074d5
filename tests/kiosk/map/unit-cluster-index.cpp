// Marker clustering: conservation, stability, split zooms, duplicates, speed.
#include "map/camera.hpp"
#include "map/cluster_index.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <doctest/doctest.h>
#include <map>
#include <random>
#include <set>

using namespace kiosk::map;

namespace {

const WorldRect kCity = projectBox(18.46, 52.96, 18.76, 53.07);
const WorldRect kWorld{0, 0, 256, 256};

// Deterministic points over the city, denser towards the Old Town.
std::vector<MapPoint> cityPoints(std::size_t n, std::uint32_t seed = 42) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    const WorldPoint oldTown = project({18.6047, 53.0103});
    std::vector<MapPoint> pts;
    pts.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        WorldPoint p;
        if (i % 3 == 0) { // a third clustered around the Old Town
            p = {oldTown.x + (u(rng) - 0.5) * 0.01, oldTown.y + (u(rng) - 0.5) * 0.006};
        } else {
            p = {kCity.minX + u(rng) * (kCity.maxX - kCity.minX),
                 kCity.minY + u(rng) * (kCity.maxY - kCity.minY)};
        }
        pts.push_back({p, static_cast<std::uint32_t>(1000 + i)}); // record indices != positions
    }
    return pts;
}

std::vector<std::uint32_t> membersOf(const ClusterIndex& index, const MapItem& item) {
    if (!item.isCluster()) return {item.index};
    return index.members(item.index);
}

} // namespace

TEST_CASE("counts add up to the number of points at every zoom, and every point appears once") {
    const auto pts = cityPoints(3000);
    const ClusterIndex index(pts);
    for (double zoom = 8.0; zoom <= 21.0; zoom += 0.5) {
        CAPTURE(zoom);
        const auto items = index.query(kWorld, zoom);
        std::uint64_t total = 0;
        std::set<std::uint32_t> seen;
        for (const MapItem& it : items) {
            total += it.count;
            const auto m = membersOf(index, it);
            CHECK(m.size() == it.count);
            for (std::uint32_t r : m)
                CHECK(seen.insert(r).second);
        }
        CHECK(total == pts.size());
        CHECK(seen.size() == pts.size());
    }
    // Clustering actually happens at low zoom, and not above maxZoom.
    CHECK(index.query(kWorld, 12).size() < 300);
    CHECK(index.query(kWorld, 19).size() == pts.size());
    CHECK(index.levelFor(5.0) == 10);
    CHECK(index.levelFor(13.99) == 13);
    CHECK(index.levelFor(30.0) == 19);
}

TEST_CASE("a cluster's position is its members' centroid and its extent bounds them") {
    const auto pts = cityPoints(2000);
    std::map<std::uint32_t, WorldPoint> byRecord;
    for (const MapPoint& p : pts)
        byRecord[p.index] = p.world;
    const ClusterIndex index(pts);
    int clusters = 0;
    for (const MapItem& it : index.query(kWorld, 13)) {
        if (!it.isCluster()) continue;
        ++clusters;
        double sx = 0, sy = 0;
        for (std::uint32_t r : index.members(it.index)) {
            sx += byRecord[r].x;
            sy += byRecord[r].y;
            CHECK(it.extent.contains(byRecord[r]));
        }
        CHECK(it.world.x == doctest::Approx(sx / it.count).epsilon(1e-12));
        CHECK(it.world.y == doctest::Approx(sy / it.count).epsilon(1e-12));
        CHECK(index.cluster(it.index).count == it.count);
    }
    CHECK(clusters > 10);
    CHECK(index.members(999999).empty());
    CHECK(index.cluster(999999).count == 0);
}

TEST_CASE("clusters are stable while panning: overlapping views show the same items") {
    const ClusterIndex index(cityPoints(5000));
    for (double zoom : {11.3, 13.0, 14.6, 16.2}) {
        CAPTURE(zoom);
        Camera cam{project({18.6047, 53.0103}), zoom, 1920, 1080};
        const WorldRect a = cam.visibleWorld();
        cam.centre.x += 700 / cam.scale(); // pan 700 px right and 300 px down
        cam.centre.y += 300 / cam.scale();
        const WorldRect b = cam.visibleWorld();
        const WorldRect overlap{std::max(a.minX, b.minX), std::max(a.minY, b.minY),
                                std::min(a.maxX, b.maxX), std::min(a.maxY, b.maxY)};
        auto inOverlap = [&](const WorldRect& area) {
            std::vector<std::tuple<std::uint32_t, std::uint32_t, double, double>> out;
            for (const MapItem& it : index.query(area, zoom))
                if (overlap.contains(it.world))
                    out.emplace_back(it.count, it.index, it.world.x, it.world.y);
            return out;
        };
        const auto fromA = inOverlap(a);
        const auto fromB = inOverlap(b);
        CHECK(!fromA.empty());
        CHECK(fromA == fromB); // same items, same order
        // Any area query returns exactly the whole-world items that lie in it.
        std::size_t expected = 0;
        for (const MapItem& it : index.query(kWorld, zoom))
            expected += a.contains(it.world) ? 1 : 0;
        CHECK(index.query(a, zoom).size() == expected);
    }
}

TEST_CASE("splitZoom: one item at splitZoom - 1, two or more at splitZoom") {
    const ClusterIndex index(cityPoints(3000));
    int checked = 0;
    for (double zoom : {10.0, 12.0, 14.0, 16.0, 18.0}) {
        int perZoom = 0;
        for (const MapItem& c : index.query(kWorld, zoom)) {
            if (!c.isCluster() || ++perZoom > 12) continue;
            const auto members = index.members(c.index);
            const std::set<std::uint32_t> memberSet(members.begin(), members.end());
            CHECK(c.splitZoom > zoom);
            CHECK(c.splitZoom <= index.params().maxZoom + 1);
            // At splitZoom - 1 the cluster is still one item (the same one).
            int holding = 0;
            for (const MapItem& it : index.query(kWorld, c.splitZoom - 1)) {
                const auto m = membersOf(index, it);
                const bool overlaps = std::any_of(
                    m.begin(), m.end(), [&](std::uint32_t r) { return memberSet.count(r); });
                if (!overlaps) continue;
                ++holding;
                CHECK(it.index == c.index);
                CHECK(it.count == c.count);
            }
            CHECK(holding == 1);
            // At splitZoom its members come back as >= 2 items holding nothing else.
            std::size_t parts = 0, covered = 0;
            for (const MapItem& it : index.query(kWorld, c.splitZoom)) {
                const auto m = membersOf(index, it);
                const auto inside = std::count_if(
                    m.begin(), m.end(), [&](std::uint32_t r) { return memberSet.count(r); });
                if (inside == 0) continue;
                CHECK(static_cast<std::size_t>(inside) == m.size());
                ++parts;
                covered += m.size();
            }
            CHECK(parts >= 2);
            CHECK(covered == members.size());
            ++checked;
        }
    }
    CHECK(checked > 20);
}

TEST_CASE(
    "points at one position cluster up to maxZoom and come back individually at maxZoom + 1") {
    std::vector<MapPoint> pts;
    const WorldPoint address = project({18.6047, 53.0103});
    for (std::uint32_t i = 0; i < 5; ++i)
        pts.push_back({address, 70 + i});
    pts.push_back({project({18.70, 53.05}), 99}); // somewhere else
    const ClusterIndex index(pts, {60, 10, 18});

    const auto at18 = index.query(kWorld, 18.7);
    REQUIRE(at18.size() == 2);
    const MapItem& same = at18[0].isCluster() ? at18[0] : at18[1];
    CHECK(same.count == 5);
    CHECK(same.splitZoom == 19);
    CHECK(same.extent.minX == same.extent.maxX); // a single spot
    CHECK(index.members(same.index) == std::vector<std::uint32_t>{70, 71, 72, 73, 74});

    const auto at19 = index.query(kWorld, 19.0);
    REQUIRE(at19.size() == 6);
    std::vector<std::uint32_t> records;
    for (const MapItem& it : at19) {
        CHECK(it.count == 1);
        CHECK(it.splitZoom == 0);
        records.push_back(it.index);
    }
    std::sort(records.begin(), records.end());
    CHECK(records == std::vector<std::uint32_t>{70, 71, 72, 73, 74, 99});
    // Zooming further shows the same.
    CHECK(index.query(kWorld, 22.0).size() == 6);
}

TEST_CASE("an empty index and a single point") {
    const ClusterIndex empty(std::vector<MapPoint>{});
    CHECK(empty.query(kWorld, 13).empty());
    const ClusterIndex single(std::vector<MapPoint>{{project({18.6, 53.0}), 7}});
    for (double z : {3.0, 10.0, 15.0, 19.0, 25.0}) {
        const auto items = single.query(kWorld, z);
        REQUIRE(items.size() == 1);
        CHECK(items[0].index == 7);
        CHECK(items[0].count == 1);
    }
}

TEST_CASE("timing: build and query 10k points (printed, not asserted)") {
    const auto pts = cityPoints(10000, 7);
    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    const ClusterIndex first(pts);
    const auto t1 = Clock::now();
    const ClusterIndex index(pts); // warm: allocator and caches primed
    const auto t2 = Clock::now();
    std::printf(
        "[cluster] build 10k points, zoom 10..19: %.2f ms cold, %.2f ms warm, %zu clusters\n",
        std::chrono::duration<double, std::milli>(t1 - t0).count(),
        std::chrono::duration<double, std::milli>(t2 - t1).count(), index.clusterCount());
    CHECK(first.clusterCount() == index.clusterCount()); // deterministic
    std::vector<MapItem> out;
    for (double zoom : {11.0, 13.0, 15.0, 17.0, 19.0}) {
        Camera cam{project({18.6047, 53.0103}), zoom, 1920, 1080};
        WorldRect area = cam.visibleWorld();
        const double pad = 40 / cam.scale();
        area = {area.minX - pad, area.minY - pad, area.maxX + pad, area.maxY + pad};
        constexpr int kRuns = 200;
        const auto q0 = Clock::now();
        for (int i = 0; i < kRuns; ++i)
            index.query(area, zoom, out);
        const auto q1 = Clock::now();
        std::printf("[cluster] query 1920x1080 at zoom %4.1f: %7.4f ms, %zu items\n", zoom,
                    std::chrono::duration<double, std::milli>(q1 - q0).count() / kRuns, out.size());
        CHECK(!out.empty());
    }
}
