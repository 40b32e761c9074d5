// The built pestor-sync binary: import, search, show and status print JSON
// lines; exit codes are 0 (ok), 1 (done with problems), 2 (failure/usage).
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cache/schema.hpp"
#include "test_support.hpp"

using nlohmann::json;
using pestor_test::fixture;

namespace {

struct Run {
    int exitCode = -1;
    std::string out;         // stdout
    std::vector<json> lines; // stdout, one JSON value per line (when asked for)
    std::string err;         // stderr
};

std::string shellQuote(std::string_view s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'') out += "'\\''";
        else out += c;
    }
    return out + "'";
}

// Runs pestor-sync with `args`; unless `plainText`, stdout must be JSON lines.
Run runSync(const pestor_test::TempDir& dir, const std::vector<std::string>& args, bool plainText = false) {
    std::string cmd = shellQuote(PESTOR_SYNC_EXE);
    for (const auto& a : args) cmd += " " + shellQuote(a);
    const auto errPath = dir / "stderr.txt";
    cmd += " 2>" + shellQuote(errPath.string());

    Run run;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE_MESSAGE(pipe != nullptr, "cannot run " << cmd);
    std::string out;
    char buf[4096];
    while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
    const int status = ::pclose(pipe);
    REQUIRE(WIFEXITED(status));
    run.exitCode = WEXITSTATUS(status);
    run.err = pestor_test::readFile(errPath);
    run.out = out;
    if (plainText) return run;

    std::size_t start = 0;
    while (start < out.size()) {
        const std::size_t end = out.find('\n', start);
        REQUIRE_MESSAGE(end != std::string::npos, "stdout does not end with a newline: " << out);
        const std::string line = out.substr(start, end - start);
        const json parsed = json::parse(line, nullptr, false);
        REQUIRE_MESSAGE(!parsed.is_discarded(), "not a JSON line: " << line);
        run.lines.push_back(parsed);
        start = end + 1;
    }
    return run;
}

bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

struct CliFixture {
    pestor_test::TempDir dir;
    std::string cache = (dir / "cache.sqlite").string();

    Run sync(const std::vector<std::string>& args) { return runSync(dir, args); }

    void importAll() {
        std::vector<std::string> args{"import", "--cache", cache};
        for (auto name : pestor_test::kAllFixtures) args.push_back(fixture(name).string());
        const Run r = sync(args);
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        REQUIRE(r.lines.size() == std::size(pestor_test::kAllFixtures));
    }
};

} // namespace

TEST_CASE_FIXTURE(CliFixture, "import: a good file prints its counts and exits 0") {
    const Run r = sync({"import", "--cache", cache, fixture("entities.geojson").string()});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    const json& l = r.lines[0];
    CHECK(l["file"] == fixture("entities.geojson").string());
    CHECK(l["ok"] == true);
    CHECK(l["collection"] == "entities");
    CHECK(l["added"] == 6);
    CHECK(l["updated"] == 0);
    CHECK(l["unchanged"] == 0);
    CHECK(l["removed"] == 0);
    CHECK(l["rejected"] == 0);
    CHECK(l["kept_previous"] == 0);
    CHECK(l["problems"] == json::array());

    const Run again = sync({"import", "--cache", cache, fixture("entities.geojson").string()});
    CHECK(again.exitCode == 0);
    REQUIRE(again.lines.size() == 1);
    CHECK(again.lines[0]["unchanged"] == 6);
    CHECK(again.lines[0]["added"] == 0);
}

TEST_CASE_FIXTURE(CliFixture, "import: rejected records exit 1 and are listed") {
    const Run r = sync({"import", "--cache", cache, fixture("entities-with-bad-records.geojson").string()});
    CHECK(r.exitCode == 1);
    REQUIRE(r.lines.size() == 1);
    const json& l = r.lines[0];
    CHECK(l["ok"] == true);
    CHECK(l["added"] == 2);
    CHECK(l["rejected"] == 2);
    REQUIRE(l["problems"].size() == 2);
    CHECK(l["problems"][0] == "entities/ent-bad-nip: nip: NIP checksum does not match (feature #2)");
    CHECK(l["problems"][1].get<std::string>().starts_with("entities/ent-swapped: geometry: position"));
    CHECK(contains(r.err, "bad record: entities/ent-bad-nip: nip: NIP checksum does not match"));
}

