// HttpClient against a real nginx over TLS on 127.0.0.1: certificates made
// at test time, faults as nginx locations or a scripted upstream behind it.
// Every case asserts the failure kind and the words an operator will read.
#include "net/http_client.hpp"
#include "support/nginx_server.hpp"
#include "support/scripted_upstream.hpp"
#include "support/temp_dir.hpp"
#include "support/tls_ca.hpp"

#include <arpa/inet.h>
#include <chrono>
#include <ctime>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace std::chrono_literals;
using net::FailureKind;
using net::HttpClient;
using testsupport::NginxServer;

namespace {

// One PKI per test binary: the openssl runs are the slowest part of set-up,
// and the certificates are read-only afterwards.
const testsupport::TestPki& pki() {
    static const testsupport::TempDir dir("pestor-net-pki");
    static const testsupport::TestPki instance(dir.path());
    return instance;
}

testsupport::NginxOptions serving(const testsupport::CertAndKey& leaf,
                                  std::vector<std::string> locations = {}) {
    testsupport::NginxOptions options;
    options.certificate = leaf.cert;
    options.key = leaf.key;
    options.locations = std::move(locations);
    return options;
}

// Trusts the test CA; short limits so that a regression fails fast instead
// of hanging the suite.
net::ClientOptions trustingTestCa() {
    net::ClientOptions options;
    options.caBundle = pki().caCert().string();
    options.connectTimeoutMs = 5000;
    options.lowSpeedSeconds = 5;
    options.totalTimeoutMs = 20000;
    return options;
}

struct Collected {
    std::string body;
    int calls = 0;
    net::BodySink sink() {
        return [this](std::string_view chunk) {
            ++calls;
            body.append(chunk);
            return true;
        };
    }
};

std::string pattern(std::size_t size) {
    std::string text(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        text[i] = static_cast<char>('a' + (i * 7 + i / 26) % 26);
    return text;
}

void writeFile(const NginxServer& server, const std::string& relative, const std::string& content) {
    const auto path = server.documentRoot() / relative;
    std::filesystem::create_directories(path.parent_path());
    testsupport::writeTextFile(path, content);
}

net::Request requestFor(std::string url) {
    net::Request request;
    request.url = std::move(url);
    return request;
}

bool contains(const std::string& text, std::string_view part) {
    return text.find(part) != std::string::npos;
}

std::string failureText(const HttpClient::Outcome& outcome) {
    return outcome.failure ? outcome.failure->message : std::string("(no failure)");
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

} // namespace

// [SECTION] success

TEST_CASE("GET 200 delivers the exact body and counts body, header and request bytes") {
    NginxServer server(serving(pki().localhost()));
    const std::string content = pattern(5000);
    writeFile(server, "feed/manifest.json", content);

    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/feed/manifest.json")), got.sink());

    REQUIRE_MESSAGE(outcome.ok(), failureText(outcome));
    CHECK_FALSE(outcome.failure);
    const auto& r = *outcome.response;
    CHECK(r.status == 200);
    CHECK(got.body == content);
    CHECK(r.bodyBytes == 5000);
    CHECK(r.etag.size() > 2);
    CHECK(r.etag.front() == '"');
    CHECK(r.effectiveUrl == server.url("/feed/manifest.json"));
    // The request curl sends for us, byte for byte: nothing else (no
    // Accept-Encoding, no stray headers).
    const std::string expectedRequest = "GET /feed/manifest.json HTTP/1.1\r\n"
                                        "Host: 127.0.0.1:" +
                                        std::to_string(server.port()) +
                                        "\r\n"
                                        "User-Agent: pestor-sync\r\n"
                                        "Accept: */*\r\n\r\n";
    CHECK(r.requestBytes == expectedRequest.size());
    // Status line + Server, Date, Content-Type, Content-Length,
    // Last-Modified, Connection, ETag, Accept-Ranges.
    CHECK(r.headerBytes > 150);
    CHECK(r.headerBytes < 400);
    const auto log = server.waitForAccessLog(1);
    REQUIRE(log.size() == 1);
    CHECK(log[0].starts_with("200 \"GET /feed/manifest.json HTTP/1.1\" 5000 "));
}

TEST_CASE("conditional GET: unchanged file is a 304 success costing under 1 KiB, on the same "
          "connection") {
    NginxServer server(serving(pki().localhost()));
    writeFile(server, "feed/manifest.json", pattern(20000));
    HttpClient client(trustingTestCa());

    Collected first;
    const auto full = client.get(requestFor(server.url("/feed/manifest.json")), first.sink());
    REQUIRE_MESSAGE(full.ok(), failureText(full));
    REQUIRE(full.response->status == 200);
    const std::string etag = full.response->etag;
    REQUIRE_FALSE(etag.empty());

    Collected second;
    net::Request request = requestFor(server.url("/feed/manifest.json"));
    request.ifNoneMatch = etag;
    const auto unchanged = client.get(request, second.sink());
    REQUIRE_MESSAGE(unchanged.ok(), failureText(unchanged));
    const auto& r = *unchanged.response;
    CHECK(r.status == 304);
    CHECK(r.etag == etag);
    CHECK(r.bodyBytes == 0);
    CHECK(second.calls == 0);
    CHECK(r.headerBytes + r.requestBytes + r.bodyBytes < 1024);

    // The second request rode the first one's connection (one handle reused).
    const auto log = server.waitForAccessLog(2);
    REQUIRE(log.size() == 2);
    CHECK(log[1].starts_with("304 "));
    CHECK(log[1].ends_with(" 2"));

    // A changed file is a full 200 again with a new ETag (nginx's ETag is
    // mtime-size, so a new size changes it even within the same second).
    writeFile(server, "feed/manifest.json", pattern(20001));
    Collected third;
    const auto changed = client.get(request, third.sink());
    REQUIRE_MESSAGE(changed.ok(), failureText(changed));
    CHECK(changed.response->status == 200);
    CHECK(changed.response->etag != etag);
    CHECK(third.body.size() == 20001);
}

TEST_CASE("file:// is refused unless allowed, and reads the file when allowed") {
    const testsupport::TempDir dir("pestor-net-file");
    const auto path = dir / "manifest.json";
    testsupport::writeTextFile(path, "{\"demo\":true}");
    const std::string url = "file://" + path.string();

    {
        HttpClient client(trustingTestCa());
        Collected got;
        const auto outcome = client.get(requestFor(url), got.sink());
        REQUIRE(outcome.failure);
        INFO("failure message: " << outcome.failure->message);
        CHECK(outcome.failure->kind == FailureKind::InvalidUrl);
        CHECK(contains(outcome.failure->message, "file:// URLs are not allowed"));
        CHECK(got.calls == 0);
    }
    auto options = trustingTestCa();
    options.allowFileUrls = true;
    HttpClient client(options);
    Collected got;
    const auto outcome = client.get(requestFor(url), got.sink());
    REQUIRE_MESSAGE(outcome.ok(), failureText(outcome));
    CHECK(outcome.response->status == 200);
    CHECK(outcome.response->bodyBytes == 13);
    CHECK(got.body == "{\"demo\":true}");

    const auto missing =
        client.get(requestFor("file://" + (dir / "nope.json").string()), got.sink());
    REQUIRE(missing.failure);
    INFO("failure message: " << missing.failure->message);
    CHECK(missing.failure->kind == FailureKind::Network);
    CHECK(contains(missing.failure->message, "cannot read file://"));
}

// [SECTION] refused before connecting

TEST_CASE("an http:// URL is refused without any connection") {
    testsupport::ScriptedUpstream plain({{"/feed.json", testsupport::ScriptedResponse::ok("{}")}});
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor(plain.url("/feed.json")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::InvalidUrl);
    CHECK(outcome.failure->message ==
          "only https:// URLs are allowed, not http://: " + plain.url("/feed.json"));
    std::this_thread::sleep_for(200ms); // the acceptor polls every 50 ms
    CHECK(plain.connections() == 0);

    // Control: the counter does see a connection when one is made.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(plain.port());
    REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    for (int i = 0; i < 100 && plain.connections() == 0; ++i)
        std::this_thread::sleep_for(10ms);
    ::close(fd);
    CHECK(plain.connections() == 1);
}

TEST_CASE("a malformed URL is an InvalidUrl failure") {
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor("https://exa mple.org/feed"), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::InvalidUrl);
    CHECK(contains(outcome.failure->message, "not a valid URL"));
}

TEST_CASE("a closed port is a Network failure naming the host") {
    std::uint16_t port = 0;
    {
        testsupport::ScriptedUpstream briefly({});
        port = briefly.port();
    } // closed now, nobody listens there
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(
        requestFor("https://127.0.0.1:" + std::to_string(port) + "/feed.json"), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Network);
    CHECK(contains(outcome.failure->message,
                   "cannot connect to 127.0.0.1:" + std::to_string(port) + " "));
}

// [SECTION] TLS

TEST_CASE("TLS: a certificate for another host is refused, naming both hosts") {
    NginxServer server(serving(pki().wrongHost()));
    writeFile(server, "feed.json", "{}");
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Tls);
    CHECK(outcome.failure->message ==
          "TLS: certificate is for example.org, not 127.0.0.1 — check the feed URL");
    CHECK(got.calls == 0);
    CHECK(server.accessLog().empty()); // no request was sent
}

