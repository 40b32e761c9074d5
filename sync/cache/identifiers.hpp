#pragma once
// Polish registry identifiers. Each normaliser returns the canonical digits
// or an error naming what is wrong, so an importer can report it verbatim.
#include <string>
#include <string_view>

#include "result.hpp"

namespace cache {

// NIP: 10 digits, weights 6,5,7,2,3,4,5,6,7, sum mod 11 == last digit (10 invalid).
Result<std::string> normaliseNip(std::string_view text);
// REGON: 9 digits (weights 8,9,2,3,4,5,6,7) or 14 (2,4,8,5,0,9,7,3,6,1,2,4,8);
// mod 11, 10 counts as 0. A 14-digit number that is a valid REGON-9 padded
// with 00000 is normalised to its 9 digits.
Result<std::string> normaliseRegon(std::string_view text);
// KRS: up to 10 digits, no checksum; left-padded to 10.
Result<std::string> normaliseKrs(std::string_view text);

} // namespace cache
