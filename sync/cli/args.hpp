#pragma once
// A small argument reader for the command-line tools: `--name value` options,
// `--flag` switches and positional words, with errors naming the culprit.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cli {

struct Args {
    std::map<std::string, std::vector<std::string>> options; // a repeated option keeps every value
    std::set<std::string> flags;
    std::vector<std::string> positional;

    std::optional<std::string> option(const std::string& name) const {
        auto it = options.find(name);
        if (it == options.end()) return std::nullopt;
        return it->second.back();
    }
    std::vector<std::string> all(const std::string& name) const {
        auto it = options.find(name);
        return it == options.end() ? std::vector<std::string>{} : it->second;
    }
    bool flag(const std::string& name) const { return flags.count(name) > 0; }
};

// `valued` names options that take a value; `switches` names flags. Anything
// else starting with "--" is an error.
std::optional<Args> parseArgs(int argc, char** argv, int first, const std::set<std::string>& valued,
                              const std::set<std::string>& switches, std::string& error);

} // namespace cli
