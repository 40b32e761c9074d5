// "Sync now": the kiosk touches the request file pestor-sync's daemon
// watches. Errors come back as words; nothing is ever written into it.
#include "app/sync_request.hpp"
#include "ui_harness.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <fstream>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using kiosk::app::requestSync;

namespace {

std::int64_t mtimeNs(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

} // namespace

TEST_CASE("the first request creates an empty file; the next one makes it newer, still empty") {
    const fs::path dir = uitest::makeTempDir();
    const fs::path file = dir / "sync-request";
    REQUIRE(requestSync(file).ok());
    REQUIRE(fs::exists(file));
    CHECK(fs::file_size(file) == 0);
    const std::int64_t first = mtimeNs(file);
    std::this_thread::sleep_for(
        std::chrono::milliseconds(30)); // past the filesystem's timestamp tick
    REQUIRE(requestSync(file).ok());
    CHECK(mtimeNs(file) > first);
    CHECK(fs::file_size(file) == 0);
    fs::remove_all(dir);
}

TEST_CASE("a request the kiosk cannot make is an error in words, naming the file") {
    const auto missing = requestSync("/nonexistent-pestor-dir/sync-request");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message.find("/nonexistent-pestor-dir/sync-request") !=
          std::string::npos);
    CHECK(missing.error().message.find("No such file or directory") != std::string::npos);
    const auto none = requestSync("");
    CHECK_FALSE(none.ok());
}

TEST_CASE("the request refuses to follow a symbolic link planted at its path") {
    const fs::path dir = uitest::makeTempDir();
    const fs::path target = dir / "precious";
    std::ofstream(target) << "data";
    fs::create_symlink(target, dir / "sync-request");
    const auto r = requestSync(dir / "sync-request");
    CHECK_FALSE(r.ok());
    std::ifstream in(target);
    std::string text;
    in >> text;
    CHECK(text == "data");
    fs::remove_all(dir);
}
