// Map benchmark: the real kiosk at 1920x1080 under Xvfb with Mesa's
// software GL, 10k entity markers (plus the demo's other layers), raster
// tiles from a GDAL-made MBTiles pack, a scripted tour of pans, flings,
// pinches and double taps. Prints frame-time percentiles, texture memory
// against its budget, and the frames drawn while nothing changes. A
// program that prints figures, not a test: shared machines are noisy.
//
//   pestor-bench-map [--entities N] [--tile-memory MB] [--no-tiles] [--keep DIR]
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "bench_support.hpp"
#include "cache/cache_db.hpp"
#include "feed/importer.hpp"
#include "support/gdal_tiles.hpp"
#include "support/process.hpp"

namespace fs = std::filesystem;

namespace {

struct Args {
    int entities = 10000;
    int tileMemoryMb = 64;
    bool tiles = true;
    fs::path keep;
};

Args parse(int argc, char** argv) {
    Args a;
    for (int i = 1; i < argc; ++i) {
        const std::string s = argv[i];
        const auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "pestor-bench-map: " << s << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (s == "--entities") a.entities = std::stoi(next());
        else if (s == "--tile-memory") a.tileMemoryMb = std::stoi(next());
        else if (s == "--no-tiles") a.tiles = false;
        else if (s == "--keep") a.keep = next();
        else {
            std::cerr << "usage: pestor-bench-map [--entities N] [--tile-memory MB] [--no-tiles] [--keep DIR]\n";
            std::exit(2);
        }
    }
    return a;
}

// About 12 s of use: open the map, pan, fling, pinch in and out, double
// tap, two-finger tap; the map panel on the right lists what is in view.
std::string tourScript() {
    std::string s = "tap 1690 250\nwait 400\n";
    for (int i = 0; i < 2; ++i) {
        s += "touch-drag 500 500 900 650 600\n";
        s += "fling 900 600 400 450 150\nwait 800\n";
        s += "pinch 690 560 150 450 600\nwait 300\n";
        s += "touch-drag 700 400 300 700 700\n";
        s += "double-tap 690 560\nwait 400\n";
        s += "fling 300 700 1100 300 120\nwait 900\n";
        s += "pinch 690 560 500 120 600\nwait 300\n";
        s += "two-finger-tap 690 560\nwait 400\n";
        s += "touch-drag 300 300 1200 900 800\n";
    }
    s += "wait 500\n";
    return s;
}

} // namespace

int main(int argc, char** argv) {
    const Args args = parse(argc, argv);
    const bench::WorkDir work("pestor-bench-map-",
                              args.keep.empty() ? std::nullopt : std::optional<fs::path>(args.keep), false);
    const fs::path& dir = work.path();
    try {
        // Data: the demo generator at the requested size, imported.
        testsupport::runOrThrow({PESTOR_DEMO_GEN, "--basemap", std::string(PESTOR_ASSETS_DIR) + "/demo/basemap.geojson",
                                 "--out", (dir / "demo").string(), "--entities", std::to_string(args.entities)});
        fs::copy_file(fs::path(PESTOR_ASSETS_DIR) / "demo" / "basemap.geojson", dir / "demo" / "basemap.geojson",
                      fs::copy_options::overwrite_existing);
        const fs::path cachePath = dir / "cache.sqlite";
        {
            auto db = cache::openCacheForWriting(cachePath);
            if (!db) throw std::runtime_error(db.error().message);
            for (const auto& e : fs::directory_iterator(dir / "demo")) {
                if (e.path().extension() != ".geojson") continue;
                auto r = feed::importGeoJsonFile(**db, e.path());
                if (!r) throw std::runtime_error(r.error().message);
            }
        }
        std::vector<std::string> extra;
        if (args.tiles) {
            std::cout << "making a raster MBTiles pack with GDAL (zoom up to ~15)...\n" << std::flush;
            const auto pack = testsupport::makeGdalTilePack(dir / "gdal", 18.44, 52.95, 18.78, 53.08, 8, 6, 24000.0, "PNG", 5);
            extra = {"--tiles", pack.mbtiles.string()};
            std::cout << "tiles: zoom " << pack.minZoom << ".." << pack.maxZoom << "\n";
        }
        const fs::path scriptPath = dir / "tour.txt";
        std::ofstream(scriptPath) << tourScript();
        const fs::path statsPath = dir / "stats.json";
        std::vector<std::string> cmd{"xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", PESTOR_KIOSK_BIN,
                                     "--cache", cachePath.string(), "--assets", PESTOR_ASSETS_DIR,
                                     "--size", "1920x1080", "--script", scriptPath.string(),
                                     "--screenshots", dir.string(), "--stats", statsPath.string(),
                                     "--tile-memory", std::to_string(args.tileMemoryMb)};
        cmd.insert(cmd.end(), extra.begin(), extra.end());
        setenv("LIBGL_ALWAYS_SOFTWARE", "1", 1);
        const auto run = testsupport::runProcess(cmd);
        if (run.exitCode != 0) throw std::runtime_error("kiosk failed:\n" + run.output);

        nlohmann::json st;
        std::ifstream(statsPath) >> st;
        const auto& f = st.at("frame_ms");
        const auto& t = st.at("tile_textures");
        const auto& idle = st.at("idle_probe");
        std::printf("pestor-bench-map: %d entities, 1920x1080, Xvfb + llvmpipe%s\n", args.entities,
                    args.tiles ? ", GDAL tiles" : ", vector base map only");
        std::printf("  frames (scripted): %d\n", st.at("scripted_frames").get<int>());
        std::printf("  frame time ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (goal p99 < 16.7)\n", f.at("p50").get<double>(),
                    f.at("p90").get<double>(), f.at("p99").get<double>(), f.at("max").get<double>());
        std::printf("    of which building the frame (input, layout, draw lists): p50 %.2f  p99 %.2f;\n"
                    "    the rest is rendering and the buffer swap (software GL rasterises there)\n",
                    st.at("ui_ms").at("p50").get<double>(), st.at("ui_ms").at("p99").get<double>());
        std::printf("  tile textures: peak %.1f MiB of a %.1f MiB budget, at most %d textures\n",
                    t.at("peak_bytes").get<double>() / 1048576.0, t.at("budget_bytes").get<double>() / 1048576.0,
                    t.at("max_count").get<int>());
        std::printf("  idle: %d frames drawn in %.1f s with nothing changing (goal 0)\n",
                    idle.at("frames_drawn").get<int>(), idle.at("seconds").get<double>());
    } catch (const std::exception& e) {
        std::cerr << "pestor-bench-map: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
