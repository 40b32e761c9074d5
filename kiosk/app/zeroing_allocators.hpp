#pragma once
// Memory that held visitor input is zeroed when it is released, so a freed
// heap chunk cannot give away what the last visitor typed (say, in a core
// dump). Three allocators see that text: C++'s (strings, vectors: the
// executable replaces operator new/delete, zeroing_new_delete.cpp), ImGui's
// (the text field's buffers and undo history) and SQLite's (the bound search
// expression, FTS5's query parse). This installs the last two; SQLite's
// per-connection lookaside pool, which recycles small blocks without freeing
// them, is turned off so every block goes through the zeroing free.
#include <string>

namespace kiosk::app {

// Call first thing in main(), before any ImGui context or SQLite connection
// exists. Returns false with `error` set when SQLite refuses (it was already
// initialised).
bool installZeroingAllocators(std::string& error);

// free() that zeroes the block first (malloc_usable_size bytes).
void zeroingFree(void* p) noexcept;

} // namespace kiosk::app
