#pragma once
// How a fuzz target reports a broken invariant (as opposed to a sanitizer
// finding): a message, then abort(), which libFuzzer treats as a crash and
// saves the input for. Kept apart from fuzz_records.hpp so targets that do
// not need nlohmann/json do not pay for compiling it.
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pestor_fuzz {

[[noreturn]] inline void fail(const std::string& what) {
    std::fprintf(stderr, "pestor-fuzz: invariant broken: %s\n", what.c_str());
    std::abort();
}

} // namespace pestor_fuzz
