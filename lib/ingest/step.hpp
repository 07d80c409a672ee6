// Shared plumbing of the cleaning steps. Internal: not installed.
//
// Every step reads one UTF-8 text and writes another plus an OffsetMap from
// each output byte to the input bytes it came from; the cleaner composes the
// maps with OffsetMap::then, so a step only ever thinks about its own input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kg/clean_text.hpp"

namespace kg::ingest {

// What one step changed, in the step's own input coordinates; the cleaner
// turns the range into a SourceSpan of the original file.
struct LocalChange {
  CleanStep step;
  std::string what;    // "removed", "replaced", "joined"
  std::size_t begin;   // input byte range touched
  std::size_t end;
  std::string after;   // replacement text ("" when removed)
  std::string reason = {};  // why, for the explanation ("contact", "spam", ...)
};

struct StepResult {
  std::string text;
  OffsetMap map;  // text bytes -> input bytes (char_starts left empty)
  std::vector<LocalChange> changes;
};

// Builds a step's output and its map in one pass. Copied bytes map to the
// whole input character they belong to, inserted bytes to the input range
// they replace, so composing maps never splits a character.
class MapBuilder {
 public:
  explicit MapBuilder(std::string_view input) : input_(input) {
    text_.reserve(input.size());
    begins_.reserve(input.size());
    ends_.reserve(input.size());
  }

  // Copies input bytes [begin, end), which must start and end on characters.
  void copy(std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end) {
      const std::size_t n = char_length(i);
      for (std::size_t k = 0; k < n; ++k) {
        text_ += input_[i + k];
        begins_.push_back(static_cast<std::uint32_t>(i));
        ends_.push_back(static_cast<std::uint32_t>(i + n));
      }
      i += n;
    }
  }

  // Appends new text standing for input bytes [begin, end) (an empty range
  // for pure insertions such as paragraph breaks).
  void insert(std::string_view text, std::size_t begin, std::size_t end) {
    for (char c : text) {
      text_ += c;
      begins_.push_back(static_cast<std::uint32_t>(begin));
      ends_.push_back(static_cast<std::uint32_t>(end));
    }
  }

  const std::string& text() const noexcept { return text_; }

  StepResult finish(std::vector<LocalChange> changes = {}) {
    StepResult r;
    r.text = std::move(text_);
    r.map = OffsetMap(std::move(begins_), std::move(ends_), {});
    r.changes = std::move(changes);
    return r;
  }

 private:
  std::size_t char_length(std::size_t i) const noexcept {
    const auto lead = static_cast<unsigned char>(input_[i]);
    std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
    if (i + n > input_.size()) n = input_.size() - i;
    return n;
  }

  std::string_view input_;
  std::string text_;
  std::vector<std::uint32_t> begins_;
  std::vector<std::uint32_t> ends_;
};

// Returns a step's output that is its input unchanged.
inline StepResult unchanged(std::string_view input) {
  MapBuilder b(input);
  b.copy(0, input.size());
  return b.finish();
}

// Line [begin, end) of a text (end excludes the '\n').
struct Line {
  std::size_t begin;
  std::size_t end;
};

// Splits a text into lines at '\n'.
inline std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') {
      lines.push_back({start, i});
      start = i + 1;
    }
  lines.push_back({start, text.size()});
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
