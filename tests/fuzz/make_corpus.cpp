// fuzz-make-corpus: writes the seed corpora of tests/fuzz/corpus from the
// project's own fixtures, deterministically (same bytes on every run), so a
// change of format can be followed by regenerating instead of hand-editing.
//
//   fuzz-make-corpus [CORPUS_DIR]      default: <source>/tests/fuzz/corpus
//
// manifest/  a feed built from tests/data (+ two images, a tiles pack) with
//            the fuzz seed key, with and without its signature
// geojson/   tests/data files whole, and two features of every assets/demo file
// csv/       the tests/data records as spreadsheets export them (';' with
//            decimal commas, ',' with BOM and CRLF)
// image/     tiny PNG and JPEG files in every channel layout stb writes
// Files it does not name are left alone (hand-made seeds may sit beside them).
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include <zlib.h>
#ifdef PESTOR_FUZZ_HAVE_LIBJPEG
#include <jpeglib.h>
#endif

#include "cache/collection.hpp"
#include "feed/feed_builder.hpp"
#include "feed/signature.hpp"
#include "fuzz_keys.hpp"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string readFile(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + p.string());
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const fs::path& p, std::string_view bytes) {
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + p.string());
}

// The collection byte fuzz_records.hpp reads: '0' + index in kAllCollections.
char collectionByte(cache::Collection c) {
    for (std::size_t i = 0; i < cache::kAllCollections.size(); ++i)
        if (cache::kAllCollections[i] == c) return static_cast<char>('0' + i);
    throw std::logic_error("collection not in kAllCollections");
}

// --- images ---------------------------------------------------------------

std::vector<unsigned char> pattern(int w, int h, int channels) {
    std::vector<unsigned char> px(static_cast<std::size_t>(w * h * channels));
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < channels; ++c)
                px[static_cast<std::size_t>((y * w + x) * channels + c)] =
                    static_cast<unsigned char>((x * 37 + y * 91 + c * 53) & 0xff);
    return px;
}

