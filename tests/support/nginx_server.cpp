#include "support/nginx_server.hpp"

#include "support/process.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <netinet/in.h>
#include <signal.h>
#include <sstream>
#include <stdexcept>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace testsupport {

namespace {

namespace fs = std::filesystem;

// A port that was free a moment ago. Another process can take it before
// nginx binds; tryStart notices (nginx exits with EADDRINUSE) and the
// constructor retries with another port.
std::uint16_t pickFreePort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
        const std::string error = std::strerror(errno);
        ::close(fd);
        throw std::runtime_error("cannot find a free port: " + error);
    }
    ::close(fd);
    return ntohs(addr.sin_port);
}

bool accepts(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

std::string quoted(const fs::path& path) {
    return "\"" + path.string() + "\"";
}

std::string buildConfig(const NginxOptions& options, const fs::path& dir,
                        const fs::path& documentRoot, std::uint16_t port) {
    std::ostringstream c;
    if (options.loadEchoModule) c << "load_module " << quoted(PESTOR_NGINX_ECHO_MODULE) << ";\n";
    // Single process in the foreground: no worker switching to another user
    // (we may be root in CI), and the pid we spawned is the server.
    c << "daemon off;\n"
         "master_process off;\n"
         "worker_processes 1;\n"
      << "pid " << quoted(dir / "nginx.pid") << ";\n"
      << "lock_file " << quoted(dir / "nginx.lock") << ";\n"
      << "error_log " << quoted(dir / "error.log") << " info;\n"
      << "events { worker_connections 128; }\n"
         "http {\n"
         "  log_format pestor '$status \"$request\" $body_bytes_sent $connection "
         "$connection_requests';\n"
      << "  access_log " << quoted(dir / "access.log") << " pestor;\n"
      << "  client_body_temp_path " << quoted(dir / "tmp/body") << ";\n"
      << "  proxy_temp_path " << quoted(dir / "tmp/proxy") << ";\n"
      << "  fastcgi_temp_path " << quoted(dir / "tmp/fastcgi") << ";\n"
      << "  uwsgi_temp_path " << quoted(dir / "tmp/uwsgi") << ";\n"
      << "  scgi_temp_path " << quoted(dir / "tmp/scgi")
      << ";\n"
      // Our own small types table: /etc/nginx/mime.types is not ours to read.
      << "  default_type application/octet-stream;\n"
         "  types { application/json json; text/plain txt; text/html html; "
         "application/gzip gz; image/jpeg jpg jpeg; image/png png; }\n"
         "  sendfile off;\n"
         "  keepalive_timeout 30s;\n"
         "  server {\n"
      << "    listen 127.0.0.1:" << port << " ssl;\n"
      << "    server_name localhost;\n"
      << "    ssl_certificate " << quoted(options.certificate) << ";\n"
      << "    ssl_certificate_key " << quoted(options.key) << ";\n"
      << "    ssl_protocols TLSv1.2 TLSv1.3;\n"
      << "    root " << quoted(documentRoot) << ";\n"
      << "    etag on;\n";
    for (const auto& location : options.locations)
        c << "    " << location << "\n";
    c << "  }\n"
         "}\n";
    return c.str();
}

} // namespace

NginxServer::NginxServer(NginxOptions options)
    : m_options(std::move(options)), m_dir("pestor-nginx") {
    if (m_options.certificate.empty() || m_options.key.empty())
        throw std::invalid_argument("NginxOptions: certificate and key are required");
    if (m_options.loadEchoModule && !fs::exists(PESTOR_NGINX_ECHO_MODULE))
        throw std::runtime_error(std::string("nginx echo module not found at ") +
                                 PESTOR_NGINX_ECHO_MODULE +
                                 " (apt-get install libnginx-mod-http-echo)");
    if (!fs::exists(PESTOR_NGINX_EXE))
        throw std::runtime_error(std::string("nginx not found at ") + PESTOR_NGINX_EXE +
                                 " (apt-get install nginx-light)");
    m_documentRoot = m_options.documentRoot.empty() ? m_dir / "www" : m_options.documentRoot;
    fs::create_directories(m_documentRoot);
    for (const char* sub : {"tmp/body", "tmp/proxy", "tmp/fastcgi", "tmp/uwsgi", "tmp/scgi"})
        fs::create_directories(m_dir / sub);

    for (int attempt = 0; attempt < 5; ++attempt)
        if (tryStart(pickFreePort())) return;
    throw std::runtime_error("nginx could not bind a free port in 5 attempts:\n" + errorLog());
}

