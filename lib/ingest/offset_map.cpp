// OffsetMap: per-byte origins of a derived text, and their composition.
#include <algorithm>

#include <cstring>

#include "common/utf8.hpp"
#include "ingest/step.hpp"
#include "kg/clean_text.hpp"

namespace kg {

OffsetMap OffsetMap::identity(std::string_view original) {
  std::vector<std::uint32_t> b(original.size()), e(original.size()), starts;
  for (std::size_t i = 0; i < original.size();) {
    std::size_t n = utf8::sequence_length(static_cast<unsigned char>(original[i]));
    n = std::min(n, original.size() - i);
    starts.push_back(static_cast<std::uint32_t>(i));
    for (std::size_t k = i; k < i + n; ++k) {
      b[k] = static_cast<std::uint32_t>(i);
      e[k] = static_cast<std::uint32_t>(i + n);
    }
    i += n;
  }
  return OffsetMap(std::move(b), std::move(e), std::move(starts));
}

OffsetMap::OffsetMap(std::vector<std::uint32_t> begins, std::vector<std::uint32_t> ends,
                     std::vector<std::uint32_t> char_starts)
    : begins_(std::move(begins)), ends_(std::move(ends)), char_starts_(std::move(char_starts)) {}

namespace {

// The original position of a derived position that holds no byte (the end
// of the text, or an insertion): where the next byte came from, else the
// end of the last one.
std::uint32_t position_at(const std::vector<std::uint32_t>& begins, const std::vector<std::uint32_t>& ends,
                          std::size_t at) {
  if (at < begins.size()) return begins[at];
  return ends.empty() ? 0 : ends.back();
}

}  // namespace

SourceSpan OffsetMap::to_source(std::size_t begin, std::size_t end) const {
  SourceSpan s;
  begin = std::min(begin, begins_.size());
  end = std::min(end, begins_.size());
  if (end <= begin) {
    s.byte_begin = s.byte_end = position_at(begins_, ends_, begin);
  } else {
    s.byte_begin = begins_[begin];
    s.byte_end = std::max<std::size_t>(ends_[end - 1], s.byte_begin);
  }
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
    const std::uint32_t lb = later.begins_[i], le = later.ends_[i];
    if (le <= lb) {  // an insertion: an empty range at the right place
      b[i] = e[i] = position_at(begins_, ends_, lb);
    } else {
      b[i] = begins_[lb];
      e[i] = std::max(ends_[le - 1], b[i]);
    }
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
  for (CleanStep s : {CleanStep::Pinyin, CleanStep::Mojibake, CleanStep::Boilerplate, CleanStep::LineJoin,
                      CleanStep::Width})
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

}  // namespace kg

namespace kg::ingest {

OffsetMap StepResult::map(std::string_view input) const {
  std::vector<std::uint32_t> b, e;
  b.reserve(text.size());
  e.reserve(text.size());
  for (const Segment& s : segments) {
    if (!s.copied) {
      b.insert(b.end(), s.out_size, s.in_begin);
      e.insert(e.end(), s.out_size, s.in_end);
      continue;
    }
    for (std::size_t i = s.in_begin; i < s.in_end;) {
      std::size_t n = utf8::sequence_length(static_cast<unsigned char>(input[i]));
      n = std::min<std::size_t>(n, s.in_end - i);
      b.insert(b.end(), n, static_cast<std::uint32_t>(i));
      e.insert(e.end(), n, static_cast<std::uint32_t>(i + n));
      i += n;
    }
  }
  return OffsetMap(std::move(b), std::move(e), {});
}

OffsetMap StepResult::compose(const OffsetMap& before) const {
  // Every byte of one character shares its origin in `before` (all maps are
  // built that way), so a copied run composes as a block copy.
  const std::vector<std::uint32_t>& pb = before.begins();
  const std::vector<std::uint32_t>& pe = before.ends();
  std::vector<std::uint32_t> b(text.size()), e(text.size());
  std::size_t out = 0;
  for (const Segment& s : segments) {
    if (s.copied) {
      std::memcpy(b.data() + out, pb.data() + s.in_begin, s.out_size * sizeof(std::uint32_t));
      std::memcpy(e.data() + out, pe.data() + s.in_begin, s.out_size * sizeof(std::uint32_t));
    } else {
      std::uint32_t from, to;
      if (s.in_end > s.in_begin) {
        from = pb[s.in_begin];
        to = std::max(pe[s.in_end - 1], from);
      } else {
        from = to = s.in_begin < pb.size() ? pb[s.in_begin] : (pe.empty() ? 0 : pe.back());
      }
      std::fill(b.begin() + static_cast<long>(out), b.begin() + static_cast<long>(out + s.out_size), from);
      std::fill(e.begin() + static_cast<long>(out), e.begin() + static_cast<long>(out + s.out_size), to);
    }
    out += s.out_size;
  }
  return OffsetMap(std::move(b), std::move(e), before.char_starts());
}

}  // namespace kg::ingest