void appendBytes(void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

std::string png(int w, int h, int channels) {
    std::string out;
    const auto px = pattern(w, h, channels);
    if (!stbi_write_png_to_func(appendBytes, &out, w, h, channels, px.data(), w * channels))
        throw std::runtime_error("stb cannot write a PNG");
    return out;
}

std::string jpeg(int w, int h, int channels, int quality) {
    std::string out;
    const auto px = pattern(w, h, channels);
    if (!stbi_write_jpg_to_func(appendBytes, &out, w, h, channels, px.data(), quality))
        throw std::runtime_error("stb cannot write a JPEG");
    return out;
}

// PNG layouts stb does not write, built chunk by chunk so the fuzzer starts
// inside the palette, 16-bit and Adam7 code of the decoder.
std::string be32(std::uint32_t v) {
    return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string pngChunk(std::string_view type, std::string_view data) {
    std::string body = std::string(type) + std::string(data);
    const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
    return be32(static_cast<std::uint32_t>(data.size())) + body + be32(static_cast<std::uint32_t>(crc));
}

// `scanlines` already carry their filter bytes.
std::string rawPng(std::uint32_t w, std::uint32_t h, int depth, int colourType, bool interlaced,
                   const std::string& scanlines, const std::string& extra = {}) {
    std::string ihdr = be32(w) + be32(h);
    ihdr += {static_cast<char>(depth), static_cast<char>(colourType), 0, 0, static_cast<char>(interlaced ? 1 : 0)};
    uLongf size = compressBound(static_cast<uLong>(scanlines.size()));
    std::string z(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(z.data()), &size, reinterpret_cast<const Bytef*>(scanlines.data()),
                  static_cast<uLong>(scanlines.size()), 9) != Z_OK)
        throw std::runtime_error("zlib cannot compress");
    z.resize(size);
    return std::string("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + extra + pngChunk("IDAT", z) +
           pngChunk("IEND", "");
}

std::string palettePng() { // 4x2, 2-bit palette, one colour half transparent
    const std::string plte("\xff\x00\x00\x00\xff\x00\x00\x00\xff\xff\xff\xff", 12);
    const std::string rows("\x00\x1b\x00\xe4", 4); // filter 0, indices 0 1 2 3 / 3 2 1 0
    return rawPng(4, 2, 2, 3, false, rows, pngChunk("PLTE", plte) + pngChunk("tRNS", std::string("\xff\x80", 2)));
}

std::string gray16Png() { // 2x2, 16-bit grey, Sub and Up filters
    const std::string rows("\x01\x12\x34\x01\x00" "\x02\x00\x00\xff\xff", 10);
    return rawPng(2, 2, 16, 0, false, rows);
}

std::string interlacedPng() { // 1x1 RGB, Adam7: only pass 1 has a pixel
    return rawPng(1, 1, 8, 2, true, std::string("\x00\x10\x80\xf0", 4));
}

// A JPEG with an EXIF APP1 segment right after SOI carrying `orientation`.
std::string withExifOrientation(const std::string& jpg, int orientation) {
    std::string tiff("II*\0\x08\0\0\0", 8);              // little endian, IFD at 8
    tiff += std::string("\x01\0\x12\x01\x03\0\x01\0\0\0", 10); // 1 entry: 0x0112 SHORT x1
    tiff += {static_cast<char>(orientation), 0, 0, 0};
    tiff += std::string(4, '\0');                              // no next IFD
    const std::string payload = std::string("Exif\0\0", 6) + tiff;
    const auto len = static_cast<std::uint16_t>(payload.size() + 2);
    return jpg.substr(0, 2) + "\xff\xe1" + static_cast<char>(len >> 8) + static_cast<char>(len & 0xff) + payload +
           jpg.substr(2);
}

#ifdef PESTOR_FUZZ_HAVE_LIBJPEG
// stb writes baseline JPEG only; the progressive decoder (many scans, the
// path kMaxJpegScans guards) needs a seed from libjpeg.
std::string progressiveJpeg(int w, int h) {
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr err{};
    cinfo.err = jpeg_std_error(&err);
    jpeg_create_compress(&cinfo);
    unsigned char* out = nullptr;
    unsigned long outSize = 0;
    jpeg_mem_dest(&cinfo, &out, &outSize);
    cinfo.image_width = static_cast<JDIMENSION>(w);
    cinfo.image_height = static_cast<JDIMENSION>(h);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, 80, TRUE);
    jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    auto px = pattern(w, h, 3);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = px.data() + static_cast<std::size_t>(cinfo.next_scanline) * static_cast<std::size_t>(w) * 3;
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string bytes(reinterpret_cast<const char*>(out), outSize);
    std::free(out);
    return bytes;
}
#endif

std::map<std::string, std::string> images() {
    std::map<std::string, std::string> out{
        {"gray-1x1.png", png(1, 1, 1)},         {"gray-alpha-4x4.png", png(4, 4, 2)},
        {"rgb-8x8.png", png(8, 8, 3)},          {"rgba-16x8.png", png(16, 8, 4)},
        {"rgb-3x40.png", png(3, 40, 3)},        {"rgb-64x64.png", png(64, 64, 3)},
        {"palette-trns-4x2.png", palettePng()}, {"gray16-2x2.png", gray16Png()},
        {"interlaced-1x1.png", interlacedPng()}, {"gray-16x16.jpg", jpeg(16, 16, 1, 50)},
        {"rgb-8x8.jpg", jpeg(8, 8, 3, 90)},     {"rgb-17x9.jpg", jpeg(17, 9, 3, 75)},
        {"rgb-64x40.jpg", jpeg(64, 40, 3, 60)}, {"exif-rotated-6-12x8.jpg", withExifOrientation(jpeg(12, 8, 3, 70), 6)},
    };
#ifdef PESTOR_FUZZ_HAVE_LIBJPEG
    out["progressive-24x16.jpg"] = progressiveJpeg(24, 16);
#else
    std::cerr << "fuzz-make-corpus: libjpeg not found at build time, progressive-24x16.jpg not written\n";
#endif
    return out;
}

// --- GeoJSON --------------------------------------------------------------

// The per-collection fixtures of tests/data (all records valid).
std::vector<std::pair<cache::Collection, fs::path>> collectionFiles(const fs::path& dir) {
    std::vector<std::pair<cache::Collection, fs::path>> out;
    for (auto c : cache::kAllCollections) {
        const fs::path p = dir / (std::string(cache::collectionKey(c)) + ".geojson");
        if (fs::exists(p)) out.emplace_back(c, p);
    }
    return out;
}

void writeGeoJson(const fs::path& source, const fs::path& out) {
    const fs::path data = source / "tests" / "data";
    for (const auto& [c, path] : collectionFiles(data))
        writeFile(out / ("data-" + path.stem().string() + ".seed"), collectionByte(c) + readFile(path));
    // Envelope faults and projections: validated as entities.
    for (const char* name : {"entities-with-bad-records", "truncated", "single-feature", "unknown-collection", "puwg1992"})
        writeFile(out / (std::string("data-") + name + ".seed"),
                  collectionByte(cache::Collection::Entities) + readFile(data / (std::string(name) + ".geojson")));
    // The demo data as pestor-demo-gen writes it: two features per file
    // (whole files are far beyond the corpus budget, and longer inputs only
    // slow the fuzzer down).
    for (const auto& [c, path] : collectionFiles(source / "assets" / "demo")) {
        json doc = json::parse(readFile(path));
        json& features = doc["features"];
        if (features.size() > 2) features.erase(features.begin() + 2, features.end());
        writeFile(out / ("demo-" + path.stem().string() + ".seed"), collectionByte(c) + doc.dump(1) + "\n");
    }
}

// --- CSV ------------------------------------------------------------------

std::string cellText(const json& v) {
    if (v.is_null()) return "";
    if (v.is_string()) return v.get<std::string>();
    if (v.is_boolean()) return v.get<bool>() ? "tak" : "nie";
    if (v.is_array()) {
        std::string s;
        for (const auto& item : v) s += (s.empty() ? "" : "; ") + cellText(item);
        return s;
    }
    return v.dump();
}

std::string quoted(const std::string& cell, char sep) {
    if (cell.find_first_of(std::string{sep, '"', '\n', '\r'}) == std::string::npos) return cell;
    std::string out = "\"";
    for (char ch : cell) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

struct CsvStyle {
    char sep = ';';
    bool decimalComma = true;
    bool bom = false;
    const char* eol = "\n";
};

// One row per feature; language variants become name / name_en / name_uk
// columns, a Point becomes longitude/latitude, as parseCsv expects.
std::string toCsv(const json& doc, const CsvStyle& style) {
    std::vector<std::string> header;
    std::vector<std::map<std::string, std::string>> rows;
    const auto column = [&](const std::string& key) {
        if (std::find(header.begin(), header.end(), key) == header.end()) header.push_back(key);
    };
    for (const auto& f : doc["features"]) {
        std::map<std::string, std::string> row;
        for (const auto& [key, value] : f["properties"].items()) {
            if (value.is_object()) {
                for (const auto& [lang, text] : value.items()) {
                    const std::string k = lang == "pl" ? key : key + "_" + lang;
                    column(k);
                    row[k] = cellText(text);
                }
            } else {
                column(key);
                row[key] = cellText(value);
            }
        }
        const json& g = f["geometry"];
        if (g.is_object() && g.value("type", "") == "Point") {
            column("longitude");
            column("latitude");
            for (const auto& [k, i] : {std::pair{"longitude", 0}, std::pair{"latitude", 1}}) {
                std::string n = g["coordinates"][i].dump();
                if (style.decimalComma)
                    for (char& ch : n)
                        if (ch == '.') ch = ',';
                row[k] = n;
            }
        }
        rows.push_back(std::move(row));
    }
    std::string out = style.bom ? "\xEF\xBB\xBF" : "";
    for (std::size_t i = 0; i < header.size(); ++i) out += (i ? std::string(1, style.sep) : "") + header[i];
    out += style.eol;
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < header.size(); ++i) {
            const auto it = row.find(header[i]);
            out += (i ? std::string(1, style.sep) : "") + quoted(it == row.end() ? "" : it->second, style.sep);
        }
        out += style.eol;
    }
    return out;
}

