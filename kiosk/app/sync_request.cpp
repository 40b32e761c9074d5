#include "sync_request.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace kiosk::app {

cache::Result<void> requestSync(const std::filesystem::path& requestFile) {
    const auto fail = [&](const char* what) {
        return cache::makeError("cannot request a sync: " + std::string(what) + " " +
                                requestFile.string() + ": " + std::strerror(errno));
    };
    if (requestFile.empty()) {
        errno = ENOENT;
        return fail("no request file configured:");
    }
    const int fd =
        ::open(requestFile.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0644);
    if (fd < 0) return fail("open");
    // An existing file keeps its (empty) content; only the time changes.
    const int rc = ::futimens(fd, nullptr);
    const int savedErrno = errno;
    ::close(fd);
    if (rc != 0) {
        errno = savedErrno;
        return fail("touch");
    }
    return {};
}

} // namespace kiosk::app