TEST_CASE("TLS: a certificate from a CA we were not given is untrusted") {
    NginxServer server(serving(pki().localhost()));
    writeFile(server, "feed.json", "{}");
    auto options = trustingTestCa();
    options.caBundle = pki().otherCaCert().string();
    HttpClient client(options);
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Tls);
    CHECK(outcome.failure->message ==
          "TLS: certificate of 127.0.0.1 not trusted (issuer unknown) — check ca_bundle");
    CHECK(server.accessLog().empty());
}

TEST_CASE("TLS: an expired certificate is refused and the message says so") {
    NginxServer server(serving(pki().expired()));
    writeFile(server, "feed.json", "{}");
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Tls);
    CHECK(contains(outcome.failure->message, "TLS: certificate of 127.0.0.1 expired"));
    CHECK(server.accessLog().empty());
}

TEST_CASE("TLS: a CA bundle that cannot be read is a Tls failure naming the file") {
    NginxServer server(serving(pki().localhost()));
    auto options = trustingTestCa();
    options.caBundle = "/nonexistent/ca.pem";
    HttpClient client(options);
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Tls);
    CHECK(contains(outcome.failure->message, "/nonexistent/ca.pem"));
}

TEST_CASE("TLS: the pinned public key must match the server's") {
    NginxServer server(serving(pki().localhost()));
    writeFile(server, "feed.json", "{\"ok\":1}");

    SUBCASE("a wrong pin is refused even though the chain is trusted") {
        auto options = trustingTestCa();
        options.pinnedPublicKey = pki().wrongHost().pin;
        HttpClient client(options);
        Collected got;
        const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
        REQUIRE(outcome.failure);
        INFO("failure message: " << outcome.failure->message);
        CHECK(outcome.failure->kind == FailureKind::Tls);
        CHECK(contains(outcome.failure->message,
                       "TLS: server key does not match the pinned key for 127.0.0.1"));
        CHECK(got.calls == 0);
    }
    SUBCASE("the right pin works") {
        auto options = trustingTestCa();
        options.pinnedPublicKey = pki().localhost().pin;
        HttpClient client(options);
        Collected got;
        const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
        REQUIRE_MESSAGE(outcome.ok(), failureText(outcome));
        CHECK(got.body == "{\"ok\":1}");
    }
    SUBCASE("one matching pin in a list (key rotation) works") {
        auto options = trustingTestCa();
        options.pinnedPublicKey = pki().wrongHost().pin + ";" + pki().localhost().pin;
        HttpClient client(options);
        Collected got;
        const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
        REQUIRE_MESSAGE(outcome.ok(), failureText(outcome));
        CHECK(got.body == "{\"ok\":1}");
    }
}

