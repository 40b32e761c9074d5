#pragma once
// Small pixel and budget helpers shared by the image and tile normalisers.
#include "media/pixels.hpp"

#include <cstddef>
#include <cstdint>

namespace media {

// The most any single decoder allocation may legitimately need for an image
// declaring `width`×`height` pixels in `inputSize` bytes (see the .cpp).
std::size_t decodeAllocationLimit(std::uint64_t width, std::uint64_t height, std::size_t inputSize);

// Whether a 4-channel buffer has any pixel that is not fully opaque.
bool hasTransparency(const Pixels& p);

// RGBA to RGB in place.
void dropAlpha(Pixels& p);

} // namespace media
