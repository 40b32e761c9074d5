#pragma once
// An 8-bit interleaved pixel buffer (1–4 channels, rows packed without
// padding). The memory comes from malloc because stb_image hands its results
// over that way; owning them as-is avoids copying a decoded 160 MB image.
#include <cstddef>
#include <cstdlib>
#include <memory>

namespace media {

struct FreeDeleter {
    void operator()(unsigned char* p) const { std::free(p); }
};

struct Pixels {
    int width = 0;
    int height = 0;
    int channels = 0;
    std::unique_ptr<unsigned char[], FreeDeleter> data;

    std::size_t size() const {
        return static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
               static_cast<std::size_t>(channels);
    }
    unsigned char* at(int x, int y) {
        return data.get() + (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                             static_cast<std::size_t>(x)) *
                                static_cast<std::size_t>(channels);
    }
    const unsigned char* at(int x, int y) const { return const_cast<Pixels*>(this)->at(x, y); }

    // A zero-filled buffer, or an empty one (data == nullptr) when the memory
    // is not available: callers turn that into an error value.
    static Pixels allocate(int width, int height, int channels) {
        Pixels p{width, height, channels, nullptr};
        if (width <= 0 || height <= 0 || channels <= 0) return Pixels{};
        p.data.reset(static_cast<unsigned char*>(std::calloc(p.size(), 1)));
        if (!p.data) return Pixels{};
        return p;
    }
};

} // namespace media
