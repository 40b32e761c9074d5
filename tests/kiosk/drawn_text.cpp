#include "drawn_text.hpp"

#include "cache/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>

namespace uitest {
namespace {

// Positions are recomputed from glyph metrics in floats: this much slack
// still tells a space (several pixels) from no gap at all.
constexpr float kTolerancePx = 0.5f;

struct GlyphRef {
    const ImFont* font = nullptr;
    const ImFontGlyph* glyph = nullptr;
};

using UvRect = std::array<float, 4>; // U0, V0, U1, V1

std::map<UvRect, GlyphRef> glyphsByUv(const ImFontAtlas& atlas) {
    std::map<UvRect, GlyphRef> out;
    for (const ImFont* font : atlas.Fonts)
        for (const ImFontGlyph& g : font->Glyphs)
            if (g.Visible && g.U0 < g.U1 && g.V0 < g.V1)
                out.emplace(UvRect{g.U0, g.V0, g.U1, g.V1}, GlyphRef{font, &g});
    return out;
}

// One recognised glyph quad, placed back on its line.
struct PlacedGlyph {
    GlyphRef ref;
    float scale = 1;    // drawn size / font size
    float penX = 0;     // the pen before the glyph
    float lineTop = 0;  // the top of its text line
    ImVec2 min, max;    // the quad
    bool opaque = true; // a fully transparent glyph is emitted but not seen
};

// A line of glyphs, or a paragraph of wrapped lines, being built.
struct Line {
    DrawnRun run;
    ImVec4 clip; // the clip rectangle of its draw command
    float scale = 1;
    float startX = 0; // pen at the first glyph
    float penEnd = 0; // pen after the last glyph
    float maxPenEnd = 0;
    float firstTop = 0;
    float lineTop = 0; // the last line's
    bool visible = false;
    bool crossesSide = false;
    float lineHeight() const { return run.font->FontSize * scale; }
};

bool near(float a, float b) {
    return std::fabs(a - b) < kTolerancePx;
}

void extend(DrawnRun& run, ImVec2 min, ImVec2 max) {
    run.min = ImVec2(std::min(run.min.x, min.x), std::min(run.min.y, min.y));
    run.max = ImVec2(std::max(run.max.x, max.x), std::max(run.max.y, max.y));
}

// The quad whose six indices start at idx[k], if it is a glyph: the index
// pattern ImFont::RenderText and PrimRectUV write, and the corners' UVs
// forming one glyph's rectangle.
std::optional<PlacedGlyph> glyphAt(const ImDrawList& list, const ImDrawCmd& cmd, unsigned k,
                                   const std::map<UvRect, GlyphRef>& glyphs) {
    const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset + k;
    const unsigned a = idx[0];
    if (idx[1] != a + 1 || idx[2] != a + 2 || idx[3] != a || idx[4] != a + 2 || idx[5] != a + 3)
        return std::nullopt;
    const unsigned base = cmd.VtxOffset + a;
    if (base + 3 >= static_cast<unsigned>(list.VtxBuffer.Size)) return std::nullopt;
    const ImDrawVert* v = list.VtxBuffer.Data + base;
    const auto found = glyphs.find(UvRect{v[0].uv.x, v[0].uv.y, v[2].uv.x, v[2].uv.y});
    if (found == glyphs.end()) return std::nullopt;
    // The other two corners must agree, and the quad must be an upright rectangle.
    if (v[1].uv.x != v[2].uv.x || v[1].uv.y != v[0].uv.y || v[3].uv.x != v[0].uv.x ||
        v[3].uv.y != v[2].uv.y)
        return std::nullopt;
    if (v[1].pos.y != v[0].pos.y || v[3].pos.x != v[0].pos.x || v[2].pos.x != v[1].pos.x ||
        v[2].pos.y != v[3].pos.y)
        return std::nullopt;

    const ImFontGlyph& g = *found->second.glyph;
    PlacedGlyph p;
    p.ref = found->second;
    p.min = v[0].pos;
    p.max = v[2].pos;
    const float gw = g.X1 - g.X0, gh = g.Y1 - g.Y0;
    p.scale = gw > 0 ? (p.max.x - p.min.x) / gw : gh > 0 ? (p.max.y - p.min.y) / gh : 1.0f;
    p.penX = p.min.x - g.X0 * p.scale;
    p.lineTop = p.min.y - g.Y0 * p.scale;
    p.opaque = (v[0].col & IM_COL32_A_MASK) != 0;
    return p;
}

// Whether `p` continues `line`; if so, appends the spaces between them.
bool continuesLine(Line& line, const PlacedGlyph& p) {
    if (line.run.font != p.ref.font || !near(line.scale, p.scale) || !near(line.lineTop, p.lineTop))
        return false;
    const float gap = p.penX - line.penEnd;
    if (near(gap, 0)) return true;
    const ImFontGlyph* space = line.run.font->FindGlyphNoFallback(U' ');
    if (space == nullptr || space->AdvanceX <= 0) return false;
    const float width = space->AdvanceX * p.scale;
    const int n = static_cast<int>(std::lround(gap / width));
    if (n < 1 || n > kMaxJoinedSpaces || !near(gap, n * width)) return false;
    line.run.text.append(static_cast<std::size_t>(n), ' ');
    return true;
}

// Whether `next` is the following line of `prev`'s wrapped text.
bool wrapsFrom(const Line& prev, const Line& next) {
    return prev.run.font == next.run.font && near(prev.scale, next.scale) &&
           near(prev.startX, next.startX) && near(next.lineTop, prev.lineTop + prev.lineHeight());
}

// Whether clipping may have dropped part of the text (see DrawnRun::complete);
// the rules follow where ImFont::RenderText stops emitting glyphs.
bool mayBeCut(const Line& p) {
    const float em = p.lineHeight();
    return p.crossesSide || p.startX < p.clip.x || p.maxPenEnd + em > p.clip.z ||
           p.firstTop < p.clip.y || p.lineTop + em > p.clip.w;
}

} // namespace

std::vector<DrawnRun> drawnText(const ImDrawData& data, const ImFontAtlas& atlas) {
    const auto glyphs = glyphsByUv(atlas);
    const ImVec2 displayMin = data.DisplayPos;
    const ImVec2 displayMax(data.DisplayPos.x + data.DisplaySize.x,
                            data.DisplayPos.y + data.DisplaySize.y);

    std::vector<DrawnRun> runs;
    std::optional<Line> paragraph; // the text being built, up to its last line
    std::optional<Line> line;      // the line being built
    const auto endParagraph = [&] {
        if (!paragraph) return;
        if (paragraph->visible) {
            paragraph->run.complete = !mayBeCut(*paragraph);
            runs.push_back(std::move(paragraph->run));
        }
        paragraph.reset();
    };
    const auto endLine = [&] {
        if (!line) return;
        if (paragraph && wrapsFrom(*paragraph, *line)) {
            Line& p = *paragraph;
            p.run.text += ' ' + line->run.text;
            extend(p.run, line->run.min, line->run.max);
            p.maxPenEnd = std::max(p.maxPenEnd, line->penEnd);
            p.lineTop = line->lineTop; // the next wrapped line is measured from this one
            p.visible = p.visible || line->visible;
            p.crossesSide = p.crossesSide || line->crossesSide;
        } else {
            endParagraph();
            paragraph = std::move(line);
            paragraph->maxPenEnd = paragraph->penEnd;
            paragraph->firstTop = paragraph->lineTop;
        }
        line.reset();
    };

    for (int l = 0; l < data.CmdListsCount; ++l) {
        const ImDrawList& list = *data.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback != nullptr || cmd.TextureId != atlas.TexID) continue;
            const ImVec4& clip = cmd.ClipRect;
            // Every primitive is made of triangles: step one triangle on when no glyph starts here.
            for (unsigned k = 0; k + 6 <= cmd.ElemCount;) {
                const auto p = glyphAt(list, cmd, k, glyphs);
                if (!p) {
                    k += 3;
                    continue;
                }
                k += 6;
                if (!line || !continuesLine(*line, *p)) {
                    endLine();
                    line.emplace();
                    line->run.min = p->min;
                    line->run.max = p->max;
                    line->run.font = p->ref.font;
                    line->clip = clip;
                    line->scale = p->scale;
                    line->startX = p->penX;
                    line->lineTop = p->lineTop;
                }
                cache::appendUtf8(line->run.text, static_cast<char32_t>(p->ref.glyph->Codepoint));
                extend(line->run, p->min, p->max);
                line->penEnd = p->penX + p->ref.glyph->AdvanceX * p->scale;
                const bool shown = p->opaque && p->max.x > std::max(clip.x, displayMin.x) &&
                                   p->min.x < std::min(clip.z, displayMax.x) &&
                                   p->max.y > std::max(clip.y, displayMin.y) &&
                                   p->min.y < std::min(clip.w, displayMax.y);
                line->visible = line->visible || shown;
                line->crossesSide = line->crossesSide || p->min.x < clip.x || p->max.x > clip.z;
            }
        }
        // Text never continues into another window's draw list.
        endLine();
        endParagraph();
    }
    return runs;
}

std::vector<DrawnRun> drawnTextOfLastFrame() {
    const ImDrawData* data = ImGui::GetDrawData();
    if (data == nullptr || !data->Valid) return {};
    return drawnText(*data, *ImGui::GetIO().Fonts);
}

} // namespace uitest
