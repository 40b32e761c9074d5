// The PO reader and the Plural-Forms evaluator on hand-written input: what
// they accept, and that every error names the line and what was wrong.
#include "i18n/message_catalog.hpp"
#include "i18n/plural_expression.hpp"
#include "i18n/po_file.hpp"

#include <doctest/doctest.h>
#include <string>

using kiosk::i18n::MessageCatalog;
using kiosk::i18n::parsePluralForms;
using kiosk::i18n::parsePo;
using kiosk::i18n::PluralExpression;

namespace {

constexpr const char* kHeader = R"(msgid ""
msgstr ""
"Language: pl\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"
)";

// The error message for `text`, or "" if it parsed.
std::string errorOf(const std::string& text) {
    const auto file = parsePo(text, "t.po");
    return file ? std::string() : file.error().message;
}

} // namespace

TEST_CASE("a PO file: contexts, plurals, continuation lines, escapes, flags and notes") {
    const std::string text = std::string(kHeader) + R"(
# a translator's comment
#. Shown on the home screen.
#: kiosk/screens/home_screen.cpp:113
msgctxt "home.prompt"
msgid "Czego szukasz?"
msgstr "Czego "
"szukasz?"

#, fuzzy, c-format
msgctxt "home.count"
msgid "%d pozycja"
msgid_plural "%d pozycji"
msgstr[0] "%d pozycja"
msgstr[1] "%d pozycje"
msgstr[2] "%d pozycji"

msgctxt "escapes"
msgid "a"
msgstr "tab\there \"quoted\" back\\slash\nnew line \101\x42 \u0105"

#~ msgctxt "gone"
#~ msgid "stare"
#~ msgstr "old"
)";
    // \u is not a PO escape: the file above must be refused for it...
    CHECK(errorOf(text) == "t.po:25: unknown escape sequence '\\u'");
    // ...and read without it.
    std::string fixed = text;
    fixed.replace(fixed.find(" \\u0105"), 7, " ą");
    const auto file = parsePo(fixed, "t.po");
    REQUIRE_MESSAGE(file.ok(), (file.ok() ? "" : file.error().message));
    CHECK(file->headerLine == 1);
    CHECK(file->headerField("language") == "pl");
    CHECK_FALSE(file->headerField("Last-Translator").has_value());
    REQUIRE(file->messages.size() == 3);

    const auto& prompt = file->messages[0];
    CHECK(prompt.context == "home.prompt");
    CHECK(prompt.id == "Czego szukasz?");
    CHECK(prompt.strings == std::vector<std::string>{"Czego szukasz?"});
    CHECK(prompt.notes == "Shown on the home screen.");
    CHECK_FALSE(prompt.fuzzy);
    CHECK(prompt.line == 10);

    const auto& count = file->messages[1];
    CHECK(count.plural);
    CHECK(count.fuzzy);
    CHECK(count.flags == std::vector<std::string>{"fuzzy", "c-format"});
    CHECK(count.idPlural == "%d pozycji");
    CHECK(count.strings == std::vector<std::string>{"%d pozycja", "%d pozycje", "%d pozycji"});

    CHECK(file->messages[2].strings.front() == "tab\there \"quoted\" back\\slash\nnew line AB ą");
}

TEST_CASE("PO reader errors name the file, the line and the fault") {
    const std::string h = kHeader; // 5 lines
    CHECK(errorOf(h + "msgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n") ==
          "t.po:7: unterminated string (no closing \")");
    CHECK(errorOf(h + "msgid \"x\"\nmsgstr \"a\\qb\"\n") ==
          "t.po:7: unknown escape sequence '\\q'");
    CHECK(errorOf(h + "msgstr \"y\"\nmsgid \"x\"\n") ==
          "t.po:6: msgstr before msgid (the message at line 1 already has its msgstr)");
    CHECK(errorOf(h + "msgctxt \"a\"\nmsgstr \"y\"\n") == "t.po:7: msgstr before msgid");
    CHECK(errorOf(h + "msgid \"x\"\nmsgstr[0] \"y\"\n") ==
          "t.po:7: msgstr[0] in a message without msgid_plural");
    CHECK(errorOf(h + "msgid \"x\"\nmsgid_plural \"xs\"\nmsgstr \"y\"\n") ==
          "t.po:8: msgstr in a message with msgid_plural (use msgstr[0], msgstr[1], ...)");
    CHECK(errorOf(h + "msgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\nmsgstr[2] \"z\"\n") ==
          "t.po:9: msgstr[2] out of order (expected msgstr[1])");
    CHECK(errorOf(h + "msgid \"x\"\nmsgid \"y\"\nmsgstr \"z\"\n") ==
          "t.po:7: msgid again before the msgstr of the message at line 6");
    CHECK(errorOf(h + "msgid \"x\"\n") == "t.po:6: the message has no msgstr");
    CHECK(errorOf(h + "msgid \"x\"\nmsgstr \"y\" z\n") ==
          "t.po:7: unexpected text after the closing quote");
    CHECK(errorOf(h + "msgid x\n") == "t.po:6: expected a string in double quotes");
    CHECK(errorOf(h + "msgtext \"x\"\n") == "t.po:6: unknown keyword 'msgtext'");
    CHECK(errorOf("\"orphan\"\n" + h) == "t.po:1: a string with no keyword before it");
    CHECK(errorOf(h + "msgctxt \"k\"\nmsgid \"x\"\nmsgstr \"y\"\n\nmsgctxt \"k\"\nmsgid "
                      "\"x\"\nmsgstr \"z\"\n") ==
          "t.po:10: duplicate message (msgctxt \"k\"); first defined at line 6");
    CHECK(errorOf(h + "msgid \"caf\xC3\"\nmsgstr \"\"\n") ==
          "t.po:6: not valid UTF-8 (save the file as UTF-8)");
    CHECK(errorOf("msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-2\\n\"\n") ==
          "t.po:1: the header says charset iso-8859-2; only UTF-8 is read");
}

