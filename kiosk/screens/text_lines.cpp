#include "text_lines.hpp"

namespace kiosk::screens {
namespace {

float widthOf(const ImFont* font, std::string_view t) {
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, t.data(), t.data() + t.size()).x;
}

bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// `line` shortened to fit `width` with "…" appended (always appended: the
// caller knows text follows).
std::string withEllipsis(const ImFont* font, std::string_view line, float width) {
    std::size_t end = line.size();
    for (;;) {
        std::string cut(line.substr(0, end));
        while (!cut.empty() && (cut.back() == ' ' || cut.back() == ','))
            cut.pop_back();
        cut += "…";
        if (end == 0 || widthOf(font, cut) <= width) return cut;
        do
            --end;
        while (end > 0 && isContinuation(line[end]));
    }
}

} // namespace

std::vector<std::string> wrapLines(const ImFont* font, std::string_view text, float width,
                                   int maxLines) {
    std::vector<std::string> lines;
    if (maxLines <= 0) return lines;
    // Text measured to fit exactly must not wrap: ImGui's wrapping sums glyph
    // advances in another order than its measuring, so allow half a pixel.
    width += 0.5f;
    if (text.find('\n') == std::string_view::npos && widthOf(font, text) <= width) {
        lines.emplace_back(text);
        return lines;
    }
    const char* p = text.data();
    const char* const end = text.data() + text.size();
    while (p < end && static_cast<int>(lines.size()) < maxLines) {
        // ImGui's own word wrapping, so the result matches what AddText would wrap.
        const char* next = font->CalcWordWrapPositionA(1.0f, p, end, width);
        if (next == p) { // a single glyph wider than the box: take it anyway
            ++next;
            while (next < end && isContinuation(*next))
                ++next;
        }
        std::string_view line(p, static_cast<std::size_t>(next - p));
        const auto newline = line.find('\n');
        if (newline != std::string_view::npos) {
            line = line.substr(0, newline);
            next = p + newline + 1;
        }
        while (!line.empty() && line.back() == ' ')
            line.remove_suffix(1);
        while (next < end && *next == ' ')
            ++next;
        if (static_cast<int>(lines.size()) + 1 == maxLines && next < end)
            lines.push_back(withEllipsis(font, line, width));
        else
            lines.emplace_back(line);
        p = next;
    }
    return lines;
}

float drawLines(ImDrawList* dl, ImFont* font, ImVec2 pos, const std::vector<std::string>& lines,
                ImU32 colour) {
    const float lineHeight = font->FontSize;
    for (std::size_t i = 0; i < lines.size(); ++i)
        dl->AddText(font, font->FontSize, ImVec2(pos.x, pos.y + lineHeight * static_cast<float>(i)),
                    colour, lines[i].c_str());
    return lineHeight * static_cast<float>(lines.size());
}

float drawTextBox(ImDrawList* dl, ImFont* font, ImVec2 pos, std::string_view text, float width,
                  int maxLines, ImU32 colour) {
    return drawLines(dl, font, pos, wrapLines(font, text, width, maxLines), colour);
}

} // namespace kiosk::screens
