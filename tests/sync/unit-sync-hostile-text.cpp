// Text from outside that is not valid UTF-8, in a correctly signed feed.
// Regression (issue 12): a record name holding the byte 0xFF made pestor-sync
// abort (SIGABRT: nlohmann::json type_error 316 while printing its report
// line, since the parser's error message quoted the bytes it had read). The
// feed must be refused with a clear message, the old data kept, and every
// line the program prints must be JSON.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "cache/utf8.hpp"
#include "support/process.hpp"
#include "sync_fixture.hpp"

using syncclient::SyncResultKind;
using synctest::FeedWorld;

namespace {

// The demo feed applied, then a second publish whose changed chunk has
// `bytes` spliced into the first record's name, re-hashed and re-signed.
struct HostileChunk {
    FeedWorld w;
    std::string before;
    explicit HostileChunk(std::string_view bytes) {
        w.publish();
        REQUIRE(w.sync().kind == SyncResultKind::Applied);
        w.editSource("entities", 0, "name", "Fundacja Zmiana");
        const auto m2 = w.publish();
        before = w.records();
        std::string changed;
        for (const auto& b : m2.allBlobs())
            if (!std::filesystem::exists(w.config.stateDir / "blobs" / b.sha256)) changed = b.sha256;
        REQUIRE_FALSE(changed.empty());
        std::string text = *feed::gzipDecompress(pestor_test::readFile(w.feedDir() / feed::blobPath(changed)), 1 << 24);
        const std::size_t at = text.find("Fundacja Zmiana");
        REQUIRE(at != std::string::npos);
        text.insert(at + 9, bytes);
        w.replaceChunk(changed, feed::gzipCompress(text));
    }
};

} // namespace

TEST_CASE("a signed chunk with invalid UTF-8 in a record is refused with a readable message; the old data stay") {
    // A lone 0xFF, a stray continuation byte, an overlong NUL, a UTF-16
    // surrogate, a sequence cut short, a code point above U+10FFFF.
    for (std::string_view bytes : {std::string_view("\xFF"), std::string_view("\x80"), std::string_view("\xC0\x80"),
                                   std::string_view("\xED\xA0\x80"), std::string_view("\xE2\x82"),
                                   std::string_view("\xF4\x90\x80\x80")}) {
        CAPTURE(nlohmann::json(std::string(bytes)).dump(-1, ' ', true, nlohmann::json::error_handler_t::replace));
        HostileChunk h(bytes);
        const auto r = h.w.sync();
        INFO("message: " << r.message);
        CHECK(r.kind == SyncResultKind::Failed);
        CHECK(cache::isValidUtf8(r.message));
        CHECK(r.message.find("not valid JSON") != std::string::npos);
        CHECK(synctest::lastError(*h.w.db) == r.message);
        CHECK(h.w.records() == h.before);
    }
}

TEST_CASE("pestor-sync prints a JSON line and exits 1 (no abort) on a signed feed with a 0xFF byte") {
    HostileChunk h("\xFF");
    pestor_test::writeFile(h.w.dir / "feed.pub", feed::formatPublicKey(h.w.key.publicKey));
    const auto run = testsupport::runProcess({PESTOR_SYNC_EXE, "sync", "--once", "--allow-file", "--cache",
                                              h.w.cachePath().string(), "--state-dir", h.w.config.stateDir.string(),
                                              "--feed", h.w.config.feedUrl, "--key", (h.w.dir / "feed.pub").string()});
    INFO(run.output);
    CHECK(run.exitCode == 1); // -1 would be a signal (the old SIGABRT)
    const std::size_t open = run.output.find("{\"");
    REQUIRE(open != std::string::npos);
    const auto line = nlohmann::json::parse(run.output.substr(open, run.output.find('\n', open) - open), nullptr, false);
    REQUIRE_FALSE(line.is_discarded());
    CHECK(line["result"] == "failed");
    CHECK(line["message"].get<std::string>().find("not valid JSON") != std::string::npos);
    CHECK(h.w.records() == h.before);

    // `status` reads the stored error back and prints it as JSON too.
    const auto status = testsupport::runProcess({PESTOR_SYNC_EXE, "status", "--cache", h.w.cachePath().string()});
    CHECK(status.exitCode == 0);
    CHECK(cache::isValidUtf8(status.output));
}

TEST_CASE("error messages are valid UTF-8 whatever they quote") {
    CHECK(cache::makeError("bad \xFF value").message == "bad \xEF\xBF\xBD value");
    CHECK(cache::makeError("Łódź – ok").message == "Łódź – ok");
    CHECK(cache::toValidUtf8("a\xC0\x80z") == "a\xEF\xBF\xBD\xEF\xBF\xBDz");
    CHECK(cache::isValidUtf8("\xEF\xBF\xBD")); // U+FFFD itself is fine
    CHECK_FALSE(cache::isValidUtf8("\xED\xA0\x80"));
    CHECK(cache::utf8Prefix("żółw", 3) == "ż"); // never cut inside "ó"
    CHECK(cache::utf8Prefix("abc", 10) == "abc");
}
