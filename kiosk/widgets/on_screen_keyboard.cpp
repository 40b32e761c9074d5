#include "on_screen_keyboard.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::widgets {
namespace {

ImVec2 v(float x, float y) { return ImVec2(x, y); }

void centredText(ImDrawList* dl, ImFont* font, const KeyRect& r, std::string_view text, ImU32 colour) {
    if (!font) font = ImGui::GetFont();
    const float size = font->FontSize;
    const ImVec2 ts = font->CalcTextSizeA(size, r.w, 0.0f, text.data(), text.data() + text.size());
    dl->AddText(font, size, v(r.centreX() - ts.x * 0.5f, r.centreY() - ts.y * 0.5f), colour, text.data(),
                text.data() + text.size());
}

// Shift as an outlined upward arrow (Noto Sans has no ⇧); filled when locked.
void drawShiftIcon(ImDrawList* dl, const KeyRect& r, ShiftMode mode, ImU32 colour) {
    const float s = std::min(r.w, r.h) * 0.42f;
    const float cx = r.centreX(), cy = r.centreY() - s * 0.08f;
    const ImVec2 pts[7] = {v(cx, cy - s * 0.5f),           v(cx + s * 0.5f, cy),          v(cx + s * 0.22f, cy),
                           v(cx + s * 0.22f, cy + s * 0.42f), v(cx - s * 0.22f, cy + s * 0.42f), v(cx - s * 0.22f, cy),
                           v(cx - s * 0.5f, cy)};
    if (mode == ShiftMode::Off) {
        dl->AddPolyline(pts, 7, colour, ImDrawFlags_Closed, std::max(2.0f, s * 0.08f));
    } else {
        // The outline is concave at the stem: fill it as a head and a stem.
        dl->AddTriangleFilled(pts[0], pts[1], pts[6], colour);
        dl->AddRectFilled(v(cx - s * 0.22f, cy), v(cx + s * 0.22f, cy + s * 0.42f), colour);
    }
    if (mode == ShiftMode::Locked) // caps lock: a bar under the arrow, as on hardware keys
        dl->AddRectFilled(v(cx - s * 0.3f, cy + s * 0.55f), v(cx + s * 0.3f, cy + s * 0.66f), colour);
}

// Backspace as the usual left-pointing tag with a cross (no ⌫ in Noto Sans).
void drawBackspaceIcon(ImDrawList* dl, const KeyRect& r, ImU32 colour) {
    const float h = std::min(r.w, r.h) * 0.36f;
    const float w = h * 1.5f;
    const float x0 = r.centreX() - w * 0.5f, y0 = r.centreY() - h * 0.5f;
    const ImVec2 pts[5] = {v(x0, y0 + h * 0.5f), v(x0 + h * 0.45f, y0), v(x0 + w, y0), v(x0 + w, y0 + h),
                           v(x0 + h * 0.45f, y0 + h)};
    const float t = std::max(2.0f, h * 0.09f);
    dl->AddPolyline(pts, 5, colour, ImDrawFlags_Closed, t);
    const float cx = x0 + h * 0.45f + (w - h * 0.45f) * 0.5f, cy = y0 + h * 0.5f, c = h * 0.2f;
    dl->AddLine(v(cx - c, cy - c), v(cx + c, cy + c), colour, t);
    dl->AddLine(v(cx - c, cy + c), v(cx + c, cy - c), colour, t);
}

void drawLanguageKey(ImDrawList* dl, const KeyRect& r, KeyboardLanguage current, const KeyboardLabels& labels,
                     const Theme& th) {
    // All three codes, the current one marked by colour and an underline, so
    // the key reads as "switch between these" in any language.
    ImFont* font = labels.labelFont ? labels.labelFont : ImGui::GetFont();
    const KeyboardLanguage order[3] = {KeyboardLanguage::Polish, KeyboardLanguage::English,
                                       KeyboardLanguage::Ukrainian};
    const float sp = font->FontSize * 0.45f;
    float total = -sp;
    for (auto l : order) total += font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, languageCode(l).data(),
                                                      languageCode(l).data() + languageCode(l).size()).x + sp;
    float x = r.centreX() - total * 0.5f;
    const float y = r.centreY() - font->FontSize * 0.5f;
    for (auto l : order) {
        const std::string_view code = languageCode(l);
        const float w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, code.data(), code.data() + code.size()).x;
        const bool on = l == current;
        dl->AddText(font, font->FontSize, v(x, y), on ? th.primary : th.textMuted, code.data(),
                    code.data() + code.size());
        if (on) dl->AddRectFilled(v(x, y + font->FontSize + 2), v(x + w, y + font->FontSize + 5), th.primary);
        x += w + sp;
    }
}

