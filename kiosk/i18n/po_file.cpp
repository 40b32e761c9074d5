#include "po_file.hpp"
#include "text_trim.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <utility>

namespace kiosk::i18n {
namespace {


std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The 1-based line of the first byte that is not well-formed UTF-8, or 0.
int firstInvalidUtf8Line(std::string_view text) {
    int line = 1;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b == '\n') ++line;
        int extra = 0;
        unsigned min = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            extra = 1, min = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            extra = 2, min = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            extra = 3, min = 0x10000;
        } else {
            return line;
        }
        if (i + static_cast<std::size_t>(extra) >= text.size()) return line; // cut short
        unsigned cp = b & (0x3F >> extra);
        for (int k = 1; k <= extra; ++k) {
            const auto c = static_cast<unsigned char>(text[i + static_cast<std::size_t>(k)]);
            if ((c & 0xC0) != 0x80) return line;
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return line;
        i += static_cast<std::size_t>(extra) + 1;
    }
    return 0;
}

// One pass over the lines; keywords open and fill the current message, which
// is stored when the next message (or the end) begins.
class Parser {
  public:
    Parser(std::string_view text, std::string name) : m_text(text) {
        m_file.name = std::move(name);
    }

    cache::Result<PoFile> run() {
        if (const int bad = firstInvalidUtf8Line(m_text)) {
            m_line = bad;
            return error("not valid UTF-8 (save the file as UTF-8)");
        }
        std::size_t start = m_text.starts_with("\xEF\xBB\xBF") ? 3 : 0; // a BOM some editors add
        while (start <= m_text.size() && m_error.empty()) {
            const std::size_t end = m_text.find('\n', start);
            std::string_view raw = m_text.substr(
                start, end == std::string_view::npos ? std::string_view::npos : end - start);
            ++m_line;
            line(trim(raw));
            if (end == std::string_view::npos) break;
            start = end + 1;
        }
        if (m_error.empty()) finish();
        if (!m_error.empty()) return cache::makeError(m_error);
        if (const auto type = m_file.headerField("Content-Type")) {
            const std::string t = lower(*type);
            const auto at = t.find("charset=");
            if (at != std::string::npos) {
                const std::string charset(trim(std::string_view(t).substr(at + 8)));
                if (charset != "utf-8" && charset != "utf8") {
                    m_line = m_file.headerLine;
                    return error("the header says charset " + charset + "; only UTF-8 is read");
                }
            }
        }
        return std::move(m_file);
    }

  private:
    cache::Error error(const std::string& what) {
        return cache::makeError(m_file.name + ":" + std::to_string(m_line) + ": " + what);
    }
    void fail(const std::string& what) {
        if (m_error.empty()) m_error = m_file.name + ":" + std::to_string(m_line) + ": " + what;
    }

