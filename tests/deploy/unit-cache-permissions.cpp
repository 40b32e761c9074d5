// The cache between the two service users, set up as systemd/README.md
// describes: the sync's user writes with umask 027 (files 0640, folder 0750),
// the kiosk's user belongs to the sync's group and opens the cache read-only.
// A writer and a reader run as two unprivileged uids (forked children that
// answer commands over pipes), with the real cache code on both sides
// (openCacheForWriting, the importer, openCacheReadOnly). Checked: the reader
// reads and sees new commits while the writer runs, after it has gone and
// when it comes back; it can write nothing (SQL, the three files, the
// folder). And the premise: without the -wal and -shm kept by the writer, a
// reader that may not create them cannot open a WAL database at all.
//
// Changing uids needs root: without it the program exits 77, which ctest
// reports as skipped.
#define DOCTEST_CONFIG_IMPLEMENT
#include "cache/cache_db.hpp"
#include "cache/catalog.hpp"
#include "feed/importer.hpp"
#include "support/temp_dir.hpp"

#include <SQLiteCpp/Database.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <doctest/doctest.h>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <grp.h>
#include <memory>
#include <string>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

constexpr uid_t kSyncUid = 64001;  // stands for pestor-sync (its group has the same number)
constexpr uid_t kKioskUid = 64002; // stands for pestor-kiosk, a member of group kSyncUid

// A child process running as another user, answering one line per command.
class Agent {
  public:
    using Handler = std::function<std::string(const std::string&)>;

    Agent(uid_t uid, gid_t gid, std::vector<gid_t> groups, mode_t umaskBits, Handler handler) {
        int toChild[2], fromChild[2];
        REQUIRE(::pipe2(toChild, O_CLOEXEC) == 0);
        REQUIRE(::pipe2(fromChild, O_CLOEXEC) == 0);
        std::fflush(nullptr);
        m_pid = ::fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            ::close(toChild[1]);
            ::close(fromChild[0]);
            if (::setgroups(groups.size(), groups.data()) != 0 || ::setresgid(gid, gid, gid) != 0 ||
                ::setresuid(uid, uid, uid) != 0)
                ::_exit(90);
            ::umask(umaskBits);
            FILE* in = ::fdopen(toChild[0], "r");
            FILE* out = ::fdopen(fromChild[1], "w");
            char* line = nullptr;
            std::size_t size = 0;
            ssize_t n;
            while ((n = ::getline(&line, &size, in)) > 0) {
                std::string command(line, static_cast<std::size_t>(n - 1));
                if (command == "exit") break;
                std::string reply;
                try {
                    reply = handler(command);
                } catch (const std::exception& e) {
                    reply = std::string("exception: ") + e.what();
                }
                for (char& c : reply)
                    if (c == '\n') c = ' ';
                std::fprintf(out, "%s\n", reply.c_str());
                std::fflush(out);
            }
            ::_exit(0);
        }
        ::close(toChild[0]);
        ::close(fromChild[1]);
        m_in = ::fdopen(toChild[1], "w");
        m_out = ::fdopen(fromChild[0], "r");
    }
    ~Agent() {
        std::fprintf(m_in, "exit\n");
        std::fclose(m_in);
        std::fclose(m_out);
        int status = 0;
        ::waitpid(m_pid, &status, 0);
    }
    Agent(const Agent&) = delete;
    Agent& operator=(const Agent&) = delete;

    std::string ask(const std::string& command) {
        std::fprintf(m_in, "%s\n", command.c_str());
        std::fflush(m_in);
        char* line = nullptr;
        std::size_t size = 0;
        const ssize_t n = ::getline(&line, &size, m_out);
        std::string reply =
            n > 0 ? std::string(line, static_cast<std::size_t>(n - 1)) : "<the agent died>";
        std::free(line);
        return reply;
    }

  private:
    pid_t m_pid = -1;
    FILE* m_in = nullptr;
    FILE* m_out = nullptr;
};

std::string errnoName(int e) {
    return e == EACCES ? "EACCES" : e == EROFS ? "EROFS" : std::strerror(e);
}

