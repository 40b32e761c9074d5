// libFuzzer target: manifest.json and its detached signature, the first
// bytes the sync process takes from the network (before anything is
// verified). Input: the manifest text, optionally followed by
// kSignatureMarker and a .minisig file; the signature is checked over the
// manifest part with the seed key and a second key pinned.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "feed/manifest.hpp"
#include "feed/signature.hpp"
#include "fuzz_fail.hpp"
#include "fuzz_keys.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // Built once: deriving the key costs more than most inputs.
    static const std::array<feed::PublicKey, 2> pinned{pestor_fuzz::otherPinnedKey(),
                                                       pestor_fuzz::seedKeyPair().publicKey};

    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::string_view marker(pestor_fuzz::kSignatureMarker);
    const auto split = input.find(marker);
    const std::string_view manifestText = input.substr(0, split);

    if (split != std::string_view::npos)
        pestor_fuzz::checkMessage(feed::verifyDetached(pinned, manifestText, input.substr(split + marker.size())));

    auto manifest = feed::parseManifest(manifestText);
    pestor_fuzz::checkMessage(manifest);
    if (!manifest) return 0;
    // The sync turns every blob into a URL path; a hash that survived parsing
    // must be one that cannot climb out of blobs/.
    for (const feed::BlobRef& blob : manifest->allBlobs()) {
        const std::string path = feed::blobPath(blob.sha256);
        if (path.find("..") != std::string::npos || path.size() != 6 + 2 + 1 + 64)
            pestor_fuzz::fail("blob path from an accepted manifest: " + path);
    }
    // The publisher writes formatManifest's output; what parses must format
    // to something that parses back to the same manifest.
    auto again = feed::parseManifest(feed::formatManifest(*manifest));
    if (!again) pestor_fuzz::fail("formatManifest output does not parse: " + again.error().message);
    if (!(*again == *manifest)) pestor_fuzz::fail("manifest changed through formatManifest/parseManifest");
    return 0;
}
