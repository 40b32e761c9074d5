#include "message_catalog.hpp"

#include <algorithm>

namespace kiosk::i18n {

cache::Result<MessageCatalog> MessageCatalog::fromPo(const PoFile& file) {
    const std::optional<std::string> header = file.headerField("Plural-Forms");
    const std::string where = file.name + ":" + std::to_string(file.headerLine) + ": ";
    if (!header) return cache::makeError(where + "the header has no Plural-Forms line");
    auto forms = parsePluralForms(*header);
    if (!forms) return cache::makeError(where + forms.error().message);
    MessageCatalog catalog;
    catalog.m_plural = std::move(forms).value();
    for (const PoMessage& m : file.messages) {
        if (!m.context) continue;
        catalog.m_messages.emplace(*m.context,
                                   Message{m.id, m.idPlural, m.strings, m.plural, m.fuzzy, m.line});
    }
    return catalog;
}

const MessageCatalog::Message* MessageCatalog::find(std::string_view key) const {
    const auto it = m_messages.find(key);
    return it == m_messages.end() ? nullptr : &it->second;
}

std::optional<std::string_view> MessageCatalog::text(std::string_view key) const {
    const Message* m = find(key);
    if (!m || m->fuzzy || m->strings.empty() || m->strings.front().empty()) return std::nullopt;
    return m->strings.front();
}

std::optional<std::string_view> MessageCatalog::plural(std::string_view key, long n) const {
    const Message* m = find(key);
    if (!m || m->fuzzy) return std::nullopt;
    const auto i = static_cast<std::size_t>(m->plural ? m_plural.index(n) : 0);
    if (i >= m->strings.size() || m->strings[i].empty()) return std::nullopt;
    return m->strings[i];
}

std::optional<std::string_view> MessageCatalog::source(std::string_view key, long n) const {
    const Message* m = find(key);
    if (!m || m->id.empty()) return std::nullopt;
    if (m->plural && m_plural.index(n) != 0 && !m->idPlural.empty()) return m->idPlural;
    return m->id;
}

std::vector<std::string> MessageCatalog::keys() const {
    std::vector<std::string> out;
    out.reserve(m_messages.size());
    for (const auto& entry : m_messages)
        out.push_back(entry.first);
    std::sort(out.begin(), out.end());
    return out;
}

bool MessageCatalog::translated(std::string_view key) const {
    const Message* m = find(key);
    if (!m || m->fuzzy || m->strings.empty()) return false;
    if (m->plural && m->strings.size() < static_cast<std::size_t>(m_plural.count)) return false;
    return std::none_of(m->strings.begin(), m->strings.end(),
                        [](const std::string& s) { return s.empty(); });
}

} // namespace kiosk::i18n
