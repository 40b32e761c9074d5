#include "args.hpp"

namespace cli {

std::optional<Args> parseArgs(int argc, char** argv, int first, const std::set<std::string>& valued,
                              const std::set<std::string>& switches, std::string& error) {
    Args a;
    bool onlyPositional = false;
    for (int i = first; i < argc; ++i) {
        const std::string arg = argv[i];
        if (onlyPositional || !arg.starts_with("--")) {
            a.positional.push_back(arg);
        } else if (arg == "--") {
            onlyPositional = true;
        } else if (valued.count(arg.substr(2))) {
            if (i + 1 >= argc) {
                error = "option " + arg + " needs a value";
                return std::nullopt;
            }
            a.options[arg.substr(2)].push_back(argv[++i]);
        } else if (switches.count(arg.substr(2))) {
            a.flags.insert(arg.substr(2));
        } else {
            error = "unknown option " + arg;
            return std::nullopt;
        }
    }
    return a;
}

} // namespace cli
