#pragma once
// The end of a visit: everything the visitor left behind is wiped — what
// they typed (overwritten, not just dropped), their filters, screens, scroll
// and map position, language and accessibility choices — and the kiosk is as
// the next visitor should find it.
#include "cache/value.hpp"
#include "screens/screen_context.hpp"
#include "session.hpp"

namespace kiosk::app {

// Resets `session` (home screen, `startLang`) and `ui`, zeroing the typed
// text they hold, and ImGui's own copies of it (its text-edit state and undo
// history; platform/typed_text_privacy.hpp). Call between frames. The search
// generation keeps counting, so a search still in flight for the old session
// can never be taken for one of the new session's.
// The caller also tells the cache worker (CacheWorker::forgetSearches) and
// overwrites its own stack (burnStack).
void forgetVisitor(Session& session, screens::UiState& ui, cache::Lang startLang);

} // namespace kiosk::app
