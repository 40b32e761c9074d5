// Checks pestor-demo-gen from the outside: it is run as a program, and every
// rule is re-implemented here rather than shared with the generator, so a bug
// in the generator's own check digits or point-in-polygon cannot hide itself.

#include <array>
#include <cstdlib>
#include <doctest/doctest.h>

#include "read_file.hpp"
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::array kGenerated = {"entities", "premises",      "equipment",
                                   "offers",   "demands",       "support_points",
                                   "events",   "announcements", "indicators"};

fs::path demoAssets() {
    return fs::path(PESTOR_ASSETS_DIR) / "demo";
}

using demotest::readFile;

json readJson(const fs::path& path) {
    return json::parse(readFile(path));
}

class TempDir {
  public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "pestor-demo-XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return m_path; }

  private:
    fs::path m_path;
};

int runGenerator(const fs::path& outDir, const std::string& extraArgs) {
    const std::string command = std::string("\"") + PESTOR_DEMO_GEN + "\" --basemap \"" +
                                (demoAssets() / "basemap.geojson").string() + "\" --out \"" +
                                outDir.string() + "\" " + extraArgs + " > /dev/null 2>&1";
    return std::system(command.c_str());
}

// The default run is shared by the cases (it is the expensive part).
const fs::path& defaultRun() {
    static TempDir dir;
    static const int status = runGenerator(dir.path(), "");
    REQUIRE(status == 0);
    return dir.path();
}

bool allDigits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

template <std::size_t N>
int weightedSum(const std::string& digits, const std::array<int, N>& weights) {
    int sum = 0;
    for (std::size_t i = 0; i < N; ++i)
        sum += (digits[i] - '0') * weights[i];
    return sum;
}

bool nipValid(const std::string& nip) {
    if (nip.size() != 10 || !allDigits(nip)) return false;
    const int check = weightedSum(nip, std::array{6, 5, 7, 2, 3, 4, 5, 6, 7}) % 11;
    return check != 10 && check == nip[9] - '0';
}

bool regonValid(const std::string& regon) {
    if (!allDigits(regon)) return false;
    if (regon.size() == 9)
        return weightedSum(regon, std::array{8, 9, 2, 3, 4, 5, 6, 7}) % 11 % 10 == regon[8] - '0';
    if (regon.size() == 14)
        return weightedSum(regon, std::array{2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8}) % 11 % 10 ==
               regon[13] - '0';
    return false;
}

struct Ring {
    std::vector<std::pair<double, double>> points;
    double minLon = 1e9, minLat = 1e9, maxLon = -1e9, maxLat = -1e9;
};

bool inBox(const Ring& ring, double lon, double lat) {
    return lon >= ring.minLon && lon <= ring.maxLon && lat >= ring.minLat && lat <= ring.maxLat;
}

bool inRing(const Ring& ring, double lon, double lat) {
    bool inside = false;
    const auto& p = ring.points;
    for (std::size_t i = 0, j = p.size() - 1; i < p.size(); j = i++) {
        const auto [xi, yi] = p[i];
        const auto [xj, yj] = p[j];
        if ((yi > lat) != (yj > lat) && lon < xj + (lat - yj) * (xi - xj) / (yi - yj))
            inside = !inside;
    }
    return inside;
}

// District key -> outer ring of its polygon in basemap.geojson.
std::map<std::string, Ring> districtRings() {
    std::map<std::string, Ring> rings;
    const json basemap = readJson(demoAssets() / "basemap.geojson");
    for (const auto& f : basemap.at("features")) {
        if (f.at("properties").at("layer") != "district") continue;
        std::string key = f.at("id").get<std::string>().substr(std::string("district-").size());
        for (auto& c : key)
            if (c == '-') c = '_';
        REQUIRE(f.at("geometry").at("type") == "Polygon");
        Ring ring;
        for (const auto& pos : f.at("geometry").at("coordinates").at(0)) {
            const double lon = pos.at(0).get<double>();
            const double lat = pos.at(1).get<double>();
            ring.points.emplace_back(lon, lat);
            ring.minLon = std::min(ring.minLon, lon);
            ring.maxLon = std::max(ring.maxLon, lon);
            ring.minLat = std::min(ring.minLat, lat);
            ring.maxLat = std::max(ring.maxLat, lat);
        }
        rings.emplace(key, std::move(ring));
    }
    return rings;
}

} // namespace

