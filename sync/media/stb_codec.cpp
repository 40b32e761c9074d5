// The one translation unit that compiles stb's implementations for the sync.
// Debian's libstb.a has a full stb_image 2.27 (GIF, PSD, HDR, flip-on-load,
// external linkage); we never call it for downloaded images. Here the
// decoders are cut down to PNG and JPEG and everything is `static`, so this
// copy cannot collide with libstb.a's if both end up in one binary.
#include "media/stb_codec.hpp"

#include <climits>
#include <cstdlib>
#include <cstring>
#include <zlib.h>

namespace {

// [SECTION] Allocation budget for the decoder
// stb_image's zlib grows its output buffer by doubling up to 4 GB, whatever
// the header declared: a 1×1 PNG can carry a deflate stream worth gigabytes.
// Every decoder allocation goes through this check instead. Outside
// stbDecode (header probes) only small allocations are legitimate.
constexpr std::size_t kProbeAllocationLimit = 1u << 20;
thread_local std::size_t t_allocationLimit = kProbeAllocationLimit;
thread_local bool t_allocationRefused = false;

void* budgetMalloc(std::size_t size) {
    if (size > t_allocationLimit) {
        t_allocationRefused = true;
        return nullptr;
    }
    // Zeroed: stb_image 2.27 reads Huffman tables a file never defined out
    // of uninitialised memory (2.28 added a memset for that).
    return std::calloc(1, size);
}

void* budgetRealloc(void* p, std::size_t size) {
    if (size > t_allocationLimit) {
        t_allocationRefused = true;
        return nullptr; // stb frees the old block on this error path
    }
    return std::realloc(p, size);
}

class AllocationBudget {
  public:
    explicit AllocationBudget(std::size_t limit) : m_previous(t_allocationLimit) {
        t_allocationLimit = limit;
        t_allocationRefused = false;
    }
    ~AllocationBudget() { t_allocationLimit = m_previous; }
    AllocationBudget(const AllocationBudget&) = delete;
    AllocationBudget& operator=(const AllocationBudget&) = delete;

  private:
    std::size_t m_previous;
};

// [SECTION] zlib for the PNG writer
// stb_image_write's built-in deflate makes files noticeably larger than zlib.
// stb passes its global compression level (8); stbEncodePng sets the level
// per call through this thread-local instead, so threads do not race.
thread_local int t_zlibLevel = 8;

unsigned char* zlibCompress(unsigned char* data, int length, int* outLength, int /*stbLevel*/) {
    uLongf size = compressBound(static_cast<uLong>(length));
    auto* out = static_cast<unsigned char*>(std::malloc(size));
    if (out == nullptr) return nullptr;
    const int level = t_zlibLevel < 0 ? Z_DEFAULT_COMPRESSION : (t_zlibLevel > 9 ? 9 : t_zlibLevel);
    if (compress2(out, &size, data, static_cast<uLong>(length), level) != Z_OK) {
        std::free(out);
        return nullptr;
    }
    *outLength = static_cast<int>(size);
    return out;
}

} // namespace

// [SECTION] stb configuration
#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_MAX_DIMENSIONS 8192 // == media::kStbMaxSide (checked below)
#define STBI_NO_STDIO
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#define STBI_FAILURE_USERMSG // "Corrupt PNG" reads better than "bad zlib header"
#define STBI_MALLOC(size) budgetMalloc(size)
#define STBI_REALLOC(p, size) budgetRealloc(p, size)
#define STBI_FREE(p) std::free(p)

#define STB_IMAGE_RESIZE_STATIC
#define STB_IMAGE_RESIZE_IMPLEMENTATION

#define STB_IMAGE_WRITE_STATIC
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO
#define STBIW_ZLIB_COMPRESS zlibCompress

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image.h>
#include <stb_image_resize.h>
#include <stb_image_write.h>
#pragma GCC diagnostic pop

static_assert(STBI_MAX_DIMENSIONS == media::kStbMaxSide);

namespace media {

namespace {

// stb measures buffers in int.
bool fitsInt(std::string_view bytes) {
    return bytes.size() <= static_cast<std::size_t>(INT_MAX);
}

const stbi_uc* asBytes(std::string_view bytes) {
    return reinterpret_cast<const stbi_uc*>(bytes.data());
}

std::string stbReason() {
    const char* reason = stbi_failure_reason();
    return reason != nullptr ? reason : "unknown reason";
}

void appendTo(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
}

} // namespace

cache::Result<StbInfo> stbProbe(std::string_view bytes) {
    if (!fitsInt(bytes)) return cache::makeError("image is too large to read");
    AllocationBudget budget(kProbeAllocationLimit);
    StbInfo info;
    if (stbi_info_from_memory(asBytes(bytes), static_cast<int>(bytes.size()), &info.width,
                              &info.height, &info.channels) == 0) {
        return cache::makeError("cannot read image header: " + stbReason());
    }
    return info;
}

cache::Result<Pixels> stbDecode(std::string_view bytes, int channels, std::size_t allocationLimit) {
    if (!fitsInt(bytes)) return cache::makeError("image is too large to read");
    if (channels < 1 || channels > 4) return cache::makeError("stbDecode: channels must be 1–4");
    AllocationBudget budget(allocationLimit);
    int sourceChannels = 0;
    Pixels out;
    out.channels = channels;
    out.data.reset(stbi_load_from_memory(asBytes(bytes), static_cast<int>(bytes.size()), &out.width,
                                         &out.height, &sourceChannels, channels));
    if (!out.data) {
        if (t_allocationRefused) {
            return cache::makeError("image refused: decoding it needs more memory than its "
                                    "declared size justifies (compressed data bomb?)");
        }
        return cache::makeError("cannot decode image: " + stbReason());
    }
    return out;
}

cache::Result<Pixels> stbResize(const Pixels& in, int width, int height) {
    Pixels out = Pixels::allocate(width, height, in.channels);
    if (!out.data) return cache::makeError("out of memory while resizing an image");
    const int alpha = in.channels == 4 ? 3 : STBIR_ALPHA_CHANNEL_NONE;
    if (stbir_resize_uint8_srgb(in.data.get(), in.width, in.height, 0, out.data.get(), width,
                                height, 0, in.channels, alpha, 0) == 0) {
        return cache::makeError("cannot resize image to " + std::to_string(width) + "×" +
                                std::to_string(height));
    }
    return out;
}

cache::Result<std::string> stbEncodePng(const Pixels& in, int zlibLevel) {
    t_zlibLevel = zlibLevel;
    std::string png;
    if (stbi_write_png_to_func(appendTo, &png, in.width, in.height, in.channels, in.data.get(),
                               in.width * in.channels) == 0) {
        return cache::makeError("cannot encode PNG");
    }
    return png;
}

cache::Result<std::string> stbEncodeJpeg(const Pixels& in, int quality) {
    std::string jpeg;
    if (stbi_write_jpg_to_func(appendTo, &jpeg, in.width, in.height, in.channels, in.data.get(),
                               quality) == 0) {
        return cache::makeError("cannot encode JPEG");
    }
    return jpeg;
}

} // namespace media
