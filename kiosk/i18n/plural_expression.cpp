#include "plural_expression.hpp"
#include "text_trim.hpp"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

namespace kiosk::i18n {
namespace {

using Op = PluralExpression::Op;
using Node = PluralExpression::Node;

// Nested parentheses and ?: beyond this are refused, so a hostile file cannot
// exhaust the stack.
constexpr int kMaxDepth = 64;

// Recursive descent over a token stream, one function per C precedence level
// (loosest first).
class Parser {
  public:
    explicit Parser(std::string_view text) : m_text(text) {}

    std::optional<int> parseAll() {
        const std::optional<int> root = conditional(0);
        if (!root) return std::nullopt;
        if (!peek().empty()) return fail("unexpected '" + std::string(peek()) + "'");
        return root;
    }

    std::vector<Node> nodes;
    std::string error;

  private:
    std::optional<int> fail(const std::string& what) {
        if (error.empty())
            error = what + " at column " + std::to_string(m_pos + 1) + " of \"" +
                    std::string(m_text) + "\"";
        return std::nullopt;
    }

    std::optional<int> expected(std::string_view what) {
        const std::string_view found = peek();
        return fail("expected " + std::string(what) + ", found " +
                    (found.empty() ? std::string("the end") : "'" + std::string(found) + "'"));
    }

    // The next token without consuming it: "" at the end, else an operator
    // (longest match), "n", a run of digits, or one unknown character.
    std::string_view peek() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
        const std::string_view rest = m_text.substr(m_pos);
        if (rest.empty()) return rest;
        for (std::string_view two : {"||", "&&", "==", "!=", "<=", ">="})
            if (rest.starts_with(two)) return two;
        if (std::isdigit(static_cast<unsigned char>(rest[0]))) {
            std::size_t len = 1;
            while (len < rest.size() && std::isdigit(static_cast<unsigned char>(rest[len])))
                ++len;
            return rest.substr(0, len);
        }
        return rest.substr(0, 1);
    }

    bool accept(std::string_view token) {
        if (peek() != token) return false;
        m_pos += token.size();
        return true;
    }

    int add(Op op, int a = -1, int b = -1, int c = -1, unsigned long value = 0) {
        nodes.push_back(Node{op, value, a, b, c});
        return static_cast<int>(nodes.size()) - 1;
    }

    std::optional<int> conditional(int depth) {
        if (depth > kMaxDepth) return fail("expression nested too deeply");
        const std::optional<int> cond = binary(0, depth);
        if (!cond) return std::nullopt;
        if (!accept("?")) return cond;
        const std::optional<int> yes = conditional(depth + 1);
        if (!yes) return std::nullopt;
        if (!accept(":")) return expected("':'");
        const std::optional<int> no = conditional(depth + 1);
        if (!no) return std::nullopt;
        return add(Op::Choose, *cond, *yes, *no);
    }

    // The operator at binary precedence `level` (0 = ||, 5 = * / %), if the
    // next token is one.
    std::optional<Op> binaryOperator(int level) {
        struct Entry {
            int level;
            std::string_view token;
            Op op;
        };
        static constexpr Entry kOperators[] = {
            {0, "||", Op::Or},       {1, "&&", Op::And},       {2, "==", Op::Equal},
            {2, "!=", Op::NotEqual}, {3, "<", Op::Less},       {3, "<=", Op::LessEq},
            {3, ">", Op::Greater},   {3, ">=", Op::GreaterEq}, {4, "+", Op::Add},
            {4, "-", Op::Sub},       {5, "*", Op::Mul},        {5, "/", Op::Div},
            {5, "%", Op::Mod},
        };
        const std::string_view next = peek();
        for (const Entry& e : kOperators)
            if (e.level == level && e.token == next) {
                m_pos += next.size();
                return e.op;
            }
        return std::nullopt;
    }

    std::optional<int> binary(int level, int depth) {
        constexpr int kLevels = 6;
        if (level == kLevels) return unary(depth);
        std::optional<int> left = binary(level + 1, depth);
        while (left) {
            const std::optional<Op> op = binaryOperator(level);
            if (!op) return left;
            const std::optional<int> right = binary(level + 1, depth);
            if (!right) return std::nullopt;
            left = add(*op, *left, *right);
        }
        return std::nullopt;
    }

    std::optional<int> unary(int depth) {
        if (depth > kMaxDepth) return fail("expression nested too deeply");
        if (accept("!")) {
            const std::optional<int> operand = unary(depth + 1);
            if (!operand) return std::nullopt;
            return add(Op::Not, *operand);
        }
        return primary(depth);
    }

