#pragma once
// A tiny plain-HTTP server on 127.0.0.1 that answers with scripted raw
// bytes, for faults nginx will not produce by itself: a body cut off before
// its Content-Length, or a body that never ends. Put it behind NginxServer
// (see locationProxy) to get the same faults over TLS, or use it directly as
// an http:// endpoint that counts connections (e.g. to prove that a client
// refused a URL without connecting).
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace testsupport {

struct ScriptedResponse {
    std::string head;     // status line and headers, sent verbatim; ends with "\r\n\r\n"
    std::string body;     // sent right after the head
    bool endless = false; // then filler bytes until the peer leaves or the server stops
    // After that the connection is closed (FIN): with a Content-Length
    // larger than `body`, the client sees a truncated response.

    // 200 with "Content-Length: announced" but only `sent` bytes of body.
    static ScriptedResponse truncated(std::size_t sent, std::size_t announced);
    // 200 without a length ("Connection: close"), body never ends.
    static ScriptedResponse endlessBody();
    // A complete, well-formed 200.
    static ScriptedResponse ok(std::string body, std::string_view contentType = "text/plain");
};

class ScriptedUpstream {
  public:
    // `routes` maps a request path (query ignored) to its response; other
    // paths get a 404. Listens on a free port before returning.
    explicit ScriptedUpstream(std::map<std::string, ScriptedResponse> routes);
    ~ScriptedUpstream(); // stops accepting, ends endless bodies, joins every thread
    ScriptedUpstream(const ScriptedUpstream&) = delete;
    ScriptedUpstream& operator=(const ScriptedUpstream&) = delete;

    std::uint16_t port() const { return m_port; }
    std::string url(std::string_view path) const; // "http://127.0.0.1:PORT" + path
    std::size_t connections() const { return m_connections.load(); } // accepted so far

  private:
    void acceptLoop(std::stop_token stop);
    void serve(std::stop_token stop, int fd);

    const std::map<std::string, ScriptedResponse> m_routes; // read-only once threads run
    int m_listenFd = -1;
    std::uint16_t m_port = 0;
    std::atomic<std::size_t> m_connections{0};
    std::mutex m_mutex;                   // guards m_handlers
    std::vector<std::jthread> m_handlers; // one per connection
    std::jthread m_acceptor;              // last member: starts after the rest exist
};

} // namespace testsupport
