#pragma once
// The admin PIN while it is being typed and checked: at most 12 digits in a
// fixed buffer (no heap copies left behind), wiped with sodium_memzero when
// cleared and when every copy is destroyed. It has no stream operator and no
// conversion to std::string, so it cannot end up in a log by accident.
#include <array>
#include <cstddef>
#include <string_view>

namespace kiosk::app {

class PinDigits {
  public:
    static constexpr std::size_t kMaxDigits = 12; // as pinProblem() allows

    PinDigits() = default;
    PinDigits(const PinDigits& other);
    PinDigits& operator=(const PinDigits& other);
    ~PinDigits();

    // Appends '0'..'9'; false (and no change) for anything else or when full.
    bool push(char digit);
    void pop();   // removes the last digit, if any
    void clear(); // wipes every digit
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    // For the verifier only; valid until the next change.
    std::string_view secret() const { return {m_digits.data(), m_size}; }

  private:
    std::array<char, kMaxDigits> m_digits{};
    std::size_t m_size = 0;
};

} // namespace kiosk::app
