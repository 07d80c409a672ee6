// OffsetMap: per-byte origins of a derived text, and their composition.
#include <algorithm>

#include <cstring>

#include "common/utf8.hpp"
#include "ingest/step.hpp"
#include "kg/clean_text.hpp"

namespace kg {

namespace {

const std::vector<std::uint32_t>& no_char_starts() {
  static const std::vector<std::uint32_t> empty;
  return empty;
}

}  // namespace

OffsetMap OffsetMap::identity(std::string_view original) {
  std::vector<std::uint32_t> starts;
  starts.reserve(original.size());
  for (std::size_t i = 0; i < original.size();) {
    starts.push_back(static_cast<std::uint32_t>(i));
    i += utf8::sequence_length(static_cast<unsigned char>(original[i]));
  }
  std::vector<Run> runs;
  if (!original.empty()) runs.push_back({0, 0, 0, true});
  return OffsetMap(std::move(runs), original.size(), std::move(starts), original.size());
}

OffsetMap::OffsetMap(std::vector<std::uint32_t> begins, std::vector<std::uint32_t> ends,
                     std::vector<std::uint32_t> char_starts)
    : size_(begins.size()),
      char_starts_(std::make_shared<const std::vector<std::uint32_t>>(std::move(char_starts))) {
  for (std::size_t i = 0; i < begins.size(); ++i) {
    if (!runs_.empty() && runs_.back().source_begin == begins[i] && runs_.back().source_end == ends[i]) continue;
    runs_.push_back({static_cast<std::uint32_t>(i), begins[i], ends[i], false});
    original_size_ = std::max(original_size_, ends[i]);
  }
}

OffsetMap::OffsetMap(std::vector<Run> runs, std::size_t size, std::vector<std::uint32_t> char_starts,
                     std::size_t original_size)
    : OffsetMap(std::move(runs), size, std::make_shared<const std::vector<std::uint32_t>>(std::move(char_starts)),
                static_cast<std::uint32_t>(original_size)) {}

OffsetMap::OffsetMap(std::vector<Run> runs, std::size_t size,
                     std::shared_ptr<const std::vector<std::uint32_t>> char_starts, std::uint32_t original_size)
    : runs_(std::move(runs)), size_(size), char_starts_(std::move(char_starts)), original_size_(original_size) {}

const std::vector<std::uint32_t>& OffsetMap::char_starts() const noexcept {
  return char_starts_ ? *char_starts_ : no_char_starts();
}

std::size_t OffsetMap::run_index(std::size_t at) const {
  const auto it = std::upper_bound(runs_.begin(), runs_.end(), at,
                                   [](std::size_t value, const Run& r) { return value < r.out_begin; });
  return static_cast<std::size_t>(it - runs_.begin()) - 1;
}

std::pair<std::uint32_t, std::uint32_t> OffsetMap::origin_of(std::size_t at) const {
  const Run& r = runs_[run_index(at)];
  if (!r.copied) return {r.source_begin, r.source_end};
  // A copied byte stands for the whole original character it belongs to.
  const std::uint32_t p = r.source_begin + static_cast<std::uint32_t>(at - r.out_begin);
  const std::vector<std::uint32_t>& starts = char_starts();
  const auto next = std::upper_bound(starts.begin(), starts.end(), p);
  const std::uint32_t begin = next == starts.begin() ? p : *(next - 1);
  return {begin, next == starts.end() ? original_size_ : *next};
}

std::uint32_t OffsetMap::position_at(std::size_t at) const {
  if (at < size_) return origin_of(at).first;
  return size_ == 0 ? 0 : origin_of(size_ - 1).second;
}

SourceSpan OffsetMap::to_source(std::size_t begin, std::size_t end) const {
  SourceSpan s;
  begin = std::min(begin, size_);
  end = std::min(end, size_);
  if (end <= begin) {
    s.byte_begin = s.byte_end = position_at(begin);
  } else {
    s.byte_begin = origin_of(begin).first;
    s.byte_end = std::max<std::size_t>(origin_of(end - 1).second, s.byte_begin);
  }
  const std::vector<std::uint32_t>& starts = char_starts();
  auto char_of = [&](std::size_t byte) {
    return static_cast<std::size_t>(std::lower_bound(starts.begin(), starts.end(), byte) - starts.begin());
  };
  s.char_begin = char_of(s.byte_begin);
  s.char_end = char_of(s.byte_end);
  return s;
}

namespace {

// Returns the first index i in [0, n] for which `below(i)` is false (`below`
// true on a prefix; n when it is true throughout), searching from `hint`
// with doubling steps in the answer's direction, then by bisection.
template <class Below>
std::size_t search_from(std::size_t n, std::size_t hint, Below below) {
  std::size_t lo, hi;
  if (hint < n && below(hint)) {
    lo = hint + 1;
    std::size_t step = 1;
    while (lo + step - 1 < n && below(lo + step - 1)) {
      lo += step;
      step <<= 1;
    }
    hi = std::min(n, lo + step - 1);
  } else {
    hi = std::min(hint, n);
    std::size_t step = 1;
    while (hi >= step && !below(hi - step)) {
      hi -= step;
      step <<= 1;
    }
    lo = hi >= step ? hi - step + 1 : 0;
  }
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (below(mid))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

}  // namespace

std::pair<std::uint32_t, std::uint32_t> OffsetMap::Scanner::origin_of(std::size_t at) {
  const std::vector<Run>& runs = map_.runs_;
  run_ = search_from(runs.size(), run_, [&](std::size_t k) { return runs[k].out_begin <= at; }) - 1;
  const Run& r = runs[run_];
  if (!r.copied) return {r.source_begin, r.source_end};
  const std::uint32_t p = r.source_begin + static_cast<std::uint32_t>(at - r.out_begin);
  const std::vector<std::uint32_t>& starts = map_.char_starts();
  const std::size_t next = search_from(starts.size(), char_, [&](std::size_t k) { return starts[k] <= p; });
  char_ = next == 0 ? 0 : next - 1;
  return {next == 0 ? p : starts[next - 1], next == starts.size() ? map_.original_size_ : starts[next]};
}

std::uint32_t OffsetMap::Scanner::position_at(std::size_t at) {
  if (at < map_.size_) return origin_of(at).first;
  return map_.size_ == 0 ? 0 : origin_of(map_.size_ - 1).second;
}

SourceSpan OffsetMap::Scanner::to_source(std::size_t begin, std::size_t end) {
  SourceSpan s;
  begin = std::min(begin, map_.size_);
  end = std::min(end, map_.size_);
  // Where the characters of the span start and end, when origin_of() has
  // just found them (copied bytes); checked below before they are used.
  std::size_t begin_guess = 0, end_guess = 0;
  if (end <= begin) {
    s.byte_begin = s.byte_end = position_at(begin);
  } else {
    s.byte_begin = origin_of(begin).first;
    begin_guess = char_;
    s.byte_end = std::max<std::size_t>(origin_of(end - 1).second, s.byte_begin);
    end_guess = char_ + 1;
  }
  const std::vector<std::uint32_t>& starts = map_.char_starts();
  const std::size_t n = starts.size();
  // The index of the first character start not below `byte`: `guess` if it
  // is that index (which two comparisons tell), else found by search.
  auto first_start_not_below = [&](std::size_t byte, std::size_t guess, std::size_t hint) {
    if (guess <= n && (guess == n || starts[guess] >= byte) && (guess == 0 || starts[guess - 1] < byte)) return guess;
    return search_from(n, hint, [&](std::size_t k) { return starts[k] < byte; });
  };
  s.char_begin = first_start_not_below(s.byte_begin, begin_guess, char_);
  s.char_end = first_start_not_below(s.byte_end, end_guess, s.char_begin);
  char_ = s.char_begin;
  return s;
}

std::vector<std::uint32_t> OffsetMap::begins() const {
  std::vector<std::uint32_t> out;
  out.reserve(size_);
  for (std::size_t i = 0; i < size_; ++i) out.push_back(origin_of(i).first);
  return out;
}

std::vector<std::uint32_t> OffsetMap::ends() const {
  std::vector<std::uint32_t> out;
  out.reserve(size_);
  for (std::size_t i = 0; i < size_; ++i) out.push_back(origin_of(i).second);
  return out;
}

OffsetMap OffsetMap::then(const OffsetMap& later) const {
  std::vector<std::uint32_t> b(later.size()), e(later.size());
  for (std::size_t i = 0; i < later.size(); ++i) {
    const auto [lb, le] = later.origin_of(i);
    if (le <= lb) {  // an insertion: an empty range at the right place
      b[i] = e[i] = position_at(lb);
    } else {
      b[i] = origin_of(lb).first;
      e[i] = std::max(origin_of(le - 1).second, b[i]);
    }
  }
  OffsetMap out(std::move(b), std::move(e), {});
  out.char_starts_ = char_starts_;
  out.original_size_ = std::max(out.original_size_, original_size_);
  return out;
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
  // Copied bytes map to their whole input character.
  std::vector<OffsetMap::Run> runs;
  auto add = [&](std::size_t out, std::uint32_t begin, std::uint32_t end) {
    if (!runs.empty() && runs.back().source_begin == begin && runs.back().source_end == end) return;
    runs.push_back({static_cast<std::uint32_t>(out), begin, end, false});
  };
  if (same) {
    for (std::size_t i = 0; i < input.size();) {
      const std::size_t n = std::min(utf8::sequence_length(static_cast<unsigned char>(input[i])), input.size() - i);
      add(i, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + n));
      i += n;
    }
    return OffsetMap(std::move(runs), input.size(), std::vector<std::uint32_t>{}, input.size());
  }
  std::size_t out = 0;
  for (const Segment& s : segments) {
    if (!s.copied) {
      if (s.out_size > 0) add(out, s.in_begin, s.in_end);
      out += s.out_size;
      continue;
    }
    for (std::size_t i = s.in_begin; i < s.in_end;) {
      std::size_t n = utf8::sequence_length(static_cast<unsigned char>(input[i]));
      n = std::min<std::size_t>(n, s.in_end - i);
      add(out, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + n));
      out += n;
      i += n;
    }
  }
  return OffsetMap(std::move(runs), out, std::vector<std::uint32_t>{}, input.size());
}