    std::optional<int> primary(int depth) {
        const std::string_view token = peek();
        if (token.empty()) return expected("n, a number or '('");
        if (token == "n") {
            ++m_pos;
            return add(Op::N);
        }
        if (std::isdigit(static_cast<unsigned char>(token[0]))) {
            if (token.size() > 9) return fail("number too large");
            m_pos += token.size();
            return add(Op::Number, -1, -1, -1, std::stoul(std::string(token)));
        }
        if (accept("(")) {
            const std::optional<int> inner = conditional(depth + 1);
            if (!inner) return std::nullopt;
            if (!accept(")")) return expected("')'");
            return inner;
        }
        return expected("n, a number or '('");
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

cache::Result<PluralExpression> PluralExpression::parse(std::string_view text) {
    Parser parser(text);
    const std::optional<int> root = parser.parseAll();
    if (!root) return cache::makeError("plural expression: " + parser.error);
    PluralExpression e;
    e.m_nodes = std::move(parser.nodes);
    e.m_root = *root;
    return e;
}

unsigned long PluralExpression::evaluate(unsigned long n) const {
    return m_root < 0 ? 0 : eval(m_root, n);
}

unsigned long PluralExpression::eval(int index, unsigned long n) const {
    const Node& node = m_nodes[static_cast<std::size_t>(index)];
    const auto a = [&] { return eval(node.a, n); };
    const auto b = [&] { return eval(node.b, n); };
    switch (node.op) {
    case Op::N:
        return n;
    case Op::Number:
        return node.value;
    case Op::Not:
        return a() == 0;
    case Op::Mul:
        return a() * b();
    case Op::Div: {
        const unsigned long d = b();
        return d == 0 ? 0 : a() / d;
    }
    case Op::Mod: {
        const unsigned long d = b();
        return d == 0 ? 0 : a() % d;
    }
    case Op::Add:
        return a() + b();
    case Op::Sub:
        return a() - b();
    case Op::Less:
        return a() < b();
    case Op::LessEq:
        return a() <= b();
    case Op::Greater:
        return a() > b();
    case Op::GreaterEq:
        return a() >= b();
    case Op::Equal:
        return a() == b();
    case Op::NotEqual:
        return a() != b();
    case Op::And:
        return a() != 0 && b() != 0;
    case Op::Or:
        return a() != 0 || b() != 0;
    case Op::Choose:
        return a() != 0 ? b() : eval(node.c, n);
    }
    return 0;
}

int PluralForms::index(long n) const {
    const unsigned long magnitude =
        n < 0 ? 0UL - static_cast<unsigned long>(n) : static_cast<unsigned long>(n);
    const unsigned long i = expression.evaluate(magnitude);
    return i < static_cast<unsigned long>(count) ? static_cast<int>(i) : 0;
}

cache::Result<PluralForms> parsePluralForms(std::string_view value) {
    // Two "name=value;" parts in either order; the last ';' is optional.
    std::optional<int> count;
    std::optional<PluralExpression> expression;
    while (!trim(value).empty()) {
        const std::size_t semi = value.find(';');
        const std::string_view part = trim(value.substr(0, semi));
        value = semi == std::string_view::npos ? std::string_view() : value.substr(semi + 1);
        const std::size_t eq = part.find('=');
        if (eq == std::string_view::npos)
            return cache::makeError("Plural-Forms: expected name=value, got \"" +
                                    std::string(part) + "\"");
        const std::string_view name = trim(part.substr(0, eq)), rhs = trim(part.substr(eq + 1));
        if (name == "nplurals") {
            char* end = nullptr;
            const std::string digits(rhs);
            const long v = std::strtol(digits.c_str(), &end, 10);
            if (digits.empty() || *end != '\0' || v < 1 || v > 6)
                return cache::makeError(
                    "Plural-Forms: nplurals must be a number from 1 to 6, got \"" + digits + "\"");
            count = static_cast<int>(v);
        } else if (name == "plural") {
            auto parsed = PluralExpression::parse(rhs);
            if (!parsed) return cache::makeError("Plural-Forms: " + parsed.error().message);
            expression = std::move(parsed).value();
        } else {
            return cache::makeError("Plural-Forms: unknown part \"" + std::string(name) + "\"");
        }
    }
    if (!count) return cache::makeError("Plural-Forms: nplurals is missing");
    if (!expression) return cache::makeError("Plural-Forms: plural= is missing");
    return PluralForms{*count, std::move(*expression)};
}

} // namespace kiosk::i18n
