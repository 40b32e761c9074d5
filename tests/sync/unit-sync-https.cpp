// pestor-sync's sync against a real nginx serving a published feed over TLS
// on 127.0.0.1, with a CA and certificates made at test time. Every fault
// ends with the previous data intact and an actionable sync_state.last_error.
#include <doctest/doctest.h>

#include <stb_image_write.h>

#include "support/nginx_server.hpp"
#include "support/scripted_upstream.hpp"
#include "support/tls_ca.hpp"
#include "sync_fixture.hpp"

using syncclient::SyncResultKind;
using testsupport::NginxOptions;
using testsupport::NginxServer;
namespace fs = std::filesystem;

namespace {

// A terminal synced to sequence 1 and a publisher holding sequence 2,
// served by nginx from the feed folder.
struct HttpsWorld {
    synctest::FeedWorld w;
    testsupport::TestPki pki{w.dir / "pki"};
    feed::Manifest next;
    std::string before;      // the terminal's records at sequence 1
    std::string changedBlob; // the one chunk sequence 2 adds

    HttpsWorld() {
        w.publish();
        REQUIRE(w.sync().kind == SyncResultKind::Applied);
        before = w.records();
        const auto held = feed::parseManifest(pestor_test::readFile(w.feedDir() / "manifest.json"))->allBlobs();
        w.editSource("entities", 5, "short_name", "Zmiana przez HTTPS");
        next = w.publish();
        for (const auto& b : next.allBlobs())
            if (std::find(held.begin(), held.end(), b) == held.end()) changedBlob = b.sha256;
        REQUIRE_FALSE(changedBlob.empty());
        w.config.http.allowFileUrls = false;
        w.config.http.caBundle = pki.caCert().string();
    }

    std::unique_ptr<NginxServer> serve(const testsupport::CertAndKey& cert, std::vector<std::string> locations = {},
                                       bool echo = false) {
        NginxOptions o;
        o.certificate = cert.cert;
        o.key = cert.key;
        o.documentRoot = w.dir.path();
        o.locations = std::move(locations);
        o.loadEchoModule = echo;
        auto server = std::make_unique<NginxServer>(o);
        w.config.feedUrl = server->url("/feed");
        return server;
    }

    std::string blobUrlPath() const { return "/feed/" + feed::blobPath(changedBlob); }

    // The sync fails, says `fragment`, records it, and changes no record.
    syncclient::SyncResult expectFailure(std::string_view fragment) {
        const auto r = w.sync();
        INFO("message: " << r.message);
        CHECK(r.kind == SyncResultKind::Failed);
        CHECK(r.message.find(fragment) != std::string::npos);
        CHECK(synctest::lastError(*w.db) == r.message);
        CHECK(w.records() == before);
        return r;
    }
};

} // namespace

TEST_CASE("over HTTPS: new feed applied, then unchanged costs one request under 1 KiB") {
    HttpsWorld h;
    auto server = h.serve(h.pki.localhost());
    const auto applied = h.w.sync();
    INFO(applied.message);
    REQUIRE(applied.kind == SyncResultKind::Applied);
    CHECK(applied.sequence == 2);
    CHECK(applied.blobsFetched == 1);
    CHECK(applied.requests == 3); // manifest, signature, the one changed chunk
    const std::uint64_t changedBytes = applied.bytes;

    const auto unchanged = h.w.sync();
    INFO(unchanged.message);
    CHECK(unchanged.kind == SyncResultKind::Unchanged);
    CHECK(unchanged.requests == 1);
    CHECK(unchanged.bytes < 1024);
    MESSAGE("one-record change: " << changedBytes << " bytes in 3 requests; unchanged: " << unchanged.bytes
                                  << " bytes in 1 request (304)");
    // nginx saw the conditional request answered with 304.
    // nginx saw 4 requests, the last a conditional one answered 304.
    const auto log = server->waitForAccessLog(4);
    REQUIRE(log.size() == 4);
    CHECK(log.back().starts_with("304 \"GET /feed/manifest.json"));
}

TEST_CASE("over HTTPS: a new image is fetched, normalised and recorded") {
    HttpsWorld h;
    std::vector<std::uint8_t> px(200 * 100 * 4, 0);
    for (std::size_t i = 3; i < px.size(); i += 4) px[i] = 128; // half transparent: stays PNG
    std::string png;
    stbi_write_png_to_func(
        [](void* ctx, void* data, int size) { static_cast<std::string*>(ctx)->append(static_cast<char*>(data), size); },
        &png, 200, 100, 4, px.data(), 200 * 4);
    fs::create_directories(h.w.source() / "media");
    pestor_test::writeFile(h.w.source() / "media" / "logo.png", png);
    h.w.publish();
    auto server = h.serve(h.pki.localhost());
    const auto r = h.w.sync();
    INFO(r.message);
    REQUIRE(r.kind == SyncResultKind::Applied);
    auto rows = cache::readMediaFiles(*h.w.db);
    REQUIRE(rows.ok());
    REQUIRE(rows->size() == 1);
    CHECK(rows->at(0).sha256 == feed::sha256Hex(png));
    CHECK(rows->at(0).mime == "image/png");
    CHECK(rows->at(0).width == 200);
    CHECK(fs::exists(h.w.config.stateDir / "media" / rows->at(0).file));
}

