#include "qr_matrix.hpp"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>

namespace kiosk::qr {

cache::Result<QrMatrix> encodeQr(std::string_view payload) {
    if (payload.empty()) return cache::makeError("QR code: nothing to encode");
    // QRcode_encodeData, not encodeString8bit: the payload is bytes with a
    // length, not a NUL-terminated C string.
    errno = 0;
    std::unique_ptr<QRcode, void (*)(QRcode*)> code(
        QRcode_encodeData(static_cast<int>(payload.size()), reinterpret_cast<const unsigned char*>(payload.data()), 0,
                          QR_ECLEVEL_M),
        QRcode_free);
    if (!code) {
        if (errno == ERANGE)
            return cache::makeError("QR code: " + std::to_string(payload.size()) +
                                    " bytes do not fit in one code (at most 2331 at error correction M)");
        return cache::makeError(std::string("QR code: libqrencode failed: ") + std::strerror(errno));
    }
    QrMatrix m;
    m.size = code->width;
    m.modules.resize(static_cast<std::size_t>(m.size) * m.size);
    // Bit 0 of each byte is the module's colour; the other bits describe
    // what the module is part of (finder, timing, data), which we do not need.
    for (std::size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = code->data[i] & 1;
    return m;
}

} // namespace kiosk::qr
