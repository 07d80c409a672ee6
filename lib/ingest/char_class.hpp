// Character classes the cleaning steps share. Internal: not installed.
#pragma once

#include <bitset>
#include <string>
#include <string_view>

#include "common/utf8.hpp"

namespace kg::ingest {

// The characters everyday Chinese text is made of: GB2312 level 1 (the 3755
// most frequent simplified characters) and Big5 level 1 (the 5401 frequent
// traditional ones), read from ICU's own converters once. Used to judge
// whether a decoding is plausible.
class CommonChars {
 public:
  static const CommonChars& instance();

  // Tells whether `cp` is a frequent Han character (either script).
  bool contains(char32_t cp) const noexcept { return cp < 0x10000 && set_.test(cp); }

 private:
  CommonChars();
  std::bitset<0x10000> set_;
};

// Decodes `bytes` with the ICU converter `codec`, stopping at the first
// invalid or unmapped sequence; returns false then.
bool decode_strict(std::string_view bytes, const char* codec, std::u32string& out);

// Encodes code points with `codec`; returns false when one is unmappable.
bool encode_strict(std::u32string_view text, const char* codec, std::string& out);

// utf8::next() with ASCII and the three-byte characters (all of Chinese)
// decoded inline: the steps decode every character of every text. Always
// inlined: as a call it costs more than the decoding.
[[gnu::always_inline]] inline char32_t next_char(std::string_view s, std::size_t& i) noexcept {
  const auto lead = static_cast<unsigned char>(s[i]);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  if ((lead & 0xF0) == 0xE0 && i + 2 < s.size()) {
    const char32_t cp = (static_cast<char32_t>(lead & 0x0F) << 12) |
                        (static_cast<char32_t>(static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6) |
                        (static_cast<unsigned char>(s[i + 2]) & 0x3F);
    i += 3;
    return cp;
  }
  return utf8::next(s, i);
}

inline bool is_han(char32_t cp) noexcept {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0x20000 && cp <= 0x2FA1F);
}

}  // namespace kg::ingest
