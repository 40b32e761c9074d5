#include "vcard.hpp"

namespace kiosk::qr {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

bool isContinuationByte(unsigned char c) { return (c & 0xC0) == 0x80; }

// URL is a URI value, not text, so it is not escaped; a line break in it
// would still start a new property, so control characters are dropped.
std::string withoutControls(std::string_view s) {
    std::string out;
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    return out;
}

} // namespace

std::string escapeVCardText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
        case '\\': out += "\\\\"; break;
        case ',': out += "\\,"; break;
        case ';': out += "\\;"; break;
        case '\r':
            if (i + 1 < text.size() && text[i + 1] == '\n') ++i; // CRLF is one break
            out += "\\n";
            break;
        case '\n': out += "\\n"; break;
        default: out += c;
        }
    }
    return out;
}

std::string foldVCardLine(std::string_view line) {
    std::string out;
    std::size_t limit = kMaxLineOctets; // the first line has no leading space
    while (line.size() > limit) {
        std::size_t cut = limit;
        while (cut > 0 && isContinuationByte(static_cast<unsigned char>(line[cut]))) --cut;
        out.append(line.substr(0, cut));
        out += "\r\n ";
        line.remove_prefix(cut);
        limit = kMaxLineOctets - 1; // the space counts toward the 75
    }
    out.append(line);
    out += "\r\n";
    return out;
}

std::string makeVCard(const ContactCard& c) {
    std::string out = "BEGIN:VCARD\r\nVERSION:3.0\r\n";
    const std::string name = escapeVCardText(c.name);
    out += foldVCardLine("FN:" + name);
    // N is required in 3.0; an organisation has no personal name parts, and
    // readers then show FN/ORG.
    out += "N:;;;;\r\n";
    out += foldVCardLine("ORG:" + name);
    if (!c.phone.empty()) out += foldVCardLine("TEL;TYPE=WORK,VOICE:" + escapeVCardText(c.phone));
    if (!c.email.empty()) out += foldVCardLine("EMAIL;TYPE=INTERNET:" + escapeVCardText(c.email));
    if (!c.url.empty()) out += foldVCardLine("URL:" + withoutControls(c.url));
    if (!c.street.empty() || !c.locality.empty() || !c.postcode.empty())
        out += foldVCardLine("ADR;TYPE=WORK:;;" + escapeVCardText(c.street) + ";" + escapeVCardText(c.locality) +
                             ";;" + escapeVCardText(c.postcode) + ";");
    out += "END:VCARD\r\n";
    return out;
}

} // namespace kiosk::qr
