// The traditional-to-simplified table behind kg::fold_to_simplified.
// Internal: not installed.
#pragma once

#include <bitset>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kg::ingest {

// One-for-one traditional -> simplified mappings that keep the UTF-8 length,
// generated once from ICU's "Traditional-Simplified" transliterator over the
// Han blocks (unified, extension A and B, compatibility ideographs).
class FoldTable {
 public:
  // Returns the table, building it on first use (thread-safe static).
  static const FoldTable& instance();

  // Returns the simplified form of `cp`, or `cp` itself.
  char32_t fold(char32_t cp) const noexcept {
    if (cp < bmp_.size()) {
      if (!folds_.test(cp)) return cp;  // the common case, from a table small enough to stay in cache
      return bmp_[cp];
    }
    return fold_supplementary(cp);
  }

  // fold() for a BMP character (`cp` < 0x10000), without the range checks.
  char32_t fold_bmp(char32_t cp) const noexcept { return folds_[cp] ? bmp_[cp] : cp; }

  // Number of characters that fold to another one.
  std::size_t size() const noexcept { return count_; }

  // Every mapping, ascending by source, for tests and benchmarks.
  std::vector<std::pair<char32_t, char32_t>> pairs() const;

 private:
  FoldTable();
  char32_t fold_supplementary(char32_t cp) const noexcept;

  std::bitset<0x10000> folds_;                              // BMP characters that fold
  std::vector<std::uint16_t> bmp_;                          // 0 = unchanged
  std::vector<std::pair<char32_t, char32_t>> supplementary_;  // sorted
  std::size_t count_ = 0;
};

// Folds `text` to simplified script in place from byte `from` (a
// character start) to the end, as kg::fold_to_simplified() does: for a copy
// of which the part before `from` is folded already.
void fold_to_simplified_from(std::string& text, std::size_t from);

}  // namespace kg::ingest
