#pragma once
// The sync's only network code: one RAII libcurl handle, hardened. HTTPS
// only (file:// only when the configuration allows it, for the demo), peer
// and host verification always on, optional public-key pin, limited
// redirects that stay on https, connect / low-speed / total timeouts, and a
// byte cap enforced in the write callback. Every failure comes back as a
// value with a message an operator can act on.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "net/retry_after.hpp" // parseRetryAfter, for the callers of this client

namespace net {

struct ClientOptions {
    std::string caBundle;           // PEM file; empty = the system's
    std::string pinnedPublicKey;    // "sha256//BASE64[;sha256//...]"; empty = no pin
    bool allowFileUrls = false;     // file:// feeds (demo, tests)
    long connectTimeoutMs = 10000;
    long lowSpeedBytesPerSecond = 64; // below this for lowSpeedSeconds = stalled
    long lowSpeedSeconds = 20;
    long totalTimeoutMs = 300000;
    int maxRedirects = 3;
    std::string userAgent = "pestor-sync";
};

struct Request {
    std::string url;
    std::string ifNoneMatch;          // ETag from the last 200, for a conditional GET
    std::uint64_t maxBytes = 1 << 20; // body cap; exceeding it aborts the transfer
};

struct Response {
    long status = 0;                  // 200, or 304 for an unchanged conditional GET
    std::string etag;
    std::uint64_t bodyBytes = 0;      // bytes of body received
    std::uint64_t headerBytes = 0;    // bytes of response headers received
    std::uint64_t requestBytes = 0;   // bytes of request sent
    std::string effectiveUrl;
};

enum class FailureKind {
    InvalidUrl,   // not https (or file:// when not allowed)
    Network,      // DNS, connect, reset, truncated
    Tls,          // certificate, host name, pin
    Timeout,      // connect, stall (low speed), total
    TooLarge,     // body over Request::maxBytes
    Redirect,     // too many, or to a non-https URL
    HttpStatus,   // 4xx/5xx (status set; retryAfterSeconds for 429/503)
    Aborted,      // the sink refused data (e.g. disk full)
};

struct Failure {
    FailureKind kind;
    long status = 0;
    std::optional<long> retryAfterSeconds;
    std::string message; // "TLS: certificate is for example.org, not 127.0.0.1 (check the feed URL)"
};

// Receives the body as it arrives; return false to abort (e.g. write error).
using BodySink = std::function<bool(std::string_view chunk)>;

class HttpClient {
public:
    explicit HttpClient(ClientOptions options);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Exactly one of the two is set.
    struct Outcome {
        std::optional<Response> response;
        std::optional<Failure> failure;
        bool ok() const { return response.has_value(); }
    };
    Outcome get(const Request& request, const BodySink& sink);

private:
    ClientOptions m_options;
    void* m_curl = nullptr; // CURL*, reused across requests for connection reuse
};


} // namespace net
