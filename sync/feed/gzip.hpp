#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "cache/result.hpp"

namespace feed {

// Deterministic gzip (no name, mtime 0): the same input gives the same bytes,
// so content addresses are stable across publishes.
std::string gzipCompress(std::string_view data);
// Refuses output beyond maxBytes (a gzip bomb) and corrupt or truncated input.
cache::Result<std::string> gzipDecompress(std::string_view gz, std::uint64_t maxBytes);

} // namespace feed
