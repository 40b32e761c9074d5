#include "pin_digits.hpp"

#include <sodium.h>

namespace kiosk::app {

PinDigits::PinDigits(const PinDigits& other) : m_digits(other.m_digits), m_size(other.m_size) {}

PinDigits& PinDigits::operator=(const PinDigits& other) {
    if (this != &other) {
        clear();
        m_digits = other.m_digits;
        m_size = other.m_size;
    }
    return *this;
}

PinDigits::~PinDigits() {
    clear();
}

bool PinDigits::push(char digit) {
    if (digit < '0' || digit > '9' || m_size >= kMaxDigits) return false;
    m_digits[m_size++] = digit;
    return true;
}

void PinDigits::pop() {
    if (m_size == 0) return;
    sodium_memzero(&m_digits[--m_size], 1);
}

void PinDigits::clear() {
    // sodium_memzero is not optimised away, even in a destructor.
    sodium_memzero(m_digits.data(), m_digits.size());
    m_size = 0;
}

} // namespace kiosk::app