std::string_view roleLabel(const KeyDef& k, const KeyboardLabels& labels) {
    switch (k.role) {
    case KeyRole::Space: return labels.space;
    case KeyRole::Done: return labels.done;
    case KeyRole::Symbols: return labels.symbols;
    case KeyRole::Letters: return labels.letters;
    case KeyRole::AltGr: return labels.altGr;
    default: return {};
    }
}

void drawKey(ImDrawList* dl, const PlacedKey& pk, bool down, const KeyboardState& st, const KeyboardLabels& labels,
             const Theme& th) {
    const KeyDef& k = *pk.key;
    const KeyRect& r = pk.rect;
    const bool isChar = k.role == KeyRole::Char || k.role == KeyRole::Space;
    const bool lit = (k.role == KeyRole::Shift && st.shift != ShiftMode::Off) || (k.role == KeyRole::AltGr && st.altGr);
    ImU32 bg = isChar ? th.surface : th.keySpecial;
    ImU32 fg = th.text;
    if (k.role == KeyRole::Done) bg = th.primary, fg = th.onPrimary;
    if (lit) bg = th.primary, fg = th.onPrimary;
    if (down) bg = k.role == KeyRole::Done ? th.text : th.primarySoft, fg = k.role == KeyRole::Done ? th.onPrimary : th.text;
    // A darker lower edge gives keys some depth without a texture.
    dl->AddRectFilled(v(r.x, r.y + 3), v(r.x + r.w, r.y + r.h + 3), IM_COL32(0, 0, 0, 40), th.radius * 0.6f);
    dl->AddRectFilled(v(r.x, r.y), v(r.x + r.w, r.y + r.h), bg, th.radius * 0.6f);

    switch (k.role) {
    case KeyRole::Char: {
        const bool alt = st.altGr && !k.altLower.empty();
        centredText(dl, labels.letterFont, r, keyText(k, st.upper(), st.altGr), alt && !down ? th.primary : fg);
        // The first long-press variant, small in the corner: shows it is there.
        const auto vars = keyVariants(k, st.upper());
        if (!vars.empty() && !alt) {
            ImFont* f = labels.labelFont ? labels.labelFont : ImGui::GetFont();
            const float size = f->FontSize * 0.8f;
            const std::string& hint = vars.front();
            const ImVec2 ts = f->CalcTextSizeA(size, FLT_MAX, 0, hint.data(), hint.data() + hint.size());
            dl->AddText(f, size, v(r.x + r.w - ts.x - th.gap * 0.5f, r.y + th.gap * 0.25f), th.textMuted,
                        hint.data(), hint.data() + hint.size());
        }
        break;
    }
    case KeyRole::Shift: drawShiftIcon(dl, r, st.shift, fg); break;
    case KeyRole::Backspace: drawBackspaceIcon(dl, r, fg); break;
    case KeyRole::Language: drawLanguageKey(dl, r, st.language(), labels, th); break;
    default: centredText(dl, labels.labelFont, r, roleLabel(k, labels), k.role == KeyRole::Space ? th.textMuted : fg);
    }
}

// Types `text`: one-shot shift and AltGr end after one character.
KeyPress typed(KeyboardState& st, std::string_view text) {
    if (st.shift == ShiftMode::Once) st.shift = ShiftMode::Off;
    st.altGr = false;
    return KeyPress{KeyPress::Kind::Text, std::string(text)};
}

