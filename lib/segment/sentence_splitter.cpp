// Sentence splitting over clean text. A sentence ends after a terminal mark
// (。！？!? and ；;) or at a line break; quotation marks nest so that a
// terminal mark inside “…” does not end the sentence unless the quotation
// closes right after it (then the closing mark belongs to the sentence).
//
// Speed: the text is walked character by character as utf8::next walks it,
// but only characters whose first byte can start a mark that matters here are
// decoded; a Han character (first byte E4..E9) costs a table look-up and a
// step. Sentences are cut into a reused list of bounds first, so the result
// is allocated once at its final size, and their source spans come from an
// OffsetMap::Scanner, which walks forward as the sentences do.
#include "kg/sentence.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include "common/utf8.hpp"

namespace kg {
namespace {

bool is_terminal(char32_t c) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'!': case U'?': case U'；': case U';':
    case U'…':
      return true;
    default:
      return false;
  }
}

bool is_open_quote(char32_t c) {
  return c == U'“' || c == U'「' || c == U'『' || c == U'《' || c == U'‘' || c == U'（' || c == U'(';
}

bool is_close_quote(char32_t c) {
  return c == U'”' || c == U'」' || c == U'』' || c == U'》' || c == U'’' || c == U'）' || c == U')';
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000'; }

// Lead bytes whose character may be one of the marks above (or a line
// break): the ASCII marks themselves, E2/E3/EF (U+2xxx, U+3xxx, U+FFxx) and,
// because utf8::next decodes them without checking, the lead bytes of
// over-long forms that can decode to an ASCII mark (C0, C1, E0) or to
// U+2xxx..U+FFxx (F0..F7). Every other character is none of the marks. The table
// holds 0 for those lead bytes and utf8::sequence_length for all others.
using StepTable = std::array<std::uint8_t, 256>;

// Built on first use (not at static initialisation, when another
// translation unit might already split text).
const StepTable& step_over() {
  static const StepTable table = [] {
    StepTable t{};
    for (unsigned b = 0; b < 256; ++b)
      t[b] = static_cast<std::uint8_t>(utf8::sequence_length(static_cast<unsigned char>(b)));
    for (unsigned char c : {'\n', '!', '?', ';', '(', ')'}) t[c] = 0;
    for (unsigned b : {0xC0u, 0xC1u, 0xE0u, 0xE2u, 0xE3u, 0xEFu}) t[b] = 0;
    for (unsigned b = 0xF0; b <= 0xF7; ++b) t[b] = 0;
    return t;
  }();
  return table;
}

// Steps over characters that cannot be marks, as utf8::next would, up to the
// next one that may be (its start is returned in `at` and it is decoded, `i`
// then being past it) or to the end (U+FFFF, none of the marks). While four
// bytes remain a step never runs past the end, where utf8::next takes one.
char32_t next_mark(const StepTable& steps, std::string_view t, std::size_t& i, std::size_t& at) {
  // Four three-byte characters at once: their lead bytes are read
  // independently, so the walk does not wait on one look-up per character.
  // It steps exactly as the loop below would, since that loop, too, looks
  // at nothing but lead bytes.
  const auto step_at = [&](std::size_t k) { return steps[static_cast<unsigned char>(t[k])]; };
  while (i + 12 <= t.size()) {
    if (step_at(i) == 3 && step_at(i + 3) == 3 && step_at(i + 6) == 3 && step_at(i + 9) == 3) {
      i += 12;
      continue;
    }
    const std::size_t step = step_at(i);
    if (step == 0) break;
    i += step;
  }
  while (i + 4 <= t.size()) {
    const std::size_t step = steps[static_cast<unsigned char>(t[i])];
    if (step == 0) break;
    i += step;
  }
  while (i < t.size()) {
    const std::size_t step = steps[static_cast<unsigned char>(t[i])];
    if (step == 0) {
      at = i;
      return utf8::next(t, i);
    }
    i = i + step > t.size() ? i + 1 : i + step;
  }
  at = i;
  return U'\uFFFF';
}

struct Bounds {
  std::size_t begin, end;
};

// Records [begin, end) as a sentence unless it is only whitespace; leading
// whitespace (U+3000 included) and trailing ASCII blanks are trimmed.
void cut(std::string_view text, std::size_t begin, std::size_t end, std::vector<Bounds>& out) {
  while (begin < end) {
    std::size_t i = begin;
    if (!is_space(utf8::next(text, i))) break;
    begin = i;
  }
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) --end;
  if (begin < end) out.push_back({begin, end});
}