// [SECTION] redirects

TEST_CASE("a redirect to http:// is refused and the plain-HTTP server is never contacted") {
    testsupport::ScriptedUpstream plain({{"/feed.json", testsupport::ScriptedResponse::ok("{}")}});
    NginxServer server(serving(
        pki().localhost(), {testsupport::locationRedirect("/feed.json", plain.url("/feed.json"))}));
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/feed.json")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Redirect);
    CHECK(outcome.failure->message ==
          "redirect to a non-https address refused: " + plain.url("/feed.json") +
              ", reached from " + server.url("/feed.json"));
    CHECK(got.calls == 0);
    std::this_thread::sleep_for(200ms);
    CHECK(plain.connections() == 0);
}

TEST_CASE("redirects are followed up to maxRedirects and no further") {
    NginxServer server(
        serving(pki().localhost(), {testsupport::locationRedirectChain("/five", 5, "/feed.json"),
                                    testsupport::locationRedirectChain("/two", 2, "/feed.json")}));
    writeFile(server, "feed.json", "{\"at\":\"end\"}");
    auto options = trustingTestCa();
    options.maxRedirects = 3;
    HttpClient client(options);

    Collected shortChain;
    const auto followed = client.get(requestFor(server.url("/two/1")), shortChain.sink());
    REQUIRE_MESSAGE(followed.ok(), failureText(followed));
    CHECK(shortChain.body == "{\"at\":\"end\"}");
    CHECK(followed.response->effectiveUrl == server.url("/feed.json"));

    const std::size_t linesBefore = server.waitForAccessLog(3).size(); // /two/1, /two/2, file
    Collected longChain;
    const auto refused = client.get(requestFor(server.url("/five/1")), longChain.sink());
    REQUIRE(refused.failure);
    INFO("failure message: " << refused.failure->message);
    CHECK(refused.failure->kind == FailureKind::Redirect);
    CHECK(contains(refused.failure->message, "more than 3 redirects"));
    CHECK(longChain.calls == 0);
    // /five/1, /2, /3, /4 were requested, /5 and the file were not.
    int hops = 0;
    // Waits for a fifth line a little, so one that should not be there shows up.
    for (const auto& line : server.waitForAccessLog(linesBefore + 5, 300ms))
        hops += contains(line, "GET /five/") ? 1 : 0;
    CHECK(hops == 4);

    // A negative limit is not libcurl's "unlimited": no redirect is followed.
    options.maxRedirects = -1;
    HttpClient strict(options);
    Collected none;
    const auto noRedirects = strict.get(requestFor(server.url("/two/1")), none.sink());
    REQUIRE(noRedirects.failure);
    INFO("failure message: " << noRedirects.failure->message);
    CHECK(noRedirects.failure->kind == FailureKind::Redirect);
    CHECK(contains(noRedirects.failure->message, "more than 0 redirects"));
}

