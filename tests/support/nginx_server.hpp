#pragma once
// A real nginx serving a directory over TLS on 127.0.0.1, for integration
// tests. Runs as the current user in single-process, foreground mode
// (`daemon off; master_process off;`) with its own prefix, config, pid file,
// logs and temp dirs in a private temporary directory: it never reads
// /etc/nginx and never touches the system service. Faults are added as
// nginx `location` snippets (helpers below). Needs Debian's nginx-light
// (/usr/sbin/nginx) and, for loadEchoModule, libnginx-mod-http-echo.
#include "support/temp_dir.hpp"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <vector>

namespace testsupport {

struct NginxOptions {
    std::filesystem::path certificate; // PEM server certificate (e.g. TestPki::localhost().cert)
    std::filesystem::path key;         // its private key
    // Served at "/" with `etag on`. Empty: a fresh empty directory, see
    // NginxServer::documentRoot(). Files may be added while nginx runs.
    std::filesystem::path documentRoot;
    // Raw nginx config placed inside the server block, typically
    // `location ... { ... }`. nginx variables such as $server_port work
    // (e.g. `return 302 http://127.0.0.1:$server_port/x;`).
    std::vector<std::string> locations;
    bool loadEchoModule = false; // load ngx_http_echo_module (echo, echo_sleep, echo_flush...)
    std::chrono::milliseconds startTimeout{10000};
};

class NginxServer {
  public:
    // Starts nginx on a free port and returns once it accepts connections.
    // Throws std::runtime_error with nginx's error log if it cannot start.
    explicit NginxServer(NginxOptions options);
    // SIGTERM (fast shutdown, does not wait for stalled clients), then
    // SIGKILL after 5 s; always reaps the process.
    ~NginxServer();
    NginxServer(const NginxServer&) = delete;
    NginxServer& operator=(const NginxServer&) = delete;

    std::uint16_t port() const { return m_port; }
    std::string url(std::string_view path) const; // "https://127.0.0.1:PORT" + path
    const std::filesystem::path& documentRoot() const { return m_documentRoot; }
    pid_t pid() const { return m_pid; }
    bool running() const;

    // Stops nginx (as the destructor does): clients now get "connection
    // refused". start() brings it back on the same port and config; it
    // throws if the port was taken meanwhile.
    void stop();
    void start();

    std::string configText() const; // the nginx.conf in use, for failure messages
    std::string errorLog() const;
    // One line per finished request:
    // `STATUS "REQUEST_LINE" BODY_BYTES_SENT CONNECTION_ID REQUESTS_ON_CONNECTION`.
    // nginx logs a request after the response went out, so a client can be
    // done before the line is there: tests that count lines wait for them.
    std::vector<std::string> accessLog() const;
    // The log once it has at least `lines` lines, or as it is after `timeout`.
    std::vector<std::string>
    waitForAccessLog(std::size_t lines,
                     std::chrono::milliseconds timeout = std::chrono::milliseconds(3000)) const;

  private:
    bool tryStart(std::uint16_t port);

    NginxOptions m_options;
    TempDir m_dir;
    std::filesystem::path m_documentRoot;
    std::uint16_t m_port = 0;
    pid_t m_pid = -1;
};

// [SECTION] location snippets for common faults

// `location = PATH { [add_header NAME VALUE always;]... return CODE; }`
// `headers` are "Name: value" pairs, sent with error statuses too.
std::string locationStatus(std::string_view path, int code,
                           const std::vector<std::string>& headers = {});
// `location = PATH { return CODE TARGET; }` with a 3xx code.
std::string locationRedirect(std::string_view path, std::string_view target, int code = 302);
// `hops` redirects: PREFIX/1 -> PREFIX/2 -> ... -> PREFIX/hops -> finalTarget.
// Request PREFIX/1.
std::string locationRedirectChain(std::string_view prefix, int hops, std::string_view finalTarget);
// Serves PATH from the document root at `bytesPerSecond` once the first
// `burstBytes` (headers included) have gone out at full speed.
std::string locationDrip(std::string_view path, int bytesPerSecond, int burstBytes = 512);
// Passes PREFIXrest to a plain-HTTP upstream (e.g. ScriptedUpstream) on
// 127.0.0.1:port as /rest (the prefix, "/.../", is stripped), unbuffered, so
// the upstream's faults reach the client as they happen.
std::string locationProxy(std::string_view prefix, std::uint16_t upstreamPort);

} // namespace testsupport