TEST_CASE("over HTTPS: a deleted record disappears") {
    HttpsWorld h;
    auto doc = pestor_test::readJson(h.w.source() / "offers.geojson");
    const std::string goneId = doc["features"][3]["id"];
    doc["features"].erase(3);
    pestor_test::writeJson(h.w.source() / "offers.geojson", doc);
    h.w.publish();
    auto server = h.serve(h.pki.localhost());
    REQUIRE(h.w.sync().kind == SyncResultKind::Applied);
    CHECK(h.w.db->execAndGet("SELECT count(*) FROM records WHERE collection = 'offers' AND id = '" + goneId + "'").getInt() == 0);
}

TEST_CASE("TLS faults are refused with the reason") {
    HttpsWorld h;
    SUBCASE("certificate for another host") {
        auto s = h.serve(h.pki.wrongHost());
        h.expectFailure("TLS");
    }
    SUBCASE("untrusted CA") {
        auto s = h.serve(h.pki.localhost());
        h.w.config.http.caBundle = h.pki.otherCaCert().string();
        h.expectFailure("TLS");
    }
    SUBCASE("expired certificate") {
        auto s = h.serve(h.pki.expired());
        h.expectFailure("expired");
    }
    SUBCASE("wrong pin, then the right pin") {
        auto s = h.serve(h.pki.localhost());
        h.w.config.http.pinnedPublicKey = h.pki.wrongHost().pin;
        h.expectFailure("pin");
        h.w.config.http.pinnedPublicKey = h.pki.localhost().pin;
        CHECK(h.w.sync().kind == SyncResultKind::Applied);
    }
}

TEST_CASE("HTTP faults are refused with the reason, and the data stays") {
    HttpsWorld h;
    SUBCASE("redirect to http") {
        auto s = h.serve(h.pki.localhost(),
                         {testsupport::locationRedirect("/feed/manifest.json", "http://127.0.0.1:$server_port/feed/manifest.json")});
        h.expectFailure("redirect");
    }
    SUBCASE("too many redirects") {
        auto s = h.serve(h.pki.localhost(),
                         {testsupport::locationRedirect("/feed/manifest.json", "https://127.0.0.1:$server_port/hop/1"),
                          testsupport::locationRedirectChain("/hop", 5, "/feed/manifest.json")});
        h.expectFailure("redirect");
    }
    SUBCASE("404") {
        auto s = h.serve(h.pki.localhost(), {testsupport::locationStatus("/feed/manifest.json", 404)});
        h.expectFailure("404");
    }
    SUBCASE("500") {
        auto s = h.serve(h.pki.localhost(), {testsupport::locationStatus(h.blobUrlPath(), 500)});
        h.expectFailure("500");
    }
    SUBCASE("429 with Retry-After") {
        auto s = h.serve(h.pki.localhost(),
                         {testsupport::locationStatus("/feed/manifest.json", 429, {"Retry-After: 7"})});
        const auto r = h.expectFailure("429");
        REQUIRE(r.retryAfterSeconds.has_value());
        CHECK(*r.retryAfterSeconds == 7);
    }
    SUBCASE("connection reset in the middle of a blob") {
        testsupport::ScriptedUpstream upstream(
            {{"/" + feed::blobPath(h.changedBlob), testsupport::ScriptedResponse::truncated(100, 5000)}});
        auto s = h.serve(h.pki.localhost(), {testsupport::locationProxy("/broken/", upstream.port()),
                                             "location = /feed/" + feed::blobPath(h.changedBlob) +
                                                 " { rewrite ^/feed/(.*)$ /broken/$1 last; }"});
        h.expectFailure("feed blob: ");
    }
    SUBCASE("a blob that never ends") {
        testsupport::ScriptedUpstream upstream(
            {{"/" + feed::blobPath(h.changedBlob), testsupport::ScriptedResponse::endlessBody()}});
        auto s = h.serve(h.pki.localhost(), {testsupport::locationProxy("/broken/", upstream.port()),
                                             "location = /feed/" + feed::blobPath(h.changedBlob) +
                                                 " { rewrite ^/feed/(.*)$ /broken/$1 last; }"});
        h.expectFailure("feed blob: ");
    }
    SUBCASE("a 1-byte-per-second drip") {
        h.w.config.http.lowSpeedBytesPerSecond = 64;
        h.w.config.http.lowSpeedSeconds = 2;
        auto s = h.serve(h.pki.localhost(), {testsupport::locationDrip(h.blobUrlPath(), 1)});
        const auto t0 = std::chrono::steady_clock::now();
        h.expectFailure("feed blob: ");
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
    }
    // And the same terminal then syncs from a healthy server.
    h.w.config.http.pinnedPublicKey.clear();
    auto healthy = h.serve(h.pki.localhost());
    const auto ok = h.w.sync();
    INFO(ok.message);
    CHECK(ok.kind == SyncResultKind::Applied);
}
