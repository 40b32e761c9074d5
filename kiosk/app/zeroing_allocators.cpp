#include "zeroing_allocators.hpp"

#include <cstdlib>
#include <cstring>
#include <imgui.h>
#include <malloc.h> // malloc_usable_size (glibc)
#include <sqlite3.h>
#include <string.h> // explicit_bzero

namespace kiosk::app {
namespace {

void* imguiAlloc(std::size_t size, void*) { return std::malloc(size); }
void imguiFree(void* p, void*) { zeroingFree(p); }

// SQLite's memory methods (sqlite3_mem_methods). Sizes are SQLite's ints.
void* sqliteMalloc(int n) { return n > 0 ? std::malloc(static_cast<std::size_t>(n)) : nullptr; }
void sqliteFree(void* p) { zeroingFree(p); }
int sqliteSize(void* p) { return p ? static_cast<int>(malloc_usable_size(p)) : 0; }
int sqliteRoundup(int n) { return (n + 7) & ~7; }
// realloc would release the old block unzeroed: move by hand instead.
void* sqliteRealloc(void* p, int n) {
    if (!p) return sqliteMalloc(n);
    void* q = sqliteMalloc(n);
    if (!q) return nullptr; // SQLite keeps `p`
    const std::size_t keep = std::min(malloc_usable_size(p), static_cast<std::size_t>(n));
    std::memcpy(q, p, keep);
    zeroingFree(p);
    return q;
}
int sqliteInit(void*) { return SQLITE_OK; }
void sqliteShutdown(void*) {}

} // namespace

void zeroingFree(void* p) noexcept {
    if (!p) return;
    explicit_bzero(p, malloc_usable_size(p));
    std::free(p);
}

bool installZeroingAllocators(std::string& error) {
    ImGui::SetAllocatorFunctions(&imguiAlloc, &imguiFree, nullptr);
    static const sqlite3_mem_methods kMethods{&sqliteMalloc, &sqliteFree,   &sqliteRealloc, &sqliteSize,
                                              &sqliteRoundup, &sqliteInit, &sqliteShutdown, nullptr};
    if (sqlite3_config(SQLITE_CONFIG_MALLOC, &kMethods) != SQLITE_OK ||
        sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0) != SQLITE_OK) {
        error = "SQLite was initialised before its zeroing allocator could be installed";
        return false;
    }
    return true;
}

} // namespace kiosk::app
