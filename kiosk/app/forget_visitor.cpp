#include "forget_visitor.hpp"

#include "cache/wipe.hpp"
#include "platform/typed_text_privacy.hpp"

namespace kiosk::app {

void forgetVisitor(Session& session, screens::UiState& ui, cache::Lang startLang) {
    cache::wipe(session.query);
    if (session.results) cache::wipe(session.results->query);
    cache::wipe(ui.searchBuffer);
    const std::uint64_t generation = session.queryGeneration + 1;
    session = Session{};
    session.lang = startLang;
    session.queryGeneration = generation;
    ui = screens::UiState{};
    platform::forgetTypedText();
}

} // namespace kiosk::app