// What lifting the finger off key `k` does.
KeyPress release(KeyboardState& st, const KeyDef& k) {
    switch (k.role) {
    case KeyRole::Char:
    case KeyRole::Space: return typed(st, keyText(k, st.upper(), st.altGr));
    case KeyRole::Shift:
        st.shift = st.shift == ShiftMode::Off ? ShiftMode::Once
                   : st.shift == ShiftMode::Once ? ShiftMode::Locked
                                                 : ShiftMode::Off;
        return {};
    case KeyRole::AltGr: st.altGr = !st.altGr; return {};
    case KeyRole::Symbols:
    case KeyRole::Letters:
        st.symbols = k.role == KeyRole::Symbols;
        st.altGr = false;
        return {};
    case KeyRole::Language:
        st.chosen = nextLanguage(st.language());
        st.symbols = st.altGr = false;
        st.shift = ShiftMode::Off;
        return KeyPress{KeyPress::Kind::LayoutChanged, {}};
    case KeyRole::Done:
        st.shift = ShiftMode::Off;
        st.altGr = false;
        return KeyPress{KeyPress::Kind::Done, {}};
    case KeyRole::Backspace: return {}; // fired on press
    }
    return {};
}

} // namespace

KeyboardMetrics keyboardMetrics(const Theme& th) {
    KeyboardMetrics m;
    m.keyHeight = std::ceil(th.targetPx * 1.1f);
    m.gap = std::round(th.gap * 0.6f);
    m.margin = std::round(th.gap * 0.75f);
    return m;
}

const KeyboardPage& currentPage(const KeyboardState& st) { return keyboardPage(st.language(), st.symbols); }

std::vector<PlacedKey> keyboardKeys(const KeyboardState& st, const Theme& th, const KeyRect& area) {
    return placeKeys(currentPage(st), area, keyboardMetrics(th));
}

KeyRect popupCell(const KeyRect& key, const KeyRect& area, int count, int i) {
    const float w = key.w;
    float x0 = key.x;
    x0 = std::clamp(x0, area.x, std::max(area.x, area.x + area.w - w * static_cast<float>(count)));
    return KeyRect{x0 + w * static_cast<float>(i), key.y - key.h * 1.15f, w, key.h};
}

