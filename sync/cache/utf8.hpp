#pragma once
// UTF-8 at the edges: text from outside (feeds, servers, files, exception
// messages that quote them) is checked or repaired before it reaches JSON
// output (nlohmann::json::dump throws on invalid UTF-8), logs or the screen.
// Header-only: result.hpp's makeError uses it, and its users need not link
// anything for it.
#include <cstddef>
#include <string>
#include <string_view>

namespace cache {

// Length of the well-formed UTF-8 sequence at `pos` (1-4), or 0 if the bytes
// there are not one: a stray continuation byte, 0xC0/0xC1/0xF5-0xFF, an
// overlong form, a surrogate (U+D800-DFFF), a code point above U+10FFFF, or a
// sequence cut short. (RFC 3629; the same rule as nlohmann::json's parser.)
inline std::size_t utf8SequenceLength(std::string_view s, std::size_t pos) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[pos + i]); };
    const std::size_t left = s.size() - pos;
    const unsigned char b0 = at(0);
    if (b0 < 0x80) return 1;
    const auto inRange = [&](std::size_t i, unsigned char lo, unsigned char hi) {
        return i < left && at(i) >= lo && at(i) <= hi;
    };
    if (b0 >= 0xC2 && b0 <= 0xDF) return inRange(1, 0x80, 0xBF) ? 2 : 0;
    if (b0 >= 0xE0 && b0 <= 0xEF) {
        const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
        return inRange(1, lo, hi) && inRange(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (b0 >= 0xF0 && b0 <= 0xF4) {
        const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
        return inRange(1, lo, hi) && inRange(2, 0x80, 0xBF) && inRange(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

inline bool isValidUtf8(std::string_view s) {
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t n = utf8SequenceLength(s, pos);
        if (n == 0) return false;
        pos += n;
    }
    return true;
}

// `s` with every byte that is not part of a well-formed sequence replaced by
// U+FFFD (one per byte, as most decoders do). Valid text comes back unchanged.
inline std::string toValidUtf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t n = utf8SequenceLength(s, pos);
        if (n == 0) {
            out += "\xEF\xBF\xBD";
            ++pos;
        } else {
            out.append(s.substr(pos, n));
            pos += n;
        }
    }
    return out;
}

// The longest prefix of `s` of at most `maxBytes` bytes that does not end
// inside a multi-byte sequence (for quoting text in messages).
inline std::string_view utf8Prefix(std::string_view s, std::size_t maxBytes) {
    if (s.size() <= maxBytes) return s;
    std::size_t end = maxBytes;
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    return s.substr(0, end);
}

} // namespace cache