void writeCsv(const fs::path& source, const fs::path& out) {
    bool spreadsheet = true; // alternate the two export styles
    for (const auto& [c, path] : collectionFiles(source / "tests" / "data")) {
        const json doc = json::parse(readFile(path));
        const CsvStyle style = spreadsheet ? CsvStyle{';', true, false, "\n"} : CsvStyle{',', false, true, "\r\n"};
        spreadsheet = !spreadsheet;
        writeFile(out / (path.stem().string() + ".seed"), collectionByte(c) + toCsv(doc, style));
    }
    // The spreadsheet case of tests/feed/unit-feed-build.cpp: quotes, BOM,
    // language columns, decimal commas, a short row.
    writeFile(out / "spreadsheet-entities.seed",
              collectionByte(cache::Collection::Entities) +
                  std::string("\xEF\xBB\xBF"
                              "id;status;updated_at;name;name_en;legal_form;address;district;longitude;latitude\n"
                              "e-1;active;2026-11-01T10:00:00+01:00;\"Fundacja \"\"Ślad\"\"; Toruń\";Trace Foundation;fundacja;"
                              "\"ul. Szeroka 1, 87-100 Toruń\";stare_miasto;18,6047;53,0103\n"
                              "e-2;active;2026-11-01T10:00:00+01:00;Stowarzyszenie Mokre;;stowarzyszenie;ul. Mokra 2;mokre;18.63;53.02\n"
                              "e-3;active;too;few\n"));
}

