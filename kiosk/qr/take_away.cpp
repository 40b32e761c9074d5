#include "take_away.hpp"

#include <array>
#include <charconv>

#include "vcard.hpp"

namespace kiosk::qr {
namespace {

bool unreserved(unsigned char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
           c == '_' || c == '~';
}

std::string percentEncode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if (unreserved(c)) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

// std::to_chars, not printf: a C locale with a decimal comma must not turn
// the coordinates into "53,0265".
std::string fixed6(double v) {
    std::array<char, 64> buf{};
    const auto r = std::to_chars(buf.data(), buf.data() + buf.size(), v, std::chars_format::fixed, 6);
    return std::string(buf.data(), r.ptr);
}

const std::string* nonEmptyText(const cache::Record& r, std::string_view key) {
    const std::string* s = r.text(key);
    return s && !s->empty() ? s : nullptr;
}

bool isPostcode(std::string_view s) {
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return s.size() == 6 && digit(s[0]) && digit(s[1]) && s[2] == '-' && digit(s[3]) && digit(s[4]) && digit(s[5]);
}

// "ul. Szeroka 1, 87-100 Toruń" → street, postcode, locality, so a phone's
// contacts and maps apps can use the parts. Anything else stays the street.
void splitAddress(std::string_view address, ContactCard& card) {
    const std::size_t comma = address.rfind(", ");
    const std::string_view head = comma == std::string_view::npos ? std::string_view() : address.substr(0, comma);
    const std::string_view tail = comma == std::string_view::npos ? address : address.substr(comma + 2);
    if (tail.size() > 7 && isPostcode(tail.substr(0, 6)) && tail[6] == ' ') {
        card.street = std::string(head);
        card.postcode = std::string(tail.substr(0, 6));
        card.locality = std::string(tail.substr(7));
    } else {
        card.street = std::string(address);
    }
}

} // namespace

std::string pageUrl(std::string_view base, cache::Collection collection, std::string_view id) {
    while (!base.empty() && base.back() == '/') base.remove_suffix(1);
    return std::string(base) + "/" + std::string(cache::collectionKey(collection)) + "/" + percentEncode(id);
}

std::string geoUri(const cache::GeoPoint& p, std::string_view label) {
    const std::string coords = fixed6(p.lat) + "," + fixed6(p.lon); // RFC 5870: latitude first
    std::string uri = "geo:" + coords;
    if (!label.empty()) {
        // Parentheses would end the label early in the apps that read it.
        std::string clean;
        for (char c : label)
            if (c != '(' && c != ')') clean += c;
        uri += "?q=" + coords + "(" + percentEncode(clean) + ")";
    }
    return uri;
}

std::optional<std::string> contactCard(const cache::Record& r) {
    const std::string* phone = nonEmptyText(r, "phone");
    const std::string* email = nonEmptyText(r, "email");
    const std::string* www = nonEmptyText(r, "www");
    if (!phone && !email && !www) return std::nullopt;
    ContactCard card;
    // Polish, whatever the screen's language: the registered name is the one
    // to search for later, and the code does not change with the language.
    card.name = r.title(cache::Lang::Pl);
    if (phone) card.phone = *phone;
    if (email) card.email = *email;
    if (www) card.url = *www;
    if (const std::string* address = nonEmptyText(r, "address")) splitAddress(*address, card);
    return makeVCard(card);
}

std::vector<TakeAwayCode> takeAwayCodes(const cache::Record& r, std::string_view platformUrl) {
    std::vector<TakeAwayCode> out;
    const auto add = [&](CodeKind kind, std::string payload) {
        auto matrix = encodeQr(payload);
        if (matrix) out.push_back(TakeAwayCode{kind, std::move(payload), std::move(*matrix)});
    };
    add(CodeKind::Page, pageUrl(platformUrl, r.collection, r.id));
    if (auto card = contactCard(r)) add(CodeKind::Contact, std::move(*card));
    if (r.point) add(CodeKind::Map, geoUri(*r.point, r.title(cache::Lang::Pl)));
    return out;
}

} // namespace kiosk::qr
