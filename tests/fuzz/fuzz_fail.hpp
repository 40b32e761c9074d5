#pragma once
// How a fuzz target reports a broken invariant (as opposed to a sanitizer
// finding): a message, then abort(), which libFuzzer treats as a crash and
// saves the input for. Kept apart from fuzz_records.hpp so targets that do
// not need nlohmann/json do not pay for compiling it.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cache/utf8.hpp"

namespace pestor_fuzz {

[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "pestor-fuzz: invariant broken: %s\n", what.c_str());
    std::abort();
}

// Every error a parser returns is printed as JSON, stored and shown on the
// admin screen: it must be valid UTF-8 whatever the input quoted (issue 12:
// a parser message quoting a 0xFF byte made pestor-sync abort in json::dump).
template <class R> void checkMessage(const R& result) {
    if (!result.ok() && !cache::isValidUtf8(result.error().message))
        fail("error message is not valid UTF-8: " + result.error().message);
}

} // namespace pestor_fuzz
