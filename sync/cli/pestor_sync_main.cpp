// pestor-sync: the network-facing side's command line: the HTTPS sync and
// the cache tools (import, search, show, status).
#include <cstring>
#include <iostream>

#include "commands.hpp"

namespace {

constexpr const char* kUsage =
    "usage: pestor-sync COMMAND [options]\n"
    "  sync   --cache PATH --feed URL --key FILE.pub [--once | --interval S [--jitter S]] ...\n"
    "                    fetch the signed feed over HTTPS and apply it in one transaction\n"
    "  import --cache PATH [--collection NAME] [--strict] FILE.geojson...\n"
    "                    validate GeoJSON FeatureCollections and write them to the cache\n"
    "  search --cache PATH [--lang pl|en|uk] TEXT...   full-text search, JSON lines\n"
    "  show   --cache PATH COLLECTION ID               one record as JSON\n"
    "  status --cache PATH                             record counts and schema version\n";

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string cmd = argv[1];
    if (cmd == "import") return cli::runImport(argc, argv);
    if (cmd == "search") return cli::runSearch(argc, argv);
    if (cmd == "show") return cli::runShow(argc, argv);
    if (cmd == "status") return cli::runStatus(argc, argv);
    if (cmd == "sync") return cli::runSync(argc, argv);
    std::cerr << "pestor-sync: unknown command '" << cmd << "'\n" << kUsage;
    return 2;
}
