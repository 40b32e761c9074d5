// pestor-feed: the publisher. Turns a folder of GeoJSON/CSV (plus images and
// an MBTiles pack) into a signed static feed (docs/feed.md).
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <sys/stat.h>

#include "args.hpp"
#include "json_line.hpp"
#include "feed/feed_builder.hpp"
#include "feed/signature.hpp"

namespace {

constexpr const char* kUsage =
    "usage: pestor-feed COMMAND [options]\n"
    "  keygen --public FILE.pub --secret FILE.key [--force]\n"
    "                 a key pair in minisign's format (unencrypted secret key)\n"
    "  build  --key FILE.key [--sequence N] [--valid-days D] [--now RFC3339] [--skip-invalid] SRC OUT\n"
    "                 validate SRC/*.geojson|*.csv (+ media/, *.mbtiles) and write a signed feed to OUT;\n"
    "                 warns (stderr) about images terminals will refuse or cannot find and text the kiosk\n"
    "                 cannot show; --skip-invalid leaves invalid records out (reported) instead of failing\n"
    "  prune  OUT     remove blobs the current manifest no longer references\n";

std::optional<std::string> readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int keygen(int argc, char** argv) {
    std::string error;
    auto args = cli::parseArgs(argc, argv, 2, {"public", "secret"}, {"force"}, error);
    if (!args || !args->option("public") || !args->option("secret")) {
        std::cerr << "pestor-feed keygen: " << (error.empty() ? "usage" : error) << "\n" << kUsage;
        return 2;
    }
    const std::string pub = *args->option("public"), sec = *args->option("secret");
    if (!args->flag("force") && (std::filesystem::exists(pub) || std::filesystem::exists(sec))) {
        std::cerr << "pestor-feed keygen: " << pub << " or " << sec << " exists; use --force to replace\n";
        return 2;
    }
    const feed::KeyPair kp = feed::generateKeyPair();
    {
        // The secret key is readable by its owner only.
        const mode_t old = umask(077);
        std::ofstream(sec, std::ios::trunc) << feed::formatSecretKey(kp.secretKey);
        umask(old);
    }
    std::ofstream(pub, std::ios::trunc) << feed::formatPublicKey(kp.publicKey);
    std::cout << cli::jsonLine({{"public", pub}, {"secret", sec}, {"key_id", feed::keyIdHex(kp.publicKey.keyId)}})
              << "\n";
    return 0;
}

int build(int argc, char** argv) {
    std::string error;
    auto args = cli::parseArgs(argc, argv, 2, {"key", "sequence", "valid-days", "now"}, {"skip-invalid"}, error);
    if (!args || !args->option("key") || args->positional.size() != 2) {
        std::cerr << "pestor-feed build: " << (error.empty() ? "usage" : error) << "\n" << kUsage;
        return 2;
    }
    const auto keyText = readFile(*args->option("key"));
    if (!keyText) {
        std::cerr << "pestor-feed build: cannot read " << *args->option("key") << "\n";
        return 2;
    }
    auto key = feed::parseSecretKey(*keyText);
    if (!key) {
        std::cerr << "pestor-feed build: " << *args->option("key") << ": " << key.error().message << "\n";
        return 2;
    }
    feed::BuildOptions o;
    o.source = args->positional[0];
    o.output = args->positional[1];
    try {
        if (auto s = args->option("sequence")) o.sequence = std::stoll(*s);
        if (auto d = args->option("valid-days")) o.validDays = std::stoi(*d);
    } catch (const std::exception&) {
        std::cerr << "pestor-feed build: --sequence and --valid-days take whole numbers\n";
        return 2;
    }
    o.now = args->option("now");
    o.skipInvalid = args->flag("skip-invalid");
    auto report = feed::buildFeed(o, *key);
    if (!report) {
        std::cerr << "pestor-feed build: " << report.error().message << "\n";
        return 1;
    }
    for (const std::string& w : report->warnings) std::cerr << "pestor-feed build: warning: " << w << "\n";
    nlohmann::json counts = nlohmann::json::object();
    for (const auto& [c, content] : report->manifest.collections)
        counts[std::string(cache::collectionKey(c))] = {{"records", content.records}, {"chunks", content.chunks.size()}};
    std::cout << cli::jsonLine({{"sequence", report->manifest.sequence},
                                {"collections", counts},
                                {"media", report->manifest.media.size()},
                                {"tiles", report->manifest.tiles.has_value()},
                                {"blobs_written", report->blobsWritten},
                                {"blobs_reused", report->blobsReused},
                                {"bytes_written", report->bytesWritten},
                                {"left_out", report->problemsLeftOut},
                                {"warnings", report->warnings.size()}})
              << "\n";
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        std::cout << kUsage;
        return argc < 2 ? 2 : 0;
    }
    const std::string cmd = argv[1];
    if (cmd == "keygen") return keygen(argc, argv);
    if (cmd == "build") return build(argc, argv);
    if (cmd == "prune") {
        if (argc != 3) {
            std::cerr << kUsage;
            return 2;
        }
        auto removed = feed::pruneFeed(argv[2]);
        if (!removed) {
            std::cerr << "pestor-feed prune: " << removed.error().message << "\n";
            return 1;
        }
        std::cout << cli::jsonLine({{"removed", *removed}}) << "\n";
        return 0;
    }
    std::cerr << "pestor-feed: unknown command '" << cmd << "'\n" << kUsage;
    return 2;
}