// --- manifest ---------------------------------------------------------------

void writeManifest(const fs::path& source, const fs::path& out, const std::map<std::string, std::string>& media) {
    const fs::path work = fs::temp_directory_path() / "pestor-fuzz-make-corpus";
    fs::remove_all(work);
    const fs::path src = work / "src", feedDir = work / "feed";
    for (const auto& [c, path] : collectionFiles(source / "tests" / "data")) {
        fs::create_directories(src);
        fs::copy_file(path, src / path.filename());
    }
    // Media and a tiles pack so the manifest has every member; the builder
    // does not look inside a .mbtiles file.
    writeFile(src / "media" / "logo.png", media.at("rgb-8x8.png"));
    writeFile(src / "media" / "photo.jpg", media.at("rgb-8x8.jpg"));
    writeFile(src / "tiles.mbtiles", "not really an MBTiles pack");

    const feed::KeyPair key = pestor_fuzz::seedKeyPair();
    feed::BuildOptions o{src, feedDir, 7, 14, std::string("2026-11-21T12:00:00+01:00")};
    auto built = feed::buildFeed(o, key.secretKey);
    if (!built) throw std::runtime_error("buildFeed: " + built.error().message);
    const std::string manifest = readFile(feedDir / "manifest.json");
    const std::string minisig = readFile(feedDir / "manifest.json.minisig");
    writeFile(out / "manifest.json", manifest);
    writeFile(out / "signed.seed", manifest + pestor_fuzz::kSignatureMarker + minisig);
    // An empty-ish feed: one collection, no media, no tiles.
    fs::remove_all(src);
    fs::create_directories(src);
    fs::copy_file(source / "tests" / "data" / "indicators.geojson", src / "indicators.geojson");
    o.sequence = 8;
    auto small = feed::buildFeed(o, key.secretKey);
    if (!small) throw std::runtime_error("buildFeed: " + small.error().message);
    writeFile(out / "small-signed.seed", readFile(feedDir / "manifest.json") + pestor_fuzz::kSignatureMarker +
                                             readFile(feedDir / "manifest.json.minisig"));
    fs::remove_all(work);
}

} // namespace

int main(int argc, char** argv) {
    const fs::path source = PESTOR_SOURCE_DIR;
    const fs::path corpus = argc > 1 ? fs::path(argv[1]) : source / "tests" / "fuzz" / "corpus";
    try {
        const auto media = images();
        for (const auto& [name, bytes] : media) writeFile(corpus / "image" / name, bytes);
        writeGeoJson(source, corpus / "geojson");
        writeCsv(source, corpus / "csv");
        writeManifest(source, corpus / "manifest", media);
    } catch (const std::exception& e) {
        std::cerr << "fuzz-make-corpus: " << e.what() << "\n";
        return 1;
    }
    std::cout << "fuzz-make-corpus: wrote " << corpus.string() << "\n";
    return 0;
}
