// Shared plumbing of the cleaning steps. Internal: not installed.
//
// Every step reads one UTF-8 text and writes another plus an OffsetMap from
// each output byte to the input bytes it came from; the cleaner composes the
// maps with OffsetMap::then, so a step only ever thinks about its own input.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kg/clean_text.hpp"

namespace kg::ingest {

// What one step changed, in the step's own input coordinates; the cleaner
// turns the range into a SourceSpan of the original file.
// `what` and `reason` are string literals, so that a change costs no
// string of its own unless it replaces text.
struct LocalChange {
  CleanStep step;
  std::string_view what;    // "removed", "replaced", "joined" (a literal)
  std::size_t begin;        // input byte range touched
  std::size_t end;
  std::string after;        // replacement text ("" when removed)
  std::string_view reason = {};  // why, for the explanation ("contact", "spam", ...; a literal)
};

// A run of output bytes: either input bytes copied as they are, or new
// text standing for input bytes [in_begin, in_end) (empty for insertions).
struct Segment {
  std::uint32_t in_begin;
  std::uint32_t in_end;
  std::uint32_t out_size;
  bool copied;
};

// Where the input range [begin, end) of a step came from in the original
// file, as OffsetMap::to_source() gave it (byte_begin, byte_end).
struct KnownOrigin {
  std::size_t begin;
  std::size_t end;
  std::uint32_t source_begin;
  std::uint32_t source_end;
};

struct StepResult {
  std::string text;               // empty when `same`
  bool same = false;              // the step gave back its input as it was (no copy made)
  std::vector<Segment> segments;  // in output order; their out_size adds up to text.size()
  std::vector<LocalChange> changes;

  // Tells whether the step gave back its input (of `input_size` bytes) as it was.
  bool unchanged(std::size_t input_size) const noexcept {
    return same || (text.size() == input_size &&
           (segments.empty() || (segments.size() == 1 && segments[0].copied && segments[0].in_begin == 0)));
  }

  // The step's output text: `text`, or the input itself when unchanged.
  std::string_view output(std::string_view input) const noexcept { return same ? input : std::string_view(text); }

  // The per-byte map from this step's text to its input (copied bytes map
  // to their whole input character).
  OffsetMap map(std::string_view input) const;

  // fold_to_simplified() of the output, given that of the input: copied
  // bytes are taken from `folded_input`, only inserted text is folded (the
  // fold works character by character and keeps lengths, and segments
  // start and end on characters).
  std::string fold_output(std::string_view folded_input) const;

  // The same, written into `out` (cleared first), which keeps its capacity.
  void fold_output(std::string_view folded_input, std::string& out) const;

  // Composes: given `before` (input -> original), returns text -> original.
  // Same result as before.then(map(input)), in one pass of block copies.
  OffsetMap compose(const OffsetMap& before) const;

  // The same, taking the origins of replaced ranges from `known` (ascending
  // by begin) where a range is there, instead of looking them up again: the
  // cleaner has looked up every change's range already.
  OffsetMap compose(const OffsetMap& before, const std::vector<KnownOrigin>& known) const;
};

// Text buffers kept per thread for the steps' outputs, used in turn: when a
// step's output replaces its input, the input's buffer (already about the
// size of the document) is given back and holds a later step's output,
// instead of every step allocating and page-faulting a fresh one.
inline std::vector<std::string>& spare_text_buffers() {
  thread_local std::vector<std::string> spares;
  return spares;
}

// Returns an empty string whose capacity is at least `needed` bytes if a
// spare one is that large (the smallest of those), else the largest spare.
inline std::string take_text_buffer(std::size_t needed) {
  std::vector<std::string>& spares = spare_text_buffers();
  if (spares.empty()) return {};
  std::size_t best = 0;
  for (std::size_t i = 1; i < spares.size(); ++i) {
    const std::size_t have = spares[i].capacity(), best_have = spares[best].capacity();
    const bool fits = have >= needed, best_fits = best_have >= needed;
    if (fits != best_fits ? fits : (fits ? have < best_have : have > best_have)) best = i;
  }
  std::string buffer = std::move(spares[best]);
  spares[best] = std::move(spares.back());
  spares.pop_back();
  buffer.clear();
  return buffer;
}

// Keeps a text no longer needed as a spare buffer. A few are enough (two
// texts are alive at a time, the text and its folded copy); very large ones
// are freed, so that one huge document does not hold memory for good.
inline void give_back_text_buffer(std::string&& text) {
  constexpr std::size_t kMaxSpares = 4;
  constexpr std::size_t kMaxSpareCapacity = std::size_t{1} << 22;
  std::vector<std::string>& spares = spare_text_buffers();
  if (spares.size() >= kMaxSpares || text.capacity() <= 15 || text.capacity() > kMaxSpareCapacity) return;
  if (spares.capacity() < kMaxSpares) spares.reserve(kMaxSpares);
  spares.push_back(std::move(text));
}

// A list for a step's changes, kept per thread: one step's list is alive at
// a time, and the cleaner gives it back once it has read the changes, so a
// document's steps do not each grow a list of their own.
inline std::vector<LocalChange>& spare_change_list() {
  thread_local std::vector<LocalChange> spare;
  return spare;
}

// Returns an empty list with the spare list's capacity.
inline std::vector<LocalChange> take_change_list() {
  std::vector<LocalChange> list = std::move(spare_change_list());
  spare_change_list().clear();  // a moved-from vector is valid but unspecified
  list.clear();
  return list;
}

// Keeps `list` as the spare if it holds more room than the spare.
inline void give_back_change_list(std::vector<LocalChange>&& list) {
  std::vector<LocalChange>& spare = spare_change_list();
  if (list.capacity() > spare.capacity()) spare = std::move(list);
}

// Storage for a composed map's runs, kept per thread: each step's map
// replaces the one before, whose runs' storage then serves the next step.
inline std::vector<OffsetMap::Run>& spare_runs() {
  thread_local std::vector<OffsetMap::Run> spare;
  return spare;
}

// Returns an empty list of runs with the spare's capacity.
inline std::vector<OffsetMap::Run> take_runs_storage() {
  std::vector<OffsetMap::Run> runs = std::move(spare_runs());
  spare_runs().clear();
  runs.clear();
  return runs;
}

// Keeps `runs` as the spare if they hold more room than the spare.
inline void give_back_runs_storage(std::vector<OffsetMap::Run>&& runs) {
  if (runs.capacity() > spare_runs().capacity()) spare_runs() = std::move(runs);
}

// Storage for a step's segments, kept per thread like the change lists.
inline std::vector<Segment>& spare_segments() {
  thread_local std::vector<Segment> spare;
  return spare;
}

// Returns an empty list of segments with the spare's capacity.
inline std::vector<Segment> take_segments_storage() {
  std::vector<Segment> segments = std::move(spare_segments());
  spare_segments().clear();
  segments.clear();
  return segments;
}

// Keeps `segments` as the spare if they hold more room than the spare.
inline void give_back_segments_storage(std::vector<Segment>&& segments) {
  if (segments.capacity() > spare_segments().capacity()) spare_segments() = std::move(segments);
}

// Builds a step's output as segments. Copied bytes map to the input
// character they belong to, inserted bytes to the input range they replace,
// so composing maps never splits a character.
class MapBuilder {
 public:
  // `edits` is how many insertions the step will make, if known: the
  // segments then need no reallocation.
  explicit MapBuilder(std::string_view input, std::size_t edits = 0)
      : input_(input), text_(take_text_buffer(input.size())), segments_(take_segments_storage()) {
    text_.reserve(input.size());
    segments_.reserve(2 * edits + 1);
  }

