#pragma once
// vCard 3.0 (RFC 2426) for the "take it with you" contact card: one
// organisation, its phone, e-mail, web site and postal address.
#include <string>
#include <string_view>

namespace kiosk::qr {

struct ContactCard {
    std::string name;     // FN and ORG
    std::string phone;    // TEL
    std::string email;    // EMAIL
    std::string url;      // URL
    std::string street;   // ADR: street address
    std::string locality; // ADR: city
    std::string postcode; // ADR: postal code
};

// Escapes a text value: `\` `,` `;` and line breaks (RFC 2426 §4).
std::string escapeVCardText(std::string_view text);
// Folds one content line (without its CRLF) into lines of at most 75 octets,
// continuation lines starting with a space, never inside a UTF-8 sequence.
// Returns the folded line with CRLF after every physical line.
std::string foldVCardLine(std::string_view line);
// The whole card, UTF-8, CRLF line endings; empty fields are left out.
std::string makeVCard(const ContactCard& card);

} // namespace kiosk::qr