// [SECTION] HTTP status

TEST_CASE("HTTP 404 and 500 are HttpStatus failures; the error page never reaches the sink") {
    NginxServer server(serving(pki().localhost(), {testsupport::locationStatus("/broken", 500)}));
    HttpClient client(trustingTestCa());

    Collected notFound;
    const auto missing = client.get(requestFor(server.url("/feed/missing.json")), notFound.sink());
    REQUIRE(missing.failure);
    INFO("failure message: " << missing.failure->message);
    CHECK(missing.failure->kind == FailureKind::HttpStatus);
    CHECK(missing.failure->status == 404);
    CHECK(contains(missing.failure->message, "HTTP 404 for " + server.url("/feed/missing.json")));
    CHECK_FALSE(missing.failure->retryAfterSeconds);
    CHECK(notFound.calls == 0);

    Collected serverError;
    const auto broken = client.get(requestFor(server.url("/broken")), serverError.sink());
    REQUIRE(broken.failure);
    INFO("failure message: " << broken.failure->message);
    CHECK(broken.failure->kind == FailureKind::HttpStatus);
    CHECK(broken.failure->status == 500);
    CHECK(contains(broken.failure->message, "HTTP 500"));
    CHECK(serverError.calls == 0);
}

TEST_CASE("HTTP 429 and 503 carry the server's Retry-After") {
    char date[64];
    const std::time_t inNinety = std::time(nullptr) + 90;
    std::tm utc{};
    gmtime_r(&inNinety, &utc);
    std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S GMT", &utc);
    NginxServer server(serving(
        pki().localhost(),
        {testsupport::locationStatus("/busy", 429, {"Retry-After: 7"}),
         testsupport::locationStatus("/maintenance", 503, {std::string("Retry-After: ") + date})}));
    HttpClient client(trustingTestCa());
    Collected got;

    const auto busy = client.get(requestFor(server.url("/busy")), got.sink());
    REQUIRE(busy.failure);
    INFO("failure message: " << busy.failure->message);
    CHECK(busy.failure->kind == FailureKind::HttpStatus);
    CHECK(busy.failure->status == 429);
    REQUIRE(busy.failure->retryAfterSeconds);
    CHECK(*busy.failure->retryAfterSeconds == 7);
    CHECK(contains(busy.failure->message, "server is rate limiting (HTTP 429)"));
    CHECK(contains(busy.failure->message, "retry after 7 s"));

    const auto maintenance = client.get(requestFor(server.url("/maintenance")), got.sink());
    REQUIRE(maintenance.failure);
    INFO("failure message: " << maintenance.failure->message);
    CHECK(maintenance.failure->status == 503);
    REQUIRE(maintenance.failure->retryAfterSeconds);
    CHECK(*maintenance.failure->retryAfterSeconds >= 88);
    CHECK(*maintenance.failure->retryAfterSeconds <= 90);
    CHECK(got.calls == 0);
}

