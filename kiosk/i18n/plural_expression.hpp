#pragma once
// The plural rule of a gettext catalog: the C expression in a header's
// "Plural-Forms: nplurals=3; plural=(n==1 ? 0 : ...);", parsed once and
// evaluated for every count phrase. Supports what gettext's own grammar
// does: n, decimal integers, ?:, ||, &&, ==, !=, <, <=, >, >=, +, -, *, /,
// %, unary ! and parentheses, with C's precedence, on unsigned long values.
#include "cache/result.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace kiosk::i18n {

class PluralExpression {
  public:
    // "n%10==1 && n%100!=11 ? 0 : 1"; an error names the column and what was
    // expected there.
    static cache::Result<PluralExpression> parse(std::string_view text);

    // Division or remainder by zero yields 0 rather than a crash: the
    // expression comes from a translator's file.
    unsigned long evaluate(unsigned long n) const;

    enum class Op : std::uint8_t {
        N,
        Number,
        Not,
        Mul,
        Div,
        Mod,
        Add,
        Sub,
        Less,
        LessEq,
        Greater,
        GreaterEq,
        Equal,
        NotEqual,
        And,
        Or,
        Choose
    };
    struct Node {
        Op op;
        unsigned long value = 0;    // Number
        int a = -1, b = -1, c = -1; // operands: indexes into the node list
    };

  private:
    unsigned long eval(int node, unsigned long n) const;

    std::vector<Node> m_nodes;
    int m_root = -1;
};

// A whole Plural-Forms header value.
struct PluralForms {
    int count = 0; // nplurals
    PluralExpression expression;

    // The msgstr[] index for n (|n| for negative counts); an index the rule
    // gives outside [0, count) becomes 0, as gettext does.
    int index(long n) const;
};

// "nplurals=3; plural=(...);" -> the count and the parsed rule. nplurals
// must be 1..6.
cache::Result<PluralForms> parsePluralForms(std::string_view headerValue);

} // namespace kiosk::i18n
