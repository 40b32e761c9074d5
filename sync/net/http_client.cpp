#include "net/http_client.hpp"

#include "net/header_text.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstring>
#include <curl/curl.h>
#include <exception>
#include <limits>
#include <memory>
#include <mutex>
#include <utility>

namespace net {

namespace {

// [SECTION] process-wide libcurl initialisation

// curl_global_init must run once per process before the first easy handle,
// and in libcurl < 7.84 it was not thread-safe. The once_flag is the one
// piece of process state in this module: it is written once and never
// reset, and curl_global_cleanup is deliberately never called (another
// HttpClient may exist or be created later; the OS reclaims it at exit).
void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// [SECTION] small text helpers (trim, allDigits, equalsIgnoreCase: header_text.hpp)

// "1 MiB", "64 KiB", "1234 bytes": limits are configured in round binary
// units, so show them the way an operator wrote them.
std::string formatBytes(std::uint64_t n) {
    constexpr std::uint64_t kKiB = 1024, kMiB = 1024 * 1024;
    if (n >= kMiB && n % kMiB == 0) return std::to_string(n / kMiB) + " MiB";
    if (n >= kKiB && n % kKiB == 0) return std::to_string(n / kKiB) + " KiB";
    return std::to_string(n) + " bytes";
}

std::string formatSeconds(long ms) {
    if (ms % 1000 == 0) return std::to_string(ms / 1000) + " s";
    return std::to_string(ms / 1000) + "." + std::to_string((ms % 1000) / 100) + " s";
}

// "got 1234 of 5678 bytes" / "got 1234 bytes" when the size was not announced.
std::string progressText(std::uint64_t got, curl_off_t announced) {
    if (announced >= 0)
        return "got " + std::to_string(got) + " of " + std::to_string(announced) + " bytes";
    return "got " + std::to_string(got) + " bytes, size not announced";
}

// [SECTION] URL inspection (curl's own parser, so we agree with it)

struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

struct UrlParts {
    std::string scheme;
    std::string host;
    std::string port; // empty when the URL has none
};

std::optional<UrlParts> splitUrl(const std::string& url) {
    std::unique_ptr<CURLU, UrlDeleter> handle(curl_url());
    if (!handle || curl_url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        return std::nullopt;
    UrlParts parts;
    auto read = [&](CURLUPart part, std::string& out) {
        char* value = nullptr;
        if (curl_url_get(handle.get(), part, &value, 0) == CURLUE_OK && value) {
            out = value;
            curl_free(value);
        }
    };
    read(CURLUPART_SCHEME, parts.scheme);
    read(CURLUPART_HOST, parts.host);
    read(CURLUPART_PORT, parts.port);
    return parts;
}

std::string hostOf(const std::string& url) {
    auto parts = splitUrl(url);
    return parts && !parts->host.empty() ? parts->host : url;
}

std::string hostAndPortOf(const std::string& url) {
    auto parts = splitUrl(url);
    if (!parts || parts->host.empty()) return url;
    return parts->port.empty() ? parts->host : parts->host + ":" + parts->port;
}

// [SECTION] one transfer's state, shared with the libcurl callbacks

// Error bodies are thrown away, but a server must not be able to keep us
// busy forever with one: past this much we stop reading and report the status.
constexpr std::uint64_t kMaxDiscardedBytes = 64 * 1024;

enum class Stop { None, TooLarge, SinkRefused, SinkThrew, ErrorBodyTooLong };

struct Transfer {
    const BodySink* sink = nullptr;
    std::uint64_t maxBytes = 0;
    std::uint64_t bodyBytes = 0;
    std::uint64_t discardedBytes = 0;
    long status = 0; // of the latest status line; 0 for file://
    std::string etag;
    std::optional<std::string> retryAfter;
    curl_off_t announcedLength = -1; // Content-Length, for messages when curl has none
    Stop stop = Stop::None;
    std::string sinkError;
};

// The header callback sees the headers of every response in a redirect
// chain; a status line starts a new response, so what we keep is always the
// final response's.
std::size_t onHeader(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t length = size * count;
    const std::string_view line = trim(std::string_view(data, length));
    if (line.starts_with("HTTP/")) {
        t.status = 0;
        t.etag.clear();
        t.retryAfter.reset();
        t.announcedLength = -1;
        const auto space = line.find(' ');
        if (space != std::string_view::npos) {
            const auto code = line.substr(space + 1, 3);
            std::from_chars(code.data(), code.data() + code.size(), t.status);
        }
        return length;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return length;
    const auto name = trim(line.substr(0, colon));
    const auto value = trim(line.substr(colon + 1));
    if (equalsIgnoreCase(name, "ETag"))
        t.etag = std::string(value);
    else if (equalsIgnoreCase(name, "Retry-After"))
        t.retryAfter = std::string(value);
    else if (equalsIgnoreCase(name, "Content-Length")) {
        curl_off_t n = -1;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        t.announcedLength = (ec == std::errc() && end == value.data() + value.size()) ? n : -1;
    }
    return length;
}

// Bytes are counted here, not with CURLOPT_MAXFILESIZE_LARGE: libcurl 7.88
// cannot stop a transfer whose size was not announced (chunked, or close-
// delimited). Returning anything but `length` makes curl abort with
// CURLE_WRITE_ERROR; `stop` records why.
std::size_t onBody(char* data, std::size_t size, std::size_t count, void* user) {
    auto& t = *static_cast<Transfer*>(user);
    const std::size_t length = size * count;
    const bool success = t.status == 0 || (t.status >= 200 && t.status <= 299);
    if (!success) {
        t.discardedBytes += length;
        if (t.discardedBytes > kMaxDiscardedBytes) {
            t.stop = Stop::ErrorBodyTooLong;
            return CURL_WRITEFUNC_ERROR;
        }
        return length;
    }
    if (length > t.maxBytes - t.bodyBytes) {
        t.stop = Stop::TooLarge;
        return CURL_WRITEFUNC_ERROR;
    }
    t.bodyBytes += length;
    if (!t.sink || !*t.sink) return length;
    // An exception must not unwind through libcurl's C frames.
    try {
        if (!(*t.sink)(std::string_view(data, length))) {
            t.stop = Stop::SinkRefused;
            return CURL_WRITEFUNC_ERROR;
        }
    } catch (const std::exception& e) {
        t.stop = Stop::SinkThrew;
        t.sinkError = e.what();
        return CURL_WRITEFUNC_ERROR;
    } catch (...) {
        t.stop = Stop::SinkThrew;
        t.sinkError = "unknown exception";
        return CURL_WRITEFUNC_ERROR;
    }
    return length;
}

// [SECTION] turning the outcome of a transfer into an operator's message

// OpenSSL's X509_V_ERR_* codes as reported by CURLINFO_SSL_VERIFYRESULT.
// They are part of OpenSSL's stable ABI; spelled out here so that sync/net
// does not need the OpenSSL headers.
constexpr long kX509UnableToGetIssuerCert = 2;
constexpr long kX509CertNotYetValid = 9;
constexpr long kX509CertHasExpired = 10;
constexpr long kX509DepthZeroSelfSigned = 18;
constexpr long kX509SelfSignedInChain = 19;
constexpr long kX509UnableToGetIssuerLocally = 20;
constexpr long kX509UnableToVerifyLeafSignature = 21;
constexpr long kX509CertRevoked = 23;

struct TransferInfo {
    long status = 0;
    long verifyResult = 0;
    long redirects = 0;
    curl_off_t contentLength = -1;
    curl_off_t connectTime = 0;
    curl_off_t appConnectTime = 0;
    std::string effectiveUrl;
    std::string redirectUrl;
    std::string certNames;  // subject names of the server's certificate, if known
    std::string curlDetail; // curl's error buffer (or strerror)
};

// The names a certificate is valid for, from CURLINFO_CERTINFO (only filled
// when the handshake got far enough to look at the certificate, which is
// the case for a host-name mismatch).
std::string leafCertificateNames(CURL* curl) {
    curl_certinfo* info = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_CERTINFO, &info) != CURLE_OK || !info ||
        info->num_of_certs < 1)
        return {};
    std::string subject;
    for (curl_slist* field = info->certinfo[0]; field; field = field->next) {
        const std::string_view text = field->data;
        if (text.starts_with("X509v3 Subject Alternative Name:")) {
            // "DNS:example.org, IP Address:10.0.0.1" -> "example.org, 10.0.0.1"
            std::string names(trim(text.substr(text.find(':') + 1)));
            for (std::string_view tag : {"DNS:", "IP Address:"})
                for (auto at = names.find(tag); at != std::string::npos; at = names.find(tag))
                    names.erase(at, tag.size());
            return names;
        }
        if (text.starts_with("Subject:"))
            subject = std::string(trim(text.substr(text.find(':') + 1)));
    }
    return subject;
}

Failure failure(FailureKind kind, std::string message) {
    Failure f{};
    f.kind = kind;
    f.message = std::move(message);
    return f;
}

Failure httpStatusFailure(const Transfer& t, const TransferInfo& info) {
    Failure f{};
    f.kind = FailureKind::HttpStatus;
    f.status = info.status;
    if (t.retryAfter) {
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                             std::chrono::system_clock::now().time_since_epoch())
                             .count();
        f.retryAfterSeconds = parseRetryAfter(*t.retryAfter, now);
    }
    const std::string code = std::to_string(info.status);
    std::string retry;
    if (f.retryAfterSeconds) retry = ", retry after " + std::to_string(*f.retryAfterSeconds) + " s";
    if (info.status == 429)
        f.message = "server is rate limiting (HTTP 429) for " + info.effectiveUrl + retry;
    else if (info.status == 503)
        f.message = "server unavailable (HTTP 503) for " + info.effectiveUrl + retry;
    else if (info.status == 401 || info.status == 403)
        f.message = "HTTP " + code + " (access denied) for " + info.effectiveUrl + retry;
    else if (info.status == 404 || info.status == 410)
        f.message = "HTTP " + code + " for " + info.effectiveUrl +
                    " (not on the server: check the feed URL)" + retry;
    else if (info.status >= 500)
        f.message = "HTTP " + code + " (server error) for " + info.effectiveUrl + retry;
    else
        f.message = "HTTP " + code + " for " + info.effectiveUrl + retry;
    return f;
}

Failure tlsVerificationFailure(const TransferInfo& info) {
    const std::string host = hostOf(info.effectiveUrl);
    // curl checks the host name itself after OpenSSL accepted the chain; its
    // messages all end in "target host name '...'", and the verify result
    // then holds no X509 error of its own.
    if (info.curlDetail.find("target host name") != std::string::npos) {
        if (!info.certNames.empty())
            return failure(FailureKind::Tls, "TLS: certificate is for " + info.certNames +
                                                 ", not " + host + " — check the feed URL");
        return failure(FailureKind::Tls, "TLS: certificate is for another host than " + host +
                                             " — check the feed URL");
    }
    switch (info.verifyResult) {
    case kX509CertHasExpired:
        return failure(FailureKind::Tls,
                       "TLS: certificate of " + host +
                           " expired — renew it on the server (or check this terminal's clock)");
    case kX509CertNotYetValid:
        return failure(FailureKind::Tls,
                       "TLS: certificate of " + host +
                           " is not valid yet — check this terminal's clock (NTP)");
    case kX509UnableToGetIssuerCert:
    case kX509UnableToGetIssuerLocally:
    case kX509UnableToVerifyLeafSignature:
        return failure(FailureKind::Tls, "TLS: certificate of " + host +
                                             " not trusted (issuer unknown) — check ca_bundle");
    case kX509DepthZeroSelfSigned:
    case kX509SelfSignedInChain:
        return failure(FailureKind::Tls, "TLS: certificate of " + host +
                                             " is self-signed and not trusted — check ca_bundle");
    case kX509CertRevoked:
        return failure(FailureKind::Tls, "TLS: certificate of " + host + " is revoked");
    default:
        return failure(FailureKind::Tls,
                       "TLS: certificate of " + host + " rejected (" + info.curlDetail + ")");
    }
}

Failure describeFailure(CURLcode rc, const Transfer& t, const TransferInfo& info,
                        const ClientOptions& options, const Request& request) {
    const std::string& url = info.effectiveUrl;
    const std::string detail = " [" + info.curlDetail + "]";
    const std::string progress = progressText(t.bodyBytes, info.contentLength);

    switch (rc) {
    case CURLE_WRITE_ERROR:
        switch (t.stop) {
        case Stop::TooLarge:
            return failure(FailureKind::TooLarge, "body larger than the " +
                                                      formatBytes(request.maxBytes) +
                                                      " allowed for " + url);
        case Stop::SinkRefused:
            return failure(FailureKind::Aborted, "download of " + url +
                                                     " stopped: the data could not be stored "
                                                     "(after " +
                                                     std::to_string(t.bodyBytes) + " bytes)");
        case Stop::SinkThrew:
            return failure(FailureKind::Aborted,
                           "download of " + url +
                               " stopped: storing the data failed: " + t.sinkError);
        case Stop::ErrorBodyTooLong:
            return httpStatusFailure(t, info);
        case Stop::None:
            break;
        }
        return failure(FailureKind::Aborted, "download of " + url + " stopped" + detail);

    case CURLE_FILESIZE_EXCEEDED:
        if (info.status >= 400) return httpStatusFailure(t, info);
        return failure(FailureKind::TooLarge, "body larger than the " +
                                                  formatBytes(request.maxBytes) + " allowed for " +
                                                  url + " (server announced " +
                                                  std::to_string(info.contentLength) + " bytes)");

    case CURLE_UNSUPPORTED_PROTOCOL: {
        // The first URL's scheme was checked before the transfer, so this is
        // a Location header pointing somewhere we refuse to go; curl has
        // already made it the effective URL.
        const auto target = splitUrl(url);
        const std::string refused =
            target && !equalsIgnoreCase(target->scheme, "https") ? url : info.redirectUrl;
        return failure(FailureKind::Redirect,
                       "redirect to a non-https address refused" +
                           (refused.empty() ? std::string() : ": " + refused) + ", reached from " +
                           request.url);
    }

    case CURLE_TOO_MANY_REDIRECTS:
        return failure(FailureKind::Redirect, "more than " + std::to_string(options.maxRedirects) +
                                                  " redirects, starting at " + request.url);

    case CURLE_OPERATION_TIMEDOUT:
        if (info.curlDetail.find("too slow") != std::string::npos)
            return failure(FailureKind::Timeout,
                           "no data for " + std::to_string(options.lowSpeedSeconds) +
                               " s (stalled: under " +
                               std::to_string(options.lowSpeedBytesPerSecond) + " bytes/s; " +
                               progress + ") from " + url);
        if (info.connectTime == 0 || info.appConnectTime == 0)
            return failure(FailureKind::Timeout, "could not connect to " + hostAndPortOf(url) +
                                                     " within " +
                                                     formatSeconds(options.connectTimeoutMs) +
                                                     " (server down or network blocked?)");
        return failure(FailureKind::Timeout,
                       "download of " + url + " exceeded the total limit of " +
                           formatSeconds(options.totalTimeoutMs) + " (" + progress + ")");

    case CURLE_COULDNT_RESOLVE_HOST:
        return failure(FailureKind::Network,
                       "cannot resolve host name " + hostOf(url) + " (DNS)" + detail);
    case CURLE_COULDNT_CONNECT:
        return failure(FailureKind::Network, "cannot connect to " + hostAndPortOf(url) +
                                                 " (server down or port closed?)" + detail);
    case CURLE_RECV_ERROR:
        return failure(FailureKind::Network,
                       "connection reset while receiving (" + progress + ") from " + url + detail);
    case CURLE_PARTIAL_FILE:
        return failure(FailureKind::Network, "connection closed before the end of the body (" +
                                                 progress + ") from " + url + detail);
    case CURLE_SEND_ERROR:
        return failure(FailureKind::Network,
                       "connection reset while sending the request to " + url + detail);
    case CURLE_GOT_NOTHING:
        return failure(FailureKind::Network,
                       "server closed the connection without answering, for " + url);
    case CURLE_WEIRD_SERVER_REPLY:
        return failure(FailureKind::Network, "server's answer is not HTTP, for " + url + detail);
    case CURLE_FILE_COULDNT_READ_FILE:
        return failure(FailureKind::Network, "cannot read " + url + detail);

    case CURLE_PEER_FAILED_VERIFICATION:
        return tlsVerificationFailure(info);
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return failure(FailureKind::Tls,
                       "TLS: server key does not match the pinned key for " + hostOf(url) +
                           " — not our server, or its key changed (update pinned_public_key "
                           "only if the change is expected)");
    case CURLE_SSL_CACERT_BADFILE:
        return failure(FailureKind::Tls, "TLS: cannot read the CA bundle '" + options.caBundle +
                                             "' — check ca_bundle" + detail);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_SHUTDOWN_FAILED:
        return failure(FailureKind::Tls, "TLS: handshake with " + hostOf(url) + " failed" + detail);

    case CURLE_URL_MALFORMAT:
        return failure(FailureKind::InvalidUrl, "not a valid URL: " + request.url + detail);

    default:
        return failure(FailureKind::Network, "download of " + url + " failed" + detail);
    }
}

// [SECTION] libcurl options

struct SlistDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

// Sets every option and reports the first one libcurl refused: a hardening
// option that did not take must stop the transfer, not be skipped.
class Options {
  public:
    explicit Options(CURL* curl) : m_curl(curl) {}
    template <class T> void set(CURLoption option, T value, const char* name) {
        if (m_failed) return;
        if (curl_easy_setopt(m_curl, option, value) != CURLE_OK) {
            m_failed = name;
        }
    }
    const char* failed() const { return m_failed; }

