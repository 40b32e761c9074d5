#include "search_query.hpp"

#include "text_fold.hpp"

namespace cache {
namespace {

// Separators for the kiosk's tokeniser. unicode61 also splits on these, so a
// quoted token never contains a character FTS5 would split again — except
// for symbols we do not list, which FTS5 handles inside the quotes.
bool isSeparator(char32_t cp) {
    if (cp < 0x80) {
        const bool alnum = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        return !alnum;
    }
    return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
           (cp >= 0x3000 && cp <= 0x303F);
}

} // namespace

std::vector<std::string> searchTokens(std::string_view typed) {
    const std::string folded = foldForSearch(typed);
    std::vector<std::string> tokens;
    std::string current;
    std::size_t pos = 0;
    while (pos < folded.size()) {
        const std::size_t start = pos;
        const char32_t cp = decodeUtf8(folded, pos);
        if (isSeparator(cp)) {
            if (!current.empty()) tokens.push_back(std::move(current));
            current.clear();
        } else {
            current.append(folded, start, pos - start);
        }
    }
    if (!current.empty()) tokens.push_back(std::move(current));
    return tokens;
}

std::string buildMatchExpression(std::string_view typed) {
    std::string expr;
    for (const std::string& token : searchTokens(typed)) {
        if (!expr.empty()) expr += " AND ";
        expr += '"';
        for (char c : token) {
            if (c == '"') expr += '"'; // cannot happen after tokenising; kept for safety of the grammar
            expr += c;
        }
        expr += "\"*";
    }
    return expr;
}

} // namespace cache
