#pragma once
// Forgetting text a visitor typed: the bytes are overwritten before the
// buffer is released or reused, so they do not linger in freed heap chunks,
// in a std::string's inline (small-string) buffer, or in a core dump.
#include <string.h> // explicit_bzero (glibc): not optimised away like memset
#include <string>

namespace cache {

// Zeroes every byte `s` owns (its whole capacity, including the inline
// buffer of a short string) and leaves it empty.
inline void wipe(std::string& s) {
    s.resize(s.capacity()); // never reallocates: capacity stays
    explicit_bzero(s.data(), s.size());
    s.clear();
}

} // namespace cache
