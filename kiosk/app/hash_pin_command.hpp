#pragma once
// `pestor-kiosk --hash-pin`: reads the admin PIN from standard input, prints
// the string to paste into `admin.pin_hash`. The PIN is never echoed, logged
// or kept: a terminal's echo is switched off while it is typed and the buffer
// is wiped after hashing.
#include <istream>
#include <ostream>

namespace kiosk::app {

// The core, on streams (tests): one line in, one hash line out. 0 on success,
// 2 on a PIN that is not 4-12 digits, 1 when hashing failed.
int runHashPin(std::istream& in, std::ostream& out, std::ostream& err, bool endPromptLine = false);

// On the process's stdin/stdout/stderr, prompting (on stderr) and hiding the
// typing when stdin is a terminal.
int hashPinCommand();

} // namespace kiosk::app