// [SECTION] broken transfers

TEST_CASE("a connection closed mid-body is a Network failure with the byte counts") {
    testsupport::ScriptedUpstream upstream(
        {{"/blob", testsupport::ScriptedResponse::truncated(1234, 5678)}});
    NginxServer server(
        serving(pki().localhost(), {testsupport::locationProxy("/raw/", upstream.port())}));
    HttpClient client(trustingTestCa());
    Collected got;
    const auto outcome = client.get(requestFor(server.url("/raw/blob")), got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Network);
    CHECK(contains(outcome.failure->message, "got 1234 of 5678 bytes"));
    CHECK(got.body.size() == 1234);
}

TEST_CASE("an endless body stops at maxBytes with TooLarge, quickly") {
    testsupport::ScriptedUpstream upstream(
        {{"/endless", testsupport::ScriptedResponse::endlessBody()}});
    NginxServer server(
        serving(pki().localhost(), {testsupport::locationProxy("/raw/", upstream.port())}));
    HttpClient client(trustingTestCa());
    Collected got;
    net::Request request = requestFor(server.url("/raw/endless"));
    request.maxBytes = 64 * 1024;
    const auto start = std::chrono::steady_clock::now();
    const auto outcome = client.get(request, got.sink());
    const double seconds = secondsSince(start);
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::TooLarge);
    CHECK(contains(outcome.failure->message, "body larger than the 64 KiB allowed"));
    CHECK(got.body.size() <= 64 * 1024);
    CHECK(got.body.size() > 0); // it really was streaming, not refused up front
    CHECK(seconds < 3.0);
}

TEST_CASE("an announced Content-Length over maxBytes is refused before the body") {
    NginxServer server(serving(pki().localhost()));
    writeFile(server, "big.bin", pattern(200 * 1024));
    HttpClient client(trustingTestCa());
    Collected got;
    net::Request request = requestFor(server.url("/big.bin"));
    request.maxBytes = 64 * 1024;
    const auto outcome = client.get(request, got.sink());
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::TooLarge);
    CHECK(contains(outcome.failure->message, "body larger than the 64 KiB allowed"));
    CHECK(contains(outcome.failure->message, "204800"));
    CHECK(got.calls == 0);
}

TEST_CASE("a body of unknown size is capped exactly at maxBytes") {
    // echo_duplicate makes a chunked body (no Content-Length) of exactly
    // 10000 bytes, so only the write callback's count can enforce the cap.
    testsupport::NginxOptions options =
        serving(pki().localhost(), {"location = /chunked { echo_duplicate 1000 \"0123456789\"; }"});
    options.loadEchoModule = true;
    NginxServer server(options);
    HttpClient client(trustingTestCa());

    Collected exact;
    net::Request request = requestFor(server.url("/chunked"));
    request.maxBytes = 10000;
    const auto fits = client.get(request, exact.sink());
    REQUIRE_MESSAGE(fits.ok(), failureText(fits));
    CHECK(fits.response->bodyBytes == 10000);
    CHECK(exact.body.size() == 10000);
    CHECK(exact.body.substr(9990) == "0123456789");

    Collected over;
    request.maxBytes = 9999;
    const auto tooLarge = client.get(request, over.sink());
    REQUIRE(tooLarge.failure);
    INFO("failure message: " << tooLarge.failure->message);
    CHECK(tooLarge.failure->kind == FailureKind::TooLarge);
    CHECK(contains(tooLarge.failure->message, "body larger than the 9999 bytes allowed"));
    CHECK_FALSE(contains(tooLarge.failure->message, "announced")); // caught while streaming
    CHECK(over.body.size() <= 9999);
}