// The sync's side: the cache code pestor-sync runs.
Agent::Handler writer(const fs::path& cache) {
    auto db = std::make_shared<std::unique_ptr<SQLite::Database>>();
    return [cache, db](const std::string& c) -> std::string {
        if (c == "open") {
            auto opened = cache::openCacheForWriting(cache);
            if (!opened) return "error: " + opened.error().message;
            *db = std::move(opened).value();
            return "ok";
        }
        if (c.rfind("import ", 0) == 0) {
            auto r =
                feed::importGeoJsonFile(**db, fs::path(PESTOR_TEST_DATA_DIR) / c.substr(7), {});
            return r ? "ok" : "error: " + r.error().message;
        }
        if (c == "close") {
            db->reset();
            return "ok";
        }
        // A WAL database written without the cache code: SQLite's defaults,
        // which delete -wal and -shm when the last connection closes.
        if (c == "plain") {
            SQLite::Database plain((cache.parent_path() / "plain.sqlite").string(),
                                   SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            plain.exec("PRAGMA journal_mode = WAL");
            plain.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
            return "ok";
        }
        return "unknown command " + c;
    };
}

// The kiosk's side: the cache code pestor-kiosk's worker runs.
Agent::Handler reader(const fs::path& cache) {
    auto db = std::make_shared<std::unique_ptr<SQLite::Database>>();
    return [cache, db](const std::string& c) -> std::string {
        if (c == "open") {
            auto opened = cache::openCacheReadOnly(cache);
            if (!opened) return "error: " + opened.error().message;
            *db = std::move(opened).value();
            return "ok";
        }
        if (c == "count")
            return std::to_string((*db)->execAndGet("SELECT count(*) FROM records").getInt64());
        if (c == "version") return std::to_string(cache::dataVersion(**db));
        if (c == "sql-write") {
            try {
                (*db)->exec("CREATE TABLE intruder(x)");
                return "written";
            } catch (const std::exception& e) {
                return std::string("refused: ") + e.what();
            }
        }
        if (c.rfind("open-rw ", 0) == 0) {
            const int fd = ::open(c.substr(8).c_str(), O_RDWR | O_CLOEXEC);
            if (fd >= 0) {
                ::close(fd);
                return "opened";
            }
            return errnoName(errno);
        }
        if (c.rfind("create ", 0) == 0) {
            const int fd =
                ::open(c.substr(7).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
            if (fd >= 0) {
                ::close(fd);
                return "created";
            }
            return errnoName(errno);
        }
        if (c == "close") {
            db->reset();
            return "ok";
        }
        if (c == "plain") {
            try {
                SQLite::Database plain((cache.parent_path() / "plain.sqlite").string(),
                                       SQLite::OPEN_READONLY);
                return std::to_string(plain.execAndGet("SELECT count(*) FROM t").getInt64());
            } catch (const std::exception& e) {
                return std::string("error: ") + e.what();
            }
        }
        return "unknown command " + c;
    };
}

std::string modeOf(const fs::path& p) {
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) return "missing";
    char text[32];
    std::snprintf(text, sizeof text, "%o %u:%u", st.st_mode & 07777, st.st_uid, st.st_gid);
    return text;
}

// The folder tmpfiles.d makes: /var/lib/pestor-kiosk, 0750, the sync's.
fs::path stateDir(const testsupport::TempDir& tmp) {
    fs::permissions(tmp.path(), fs::perms(0711)); // other users may pass through the scratch folder
    const fs::path dir = tmp / "lib";
    fs::create_directory(dir);
    REQUIRE(::chown(dir.c_str(), kSyncUid, kSyncUid) == 0);
    fs::permissions(dir, fs::perms(0750));
    return dir;
}

} // namespace