KeyPress onScreenKeyboard(std::string_view id, KeyboardState& st, const Theme& th, const KeyRect& area, float dt,
                          const KeyboardLabels& labels) {
    st.area = area;
    ImGuiIO& io = ImGui::GetIO();
    const auto keys = keyboardKeys(st, th, area);

    // One item over the whole keyboard: ImGui sees the press (so nothing
    // behind reacts and the window does not start a move), this code decides
    // which key it was.
    ImGui::SetCursorScreenPos(v(area.x, area.y));
    ImGui::PushID(id.data(), id.data() + id.size());
    ImGui::InvisibleButton("##keyboard", v(std::max(1.0f, area.w), std::max(1.0f, area.h)));
    const bool active = ImGui::IsItemActive();
    const bool activated = ImGui::IsItemActivated();
    ImGui::PopID();

    KeyPress out;
    const float dtMs = dt * 1000.0f;
    const ImVec2 mouse = io.MousePos;
    if (activated) {
        const PlacedKey* k = keyAt(keys, area, mouse.x, mouse.y);
        st.pressed = k ? static_cast<int>(k - keys.data()) : -1;
        st.heldMs = 0;
        st.popupOpen = false;
        if (k && k->key->role == KeyRole::Backspace) {
            out = KeyPress{KeyPress::Kind::Backspace, {}};
            st.repeatInMs = kRepeatDelayMs;
        }
    } else if (active && st.pressed >= 0 && st.pressed < static_cast<int>(keys.size())) {
        st.heldMs += dtMs;
        const PlacedKey& cur = keys[static_cast<std::size_t>(st.pressed)];
        if (cur.key->role == KeyRole::Backspace) {
            // Repeats while held, and only while the finger stays on the key.
            if (cur.rect.contains(mouse.x, mouse.y)) {
                st.repeatInMs -= dtMs;
                if (st.repeatInMs <= 0) {
                    out = KeyPress{KeyPress::Kind::Backspace, {}};
                    st.repeatInMs += kRepeatEveryMs;
                }
            }
        } else if (st.popupOpen) {
            const int n = static_cast<int>(keyVariants(*cur.key, st.upper()).size());
            const KeyRect first = popupCell(cur.rect, area, n, 0);
            st.popupChoice = std::clamp(static_cast<int>(std::floor((mouse.x - first.x) / first.w)), 0, n - 1);
        } else {
            // The finger may slide to a neighbour before lifting; the hold
            // starts again on the new key.
            if (const PlacedKey* k = keyAt(keys, area, mouse.x, mouse.y); k && k != &cur) {
                st.pressed = static_cast<int>(k - keys.data());
                st.heldMs = 0;
            } else if (!keyVariants(*cur.key, st.upper()).empty() && st.heldMs >= kLongPressMs) {
                st.popupOpen = true;
                st.popupChoice = 0;
            }
        }
    } else if (!active && st.pressed >= 0) {
        if (st.pressed < static_cast<int>(keys.size())) {
            const KeyDef& k = *keys[static_cast<std::size_t>(st.pressed)].key;
            const auto vars = keyVariants(k, st.upper());
            if (st.popupOpen && !vars.empty())
                out = typed(st, vars[static_cast<std::size_t>(std::clamp(st.popupChoice, 0, static_cast<int>(vars.size()) - 1))]);
            else
                out = release(st, k);
        }
        st.pressed = -1;
        st.popupOpen = false;
    }

    // Drawing reads the state after this frame's input, so a key looks down
    // on the frame it is pressed.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(v(area.x, area.y), v(area.x + area.w, area.y + area.h), th.surfaceSunken);
    dl->AddLine(v(area.x, area.y), v(area.x + area.w, area.y), th.border, 2.0f);
    const auto& drawn = keyboardKeys(st, th, area); // the page may have changed on release
    for (std::size_t i = 0; i < drawn.size(); ++i)
        drawKey(dl, drawn[i], static_cast<int>(i) == st.pressed && !st.popupOpen, st, labels, th);

    if (st.popupOpen && st.pressed >= 0 && st.pressed < static_cast<int>(drawn.size())) {
        // Over everything (the popup may reach above the keyboard).
        ImDrawList* fg = ImGui::GetForegroundDrawList();
        const PlacedKey& cur = drawn[static_cast<std::size_t>(st.pressed)];
        const auto vars = keyVariants(*cur.key, st.upper());
        const int n = static_cast<int>(vars.size());
        const KeyRect a = popupCell(cur.rect, area, n, 0);
        const float pad = th.gap * 0.4f;
        fg->AddRectFilled(v(a.x - pad, a.y - pad + 4), v(a.x + a.w * n + pad, a.y + a.h + pad + 4), IM_COL32(0, 0, 0, 50),
                          th.radius);
        fg->AddRectFilled(v(a.x - pad, a.y - pad), v(a.x + a.w * n + pad, a.y + a.h + pad), th.surface, th.radius);
        fg->AddRect(v(a.x - pad, a.y - pad), v(a.x + a.w * n + pad, a.y + a.h + pad), th.border, th.radius, 0, 2.0f);
        for (int i = 0; i < n; ++i) {
            const KeyRect c = popupCell(cur.rect, area, n, i);
            const bool sel = i == st.popupChoice;
            if (sel) fg->AddRectFilled(v(c.x, c.y), v(c.x + c.w, c.y + c.h), th.primary, th.radius * 0.6f);
            centredText(fg, labels.letterFont, c, vars[static_cast<std::size_t>(i)], sel ? th.onPrimary : th.text);
        }
    }
    return out;
}

bool applyKeyPress(std::string& text, const KeyPress& press) {
    switch (press.kind) {
    case KeyPress::Kind::Text:
        text += press.text;
        return !press.text.empty();
    case KeyPress::Kind::Backspace: {
        if (text.empty()) return false;
        std::size_t end = text.size() - 1;
        // Step back over UTF-8 continuation bytes (10xxxxxx) to the lead byte.
        while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
        text.erase(end);
        return true;
    }
    default: return false;
    }
}

} // namespace kiosk::widgets
