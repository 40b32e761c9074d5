#pragma once
// The kiosk's own UI catalogs (assets/i18n/*.po), loaded as the app loads
// them, for tests that draw screens.
#include "i18n/translator.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <utility>

namespace uitest {

inline kiosk::i18n::Translator loadTranslator() {
    auto tr = kiosk::i18n::Translator::load(std::filesystem::path(PESTOR_ASSETS_DIR) / "i18n");
    REQUIRE_MESSAGE(tr.ok(), (tr.ok() ? "" : tr.error().message));
    return std::move(tr).value();
}

} // namespace uitest
