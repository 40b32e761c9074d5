#pragma once
// Turning what a visitor typed into an FTS5 MATCH expression. Everything
// typed is text: quotes, stars, brackets, minus signs and the words NEAR, OR,
// AND, NOT are searched for, never interpreted.
#include <string>
#include <string_view>
#include <vector>

namespace cache {

// Folded tokens of the query (same folding as the index).
std::vector<std::string> searchTokens(std::string_view typed);

// `"tok1"* AND "tok2"*`, every token a quoted prefix; empty when there is
// nothing to search for.
std::string buildMatchExpression(std::string_view typed);

} // namespace cache
