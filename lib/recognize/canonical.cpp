#include "recognize/canonical.hpp"

#include <bitset>
#include <memory>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "common/utf8.hpp"
#include "ingest/fold_table.hpp"
#include "kg/clean_text.hpp"

namespace kg::recognize {

namespace {

// Characters canonical_name strips from the ends of a name (kept in step
// with lib/ingest/fold.cpp; the unit test checks every inert character).
bool is_wrapper(char32_t c) {
  switch (c) {
    case U' ': case U'\t': case U'\n': case U'\r': case U'\u3000': case U'"': case U'\'': case U'“': case U'”':
    case U'‘': case U'’': case U'《': case U'》': case U'「': case U'」': case U'『': case U'』':
    case U'〈': case U'〉': case U'<': case U'>':
      return true;
    default:
      return false;
  }
}

using InertSet = std::bitset<0x10000>;

std::unique_ptr<InertSet> build_inert_set() {
  auto set = std::make_unique<InertSet>();
  const ingest::FoldTable& fold = ingest::FoldTable::instance();
  for (char32_t c = 0x20; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not characters
    if (c == 0x7F || is_wrapper(c)) continue;
    const auto cp = static_cast<UChar32>(c);
    if (u_getIntPropertyValue(cp, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES) continue;
    if (u_getCombiningClass(cp) != 0) continue;
    if (fold.fold(c) != c) continue;
    set->set(c);
  }
  return set;
}

const InertSet& inert_set() {
  static const std::unique_ptr<InertSet> set = build_inert_set();
  return *set;
}

}  // namespace

bool is_canonical(std::string_view s) noexcept {
  const InertSet& inert = inert_set();
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    // The usual characters, ASCII and well-formed three-byte sequences (Han),
    // decoded straight from their bytes; the same tests as below, in fewer steps.
    if (lead < 0x80) {
      if (!inert.test(lead)) return false;
      ++i;
      continue;
    }
    if ((lead & 0xF0) == 0xE0 && i + 3 <= s.size()) {
      const auto b1 = static_cast<unsigned char>(s[i + 1]);
      const auto b2 = static_cast<unsigned char>(s[i + 2]);
      if ((b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
        const char32_t c = ((lead & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
        if (c < 0x800 || !inert.test(c)) return false;
        i += 3;
        continue;
      }
    }
    const std::size_t n = utf8::sequence_length(lead);
    if (n == 4 || (n == 1 && lead >= 0x80) || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    std::size_t j = i;
    const char32_t c = utf8::next(s, j);
    // Overlong forms decode below the shortest length for their value.
    if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || !inert.test(c)) return false;
    i = j;
  }
  return true;
}

std::string canonical(std::string_view s) {
  if (is_canonical(s)) return std::string(s);
  return canonical_name(s);
}

}  // namespace kg::recognize
