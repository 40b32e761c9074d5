#pragma once
// A cache holding the bundled demo data (assets/demo), imported the way
// pestor-sync imports, for tests that run the real kiosk on it.
#include <doctest/doctest.h>

#include <filesystem>

#include "cache/cache_db.hpp"
#include "feed/importer.hpp"

namespace shots {

inline void importDemoData(const std::filesystem::path& cachePath) {
    auto db = cache::openCacheForWriting(cachePath);
    REQUIRE(db.ok());
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(PESTOR_ASSETS_DIR) / "demo")) {
        if (entry.path().extension() != ".geojson") continue;
        auto report = feed::importGeoJsonFile(**db, entry.path());
        REQUIRE_MESSAGE(report.ok(), report.error().message);
        CHECK_MESSAGE(report->problems.empty(), entry.path().filename().string());
    }
}

} // namespace shots