  private:
    CURL* m_curl;
    const char* m_failed = nullptr;
};

} // namespace

// [SECTION] HttpClient

HttpClient::HttpClient(ClientOptions options) : m_options(std::move(options)) {
    // In libcurl 0 means "no limit" for these (and -1 redirects means
    // unlimited): a zero in a configuration file must not switch a
    // protection off, so it gets the default instead.
    const ClientOptions defaults;
    auto positiveOr = [](long& value, long fallback) {
        if (value <= 0) value = fallback;
    };
    positiveOr(m_options.connectTimeoutMs, defaults.connectTimeoutMs);
    positiveOr(m_options.totalTimeoutMs, defaults.totalTimeoutMs);
    positiveOr(m_options.lowSpeedBytesPerSecond, defaults.lowSpeedBytesPerSecond);
    positiveOr(m_options.lowSpeedSeconds, defaults.lowSpeedSeconds);
    if (m_options.maxRedirects < 0) m_options.maxRedirects = 0;
    initCurlOnce();
    m_curl = curl_easy_init();
}

HttpClient::~HttpClient() {
    if (m_curl) curl_easy_cleanup(static_cast<CURL*>(m_curl));
}

HttpClient::Outcome HttpClient::get(const Request& request, const BodySink& sink) {
    Outcome outcome;
    auto fail = [&](Failure f) {
        outcome.failure = std::move(f);
        return outcome;
    };

    CURL* curl = static_cast<CURL*>(m_curl);
    if (!curl)
        return fail(
            failure(FailureKind::Network, "libcurl could not be initialised (out of memory?)"));

    // Refuse before any connection is made, so an http:// feed URL is a
    // configuration error and never a plaintext request.
    const auto parts = splitUrl(request.url);
    if (!parts)
        return fail(failure(FailureKind::InvalidUrl, "not a valid URL: '" + request.url + "'"));
    const bool isFile = equalsIgnoreCase(parts->scheme, "file");
    if (isFile && !m_options.allowFileUrls)
        return fail(failure(FailureKind::InvalidUrl,
                            "file:// URLs are not allowed (only for a local demo feed, when the "
                            "configuration allows them): " +
                                request.url));
    if (!isFile && !equalsIgnoreCase(parts->scheme, "https"))
        return fail(failure(FailureKind::InvalidUrl, "only https:// URLs are allowed, not " +
                                                         parts->scheme + "://: " + request.url));

    // Start from libcurl's defaults for every request; live connections and
    // TLS sessions survive curl_easy_reset, so reuse still works.
    curl_easy_reset(curl);

    std::array<char, CURL_ERROR_SIZE> errorBuffer{};
    Transfer transfer;
    transfer.sink = &sink;
    transfer.maxBytes = request.maxBytes;

    std::unique_ptr<curl_slist, SlistDeleter> headers;
    if (!request.ifNoneMatch.empty()) {
        const std::string line = "If-None-Match: " + request.ifNoneMatch;
        headers.reset(curl_slist_append(nullptr, line.c_str()));
        if (!headers)
            return fail(failure(FailureKind::Network, "out of memory building the request"));
    }

    Options o(curl);
    o.set(CURLOPT_URL, request.url.c_str(), "URL");
    o.set(CURLOPT_ERRORBUFFER, errorBuffer.data(), "ERRORBUFFER");
    o.set(CURLOPT_NOSIGNAL, 1L, "NOSIGNAL");
    o.set(CURLOPT_PROTOCOLS_STR, m_options.allowFileUrls ? "https,file" : "https", "PROTOCOLS_STR");
    o.set(CURLOPT_REDIR_PROTOCOLS_STR, "https", "REDIR_PROTOCOLS_STR");
    o.set(CURLOPT_FOLLOWLOCATION, 1L, "FOLLOWLOCATION");
    o.set(CURLOPT_MAXREDIRS, static_cast<long>(m_options.maxRedirects), "MAXREDIRS");
    o.set(CURLOPT_SSL_VERIFYPEER, 1L, "SSL_VERIFYPEER");
    o.set(CURLOPT_SSL_VERIFYHOST, 2L, "SSL_VERIFYHOST");
    o.set(CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2), "SSLVERSION");
    if (!m_options.caBundle.empty()) {
        o.set(CURLOPT_CAINFO, m_options.caBundle.c_str(), "CAINFO");
        // With a bundle of our own, the system's CA directory must not widen
        // the set of trusted issuers behind our back.
        o.set(CURLOPT_CAPATH, static_cast<const char*>(nullptr), "CAPATH");
    }
    if (!m_options.pinnedPublicKey.empty())
        o.set(CURLOPT_PINNEDPUBLICKEY, m_options.pinnedPublicKey.c_str(), "PINNEDPUBLICKEY");
    // Lets a host-name mismatch name the host the certificate is really for.
    o.set(CURLOPT_CERTINFO, 1L, "CERTINFO");
    o.set(CURLOPT_CONNECTTIMEOUT_MS, m_options.connectTimeoutMs, "CONNECTTIMEOUT_MS");
    o.set(CURLOPT_TIMEOUT_MS, m_options.totalTimeoutMs, "TIMEOUT_MS");
    o.set(CURLOPT_LOW_SPEED_LIMIT, m_options.lowSpeedBytesPerSecond, "LOW_SPEED_LIMIT");
    o.set(CURLOPT_LOW_SPEED_TIME, m_options.lowSpeedSeconds, "LOW_SPEED_TIME");
    // Sequential downloads on one handle gain nothing from HTTP/2; HTTP/1.1
    // keeps byte accounting and truncation errors simple and tested.
    o.set(CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_1_1), "HTTP_VERSION");
    o.set(CURLOPT_USERAGENT, m_options.userAgent.c_str(), "USERAGENT");
    if (headers) o.set(CURLOPT_HTTPHEADER, headers.get(), "HTTPHEADER");
    // No CURLOPT_ACCEPT_ENCODING: feed blobs are gzip'd files already, and
    // we want their bytes, not curl's decompression of them.
    // An announced Content-Length over the cap fails before the body starts;
    // the write callback enforces the cap for the sizes nobody announced.
    if (request.maxBytes <= static_cast<std::uint64_t>(std::numeric_limits<curl_off_t>::max()))
        o.set(CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(request.maxBytes),
              "MAXFILESIZE_LARGE");
    o.set(CURLOPT_WRITEFUNCTION, &onBody, "WRITEFUNCTION");
    o.set(CURLOPT_WRITEDATA, static_cast<void*>(&transfer), "WRITEDATA");
    o.set(CURLOPT_HEADERFUNCTION, &onHeader, "HEADERFUNCTION");
    o.set(CURLOPT_HEADERDATA, static_cast<void*>(&transfer), "HEADERDATA");
    if (o.failed())
        return fail(
            failure(FailureKind::Network, std::string("libcurl refused the option ") + o.failed() +
                                              " (is this the libcurl the sync was built for?)"));

    const CURLcode rc = curl_easy_perform(curl);

    TransferInfo info;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &info.status);
    curl_easy_getinfo(curl, CURLINFO_SSL_VERIFYRESULT, &info.verifyResult);
    curl_easy_getinfo(curl, CURLINFO_REDIRECT_COUNT, &info.redirects);
    curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &info.contentLength);
    if (info.contentLength < 0) // not set when curl stops before the body (MAXFILESIZE)
        info.contentLength = transfer.announcedLength;
    curl_easy_getinfo(curl, CURLINFO_CONNECT_TIME_T, &info.connectTime);
    curl_easy_getinfo(curl, CURLINFO_APPCONNECT_TIME_T, &info.appConnectTime);
    if (isFile) info.appConnectTime = info.connectTime = 1; // no handshake to wait for
    char* text = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &text) == CURLE_OK && text)
        info.effectiveUrl = text;
    else
        info.effectiveUrl = request.url;
    text = nullptr;
    if (curl_easy_getinfo(curl, CURLINFO_REDIRECT_URL, &text) == CURLE_OK && text)
        info.redirectUrl = text;
    info.curlDetail = errorBuffer[0] ? std::string(errorBuffer.data()) : curl_easy_strerror(rc);
    while (!info.curlDetail.empty() && (info.curlDetail.back() == '\n'))
        info.curlDetail.pop_back();
    if (rc == CURLE_PEER_FAILED_VERIFICATION) info.certNames = leafCertificateNames(curl);

    if (rc != CURLE_OK) return fail(describeFailure(rc, transfer, info, m_options, request));
    if (info.status >= 400) return fail(httpStatusFailure(transfer, info));
    if (info.status >= 300 && info.status != 304)
        return fail(failure(FailureKind::Redirect, "HTTP " + std::to_string(info.status) +
                                                       " without a usable Location, for " +
                                                       info.effectiveUrl));
    if (!isFile && info.status < 200)
        return fail(failure(FailureKind::Network, "no HTTP status from " + info.effectiveUrl));

    Response response;
    // file:// has no status; a successful read is reported as 200 so callers
    // handle one success case.
    response.status = isFile ? 200 : info.status;
    response.etag = transfer.etag;
    if (response.status == 304 && response.etag.empty())
        response.etag = request.ifNoneMatch; // unchanged, so still the same entity
    response.bodyBytes = transfer.bodyBytes;
    long headerSize = 0, requestSize = 0;
    curl_easy_getinfo(curl, CURLINFO_HEADER_SIZE, &headerSize);
    curl_easy_getinfo(curl, CURLINFO_REQUEST_SIZE, &requestSize);
    response.headerBytes = static_cast<std::uint64_t>(headerSize);
    response.requestBytes = static_cast<std::uint64_t>(requestSize);
    response.effectiveUrl = info.effectiveUrl;
    outcome.response = std::move(response);
    return outcome;
}

} // namespace net