    void line(std::string_view s) {
        if (s.empty() || s.starts_with("#~")) return;
        if (s.front() == '#') return comment(s);
        if (s.front() == '"') {
            if (!m_last) return fail("a string with no keyword before it");
            std::string more;
            if (quoted(s, more)) *m_last += more;
            return;
        }
        std::size_t k = 0;
        while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '_' ||
                                s[k] == '[' || s[k] == ']'))
            ++k;
        keyword(s.substr(0, k), s.substr(k));
    }

    void comment(std::string_view s) {
        if (m_active) {
            if (!m_haveStr)
                return fail("a comment inside a message (the message at line " +
                            std::to_string(m_message.line) + " has no msgstr yet)");
            finish();
        }
        if (s.starts_with("#,")) {
            std::string_view rest = s.substr(2);
            while (!rest.empty()) {
                const std::size_t comma = rest.find(',');
                const std::string_view flag = trim(rest.substr(0, comma));
                if (!flag.empty()) m_pendingFlags.emplace_back(flag);
                rest =
                    comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
            }
        } else if (s.starts_with("#.")) {
            std::string_view note = s.substr(2);
            if (note.starts_with(' ')) note.remove_prefix(1);
            if (!m_pendingNotes.empty()) m_pendingNotes += '\n';
            m_pendingNotes += note;
        }
    }

    // Starts a new message if the current one is complete; false (with an
    // error) if the current one still lacks its msgstr.
    bool begin(std::string_view keyword) {
        if (m_active && !m_haveStr) {
            fail(std::string(keyword) + " before the msgstr of the message at line " +
                 std::to_string(m_message.line));
            return false;
        }
        if (m_active) finish();
        m_active = true;
        m_message = PoMessage{};
        m_message.line = m_line;
        m_message.flags = std::move(m_pendingFlags);
        m_message.notes = std::move(m_pendingNotes);
        m_pendingFlags.clear();
        m_pendingNotes.clear();
        for (const std::string& f : m_message.flags)
            if (f == "fuzzy") m_message.fuzzy = true;
        return true;
    }

    void keyword(std::string_view word, std::string_view rest) {
        std::string value;
        if (word.empty()) return fail("expected a keyword (msgctxt, msgid, msgid_plural, msgstr)");
        const bool known = word == "msgctxt" || word == "msgid" || word == "msgid_plural" ||
                           word == "msgstr" || (word.starts_with("msgstr[") && word.ends_with("]"));
        if (!known) return fail("unknown keyword '" + std::string(word) + "'");
        if (!quoted(rest, value)) return;
        if (word == "msgctxt") {
            if (!begin(word)) return;
            m_message.context = std::move(value);
            m_last = &*m_message.context;
        } else if (word == "msgid") {
            if (m_active && m_haveId && !m_haveStr)
                return fail("msgid again before the msgstr of the message at line " +
                            std::to_string(m_message.line));
            if ((!m_active || m_haveStr) && !begin(word)) return;
            m_haveId = true;
            m_message.id = std::move(value);
            m_last = &m_message.id;
        } else if (word == "msgid_plural") {
            if (!m_haveId) return fail("msgid_plural before msgid");
            if (m_haveStr) return fail("msgid_plural after msgstr");
            if (m_message.plural) return fail("a second msgid_plural");
            m_message.plural = true;
            m_message.idPlural = std::move(value);
            m_last = &m_message.idPlural;
        } else if (word == "msgstr") {
            if (!m_haveId) return fail("msgstr before msgid");
            if (m_haveStr)
                return fail("msgstr before msgid (the message at line " +
                            std::to_string(m_message.line) + " already has its msgstr)");
            if (m_message.plural)
                return fail(
                    "msgstr in a message with msgid_plural (use msgstr[0], msgstr[1], ...)");
            m_haveStr = true;
            m_message.strings.push_back(std::move(value));
            m_last = &m_message.strings.back();
        } else {
            const std::string_view digits = word.substr(7, word.size() - 8);
            if (!m_haveId) return fail(std::string(word) + " before msgid");
            if (!m_message.plural)
                return fail(std::string(word) + " in a message without msgid_plural");
            const std::string expected = std::to_string(m_message.strings.size());
            if (digits != expected)
                return fail(std::string(word) + " out of order (expected msgstr[" + expected +
                            "])");
            m_haveStr = true;
            m_message.strings.push_back(std::move(value));
            m_last = &m_message.strings.back();
        }
    }

    // A C string literal: "..." with escapes, alone on the rest of the line.
    bool quoted(std::string_view s, std::string& out) {
        s = trim(s);
        if (s.empty() || s.front() != '"') {
            fail("expected a string in double quotes");
            return false;
        }
        std::size_t i = 1;
        for (;;) {
            if (i >= s.size()) {
                fail("unterminated string (no closing \")");
                return false;
            }
            const char c = s[i++];
            if (c == '"') break;
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= s.size()) {
                fail("unterminated string (a backslash ends the line)");
                return false;
            }
            const char e = s[i++];
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case '"':
            case '\\':
            case '\'':
            case '?':
                out += e;
                break;
            case 'x': {
                unsigned v = 0;
                int digits = 0;
                while (i < s.size() && digits < 2 &&
                       std::isxdigit(static_cast<unsigned char>(s[i]))) {
                    const char h =
                        static_cast<char>(std::tolower(static_cast<unsigned char>(s[i++])));
                    v = v * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : h - 'a' + 10);
                    ++digits;
                }
                if (digits == 0) {
                    fail("\\x without hex digits");
                    return false;
                }
                out += static_cast<char>(v);
                break;
            }
            default:
                if (e >= '0' && e <= '7') {
                    unsigned v = static_cast<unsigned>(e - '0');
                    for (int d = 1; d < 3 && i < s.size() && s[i] >= '0' && s[i] <= '7'; ++d)
                        v = v * 8 + static_cast<unsigned>(s[i++] - '0');
                    out += static_cast<char>(v & 0xFF);
                    break;
                }
                fail(std::string("unknown escape sequence '\\") + e + "'");
                return false;
            }
        }
        if (!trim(s.substr(i)).empty()) {
            fail("unexpected text after the closing quote");
            return false;
        }
        return true;
    }

    void finish() {
        if (!m_active) return;
        m_last = nullptr;
        if (!m_haveId || !m_haveStr) {
            const int at = m_line;
            m_line = m_message.line;
            fail(m_haveId ? "the message has no msgstr" : "msgctxt without msgid");
            m_line = at;
            return;
        }
        m_active = m_haveId = m_haveStr = false;
        if (!m_message.context && m_message.id.empty()) {
            if (m_file.headerLine) {
                m_line = m_message.line;
                return fail("a second header (msgid \"\"); the first is at line " +
                            std::to_string(m_file.headerLine));
            }
            m_file.headerLine = m_message.line;
            m_file.header = std::move(m_message.strings.front());
            return;
        }
        const std::string key =
            (m_message.context ? "1" + *m_message.context : "0") + '\x04' + m_message.id;
        const auto [it, fresh] = m_seen.emplace(key, m_message.line);
        if (!fresh) {
            m_line = m_message.line;
            return fail(
                "duplicate message" +
                (m_message.context ? " (msgctxt \"" + *m_message.context + "\")" : std::string()) +
                "; first defined at line " + std::to_string(it->second));
        }
        m_file.messages.push_back(std::move(m_message));
    }

    std::string_view m_text;
    PoFile m_file;
    int m_line = 0;
    std::string m_error;
    PoMessage m_message;
    bool m_active = false, m_haveId = false, m_haveStr = false;
    std::string* m_last = nullptr; // where a continuation line goes
    std::vector<std::string> m_pendingFlags;
    std::string m_pendingNotes;
    std::unordered_map<std::string, int> m_seen; // context + msgid -> line
};

} // namespace

std::optional<std::string> PoFile::headerField(std::string_view field) const {
    std::string_view rest = header;
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && lower(trim(line.substr(0, colon))) == lower(field))
            return std::string(trim(line.substr(colon + 1)));
    }
    return std::nullopt;
}

cache::Result<PoFile> parsePo(std::string_view text, std::string name) {
    return Parser(text, std::move(name)).run();
}

cache::Result<PoFile> readPoFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return cache::makeError(path.string() + ": cannot open (" + std::strerror(errno) + ")");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return cache::makeError(path.string() + ": read error");
    return parsePo(text.str(), path.string());
}

} // namespace kiosk::i18n
