#include "typed_text_privacy.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <string.h> // explicit_bzero

namespace kiosk::platform {
namespace {

template <class T> void zeroAndFree(ImVector<T>& v) {
    if (v.Data) explicit_bzero(v.Data, static_cast<size_t>(v.Capacity) * sizeof(T));
    v.clear(); // frees through ImGui's allocator (zeroing in the kiosk)
}

const char* emptyClipboard(void*) { return ""; }
void dropClipboard(void*, const char*) {}

} // namespace

void disableClipboard() {
    ImGuiIO& io = ImGui::GetIO();
    io.GetClipboardTextFn = &emptyClipboard;
    io.SetClipboardTextFn = &dropClipboard;
    io.ClipboardUserData = nullptr;
}

void forgetTypedText() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ClearActiveID();
    ImGuiInputTextState& st = g.InputTextState;
    zeroAndFree(st.TextW);
    zeroAndFree(st.TextA);
    zeroAndFree(st.InitialTextA);
    explicit_bzero(&st.Stb, sizeof st.Stb); // cursor, selection and the undo records and characters
    st.ID = 0;
    st.CurLenW = st.CurLenA = 0;
    st.TextAIsValid = false;
    explicit_bzero(g.TempBuffer, sizeof g.TempBuffer);
    zeroAndFree(g.IO.InputQueueCharacters);
    zeroAndFree(g.ClipboardHandlerData);
}

} // namespace kiosk::platform
