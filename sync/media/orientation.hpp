#pragma once
// Re-encoding drops EXIF, so a phone photo stored sideways with an
// orientation tag would reach the kiosk sideways: the rotation or mirror the
// tag asks for is applied to the pixels instead.
#include "cache/result.hpp"
#include "media/pixels.hpp"

namespace media {

// `orientation` is the EXIF value 1–8; 1 (or anything else) leaves the image
// as it is. 5–8 swap width and height.
cache::Result<Pixels> applyOrientation(Pixels in, int orientation);

} // namespace media
