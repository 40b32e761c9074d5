// pestor-demo-gen --set hostile, from the outside: the same bytes on every
// run, and the hostile cases the set promises are really in it.
#include <cstdlib>
#include <doctest/doctest.h>

#include "read_file.hpp"
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using demotest::readFile;

struct TempDir {
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "pestor-hostile-XXXXXX").string();
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    fs::path path;
};

int generate(const fs::path& out, const std::string& extra = "--set hostile") {
    const std::string command = std::string("\"") + PESTOR_DEMO_GEN + "\" --basemap \"" +
                                (fs::path(PESTOR_ASSETS_DIR) / "demo" / "basemap.geojson").string() + "\" --out \"" +
                                out.string() + "\" " + extra + " > /dev/null 2>&1";
    return std::system(command.c_str());
}

// Every regular file under `dir`, by relative path, with its bytes.
std::map<std::string, std::string> tree(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = readFile(e.path());
    return files;
}

std::size_t codePoints(const std::string& s) {
    std::size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::map<std::string, json> byId(const fs::path& file) {
    std::map<std::string, json> out;
    const json doc = json::parse(readFile(file));
    for (const json& f : doc.at("features")) out[f.at("id").get<std::string>()] = f;
    return out;
}

std::uint32_t be32(const std::string& s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

const fs::path& hostileRun() {
    static TempDir dir;
    static const int status = generate(dir.path);
    REQUIRE(status == 0);
    return dir.path;
}

} // namespace

TEST_CASE("hostile: two runs write the same files, byte for byte") {
    TempDir second;
    REQUIRE(generate(second.path) == 0);
    const auto a = tree(hostileRun()), b = tree(second.path);
    CHECK(a.size() == 16); // 9 collections + basemap + 6 images
    CHECK(a == b);
}

TEST_CASE("hostile: texts at the longest length validation allows, and one over it") {
    const auto entities = byId(hostileRun() / "entities.geojson");
    const json& longest = entities.at("hostile-longest").at("properties");
    for (const char* lang : {"pl", "en", "uk"}) {
        CAPTURE(lang);
        CHECK(codePoints(longest.at("name").at(lang).get<std::string>()) == 4000);
        CHECK(codePoints(longest.at("description").at(lang).get<std::string>()) == 4000);
    }
    CHECK(codePoints(longest.at("address").get<std::string>()) == 4000);
    CHECK(codePoints(entities.at("hostile-too-long").at("properties").at("name").get<std::string>()) == 4001);
    // A 4000-letter description without a single space.
    const std::string word = entities.at("hostile-long-word").at("properties").at("description").get<std::string>();
    CHECK(codePoints(word) == 4000);
    CHECK(word.find(' ') == std::string::npos);
}

TEST_CASE("hostile: combining marks, emoji with ZWJ and flags, Hebrew, Arabic, Ukrainian") {
    const auto entities = byId(hostileRun() / "entities.geojson");
    const auto name = [&](const char* id) { return entities.at(id).at("properties").at("name").dump(); };
    CHECK(name("hostile-combining").find("e\u0301") != std::string::npos);
    CHECK(name("hostile-emoji").find("👩\u200d👩\u200d👧\u200d👦") != std::string::npos); // ZWJ family
    CHECK(name("hostile-emoji").find("🇺🇦") != std::string::npos);                          // a flag
    CHECK(name("hostile-hebrew").find("שלום") != std::string::npos);
    CHECK(name("hostile-arabic").find("الأمل") != std::string::npos);
    const std::string uk = name("hostile-ukrainian");
    for (const char* letter : {"Є", "І", "Ї", "Ґ", "ʼ"}) {
        CAPTURE(letter);
        CHECK(uk.find(letter) != std::string::npos);
    }
}

TEST_CASE("hostile: out-of-area points, and 300 records at one address") {
    const auto entities = byId(hostileRun() / "entities.geojson");
    int outside = 0;
    std::map<std::string, int> atPoint;
    for (const auto& [id, f] : entities) {
        const json& c = f.at("geometry").at("coordinates");
        const double lon = c[0].get<double>(), lat = c[1].get<double>();
        if (lon < 18.40 || lon > 18.80 || lat < 52.93 || lat > 53.10) ++outside;
        ++atPoint[c.dump()];
    }
    CHECK(outside == 3);
    int largest = 0;
    for (const auto& [point, count] : atPoint) largest = std::max(largest, count);
    CHECK(largest >= 300);
}

TEST_CASE("hostile: missing, truncated and bomb images") {
    const fs::path media = hostileRun() / "media";
    const std::string bomb = readFile(media / "bomb.png");
    CHECK(bomb.size() < 100'000); // tiny on disk ...
    REQUIRE(bomb.size() > 24);
    CHECK(bomb.substr(12, 4) == "IHDR");
    CHECK(be32(bomb, 16) == 20000); // ... 400 megapixels declared
    CHECK(be32(bomb, 20) == 20000);
    const std::string png = readFile(media / "ok.png"), jpg = readFile(media / "ok.jpg");
    CHECK(readFile(media / "truncated.png") == png.substr(0, png.size() / 2));
    CHECK(readFile(media / "truncated.jpg") == jpg.substr(0, jpg.size() / 2));
    CHECK(jpg.starts_with("\xFF\xD8\xFF"));
    // Records name images by SHA-256 (64 hex digits), one by a file name.
    const auto entities = byId(hostileRun() / "entities.geojson");
    CHECK(entities.at("hostile-logo-bomb").at("properties").at("logo")[0].get<std::string>().size() == 64);
    CHECK(entities.at("hostile-logo-by-name").at("properties").at("logo")[0] == "brak-logo.png");
}

TEST_CASE("hostile: a wrong --set is refused, and the default set is still the demo") {
    TempDir dir;
    CHECK(generate(dir.path, "--set nasty") != 0);
    REQUIRE(generate(dir.path, "--set demo") == 0);
    CHECK(readFile(dir.path / "entities.geojson") ==
          readFile(fs::path(PESTOR_ASSETS_DIR) / "demo" / "entities.geojson"));
    CHECK_FALSE(fs::exists(dir.path / "media"));
}
