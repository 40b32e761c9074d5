// The kiosk executable's operator new and delete: glibc's malloc, with every
// block zeroed on release (see zeroing_allocators.hpp for why). Linked into
// pestor-kiosk only; libraries and tests keep the standard ones.
#include <cstdlib>
#include <new>

#include "zeroing_allocators.hpp"

namespace {

void* allocate(std::size_t size) {
    if (size == 0) size = 1;
    for (;;) {
        if (void* p = std::malloc(size)) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

void* allocateAligned(std::size_t size, std::align_val_t align) {
    const auto a = static_cast<std::size_t>(align);
    const std::size_t rounded = (size + a - 1) / a * a; // aligned_alloc wants a multiple
    for (;;) {
        if (void* p = std::aligned_alloc(a, rounded == 0 ? a : rounded)) return p;
        std::new_handler handler = std::get_new_handler();
        if (!handler) throw std::bad_alloc();
        handler();
    }
}

} // namespace

void* operator new(std::size_t size) { return allocate(size); }
void* operator new[](std::size_t size) { return allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
    try {
        return allocate(size);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, const std::nothrow_t& t) noexcept { return operator new(size, t); }
void* operator new(std::size_t size, std::align_val_t a) { return allocateAligned(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return allocateAligned(size, a); }
void* operator new(std::size_t size, std::align_val_t a, const std::nothrow_t&) noexcept {
    try {
        return allocateAligned(size, a);
    } catch (...) {
        return nullptr;
    }
}
void* operator new[](std::size_t size, std::align_val_t a, const std::nothrow_t& t) noexcept {
    return operator new(size, a, t);
}

void operator delete(void* p) noexcept { kiosk::app::zeroingFree(p); }
void operator delete[](void* p) noexcept { kiosk::app::zeroingFree(p); }
void operator delete(void* p, std::size_t) noexcept { kiosk::app::zeroingFree(p); }
void operator delete[](void* p, std::size_t) noexcept { kiosk::app::zeroingFree(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { kiosk::app::zeroingFree(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { kiosk::app::zeroingFree(p); }
void operator delete(void* p, std::align_val_t) noexcept { kiosk::app::zeroingFree(p); }
void operator delete[](void* p, std::align_val_t) noexcept { kiosk::app::zeroingFree(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { kiosk::app::zeroingFree(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { kiosk::app::zeroingFree(p); }
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { kiosk::app::zeroingFree(p); }
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { kiosk::app::zeroingFree(p); }