// Appends the bounds of every sentence of `t` to `out`.
void find_sentences(std::string_view t, std::vector<Bounds>& out) {
  std::size_t start = 0;
  int depth = 0;          // open quotation marks not yet closed
  bool pending = false;   // a terminal mark seen inside quotes at depth 1
  const StepTable& steps = step_over();
  for (std::size_t i = 0; i < t.size();) {
    std::size_t at;
    const char32_t c = next_mark(steps, t, i, at);
    if (c == U'\uFFFF') continue;
    if (c == U'\n') {
      cut(t, start, at, out);
      start = i;
      depth = 0;
      pending = false;
    } else if (is_open_quote(c)) {
      ++depth;
    } else if (is_close_quote(c)) {
      if (depth > 0) --depth;
      if (depth == 0 && pending) {
        // “……。” closes a quoted sentence; end here unless speech continues (…”他说。)
        pending = false;
        std::size_t j = i;
        const char32_t next = j < t.size() ? utf8::next(t, j) : U'\n';
        if (next == U'\n' || is_open_quote(next) || is_terminal(next)) {
          if (!is_terminal(next)) {
            cut(t, start, i, out);
            start = i;
          }
        }
      }
    } else if (is_terminal(c)) {
      if (depth == 0) {
        // Swallow runs of terminal marks (！？, ……).
        std::size_t j = i;
        while (j < t.size()) {
          std::size_t k = j;
          const char32_t n = utf8::next(t, k);
          if (!is_terminal(n) && !is_close_quote(n)) break;
          j = k;
        }
        i = j;
        cut(t, start, i, out);
        start = i;
      } else {
        pending = true;
      }
    }
  }
  cut(t, start, t.size(), out);
}

// Source spans of ascending, non-empty ranges of a clean text, exactly as
// OffsetMap::to_source gives them, found by walking the map's runs and the
// original's character starts on from the previous answer (a sentence spans
// a few runs and a few dozen characters; searching afresh costs more).
class SourceWalker {
 public:
  explicit SourceWalker(const OffsetMap& map)
      : map_(map), runs_(map.runs()), starts_(map.char_starts()), begin_side_(starts_), end_side_(starts_) {}

  SourceSpan to_source(std::size_t begin, std::size_t end) {
    // Ranges the map does not cover end to end take the map's own way.
    if (runs_.empty() || end > map_.size() || begin >= end) return map_.to_source(begin, end);
    SourceSpan s;
    s.byte_begin = origin_of(begin, begin_side_).first;
    s.byte_end = std::max<std::size_t>(origin_of(end - 1, end_side_).second, s.byte_begin);
    s.char_begin = begin_side_.lower_bound(static_cast<std::uint32_t>(s.byte_begin));
    s.char_end = end_side_.lower_bound(static_cast<std::uint32_t>(s.byte_end));
    return s;
  }

 private:
  // The first index whose value is >= a given one in an ascending array
  // (std::lower_bound), searched from the last answer with doubling steps,
  // then by bisection: the cost grows with the distance moved, not the size.
  class Cursor {
   public:
    explicit Cursor(const std::vector<std::uint32_t>& values) : values_(values) {}
    std::size_t lower_bound(std::uint32_t value) {
      const std::uint32_t* v = values_.data();
      const std::size_t n = values_.size();
      std::size_t lo, hi;  // the answer is in [lo, hi]
      if (at_ < n && v[at_] < value) {
        lo = at_ + 1;
        std::size_t step = 1;
        while (lo + step - 1 < n && v[lo + step - 1] < value) {
          lo += step;
          step <<= 1;
        }
        hi = std::min(n, lo + step - 1);
      } else {
        hi = at_;
        std::size_t step = 1;
        while (hi >= step && v[hi - step] >= value) {
          hi -= step;
          step <<= 1;
        }
        lo = hi >= step ? hi - step + 1 : 0;
      }
      return at_ = static_cast<std::size_t>(std::lower_bound(v + lo, v + hi, value) - v);
    }

   private:
    const std::vector<std::uint32_t>& values_;
    std::size_t at_ = 0;
  };

  // OffsetMap::origin_of: the original bytes derived byte `at` came from.
  std::pair<std::uint32_t, std::uint32_t> origin_of(std::size_t at, Cursor& chars) {
    while (run_ > 0 && runs_[run_].out_begin > at) --run_;
    while (run_ + 1 < runs_.size() && runs_[run_ + 1].out_begin <= at) ++run_;
    const OffsetMap::Run& r = runs_[run_];
    if (!r.copied) return {r.source_begin, r.source_end};
    // A copied byte stands for the whole original character it belongs to.
    const std::uint32_t p = r.source_begin + static_cast<std::uint32_t>(at - r.out_begin);
    const std::size_t next = chars.lower_bound(p + 1);  // the first start after p
    return {next == 0 ? p : starts_[next - 1], next == starts_.size() ? map_.original_size() : starts_[next]};
  }

  const OffsetMap& map_;
  const std::vector<OffsetMap::Run>& runs_;
  const std::vector<std::uint32_t>& starts_;
  std::size_t run_ = 0;
  Cursor begin_side_, end_side_;
};

}  // namespace

std::vector<Sentence> SentenceSplitter::split(const CleanDocument& doc) const {
  thread_local std::vector<Bounds> bounds;
  bounds.clear();
  find_sentences(doc.text, bounds);
  std::vector<Sentence> out(bounds.size());
  SourceWalker sources(doc.offsets);
  // One copy of the text for all sentences, sliced with one reference count.
  const SharedText whole(doc.text);
  SharedText::Slicer cut(whole, bounds.size());
  for (std::size_t k = 0; k < bounds.size(); ++k) {
    Sentence& s = out[k];
    s.index = k;
    s.begin = bounds[k].begin;
    s.end = bounds[k].end;
    s.text = cut.slice(s.begin, s.end - s.begin);
    s.source = sources.to_source(s.begin, s.end);
  }
  return out;
}

}  // namespace kg
