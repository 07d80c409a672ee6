// kg::fold_to_simplified and kg::canonical_name over a table built once.
//
// Running ICU's transliterator over whole texts is far too slow for the hot
// path, so the table asks it once per Han character at first use and keeps
// only 1:1 mappings whose UTF-8 length is unchanged (so `folded` and `text`
// share one offset map).
#include <algorithm>
#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include "common/utf8.hpp"
#include "ingest/fold_table.hpp"
#include "kg/clean_text.hpp"
#include "kg/error.hpp"

namespace kg {
namespace ingest {
namespace {

struct HanRange {
  char32_t first;
  char32_t last;
};

constexpr HanRange kHanRanges[] = {
    {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF}, {0x2F800, 0x2FA1F}};

std::size_t utf8_length(char32_t cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

}  // namespace

FoldTable::FoldTable() : bmp_(0x10000, 0) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t2s)
    throw Error(ErrorCode::Internal, "ICU Traditional-Simplified transliterator unavailable");
  // Only the characters the transliterator says it may change are asked
  // (a few thousand of the hundred thousand Han characters), unless it
  // cannot say. One call over all of them, each on its own line, is much
  // faster than one call per character; the lines keep the results apart.
  icu::UnicodeSet changeable;
  t2s->getSourceSet(changeable);
  const bool ask_all = changeable.isEmpty();
  icu::UnicodeString all;
  std::vector<char32_t> sources;
  for (const HanRange& r : kHanRanges)
    for (char32_t cp = r.first; cp <= r.last; ++cp) {
      if (!ask_all && !changeable.contains(static_cast<UChar32>(cp))) continue;
      sources.push_back(cp);
      all.append(static_cast<UChar32>(cp));
      all.append(static_cast<UChar>('\n'));
    }
  t2s->transliterate(all);
  std::size_t index = 0;
  int32_t line_start = 0;
  for (int32_t i = 0; i < all.length() && index < sources.size(); ++i) {
    if (all.charAt(i) != u'\n') continue;
    const icu::UnicodeString out(all, line_start, i - line_start);
    line_start = i + 1;
    const char32_t from = sources[index++];
    if (out.countChar32() != 1) continue;
    const char32_t to = static_cast<char32_t>(out.char32At(0));
    if (to == from || utf8_length(to) != utf8_length(from)) continue;
    if (from < 0x10000) {
      bmp_[from] = static_cast<std::uint16_t>(to);
      folds_.set(from);
    } else
      supplementary_.emplace_back(from, to);
    ++count_;
  }
  std::sort(supplementary_.begin(), supplementary_.end());
}

const FoldTable& FoldTable::instance() {
  static const FoldTable table;
  return table;
}

char32_t FoldTable::fold_supplementary(char32_t cp) const noexcept {
  const auto it =
      std::lower_bound(supplementary_.begin(), supplementary_.end(), std::make_pair(cp, char32_t{0}));
  return it != supplementary_.end() && it->first == cp ? it->second : cp;
}

std::vector<std::pair<char32_t, char32_t>> FoldTable::pairs() const {
  std::vector<std::pair<char32_t, char32_t>> out;
  for (char32_t cp = 0; cp < bmp_.size(); ++cp)
    if (bmp_[cp]) out.emplace_back(cp, bmp_[cp]);
  out.insert(out.end(), supplementary_.begin(), supplementary_.end());
  return out;
}

}  // namespace ingest

namespace ingest {

void fold_to_simplified_from(std::string& out, std::size_t from) {
  const FoldTable& table = FoldTable::instance();
  char* const p = out.data();
  const std::size_t size = out.size();
  for (std::size_t i = from; i < size;) {
    const auto lead = static_cast<unsigned char>(p[i]);
    if (lead < 0xE3) {  // ASCII, Latin, Greek...: nothing to fold below U+3000
      i += utf8::sequence_length(lead);
      continue;
    }
    if (lead < 0xF0) {  // three bytes: the common case, written in place
      if (i + 3 > size) break;
      const char32_t cp = (static_cast<char32_t>(lead & 0x0F) << 12) |
                          (static_cast<char32_t>(static_cast<unsigned char>(p[i + 1]) & 0x3F) << 6) |
                          (static_cast<unsigned char>(p[i + 2]) & 0x3F);
      const char32_t to = table.fold_bmp(cp);
      if (to != cp && to >= 0x800 && to < 0x10000) {
        p[i] = static_cast<char>(0xE0 | (to >> 12));
        p[i + 1] = static_cast<char>(0x80 | ((to >> 6) & 0x3F));
        p[i + 2] = static_cast<char>(0x80 | (to & 0x3F));
      }
      i += 3;
      continue;
    }
    const std::size_t n = utf8::sequence_length(lead);
    if (i + n > size) break;
    std::size_t next = i;
    const char32_t cp = utf8::next(out, next);
    const char32_t to = table.fold(cp);
    if (to != cp) {
      const std::string enc = utf8::encode(to);
      if (enc.size() == n) out.replace(i, n, enc);
    }
    i += n;
  }
}

}  // namespace ingest

std::string fold_to_simplified(std::string_view utf8) {
  std::string out(utf8);
  ingest::fold_to_simplified_from(out, 0);
  return out;
}

namespace {

bool is_name_wrapper(char32_t c) {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'\u3000':
    case U'"':
    case U'\'':
    case U'“':
    case U'”':
    case U'‘':
    case U'’':
    case U'《':
    case U'》':
    case U'「':
    case U'」':
    case U'『':
    case U'』':
    case U'〈':
    case U'〉':
    case U'<':
    case U'>':
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string canonical_name(std::string_view utf8_text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) throw Error(ErrorCode::Internal, "ICU NFKC normalizer unavailable");
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8_text.data(), static_cast<int32_t>(utf8_text.size())));
  const icu::UnicodeString n = nfkc->normalize(s, status);
  std::string normal;
  n.toUTF8String(normal);
  std::string folded = fold_to_simplified(normal);
  // Strip wrapper characters from both ends.
  std::size_t begin = 0, end = folded.size();
  while (begin < end) {
    std::size_t i = begin;
    if (!is_name_wrapper(utf8::next(folded, i))) break;
    begin = i;
  }
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(folded[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    if (!is_name_wrapper(utf8::next(folded, i))) break;
    end = start;
  }
  return folded.substr(begin, end - begin);
}

}  // namespace kg