TEST_CASE("the kiosk's user reads the sync's cache, sees its commits, and can write nothing") {
    testsupport::TempDir tmp("pestor-cache-perms");
    const fs::path dir = stateDir(tmp);
    const fs::path cache = dir / "cache.sqlite";
    Agent sync(kSyncUid, kSyncUid, {}, 027, writer(cache)); // UMask=0027, as in pestor-sync.service
    Agent kiosk(kKioskUid, kKioskUid, {kSyncUid}, 077, reader(cache));

    REQUIRE(sync.ask("open") == "ok");
    REQUIRE(sync.ask("import entities.geojson") == "ok");
    const std::string owner = std::to_string(kSyncUid) + ":" + std::to_string(kSyncUid);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        CAPTURE(suffix);
        CHECK(modeOf(cache.string() + suffix) ==
              "640 " + owner); // group-readable, never group-writable
    }

    REQUIRE(kiosk.ask("open") == "ok");
    const long entities = std::stol(kiosk.ask("count"));
    CHECK(entities > 0);
    const std::string version = kiosk.ask("version");

    // Nothing of the cache is the kiosk's to change.
    CHECK(kiosk.ask("sql-write").rfind("refused: attempt to write a readonly database", 0) == 0);
    for (const char* suffix : {"", "-wal", "-shm"}) {
        CAPTURE(suffix);
        CHECK(kiosk.ask("open-rw " + cache.string() + suffix) == "EACCES");
    }
    CHECK(kiosk.ask("create " + (dir / "planted").string()) == "EACCES");

    // A sync while the kiosk reads: the open connection sees it.
    REQUIRE(sync.ask("import offers.geojson") == "ok");
    const long afterOffers = std::stol(kiosk.ask("count"));
    CHECK(afterOffers > entities);
    CHECK(kiosk.ask("version") != version);

    // The sync stops while the kiosk reads: -wal and -shm stay, the kiosk
    // keeps reading, and opens the cache anew with no writer around (SQLite
    // then rebuilds the WAL index in its own memory from the -wal).
    REQUIRE(sync.ask("close") == "ok");
    CHECK(fs::exists(cache.string() + "-shm"));
    CHECK(fs::exists(cache.string() + "-wal"));
    CHECK(std::stol(kiosk.ask("count")) == afterOffers);
    REQUIRE(kiosk.ask("close") == "ok");
    REQUIRE(kiosk.ask("open") == "ok");
    CHECK(std::stol(kiosk.ask("count")) == afterOffers);

    // The sync comes back while the kiosk reads, and writes again.
    REQUIRE(sync.ask("open") == "ok");
    REQUIRE(sync.ask("import premises.geojson") == "ok");
    const long afterPremises = std::stol(kiosk.ask("count"));
    CHECK(afterPremises > afterOffers);
    CHECK(kiosk.ask("sql-write").rfind("refused: ", 0) == 0);

    // The sync closes last: it checkpoints, keeps -wal (emptied) and -shm,
    // and the kiosk, starting after it, reads everything from the database.
    REQUIRE(kiosk.ask("close") == "ok");
    REQUIRE(sync.ask("close") == "ok");
    CHECK(fs::exists(cache.string() + "-shm"));
    REQUIRE(fs::exists(cache.string() + "-wal"));
    CHECK(fs::file_size(cache.string() + "-wal") == 0);
    REQUIRE(kiosk.ask("open") == "ok");
    CHECK(std::stol(kiosk.ask("count")) == afterPremises);
}

TEST_CASE(
    "premise: a reader that may not create -wal and -shm cannot open a WAL database without them") {
    testsupport::TempDir tmp("pestor-cache-perms");
    const fs::path dir = stateDir(tmp);
    Agent sync(kSyncUid, kSyncUid, {}, 027, writer(dir / "cache.sqlite"));
    Agent kiosk(kKioskUid, kKioskUid, {kSyncUid}, 077, reader(dir / "cache.sqlite"));
    REQUIRE(sync.ask("plain") == "ok"); // closed: SQLite deleted its -wal and -shm
    CHECK_FALSE(fs::exists(dir / "plain.sqlite-wal"));
    CHECK(kiosk.ask("plain").rfind("error: ", 0) == 0);
}

int main(int argc, char** argv) {
    if (::geteuid() != 0) {
        std::fprintf(
            stderr,
            "deploy-cache-permissions: skipped: needs root to run a writer and a reader as two "
            "other users\n");
        return 77;
    }
    std::signal(SIGPIPE, SIG_IGN); // an agent that died shows as a reply, not as our death
    doctest::Context context(argc, argv);
    return context.run();
}