TEST_CASE_FIXTURE(CliFixture, "import: a rejected file exits 2 and the cache is unchanged") {
    REQUIRE(sync({"import", "--cache", cache, fixture("entities.geojson").string()}).exitCode == 0);
    const Run r = sync({"import", "--cache", cache, fixture("offers.geojson").string(),
                        fixture("truncated.geojson").string()});
    CHECK(r.exitCode == 2);
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0]["ok"] == true);
    CHECK(r.lines[0]["added"] == 2);
    CHECK(r.lines[1]["ok"] == false);
    CHECK(r.lines[1]["file"] == fixture("truncated.geojson").string());
    CHECK(contains(r.lines[1]["error"].get<std::string>(), "truncated.geojson: not valid JSON"));
    CHECK(contains(r.err, "(the cache is unchanged)"));

    const Run status = sync({"status", "--cache", cache});
    REQUIRE(status.exitCode == 0);
    CHECK(status.lines[0]["records"]["entities"] == 6);
    CHECK(status.lines[0]["records"]["offers"] == 2);
}

TEST_CASE_FIXTURE(CliFixture, "import --strict exits 2 for one bad record") {
    const Run r = sync({"import", "--cache", cache, "--strict", fixture("entities-with-bad-records.geojson").string()});
    CHECK(r.exitCode == 2);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0]["ok"] == false);
    CHECK(contains(r.lines[0]["error"].get<std::string>(), "nothing imported (strict mode)"));
    const Run status = sync({"status", "--cache", cache});
    REQUIRE(status.exitCode == 0);
    CHECK(status.lines[0]["records"]["entities"] == 0);
}

TEST_CASE_FIXTURE(CliFixture, "import --collection names the collection of an oddly named file") {
    const auto path = dir / "export.geojson";
    pestor_test::writeFile(path, pestor_test::readFile(fixture("offers.geojson")));
    CHECK(sync({"import", "--cache", cache, path.string()}).exitCode == 2);
    const Run r = sync({"import", "--cache", cache, "--collection", "offers", path.string()});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0]["collection"] == "offers");
    CHECK(r.lines[0]["added"] == 2);
}

TEST_CASE_FIXTURE(CliFixture, "usage errors exit 2 and say what was wrong") {
    Run r = runSync(dir, {}, true);
    CHECK(r.exitCode == 2);
    CHECK(contains(r.out + r.err, "usage: pestor-sync COMMAND"));
    r = runSync(dir, {"--help"}, true);
    CHECK(r.exitCode == 0);
    CHECK(contains(r.out, "usage: pestor-sync COMMAND"));
    r = sync({"frobnicate"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "unknown command 'frobnicate'"));
    r = sync({"import", fixture("entities.geojson").string()});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "usage: pestor-sync import --cache PATH"));
    r = sync({"import", "--cache", cache});
    CHECK(r.exitCode == 2);
    r = sync({"import", "--cache", cache, "--bogus", fixture("entities.geojson").string()});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "unknown option --bogus"));
    r = sync({"import", "--cache", cache, "--collection", "gadgets", fixture("entities.geojson").string()});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "unknown collection 'gadgets'"));
    r = sync({"search", "--cache"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "option --cache needs a value"));
    CHECK(r.lines.empty());
}