namespace {

// Appends runs, merging a run into the one before when they agree byte for byte.
class RunWriter {
 public:
  explicit RunWriter(std::size_t hint) : runs_(take_runs_storage()) { runs_.reserve(hint); }

  void add(std::uint32_t out, std::uint32_t source_begin, std::uint32_t source_end, bool copied) {
    if (!runs_.empty()) {
      const OffsetMap::Run& last = runs_.back();
      if (copied && last.copied && last.source_begin + (out - last.out_begin) == source_begin) return;
      if (!copied && !last.copied && last.source_begin == source_begin && last.source_end == source_end) return;
    }
    runs_.push_back({out, source_begin, source_end, copied});
  }

  std::vector<OffsetMap::Run> take() { return std::move(runs_); }

 private:
  std::vector<OffsetMap::Run> runs_;
};

// Appends fold_to_simplified(piece); inserted pieces are mostly ASCII
// punctuation and spaces, which have no byte that starts a foldable
// character (U+3000 and up) and are appended as they are.
void append_folded(std::string& out, std::string_view piece) {
  const bool foldable = std::any_of(piece.begin(), piece.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE3; });
  if (foldable)
    out += fold_to_simplified(piece);
  else
    out.append(piece);
}

}  // namespace

std::string StepResult::fold_output(std::string_view folded_input) const {
  std::string out;
  fold_output(folded_input, out);
  return out;
}

