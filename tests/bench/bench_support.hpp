#pragma once
// Pieces every benchmark program needs: a work directory and shell quoting.
#include <filesystem>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <system_error>

namespace bench {

// A directory removed at the end unless asked to keep it (a chosen
// directory is always kept).
class WorkDir {
  public:
    WorkDir(const std::string& prefix, std::optional<std::filesystem::path> chosen, bool keep) : m_keep(keep) {
        if (chosen) {
            m_path = *chosen;
            std::filesystem::create_directories(m_path);
            m_keep = true;
            return;
        }
        std::random_device rd;
        std::ostringstream name;
        name << prefix << std::hex << rd() << rd();
        m_path = std::filesystem::temp_directory_path() / name.str();
        std::filesystem::create_directories(m_path);
    }
    ~WorkDir() {
        std::error_code ec;
        if (!m_keep) std::filesystem::remove_all(m_path, ec);
    }
    WorkDir(const WorkDir&) = delete;
    WorkDir& operator=(const WorkDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
    bool m_keep;
};

// `s` as one word for /bin/sh.
inline std::string shellQuote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

} // namespace bench
