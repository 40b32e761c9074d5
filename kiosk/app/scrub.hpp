#pragma once
// Overwriting what a visitor typed where it may linger after the session
// ends: the caller's stack below it (temporaries of finished calls).
// cache::wipe (cache/wipe.hpp) does the same for strings.

namespace kiosk::app {

// Zeroes 64 KiB of stack below the caller: the frames of calls that have
// returned (search, text editing, drawing) are overwritten. Call it from the
// thread's outermost loop, where the stack is shallow.
void burnStack();

} // namespace kiosk::app
