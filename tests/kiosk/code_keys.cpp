#include "code_keys.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <vector>

namespace uitest {
namespace {

struct Token {
    enum Kind { Identifier, Literal, Punct } kind;
    std::string text;
    int line;
};

bool keyLike(std::string_view s) {
    // lower-case words joined by dots: "home.prompt", "filter.deadline.7"
    if (s.empty() || !std::islower(static_cast<unsigned char>(s.front())) ||
        s.find('.') == std::string_view::npos)
        return false;
    char previous = 0;
    for (char c : s) {
        const bool word = std::islower(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)) || c == '_';
        if (!word && c != '.') return false;
        if (c == '.' && (previous == '.' || previous == 0)) return false;
        previous = c;
    }
    return previous != '.';
}

// C++ tokens, enough to find calls and their literal arguments: comments,
// preprocessor lines, numbers and character literals are dropped; raw
// strings become empty literals.
std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    int line = 1;
    bool lineStart = true;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (c == '\n') {
            ++line, ++i, lineStart = true;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        if (lineStart && c == '#') { // preprocessor: to the end of the line
            while (i < s.size() && s[i] != '\n')
                ++i;
            continue;
        }
        lineStart = false;
        if (s.substr(i, 2) == "//") {
            while (i < s.size() && s[i] != '\n')
                ++i;
        } else if (s.substr(i, 2) == "/*") {
            const std::size_t end = s.find("*/", i + 2);
            for (std::size_t k = i; k < std::min(end, s.size()); ++k)
                line += s[k] == '\n';
            i = end == std::string_view::npos ? s.size() : end + 2;
        } else if (c == 'R' && i + 1 < s.size() && s[i + 1] == '"') {
            const std::size_t open = s.find('(', i);
            const std::string close = ")" + std::string(s.substr(i + 2, open - i - 2)) + "\"";
            const std::size_t end = s.find(close, open);
            for (std::size_t k = i; k < std::min(end, s.size()); ++k)
                line += s[k] == '\n';
            i = end == std::string_view::npos ? s.size() : end + close.size();
            out.push_back({Token::Literal, "", line});
        } else if (c == '"' || c == '\'') {
            std::string text;
            std::size_t k = i + 1;
            while (k < s.size() && s[k] != c && s[k] != '\n') {
                if (s[k] == '\\' && k + 1 < s.size()) text += s[k++];
                text += s[k++];
            }
            i = k + 1;
            if (c == '"') out.push_back({Token::Literal, text, line});
        } else if (std::isdigit(static_cast<unsigned char>(c))) { // 60'000, 1.5f, 0x1F
            while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.' ||
                                    s[i] == '\'' || s[i] == '_'))
                ++i;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t k = i;
            while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '_'))
                ++k;
            out.push_back({Token::Identifier, std::string(s.substr(i, k - i)), line});
            i = k;
        } else {
            out.push_back({Token::Punct, std::string(1, c), line});
            ++i;
        }
    }
    return out;
}

} // namespace

std::map<std::string, int> translationKeysInSource(std::string_view source, bool returnsCount) {
    const std::vector<Token> tokens = tokenize(source);
    std::map<std::string, int> keys;
    const auto take = [&](const Token& t) {
        if (t.kind == Token::Literal && keyLike(t.text)) keys.emplace(t.text, t.line);
    };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        if (t.kind != Token::Identifier) continue;
        if ((t.text == "t" || t.text == "text" || t.text == "count") && tokens[i + 1].text == "(") {
            int depth = 0;
            for (std::size_t k = i + 1; k < tokens.size(); ++k) {
                if (tokens[k].kind == Token::Punct && tokens[k].text == "(") ++depth;
                if (tokens[k].kind == Token::Punct && tokens[k].text == ")" && --depth == 0) break;
                take(tokens[k]);
            }
        } else if (returnsCount && t.text == "return") {
            for (std::size_t k = i + 1; k < tokens.size() && tokens[k].text != ";"; ++k)
                take(tokens[k]);
        }
    }
    return keys;
}

std::map<std::string, std::string> translationKeysInCode(const std::filesystem::path& kioskDir) {
    std::map<std::string, std::string> out;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(kioskDir)) {
        const std::filesystem::path& p = entry.path();
        if (!entry.is_regular_file() || (p.extension() != ".cpp" && p.extension() != ".hpp"))
            continue;
        const std::string relative =
            std::filesystem::relative(p, kioskDir.parent_path()).generic_string();
        if (relative.starts_with("kiosk/i18n/")) continue;
        std::ifstream in(p);
        std::stringstream text;
        text << in.rdbuf();
        // Screens and widgets pick keys in small functions (`return
        // "qr.map";`); elsewhere a returned dotted literal may be anything,
        // e.g. a configuration key.
        const bool ui =
            relative.starts_with("kiosk/screens/") || relative.starts_with("kiosk/widgets/");
        for (const auto& [key, line] : translationKeysInSource(text.str(), ui))
            out.emplace(key, relative + ":" + std::to_string(line));
    }
    return out;
}

} // namespace uitest
