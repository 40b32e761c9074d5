#pragma once
// A whole file as bytes, for the demo generator's tests.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace demotest {

inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot read " << path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace demotest
