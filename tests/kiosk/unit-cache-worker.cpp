// The kiosk's cache worker: it loads a catalog, notices a commit by another
// connection (PRAGMA data_version) and delivers the new snapshot, and runs
// searches with the latest query winning.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/cache_worker.hpp"
#include "fixture_records.hpp"
#include "ui_harness.hpp"

using namespace std::chrono_literals;
using kiosk::app::CacheWorker;
using kiosk::app::MainQueue;

namespace {

template <class T> std::optional<T> waitFor(MainQueue& q, std::chrono::milliseconds limit) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < until) {
        for (auto& m : q.takeAll())
            if (auto* t = std::get_if<T>(&m)) return std::move(*t);
        std::this_thread::sleep_for(5ms);
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("the worker reports a missing cache, then loads it once it appears") {
    const auto dir = uitest::makeTempDir();
    MainQueue q;
    CacheWorker worker(dir / "cache.sqlite", q, 50ms);
    const auto problem = waitFor<kiosk::app::CacheProblem>(q, 2000ms);
    REQUIRE(problem.has_value());
    CHECK(problem->message.find("does not exist yet") != std::string::npos);

    auto db = cache::openCacheForWriting(dir / "cache.sqlite");
    REQUIRE(db.ok());
    db->reset();
    const auto loaded = waitFor<kiosk::app::CatalogLoaded>(q, 3000ms);
    REQUIRE(loaded.has_value());
    CHECK(loaded->catalog->size(cache::Collection::Entities) == 0);
    std::filesystem::remove_all(dir);
}

TEST_CASE("a commit by the sync reaches the kiosk as a new catalog without a restart") {
    const auto dir = uitest::makeTempDir();
    const auto path = dir / "cache.sqlite";
    const auto write = [&](const std::string& features) {
        std::ofstream(dir / "entities.geojson") << R"({"type":"FeatureCollection","features":[)" << features << "]}";
        auto db = cache::openCacheForWriting(path);
        REQUIRE(db.ok());
        REQUIRE(feed::importGeoJsonFile(**db, dir / "entities.geojson").ok());
    };
    write(uitest::entityFeature("e-1", "Fundacja Pierwsza", "fundacja", "mokre", 18.63, 53.02, true));

    MainQueue q;
    CacheWorker worker(path, q, 50ms);
    const auto first = waitFor<kiosk::app::CatalogLoaded>(q, 3000ms);
    REQUIRE(first.has_value());
    CHECK(first->catalog->size(cache::Collection::Entities) == 1);

    // Nothing committed: no new snapshot arrives.
    CHECK_FALSE(waitFor<kiosk::app::CatalogLoaded>(q, 300ms).has_value());

    write(uitest::entityFeature("e-1", "Fundacja Pierwsza", "fundacja", "mokre", 18.63, 53.02, true) + "," +
          uitest::entityFeature("e-2", "Fundacja Druga", "fundacja", "mokre", 18.63, 53.02, true));
    const auto second = waitFor<kiosk::app::CatalogLoaded>(q, 3000ms);
    REQUIRE(second.has_value());
    CHECK(second->catalog->size(cache::Collection::Entities) == 2);
    CHECK(second->catalog->find(cache::Collection::Entities, "e-2") != nullptr);
    // The old snapshot is untouched: screens holding it keep working.
    CHECK(first->catalog->size(cache::Collection::Entities) == 1);
    std::filesystem::remove_all(dir);
}

TEST_CASE("searches run on the worker and carry the generation they were asked with") {
    MainQueue q;
    const auto dir = uitest::makeTempDir();
    {
        std::ofstream(dir / "entities.geojson") << R"({"type":"FeatureCollection","features":[)"
                                                << uitest::manyEntities() << "]}";
        auto db = cache::openCacheForWriting(dir / "cache.sqlite");
        REQUIRE(db.ok());
        REQUIRE(feed::importGeoJsonFile(**db, dir / "entities.geojson").ok());
    }
    CacheWorker worker(dir / "cache.sqlite", q, 50ms);
    REQUIRE(waitFor<kiosk::app::CatalogLoaded>(q, 3000ms).has_value());
    worker.requestSearch("lodz", 7);
    const auto done = waitFor<kiosk::app::SearchDone>(q, 3000ms);
    REQUIRE(done.has_value());
    CHECK(done->generation == 7);
    REQUIRE(done->results.groups.size() == 1);
    CHECK(done->results.groups[0].hits.at(0).id == "e-lodz");
    std::filesystem::remove_all(dir);
}
