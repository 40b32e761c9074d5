// pestor-demo-gen: writes the deterministic demo data set of the kiosk.
//
//   pestor-demo-gen --basemap assets/demo/basemap.geojson --out DIR
//                   [--set demo|hostile] [--entities N] [--seed S] [--today YYYY-MM-DD]
//
// Same arguments, same bytes, on any machine: no clock, no std:: distributions,
// no unordered containers, integers for every printed number.

#include "collections.hpp"
#include "hostile.hpp"

#include <charconv>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace {

using demo::Options;

constexpr std::uint64_t kMaxEntities = 10'000'000;

void printUsage(std::ostream& out) {
    out << "usage: pestor-demo-gen --basemap FILE --out DIR [--set demo|hostile] [--entities N] [--seed S] "
           "[--today YYYY-MM-DD]\n"
           "  --set demo     the demo data of assets/demo (default)\n"
           "  --set hostile  data to test robustness with (assets/demo/README.md, \"The hostile set\"):\n"
           "                 texts of 4000 characters, words without spaces, combining marks, emoji,\n"
           "                 Hebrew, Arabic, Ukrainian, missing, truncated and bomb images in OUT/media,\n"
           "                 points outside the service area, 300 records at one address;\n"
           "                 the base map is copied; --entities and --seed do not apply\n"
           "  --entities N   number of entities (default 207, the seed platform's size)\n"
           "  --seed S       random seed (default 2013)\n"
           "  --today DATE   reference date for deadlines and events (default 2026-11-01)\n";
}

std::optional<std::uint64_t> parseUnsigned(std::string_view text) {
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || ptr != end || text.empty()) {
        return std::nullopt;
    }
    return value;
}

// Returns nullopt (after printing why) when the command line is unusable.
std::optional<Options> parseArgs(int argc, char** argv) {
    Options options;
    bool haveBasemap = false;
    bool haveOut = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--help" || arg == "-h") {
            printUsage(std::cout);
            std::exit(0);
        }
        if (i + 1 >= argc) {
            std::cerr << "pestor-demo-gen: " << arg << " needs a value\n";
            return std::nullopt;
        }
        const std::string_view value = argv[++i];
        if (arg == "--basemap") {
            options.basemap = value;
            haveBasemap = true;
        } else if (arg == "--out") {
            options.outDir = value;
            haveOut = true;
        } else if (arg == "--set") {
            if (value != "demo" && value != "hostile") {
                std::cerr << "pestor-demo-gen: --set must be demo or hostile\n";
                return std::nullopt;
            }
            options.hostile = value == "hostile";
        } else if (arg == "--entities") {
            const auto n = parseUnsigned(value);
            if (!n || *n == 0 || *n > kMaxEntities) {
                std::cerr << "pestor-demo-gen: --entities must be 1.." << kMaxEntities << "\n";
                return std::nullopt;
            }
            options.entities = *n;
        } else if (arg == "--seed") {
            const auto s = parseUnsigned(value);
            if (!s) {
                std::cerr << "pestor-demo-gen: --seed must be a non-negative integer\n";
                return std::nullopt;
            }
            options.seed = *s;
        } else if (arg == "--today") {
            const auto d = demo::parseDate(value);
            if (!d) {
                std::cerr << "pestor-demo-gen: --today must be a real date YYYY-MM-DD\n";
                return std::nullopt;
            }
            options.today = *d;
        } else {
            std::cerr << "pestor-demo-gen: unknown option " << arg << "\n";
            return std::nullopt;
        }
    }
    if (!haveBasemap || !haveOut) {
        std::cerr << "pestor-demo-gen: --basemap and --out are required\n";
        return std::nullopt;
    }
    return options;
}

void writeFile(const std::filesystem::path& path, const std::string& content) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) {
        throw std::runtime_error("cannot write " + path.string());
    }
}

} // namespace

int main(int argc, char** argv) {
    const auto options = parseArgs(argc, argv);
    if (!options) {
        printUsage(std::cerr);
        return 2;
    }
    try {
        if (options->hostile) {
            std::cout << demo::writeHostileSet(options->basemap, options->outDir, options->today);
            return 0;
        }
        demo::GenContext ctx{*options, demo::Basemap::load(options->basemap), {}};
        std::filesystem::create_directories(options->outDir);
        auto emit = [&](std::string_view name, const std::vector<demo::Feature>& features) {
            writeFile(options->outDir / (std::string(name) + ".geojson"),
                      demo::collectionJson(name, features));
            std::cout << name << ": " << features.size() << "\n";
        };
        // Entities first: the other collections refer to them.
        emit("entities", demo::generateEntities(ctx));
        emit("premises", demo::generatePremises(ctx));
        emit("equipment", demo::generateEquipment(ctx));
        emit("offers", demo::generateOffers(ctx));
        emit("demands", demo::generateDemands(ctx));
        emit("support_points", demo::generateSupportPoints(ctx));
        emit("events", demo::generateEvents(ctx));
        emit("announcements", demo::generateAnnouncements(ctx));
        emit("indicators", demo::generateIndicators(ctx));
    } catch (const std::exception& e) {
        std::cerr << "pestor-demo-gen: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
