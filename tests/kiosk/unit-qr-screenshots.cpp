// The detail screen's "take it with you" QR codes, read back by a decoder
// that is not ours: the real kiosk under Xvfb shows a demo record, zbarimg
// (zbar-tools) decodes each code from the screenshot, and the payloads must
// equal what a phone should get — written out here by hand, not by the
// kiosk's own functions.
#include <doctest/doctest.h>

#include <stb_image_write.h> // libstb (through imgui's pkg-config) has the implementation

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "cache/cache_db.hpp"
#include "demo_cache.hpp"
#include "screenshot_image.hpp"
#include "feed/importer.hpp"

namespace fs = std::filesystem;
using namespace shots;

namespace {

// QR modules are pure black; the theme draws nothing else that dark (its
// text colour is a blue-grey), so black pixels are the codes.
bool black(const Image& img, int x, int y) {
    const auto p = img.at(x, y);
    return p[0] < 16 && p[1] < 16 && p[2] < 16;
}

struct Box {
    int x0, y0, x1, y1; // inclusive-exclusive
};

// Codes stand side by side: runs of columns holding black pixels, each with
// the rows it spans.
std::vector<Box> codeBoxes(const Image& img) {
    std::vector<int> columnHasInk(img.w, 0);
    for (int x = 0; x < img.w; ++x)
        for (int y = 0; y < img.h && !columnHasInk[x]; ++y) columnHasInk[x] = black(img, x, y);
    std::vector<Box> boxes;
    for (int x = 0; x < img.w;) {
        if (!columnHasInk[x]) {
            ++x;
            continue;
        }
        Box b{x, img.h, x, 0};
        while (x < img.w && columnHasInk[x]) ++x;
        b.x1 = x;
        for (int y = 0; y < img.h; ++y)
            for (int cx = b.x0; cx < b.x1; ++cx)
                if (black(img, cx, y)) {
                    b.y0 = std::min(b.y0, y);
                    b.y1 = std::max(b.y1, y + 1);
                }
        boxes.push_back(b);
    }
    return boxes;
}

// Writes the box plus `margin` pixels of its white quiet zone as a PNG.
void writeCrop(const Image& img, Box b, int margin, const fs::path& path) {
    b = {std::max(0, b.x0 - margin), std::max(0, b.y0 - margin), std::min(img.w, b.x1 + margin),
         std::min(img.h, b.y1 + margin)};
    const int w = b.x1 - b.x0, h = b.y1 - b.y0;
    std::vector<unsigned char> out(static_cast<std::size_t>(w) * h * 4);
    for (int y = 0; y < h; ++y) std::copy_n(img.pixel(b.x0, b.y0 + y), w * 4, out.data() + static_cast<std::size_t>(y) * w * 4);
    REQUIRE(stbi_write_png(path.c_str(), w, h, 4, out.data(), w * 4) != 0);
}

// zbarimg's raw output for one image: the payload plus the newline it adds.
std::string zbarimg(const fs::path& png) {
    // stderr: zbar's D-Bus probe complains in containers; the payload is on stdout.
    const std::string cmd = "zbarimg --raw -q '" + png.string() + "' 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), pipe.get())) > 0;) out.append(buf.data(), n);
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

std::vector<std::string> decodeCodes(const fs::path& screenshot, const std::string& tag) {
    const Image img = load(screenshot);
    const std::vector<Box> boxes = codeBoxes(img);
    std::vector<std::string> payloads;
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        const Box& b = boxes[i];
        INFO("code " << i << " at " << b.x0 << "," << b.y0 << " " << b.x1 - b.x0 << "x" << b.y1 - b.y0);
        const fs::path crop = screenshot.parent_path() / (tag + "-code" + std::to_string(i) + ".png");
        writeCrop(img, b, 8, crop);
        payloads.push_back(zbarimg(crop));
    }
    return payloads;
}

} // namespace

TEST_CASE("zbarimg reads the page, contact card and map codes off a real detail screen") {
    REQUIRE_MESSAGE(std::system("command -v zbarimg > /dev/null") == 0, "zbarimg missing: run tools/deps.sh");
    const fs::path out = fs::path(PESTOR_BINARY_DIR) / "test-output" / "kiosk-qr";
    fs::remove_all(out);
    fs::create_directories(out);
    const fs::path cachePath = out / "cache.sqlite";
    shots::importDemoData(cachePath);
    // Home → search "zolty rower" → the first result, the demo's
    // ent-000024 "Fundacja Żółty Rower" (phone, e-mail, web site, a point);
    // then the same screen in Ukrainian: the codes must not change.
    const fs::path script = out / "qr.txt";
    std::ofstream(script) << "wait 200\ntap 960 249\nwait 200\ntype zolty rower\nwait 600\nsnap search\n"
                             "tap 700 380\nwait 400\nsnap detail-pl\n"
                             "tap 1855 49\nwait 300\nsnap detail-uk\n";
    const std::string cmd = "LIBGL_ALWAYS_SOFTWARE=1 xvfb-run -a -s '-screen 0 1920x1080x24' '" +
                            std::string(PESTOR_KIOSK_BIN) + "' --cache '" + cachePath.string() + "' --assets '" +
                            PESTOR_ASSETS_DIR + "' --size 1920x1080 --now 2026-11-21T12:00:00+01:00 --script '" +
                            script.string() + "' --screenshots '" + out.string() + "' > '" +
                            (out / "kiosk.log").string() + "' 2>&1";
    INFO("kiosk log and screenshots: " << out.string());
    REQUIRE(std::system(cmd.c_str()) == 0);

    const std::string page = "https://pes-tor.torun.pl/entities/ent-000024";
    const std::string card = "BEGIN:VCARD\r\n"
                             "VERSION:3.0\r\n"
                             "FN:Fundacja Żółty Rower\r\n"
                             "N:;;;;\r\n"
                             "ORG:Fundacja Żółty Rower\r\n"
                             "TEL;TYPE=WORK,VOICE:+48 56 000 96 18\r\n"
                             "EMAIL;TYPE=INTERNET:info@zolty-rower.pestor.example\r\n"
                             "URL:https://zolty-rower.pestor.example\r\n"
                             "ADR;TYPE=WORK:;;ul. Krasińskiego 57;Toruń;;87-100;\r\n"
                             "END:VCARD\r\n";
    const std::string geo = "geo:53.015710,18.583970?q=53.015710,18.583970(Fundacja%20%C5%BB%C3%B3%C5%82ty%20Rower)";
    for (const std::string tag : {"detail-pl", "detail-uk"}) {
        INFO(tag);
        const auto payloads = decodeCodes(out / (tag + ".png"), tag);
        REQUIRE(payloads.size() == 3);
        CHECK(payloads[0] == page);
        CHECK(payloads[1] == card);
        CHECK(payloads[2] == geo);
    }
}