void StepResult::fold_output(std::string_view folded_input, std::string& out) const {
  out.clear();
  if (same) {
    out.assign(folded_input.data(), folded_input.size());
    return;
  }
  out.reserve(text.size());
  std::size_t at = 0;  // in `text`
  for (const Segment& s : segments) {
    if (s.copied)
      out.append(folded_input.substr(s.in_begin, s.out_size));
    else
      append_folded(out, std::string_view(text).substr(at, s.out_size));
    at += s.out_size;
  }
}

OffsetMap StepResult::compose(const OffsetMap& before) const { return compose(before, {}); }

OffsetMap StepResult::compose(const OffsetMap& before, const std::vector<KnownOrigin>& known) const {
  if (same) return before;
  std::size_t next_known = 0;  // the first entry of `known` not before the current segment
  const std::vector<OffsetMap::Run>& runs = before.runs();
  OffsetMap::Scanner scan(before);
  std::size_t k = 0;  // the run of `before` holding the last copied byte
  // A copied segment adds at most one run more than the runs before it
  // overlaps, an inserted one a run: room for all, so the runs never move.
  RunWriter w(runs.size() + segments.size() + 1);
  std::uint32_t out = 0;
  for (const Segment& s : segments) {
    if (s.out_size == 0) continue;
    if (s.copied) {
      // A slice of the runs before, byte for byte.
      k = search_from(runs.size(), k, [&](std::size_t j) { return runs[j].out_begin <= s.in_begin; }) - 1;
      std::uint32_t pos = s.in_begin, left = s.out_size;
      while (left > 0) {
        const OffsetMap::Run& r = runs[k];
        const std::uint32_t run_end =
            k + 1 < runs.size() ? runs[k + 1].out_begin : static_cast<std::uint32_t>(before.size());
        const std::uint32_t take = std::min(run_end - pos, left);
        if (r.copied)
          w.add(out, r.source_begin + (pos - r.out_begin), 0, true);
        else
          w.add(out, r.source_begin, r.source_end, false);
        out += take;
        pos += take;
        left -= take;
        if (left > 0) ++k;
      }
      continue;
    }
    std::uint32_t from, to;
    while (next_known < known.size() && known[next_known].begin < s.in_begin) ++next_known;
    if (next_known < known.size() && known[next_known].begin == s.in_begin && known[next_known].end == s.in_end) {
      // Same lookups as below, made by to_source() for the change.
      from = known[next_known].source_begin;
      to = known[next_known].source_end;
    } else if (s.in_end > s.in_begin) {
      from = scan.origin_of(s.in_begin).first;
      to = std::max(scan.origin_of(s.in_end - 1).second, from);
    } else {
      from = to = scan.position_at(s.in_begin);
    }
    w.add(out, from, to, false);
    out += s.out_size;
  }
  return OffsetMap(w.take(), out, before.shared_char_starts(), before.original_size());
}

}  // namespace kg::ingest
