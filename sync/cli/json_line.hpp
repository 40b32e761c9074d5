#pragma once
// Every JSON line the command-line tools print goes through here. Messages
// are valid UTF-8 by construction (cache::makeError), but a line must never
// abort the program: anything that slipped through is printed with U+FFFD
// instead of nlohmann::json throwing type_error 316.
#include <nlohmann/json.hpp>
#include <string>

namespace cli {

inline std::string jsonLine(const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace cli
