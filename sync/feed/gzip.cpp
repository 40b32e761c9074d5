#include "gzip.hpp"

#include <zlib.h>

namespace feed {

std::string gzipCompress(std::string_view data) {
    z_stream z{};
    // windowBits 15 + 16 = gzip wrapper with a zeroed header (mtime 0, no name).
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, data.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

cache::Result<std::string> gzipDecompress(std::string_view gz, std::uint64_t maxBytes) {
    z_stream z{};
    if (inflateInit2(&z, 15 + 16) != Z_OK) return cache::makeError("gzip: cannot initialise zlib");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    std::string out;
    char buf[65536];
    int rc = Z_OK;
    while (rc != Z_STREAM_END) {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END) {
            inflateEnd(&z);
            return cache::makeError(rc == Z_BUF_ERROR ? "gzip: data is truncated" : "gzip: data is corrupt");
        }
        out.append(buf, sizeof buf - z.avail_out);
        if (out.size() > maxBytes) {
            inflateEnd(&z);
            return cache::makeError("gzip: expands beyond " + std::to_string(maxBytes) + " bytes");
        }
    }
    inflateEnd(&z);
    return out;
}

} // namespace feed
