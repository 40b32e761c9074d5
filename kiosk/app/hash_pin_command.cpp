#include "hash_pin_command.hpp"

#include "admin_pin.hpp"

#include <iostream>
#include <sodium.h>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace kiosk::app {
namespace {

// Switches terminal echo off for its lifetime (no-op when stdin is a pipe).
class HiddenInput {
  public:
    HiddenInput() {
        if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &m_saved) != 0) return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~HiddenInput() {
        if (m_active) tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    HiddenInput(const HiddenInput&) = delete;
    HiddenInput& operator=(const HiddenInput&) = delete;
    bool active() const { return m_active; }

  private:
    termios m_saved{};
    bool m_active = false;
};

} // namespace

int runHashPin(std::istream& in, std::ostream& out, std::ostream& err, bool endPromptLine) {
    std::string pin;
    std::getline(in, pin);
    if (endPromptLine) err << "\n"; // the Enter typed was not echoed
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    const std::string problem = pinProblem(pin);
    std::optional<std::string> hash;
    if (problem.empty()) hash = hashPin(pin);
    sodium_memzero(pin.data(), pin.size());
    if (!problem.empty()) {
        err << "pestor-kiosk --hash-pin: " << problem << "\n";
        return 2;
    }
    if (!hash) {
        err << "pestor-kiosk --hash-pin: hashing failed (libsodium could not start or needs 64 MiB "
               "of memory)\n";
        return 1;
    }
    out << *hash << "\n";
    return 0;
}

int hashPinCommand() {
    HiddenInput hidden;
    if (hidden.active()) std::cerr << "Admin PIN (4-12 digits, not shown): " << std::flush;
    const int rc = runHashPin(std::cin, std::cout, std::cerr, hidden.active());
    if (rc == 0 && hidden.active())
        std::cerr << "Paste the line above into the configuration file as admin.pin_hash = \"…\"\n";
    return rc;
}

} // namespace kiosk::app