TEST_CASE("demo: the check-digit rules of this test accept and reject known numbers") {
    CHECK(nipValid("1234563218"));
    CHECK_FALSE(nipValid("1234563217"));
    CHECK(regonValid("123456785"));
    CHECK_FALSE(regonValid("123456784"));
    CHECK(regonValid("12345678512347"));
    CHECK_FALSE(regonValid("12345678512346"));
}

TEST_CASE("demo: generated files are byte-identical to the committed assets/demo") {
    for (const auto* name : kGenerated) {
        const std::string file = std::string(name) + ".geojson";
        CAPTURE(file);
        const std::string fresh = readFile(defaultRun() / file);
        const std::string committed = readFile(demoAssets() / file);
        // Regenerate with: pestor-demo-gen --basemap assets/demo/basemap.geojson --out assets/demo
        CHECK_MESSAGE(fresh == committed, file << " drifted from the generator");
    }
}

TEST_CASE("demo: collections have the seed platform's sizes and a collection member") {
    const std::map<std::string, std::size_t> expected = {
        {"entities", 207}, {"premises", 85}, {"equipment", 43}, {"offers", 42}, {"demands", 36}};
    for (const auto* name : kGenerated) {
        const json doc = readJson(defaultRun() / (std::string(name) + ".geojson"));
        CAPTURE(name);
        CHECK(doc.at("type") == "FeatureCollection");
        CHECK(doc.at("collection") == name);
        CHECK_FALSE(doc.at("features").empty());
        if (const auto it = expected.find(name); it != expected.end())
            CHECK(doc.at("features").size() == it->second);
    }
}

TEST_CASE("demo: every NIP and REGON of an entity passes its checksum") {
    const json doc = readJson(defaultRun() / "entities.geojson");
    int nips = 0;
    int regons14 = 0;
    for (const auto& f : doc.at("features")) {
        const auto& p = f.at("properties");
        CAPTURE(f.at("id").get<std::string>());
        if (p.contains("nip")) {
            CHECK(nipValid(p.at("nip").get<std::string>()));
            ++nips;
        }
        if (p.contains("regon")) {
            const auto regon = p.at("regon").get<std::string>();
            CHECK(regonValid(regon));
            if (regon.size() == 14) {
                ++regons14;
                CHECK(regon.substr(9) != "00000");
            }
        }
    }
    CHECK(nips > 100);
    CHECK(regons14 > 0);
}

TEST_CASE("demo: every point lies in its district's polygon") {
    const auto rings = districtRings();
    REQUIRE(rings.size() == 18);
    int checked = 0;
    for (const auto* name : kGenerated) {
        const json doc = readJson(defaultRun() / (std::string(name) + ".geojson"));
        for (const auto& f : doc.at("features")) {
            const auto& g = f.at("geometry");
            if (g.is_null()) continue;
            CAPTURE(f.at("id").get<std::string>());
            REQUIRE(g.at("type") == "Point");
            REQUIRE(f.at("properties").contains("district"));
            const auto key = f.at("properties").at("district").get<std::string>();
            REQUIRE(rings.count(key) == 1);
            const double lon = g.at("coordinates").at(0).get<double>();
            const double lat = g.at("coordinates").at(1).get<double>();
            CHECK(inBox(rings.at(key), lon, lat));
            CHECK(inRing(rings.at(key), lon, lat));
            ++checked;
        }
    }
    CHECK(checked > 300);
}

TEST_CASE("demo: all Polish lowercase diacritics appear in the data") {
    std::string all;
    for (const auto* name : kGenerated)
        all += readFile(defaultRun() / (std::string(name) + ".geojson"));
    for (const char* letter : {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"}) {
        CAPTURE(letter);
        CHECK(all.find(letter) != std::string::npos);
    }
}

TEST_CASE("demo: --entities 10000 gives 10000 unique ids and leaves the rest unchanged") {
    TempDir dir;
    REQUIRE(runGenerator(dir.path(), "--entities 10000") == 0);
    const json doc = readJson(dir.path() / "entities.geojson");
    std::set<std::string> ids;
    for (const auto& f : doc.at("features"))
        ids.insert(f.at("id").get<std::string>());
    CHECK(doc.at("features").size() == 10000);
    CHECK(ids.size() == 10000);
    // Other collections refer to the first 207 entities only.
    CHECK(readFile(dir.path() / "offers.geojson") == readFile(defaultRun() / "offers.geojson"));
}

TEST_CASE("demo: bad arguments are refused") {
    TempDir dir;
    CHECK(runGenerator(dir.path(), "--today 2026-02-30") != 0);
    CHECK(runGenerator(dir.path(), "--entities 0") != 0);
    CHECK(runGenerator(dir.path(), "--no-such-flag 1") != 0);
}
