// TEMPORARY stub of the cleaning stage so the pipeline links; replaced by
// the ingestion work (issue 3). Decodes UTF-8 only, changes nothing.
#include <algorithm>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "kg/clean_text.hpp"
#include "kg/error.hpp"
#include "common/utf8.hpp"

namespace kg {

OffsetMap OffsetMap::identity(std::string_view original) {
  std::vector<std::uint32_t> b(original.size()), e(original.size()), starts;
  for (std::size_t i = 0; i < original.size();) {
    const std::size_t n = utf8::sequence_length(static_cast<unsigned char>(original[i]));
    starts.push_back(static_cast<std::uint32_t>(i));
    for (std::size_t k = i; k < i + n && k < original.size(); ++k) {
      b[k] = static_cast<std::uint32_t>(i);
      e[k] = static_cast<std::uint32_t>(std::min(i + n, original.size()));
    }
    i += n;
  }
  return OffsetMap(std::move(b), std::move(e), std::move(starts));
}

OffsetMap::OffsetMap(std::vector<std::uint32_t> begins, std::vector<std::uint32_t> ends,
                     std::vector<std::uint32_t> char_starts)
    : begins_(std::move(begins)), ends_(std::move(ends)), char_starts_(std::move(char_starts)) {}

SourceSpan OffsetMap::to_source(std::size_t begin, std::size_t end) const {
  SourceSpan s;
  if (begins_.empty()) return s;
  if (begin >= begins_.size()) begin = begins_.size() - 1;
  if (end > begins_.size()) end = begins_.size();
  s.byte_begin = begins_[begin];
  s.byte_end = end > begin ? ends_[end - 1] : s.byte_begin;
  auto char_of = [&](std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(char_starts_.begin(), char_starts_.end(), byte) -
                                    char_starts_.begin());
  };
  s.char_begin = char_of(s.byte_begin);
  s.char_end = char_of(s.byte_end);
  return s;
}

OffsetMap OffsetMap::then(const OffsetMap& later) const {
  std::vector<std::uint32_t> b(later.size()), e(later.size());
  for (std::size_t i = 0; i < later.size(); ++i) {
    b[i] = begins_[later.begins_[i]];
    e[i] = ends_[later.ends_[i] - 1];
  }
  return OffsetMap(std::move(b), std::move(e), char_starts_);
}

std::string_view to_string(CleanStep step) noexcept {
  switch (step) {
    case CleanStep::Pinyin: return "pinyin";
    case CleanStep::Mojibake: return "mojibake";
    case CleanStep::Boilerplate: return "boilerplate";
    case CleanStep::LineJoin: return "linejoin";
    case CleanStep::Width: return "width";
  }
  return "";
}

bool parse_clean_step(std::string_view name, CleanStep& out) noexcept {
  for (CleanStep s : {CleanStep::Pinyin, CleanStep::Mojibake, CleanStep::Boilerplate,
                      CleanStep::LineJoin, CleanStep::Width})
    if (to_string(s) == name) {
      out = s;
      return true;
    }
  return false;
}

void CleanOptions::keep(CleanStep step) noexcept {
  switch (step) {
    case CleanStep::Pinyin: pinyin = false; break;
    case CleanStep::Mojibake: mojibake = false; break;
    case CleanStep::Boilerplate: boilerplate = false; break;
    case CleanStep::LineJoin: line_join = false; break;
    case CleanStep::Width: width = false; break;
  }
}

Cleaner::Cleaner(CleanOptions options) : options_(std::move(options)) {}

CleanDocument Cleaner::clean(const RawDocument& doc) const {
  CleanDocument out;
  out.id = doc.id;
  out.text = doc.bytes;
  out.folded = fold_to_simplified(out.text);
  out.offsets = OffsetMap::identity(doc.bytes);
  out.encoding = "UTF-8";
  out.attributes = doc.attributes;
  return out;
}

std::string fold_to_simplified(std::string_view utf8) { return std::string(utf8); }

std::string canonical_name(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString n = nfkc->normalize(s, status);
  std::string out;
  n.toUTF8String(out);
  return fold_to_simplified(out);
}

}  // namespace kg
