#include "media/orientation.hpp"

#include <cstring>

namespace media {

namespace {

struct Point {
    int x = 0;
    int y = 0;
};

// Where source pixel (x, y) of a w×h image lands, per the EXIF 2.3 definitions.
Point destination(int orientation, int x, int y, int w, int h) {
    const int mirroredX = w - 1 - x;
    const int mirroredY = h - 1 - y;
    switch (orientation) {
    case 2: // mirror horizontally
        return {mirroredX, y};
    case 3: // rotate 180°
        return {mirroredX, mirroredY};
    case 4: // mirror vertically
        return {x, mirroredY};
    case 5: // transpose
        return {y, x};
    case 6: // rotate 90° clockwise
        return {mirroredY, x};
    case 7: // transverse
        return {mirroredY, mirroredX};
    case 8: // rotate 90° anticlockwise
        return {y, mirroredX};
    default:
        return {x, y};
    }
}

} // namespace

cache::Result<Pixels> applyOrientation(Pixels in, int orientation) {
    if (orientation < 2 || orientation > 8) return in;
    const bool swaps = orientation >= 5;
    Pixels out =
        Pixels::allocate(swaps ? in.height : in.width, swaps ? in.width : in.height, in.channels);
    if (!out.data) return cache::makeError("out of memory while rotating an image");
    const auto n = static_cast<std::size_t>(in.channels);
    for (int y = 0; y < in.height; ++y) {
        for (int x = 0; x < in.width; ++x) {
            const Point d = destination(orientation, x, y, in.width, in.height);
            std::memcpy(out.at(d.x, d.y), in.at(x, y), n);
        }
    }
    return out;
}

} // namespace media