TEST_CASE("a 1-byte-per-second drip is a Timeout after lowSpeedSeconds") {
    // The headers (~250 bytes) and a few body bytes go out at once, then one
    // byte a second. curl averages the speed over its last few seconds: a
    // burst of a few dozen body bytes can put the first second over 64 B/s
    // and delay the verdict by a second, so the burst is kept to the headers.
    NginxServer server(
        serving(pki().localhost(), {testsupport::locationDrip("/drip.bin", 1, 256)}));
    writeFile(server, "drip.bin", pattern(100000));
    auto options = trustingTestCa();
    options.lowSpeedBytesPerSecond = 64;
    options.lowSpeedSeconds = 2;
    HttpClient client(options);
    Collected got;
    const auto start = std::chrono::steady_clock::now();
    const auto outcome = client.get(requestFor(server.url("/drip.bin")), got.sink());
    const double seconds = secondsSince(start);
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Timeout);
    CHECK(contains(outcome.failure->message, "no data for 2 s (stalled"));
    CHECK(seconds >= 1.9);
    CHECK(seconds < 4.0);
    CHECK(got.body.size() < 20); // the burst's tail, then a trickle
}

TEST_CASE("a slow but moving download stops at the total time limit") {
    NginxServer server(
        serving(pki().localhost(), {testsupport::locationDrip("/slow.bin", 100, 300)}));
    writeFile(server, "slow.bin", pattern(100000));
    auto options = trustingTestCa();
    options.lowSpeedBytesPerSecond = 1; // 100 bytes/s is not a stall here
    options.lowSpeedSeconds = 30;
    options.totalTimeoutMs = 1500;
    HttpClient client(options);
    Collected got;
    const auto start = std::chrono::steady_clock::now();
    const auto outcome = client.get(requestFor(server.url("/slow.bin")), got.sink());
    const double seconds = secondsSince(start);
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Timeout);
    CHECK(contains(outcome.failure->message, "exceeded the total limit of 1.5 s"));
    CHECK(contains(outcome.failure->message, "of 100000 bytes"));
    CHECK(seconds >= 1.4);
    CHECK(seconds < 3.0);
    CHECK(got.body.size() > 50); // it was moving
}

TEST_CASE("a sink that refuses data aborts the transfer") {
    NginxServer server(serving(pki().localhost()));
    writeFile(server, "blob.bin", pattern(300000));
    HttpClient client(trustingTestCa());

    std::size_t accepted = 0;
    int calls = 0;
    const auto outcome =
        client.get(requestFor(server.url("/blob.bin")), [&](std::string_view chunk) {
            ++calls;
            if (accepted > 0) return false; // e.g. the disk filled up after the first chunk
            accepted += chunk.size();
            return true;
        });
    REQUIRE(outcome.failure);
    INFO("failure message: " << outcome.failure->message);
    CHECK(outcome.failure->kind == FailureKind::Aborted);
    CHECK(contains(outcome.failure->message, "could not be stored"));
    CHECK(calls == 2);

    // A throwing sink is contained the same way, with its reason.
    const auto thrown =
        client.get(requestFor(server.url("/blob.bin")), [](std::string_view) -> bool {
            throw std::runtime_error("No space left on device");
        });
    REQUIRE(thrown.failure);
    INFO("failure message: " << thrown.failure->message);
    CHECK(thrown.failure->kind == FailureKind::Aborted);
    CHECK(contains(thrown.failure->message, "No space left on device"));

    // The client is still usable afterwards.
    Collected got;
    const auto again = client.get(requestFor(server.url("/blob.bin")), got.sink());
    REQUIRE_MESSAGE(again.ok(), failureText(again));
    CHECK(got.body.size() == 300000);
}