TEST_CASE_FIXTURE(CliFixture, "search prints one JSON line per hit, grouped in collection order") {
    importAll();
    Run r = sync({"search", "--cache", cache, "lodz"});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0]["collection"] == "entities");
    CHECK(r.lines[0]["id"] == "ent-lodz");
    CHECK(r.lines[0]["title"] == "Przystań Łódź Wiślana");
    CHECK(r.lines[0]["rank"].is_number());

    r = sync({"search", "--cache", cache, "spoldz", "soc"}); // words joined into one query
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 2);
    CHECK(r.lines[0]["id"] == "ent-zolw");
    CHECK(r.lines[1]["collection"] == "events");
    CHECK(r.lines[1]["id"] == "ev-szkolenie");

    r = sync({"search", "--cache", cache, "--lang", "uk", "fundacja"});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0]["title"] == "Фонд Новий Дім");

    r = sync({"search", "--cache", cache, "ДОПОМОГА"});
    CHECK(r.exitCode == 0);
    CHECK(r.lines.size() == 2);

    r = sync({"search", "--cache", cache, "\"", "NEAR(", "OR"});
    CHECK(r.exitCode == 0);

    r = sync({"search", "--cache", cache, "nicniepasuje"});
    CHECK(r.exitCode == 0);
    CHECK(r.lines.empty());

    r = sync({"search", "--cache", cache, "--lang", "de", "lodz"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "--lang must be pl, en or uk"));
}

TEST_CASE_FIXTURE(CliFixture, "show prints one record with canonical properties and geometry") {
    importAll();
    Run r = sync({"show", "--cache", cache, "entities", "ent-zolw"});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    const json& l = r.lines[0];
    CHECK(l["collection"] == "entities");
    CHECK(l["properties"]["id"] == "ent-zolw");
    CHECK(l["properties"]["nip"] == "1234563218");
    CHECK(l["properties"]["regon"] == "123456785");
    CHECK(l["properties"]["opp"] == false);
    CHECK(l["properties"]["areas"] == json::array({"catering", "sprzątanie"}));
    CHECK_FALSE(l["properties"].contains("short_name")); // absent stays absent
    CHECK(l["geometry"]["type"] == "Point");
    CHECK(l["geometry"]["coordinates"][0].get<double>() == doctest::Approx(18.6512));
    CHECK(l["geometry"]["coordinates"].size() == 2); // altitude dropped

    r = sync({"show", "--cache", cache, "basemap", "park-glinki"});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0]["geometry"]["type"] == "Polygon");

    r = sync({"show", "--cache", cache, "demands", "dem-1"});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    CHECK(r.lines[0]["geometry"].is_null());
    CHECK(r.lines[0]["properties"]["deadline"] == "2024-06-01T12:00:00+02:00");

    r = sync({"show", "--cache", cache, "entities", "ent-missing"});
    CHECK(r.exitCode == 1);
    CHECK(r.lines.empty());
    CHECK(contains(r.err, "no entities record with id 'ent-missing'"));

    r = sync({"show", "--cache", cache, "gadgets", "g-1"});
    CHECK(r.exitCode == 2);
    CHECK(contains(r.err, "unknown collection 'gadgets'"));
}

TEST_CASE_FIXTURE(CliFixture, "status prints schema version and record counts") {
    importAll();
    const Run r = sync({"status", "--cache", cache});
    CHECK(r.exitCode == 0);
    REQUIRE(r.lines.size() == 1);
    const json& l = r.lines[0];
    CHECK(l["schema_version"] == cache::kSchemaVersion);
    CHECK(l["records"] == json{{"entities", 6},      {"premises", 2},   {"equipment", 1},
                               {"offers", 2},        {"demands", 1},    {"support_points", 1},
                               {"events", 1},        {"announcements", 2}, {"indicators", 1},
                               {"basemap", 4}});
    CHECK(l["newest_update"] == "2024-06-10T08:00:00+02:00");
    CHECK(l["unreadable_records"] == 0);
}

TEST_CASE_FIXTURE(CliFixture, "read commands on a missing cache exit 2, say what to run and create nothing") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"status", "--cache", cache},
                                                                  {"search", "--cache", cache, "lodz"},
                                                                  {"show", "--cache", cache, "entities", "ent-zolw"}}) {
        CAPTURE(args[0]);
        const Run r = sync(args);
        CHECK(r.exitCode == 2);
        CHECK(contains(r.err, "does not exist yet (run pestor-sync first)"));
        CHECK(r.lines.empty());
    }
    CHECK_FALSE(std::filesystem::exists(cache));
}
