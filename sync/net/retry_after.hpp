#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace net {

// "Retry-After: 120" or an HTTP date, relative to `nowUnix`; nullopt if absent/invalid.
std::optional<long> parseRetryAfter(std::string_view value, std::int64_t nowUnix);

} // namespace net
