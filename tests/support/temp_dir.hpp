#pragma once
// A fresh private directory under the system temp dir, removed with
// everything in it when the object goes away. Throws std::runtime_error
// when it cannot be made (no doctest dependency: fixtures are plain C++).
#include <filesystem>
#include <string_view>

namespace testsupport {

class TempDir {
  public:
    explicit TempDir(std::string_view prefix = "pestor-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(std::string_view name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// Whole-file helpers; both throw std::runtime_error naming the path.
std::string readTextFile(const std::filesystem::path& path);
void writeTextFile(const std::filesystem::path& path, std::string_view content);

} // namespace testsupport