bool NginxServer::tryStart(std::uint16_t port) {
    const fs::path config = m_dir / "nginx.conf";
    const fs::path pidFile = m_dir / "nginx.pid";
    writeTextFile(config, buildConfig(m_options, m_dir.path(), m_documentRoot, port));
    std::error_code ignored;
    fs::remove(pidFile, ignored);
    fs::remove(m_dir / "error.log", ignored);

    // -e: the log nginx writes before it has read our config would
    // otherwise be the compiled-in one.
    m_pid = spawnProcess({PESTOR_NGINX_EXE, "-p", m_dir.path().string() + "/", "-c",
                          config.string(), "-e", (m_dir / "error.log").string()},
                         m_dir / "error.log");
    const auto deadline = std::chrono::steady_clock::now() + m_options.startTimeout;
    while (std::chrono::steady_clock::now() < deadline) {
        if (hasExited(m_pid)) {
            m_pid = -1;
            const std::string log = errorLog();
            if (log.find("Address already in use") != std::string::npos) return false;
            throw std::runtime_error("nginx exited at start-up:\n" + log + "\nconfig:\n" +
                                     configText());
        }
        // nginx writes the pid file after it has bound its sockets, so a
        // connection that succeeds then is to our nginx, not to a stranger
        // that took the port.
        if (fs::exists(pidFile) && accepts(port)) {
            m_port = port;
            return true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    stopProcess(m_pid, SIGKILL, std::chrono::milliseconds(1000));
    m_pid = -1;
    throw std::runtime_error("nginx did not accept connections within " +
                             std::to_string(m_options.startTimeout.count()) + " ms:\n" +
                             errorLog());
}

NginxServer::~NginxServer() {
    // Fast shutdown: a graceful one (SIGQUIT) would wait for a test's
    // deliberately stalled downloads.
    stopProcess(m_pid, SIGTERM, std::chrono::milliseconds(5000));
}

void NginxServer::stop() {
    stopProcess(m_pid, SIGTERM, std::chrono::milliseconds(5000));
    m_pid = -1;
}

void NginxServer::start() {
    if (running()) return;
    if (!tryStart(m_port))
        throw std::runtime_error("nginx could not bind port " + std::to_string(m_port) + " again:\n" + errorLog());
}

bool NginxServer::running() const {
    return m_pid > 0 && ::kill(m_pid, 0) == 0;
}

std::string NginxServer::url(std::string_view path) const {
    return "https://127.0.0.1:" + std::to_string(m_port) + std::string(path);
}

std::string NginxServer::configText() const {
    try {
        return readTextFile(m_dir / "nginx.conf");
    } catch (const std::exception&) {
        return {};
    }
}

std::string NginxServer::errorLog() const {
    try {
        return readTextFile(m_dir / "error.log");
    } catch (const std::exception&) {
        return {};
    }
}

std::vector<std::string> NginxServer::accessLog() const {
    std::vector<std::string> lines;
    std::ifstream in(m_dir / "access.log");
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::vector<std::string> NginxServer::waitForAccessLog(std::size_t lines,
                                                       std::chrono::milliseconds timeout) const {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    auto log = accessLog();
    while (log.size() < lines && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        log = accessLog();
    }
    return log;
}

std::string locationStatus(std::string_view path, int code,
                           const std::vector<std::string>& headers) {
    std::string s = "location = " + std::string(path) + " { ";
    for (const auto& header : headers) {
        const auto colon = header.find(':');
        if (colon == std::string::npos)
            throw std::invalid_argument("header without ':': " + header);
        const auto valueStart = header.find_first_not_of(' ', colon + 1);
        s += "add_header " + header.substr(0, colon) + " \"" +
             (valueStart == std::string::npos ? std::string() : header.substr(valueStart)) +
             "\" always; ";
    }
    return s + "return " + std::to_string(code) + "; }";
}

std::string locationRedirect(std::string_view path, std::string_view target, int code) {
    return "location = " + std::string(path) + " { return " + std::to_string(code) + " " +
           std::string(target) + "; }";
}

std::string locationRedirectChain(std::string_view prefix, int hops, std::string_view finalTarget) {
    std::string s;
    for (int i = 1; i <= hops; ++i) {
        const std::string next =
            i < hops ? std::string(prefix) + "/" + std::to_string(i + 1) : std::string(finalTarget);
        s += locationRedirect(std::string(prefix) + "/" + std::to_string(i), next) + "\n    ";
    }
    return s;
}

std::string locationDrip(std::string_view path, int bytesPerSecond, int burstBytes) {
    return "location = " + std::string(path) + " { limit_rate " + std::to_string(bytesPerSecond) +
           "; limit_rate_after " + std::to_string(burstBytes) + "; }";
}

std::string locationProxy(std::string_view prefix, std::uint16_t upstreamPort) {
    if (!prefix.starts_with('/') || !prefix.ends_with('/'))
        throw std::invalid_argument("locationProxy: prefix must start and end with '/'");
    // The URI part "/" in proxy_pass replaces the prefix: PREFIX/x -> /x.
    return "location " + std::string(prefix) +
           " { proxy_pass http://127.0.0.1:" + std::to_string(upstreamPort) +
           "/; proxy_buffering off; proxy_read_timeout 30s; }";
}

} // namespace testsupport
