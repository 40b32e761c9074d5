#pragma once
// Finds the translation keys the kiosk's code asks for, by reading its
// sources: string literals that look like keys ("home.prompt") passed to
// t(…), text(…) or count(…), and those returned by the screens' and widgets'
// key-choosing functions (`return "detail.contact";`). Keys the code builds
// at run time (record labels, filter labels) come from the schema instead.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace uitest {

// key -> where it was first seen ("kiosk/screens/shell.cpp:93"). Files under
// i18n/ are skipped: that is where keys are read, not used.
std::map<std::string, std::string> translationKeysInCode(const std::filesystem::path& kioskDir);

// The key-like literals used in one source text (for the scanner's own test).
std::map<std::string, int> translationKeysInSource(std::string_view source, bool returnsCount);

} // namespace uitest
