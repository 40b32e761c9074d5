#pragma once
// What ImGui itself keeps of typed text, and how to make it forget. The
// InputText widget copies the field into its own edit state (UTF-16 and UTF-8
// buffers, the text at activation, stb_textedit's undo history), formatting
// goes through the context's TempBuffer, and typed characters queue in
// io.InputQueueCharacters. A kiosk also has no clipboard: copy would hand the
// text to the display server.

namespace kiosk::platform {

// Replaces the backend's clipboard with one that keeps nothing. Call after
// the backend is initialised (it installs SDL's clipboard functions).
void disableClipboard();

// Deactivates any text field and overwrites everything listed above with
// zeros. Call between frames (after Render, before the next NewFrame).
void forgetTypedText();

} // namespace kiosk::platform
