#pragma once
// The bytes of a UTF-16LE string, as ImGui keeps text (ImWchar) in memory:
// for tests that search raw memory for what was typed.
#include <string>

namespace uitest {

inline std::string utf16le(const std::u16string& s) {
    std::string out;
    for (char16_t c : s) {
        out.push_back(static_cast<char>(c & 0xFF));
        out.push_back(static_cast<char>(c >> 8));
    }
    return out;
}

} // namespace uitest
