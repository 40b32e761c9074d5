#pragma once
// Reading screenshots back for pixel probes (stb_image from libstb).
#include <doctest/doctest.h>
#include <stb_image.h>

#include <array>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace shots {

// RGBA, top row first.
struct Image {
    int w = 0, h = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> px{nullptr, stbi_image_free};
    const unsigned char* pixel(int x, int y) const { return px.get() + (static_cast<std::size_t>(y) * w + x) * 4; }
    std::array<int, 3> at(int x, int y) const {
        const unsigned char* p = pixel(x, y);
        return {p[0], p[1], p[2]};
    }
};

inline Image load(const std::filesystem::path& path) {
    Image img;
    int n = 0;
    img.px.reset(stbi_load(path.c_str(), &img.w, &img.h, &n, 4));
    REQUIRE_MESSAGE(img.px != nullptr, "cannot read " << path.string());
    return img;
}

inline bool near(std::array<int, 3> got, std::array<int, 3> want, int tol = 8) {
    for (int i = 0; i < 3; ++i)
        if (std::abs(got[i] - want[i]) > tol) return false;
    return true;
}

inline std::string describe(std::array<int, 3> c) {
    return "(" + std::to_string(c[0]) + "," + std::to_string(c[1]) + "," + std::to_string(c[2]) + ")";
}

// Share of pixels in a rectangle that differ from `bg`: text and shapes.
inline double inkShare(const Image& img, int x0, int y0, int x1, int y1, std::array<int, 3> bg) {
    int ink = 0, all = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x, ++all)
            if (!near(img.at(x, y), bg, 24)) ++ink;
    return all ? static_cast<double>(ink) / all : 0.0;
}

} // namespace shots
