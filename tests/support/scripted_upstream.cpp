#include "support/scripted_upstream.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace testsupport {

namespace {

constexpr int kPollMs = 50; // how quickly threads notice a stop request

// Waits for `events` on fd; false when stopped, timed out or the peer is gone.
bool waitFor(int fd, short events, std::stop_token& stop, int timeoutMs) {
    for (int waited = 0; waited < timeoutMs && !stop.stop_requested(); waited += kPollMs) {
        pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, kPollMs);
        if (r > 0) return (p.revents & events) != 0;
        if (r < 0 && errno != EINTR) return false;
    }
    return false;
}

bool sendAll(int fd, std::string_view data, std::stop_token& stop) {
    while (!data.empty()) {
        if (!waitFor(fd, POLLOUT, stop, 10000)) return false;
        const ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR || errno == EAGAIN) continue;
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace

ScriptedResponse ScriptedResponse::truncated(std::size_t sent, std::size_t announced) {
    return {"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: " +
                std::to_string(announced) + "\r\nConnection: close\r\n\r\n",
            std::string(sent, 't'), false};
}

ScriptedResponse ScriptedResponse::endlessBody() {
    return {
        "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
        "", true};
}

ScriptedResponse ScriptedResponse::ok(std::string body, std::string_view contentType) {
    std::string head = "HTTP/1.1 200 OK\r\nContent-Type: " + std::string(contentType) +
                       "\r\nContent-Length: " + std::to_string(body.size()) +
                       "\r\nConnection: close\r\n\r\n";
    return {std::move(head), std::move(body), false};
}

ScriptedUpstream::ScriptedUpstream(std::map<std::string, ScriptedResponse> routes)
    : m_routes(std::move(routes)) {
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (m_listenFd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0; // the kernel picks a free port
    socklen_t length = sizeof addr;
    if (::bind(m_listenFd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(m_listenFd, 16) != 0 ||
        ::getsockname(m_listenFd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
        const std::string error = std::strerror(errno);
        ::close(m_listenFd);
        throw std::runtime_error("cannot listen on 127.0.0.1: " + error);
    }
    m_port = ntohs(addr.sin_port);
    m_acceptor = std::jthread([this](std::stop_token stop) { acceptLoop(stop); });
}

ScriptedUpstream::~ScriptedUpstream() {
    m_acceptor.request_stop();
    if (m_acceptor.joinable()) m_acceptor.join();
    std::vector<std::jthread> handlers;
    {
        std::lock_guard lock(m_mutex);
        handlers.swap(m_handlers);
    }
    handlers.clear(); // each jthread: request_stop + join
    ::close(m_listenFd);
}

std::string ScriptedUpstream::url(std::string_view path) const {
    return "http://127.0.0.1:" + std::to_string(m_port) + std::string(path);
}

void ScriptedUpstream::acceptLoop(std::stop_token stop) {
    while (!stop.stop_requested()) {
        if (!waitFor(m_listenFd, POLLIN, stop, kPollMs)) continue;
        const int fd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) continue;
        ++m_connections;
        std::lock_guard lock(m_mutex);
        m_handlers.emplace_back([this, fd](std::stop_token s) { serve(s, fd); });
    }
}

void ScriptedUpstream::serve(std::stop_token stop, int fd) {
    std::string request;
    char buffer[4096];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
        if (!waitFor(fd, POLLIN, stop, 10000)) break;
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        request.append(buffer, static_cast<std::size_t>(n));
    }
    // "GET /path?query HTTP/1.1"
    std::string path;
    const auto firstSpace = request.find(' ');
    if (firstSpace != std::string::npos) {
        const auto end = request.find_first_of(" ?", firstSpace + 1);
        path =
            request.substr(firstSpace + 1, end == std::string::npos ? end : end - firstSpace - 1);
    }
    const auto route = m_routes.find(path);
    const ScriptedResponse notFound{
        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", "", false};
    const ScriptedResponse& response = route != m_routes.end() ? route->second : notFound;

    if (sendAll(fd, response.head, stop) && sendAll(fd, response.body, stop) && response.endless) {
        const std::string filler(16384, 'e');
        while (sendAll(fd, filler, stop)) {
        }
    }
    ::close(fd);
}

} // namespace testsupport