TEST_CASE("a bad Plural-Forms header is an error naming the header's line") {
    const auto load = [](const std::string& pluralForms) -> std::string {
        const auto file = parsePo(
            "# comment\n\nmsgid \"\"\nmsgstr \"\"\n\"Plural-Forms: " + pluralForms + "\\n\"\n",
            "x.po");
        REQUIRE(file.ok());
        const auto catalog = MessageCatalog::fromPo(*file);
        return catalog ? std::string() : catalog.error().message;
    };
    CHECK(load("nplurals=2; plural=(n != 1);").empty());
    CHECK(load("nplurals=2; plural=(n = 1);") ==
          "x.po:3: Plural-Forms: plural expression: expected ')', found '=' at column 4 of \"(n = "
          "1)\"");
    CHECK(load("nplurals=2; plural=n % 10 == 1 ? 0;") ==
          "x.po:3: Plural-Forms: plural expression: expected ':', found the end at column 16 of "
          "\"n % 10 == 1 ? 0\"");
    CHECK(load("nplurals=many; plural=0;") ==
          "x.po:3: Plural-Forms: nplurals must be a number from 1 to 6, got \"many\"");
    CHECK(load("nplurals=2;") == "x.po:3: Plural-Forms: plural= is missing");
    const auto file = parsePo("msgid \"\"\nmsgstr \"Language: pl\\n\"\n", "y.po");
    REQUIRE(file.ok());
    CHECK(MessageCatalog::fromPo(*file).error().message ==
          "y.po:1: the header has no Plural-Forms line");
}

TEST_CASE("plural expressions follow C's precedence and refuse what is not C") {
    const auto eval = [](std::string_view text, unsigned long n) {
        const auto e = PluralExpression::parse(text);
        REQUIRE_MESSAGE(e.ok(), (e.ok() ? "" : e.error().message));
        return e->evaluate(n);
    };
    CHECK(eval("n", 7) == 7);
    CHECK(eval("1 + 2 * 3", 0) == 7);
    CHECK(eval("(1 + 2) * 3", 0) == 9);
    CHECK(eval("10 - 4 - 3", 0) == 3); // left-associative
    CHECK(eval("n / 10 % 10", 123) == 2);
    CHECK(eval("n % 0", 5) == 0); // no crash on a translator's slip
    CHECK(eval("n / 0", 5) == 0);
    CHECK(eval("!n", 0) == 1);
    CHECK(eval("!!n", 4) == 1);
    CHECK(eval("n > 1 && n < 5 || n == 0", 0) == 1);
    CHECK(eval("n > 1 && n < 5 || n == 0", 3) == 1);
    CHECK(eval("n > 1 && n < 5 || n == 0", 7) == 0);
    CHECK(eval("n <= 2 ? n >= 1 ? 1 : 0 : 2", 1) == 1); // ?: nests to the right
    CHECK(eval("n <= 2 ? n >= 1 ? 1 : 0 : 2", 0) == 0);
    CHECK(eval("n <= 2 ? n >= 1 ? 1 : 0 : 2", 9) == 2);
    CHECK(eval("0", 9) == 0);

    for (const char* bad : {"", "n +", "(n", "n)", "x", "n =! 1", "n | 1", "n & 1", "1 ? 2",
                            "n == -1", "12345678901"}) {
        INFO(bad);
        CHECK_FALSE(PluralExpression::parse(bad).ok());
    }
    CHECK(PluralExpression::parse("n | 1").error().message ==
          "plural expression: unexpected '|' at column 3 of \"n | 1\"");
    CHECK(PluralExpression::parse("n == x").error().message ==
          "plural expression: expected n, a number or '(', found 'x' at column 6 of \"n == x\"");
    CHECK(PluralExpression::parse(std::string(200, '(') + "n" + std::string(200, ')'))
              .error()
              .message.find("nested too deeply") != std::string::npos);
}

TEST_CASE("Plural-Forms: the index is clamped to nplurals and negative counts use their size") {
    const auto forms = parsePluralForms("nplurals=2; plural=n;");
    REQUIRE(forms.ok());
    CHECK(forms->index(1) == 1);
    CHECK(forms->index(5) == 0); // out of range -> the first form, as gettext does
    CHECK(forms->index(-1) == 1);
    CHECK(parsePluralForms(" plural=(n != 1) ; nplurals = 2 ").ok()); // either order, spaces
    CHECK(parsePluralForms("nplurals=2; plural=n; extra=1").error().message ==
          "Plural-Forms: unknown part \"extra\"");
}