  // Copies input bytes [begin, end), which must start and end on characters.
  void copy(std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    text_.append(input_.data() + begin, end - begin);
    if (!segments_.empty() && segments_.back().copied && segments_.back().in_end == begin) {
      segments_.back().in_end = static_cast<std::uint32_t>(end);
      segments_.back().out_size += static_cast<std::uint32_t>(end - begin);
      return;
    }
    segments_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                         static_cast<std::uint32_t>(end - begin), true});
  }

  // Appends new text standing for input bytes [begin, end) (an empty range
  // for pure insertions such as paragraph breaks).
  void insert(std::string_view text, std::size_t begin, std::size_t end) {
    if (text.empty()) return;
    text_.append(text);
    segments_.push_back({static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end),
                         static_cast<std::uint32_t>(text.size()), false});
  }

  const std::string& text() const noexcept { return text_; }

  StepResult finish(std::vector<LocalChange> changes = {}) {
    return StepResult{std::move(text_), false, std::move(segments_), std::move(changes)};
  }

 private:
  std::string_view input_;
  std::string text_;
  std::vector<Segment> segments_;
};

// Returns a step's output that is its input unchanged, without copying it.
inline StepResult unchanged(std::string_view /*input*/) {
  StepResult r;
  r.same = true;
  return r;
}

// The output of a step whose changes are in input order and do not
// overlap: the input with each change's range replaced by its `after` text
// (nothing when it is a removal). Without changes, the input unchanged, and
// the list kept as the thread's spare.
inline StepResult apply_changes(std::string_view text, std::vector<LocalChange>&& changes) {
  if (changes.empty()) {
    give_back_change_list(std::move(changes));
    return unchanged(text);
  }
  MapBuilder out(text, changes.size());
  std::size_t copied = 0;
  for (const LocalChange& c : changes) {
    out.copy(copied, c.begin);
    out.insert(c.after, c.begin, c.end);
    copied = c.end;
  }
  out.copy(copied, text.size());
  return out.finish(std::move(changes));
}

// Line [begin, end) of a text (end excludes the '\n').
struct Line {
  std::size_t begin;
  std::size_t end;
};

// Counts the '\n' in a text, with memchr: Chinese lines are long, and a
// byte-by-byte count would cost more than everything else done per line.
inline std::size_t count_newlines(std::string_view text) {
  std::size_t n = 0;
  if (text.empty()) return 0;  // data() may be null
  const char* p = text.data();
  const char* const end = p + text.size();
  while ((p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr) {
    ++n;
    ++p;
  }
  return n;
}

// Splits a text into lines at '\n', into `lines` (cleared first; a list
// kept by the caller keeps its storage from text to text).
inline void split_lines(std::string_view text, std::vector<Line>& lines) {
  lines.clear();
  lines.reserve(count_newlines(text) + 1);
  std::size_t start = 0;
  while (start < text.size()) {
    const void* nl = std::memchr(text.data() + start, '\n', text.size() - start);
    if (nl == nullptr) break;
    const auto at = static_cast<std::size_t>(static_cast<const char*>(nl) - text.data());
    lines.push_back({start, at});
    start = at + 1;
  }
  lines.push_back({start, text.size()});
}

inline std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  split_lines(text, lines);
  return lines;
}

}  // namespace kg::ingest

namespace kg::ingest {

// What a format reader (HTML, Markdown) returns: the text, and metadata found
// in the markup (title, date, url, author).
struct FormatResult {
  StepResult step;
  std::map<std::string, std::string> attributes;
};

}  // namespace kg::ingest
