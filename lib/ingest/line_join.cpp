// Joining lines broken mid-sentence (by fixed-width layout or by page
// templates that cut paragraphs). A real paragraph ends with terminal
// punctuation, and a heading is short and has no inner punctuation; both
// keep their breaks.
#include "ingest/line_join.hpp"

#include "common/utf8.hpp"
#include "ingest/char_class.hpp"

namespace kg::ingest {
namespace {

bool is_terminal(char32_t c) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'!': case U'?': case U'…': case U'；': case U';': case U'：':
    case U':': case U'”': case U'」': case U'』': case U')': case U'）': case U'》': case U'"': case U'.':
    case U'】': case U']':
      return true;
    default:
      return false;
  }
}

bool is_continuation_mark(char32_t c) { return c == U'，' || c == U',' || c == U'、'; }

bool is_inner_punct(char32_t c) {
  return c == U'，' || c == U',' || c == U'。' || c == U'、' || c == U'；' || c == U'：' || c == U'“';
}

bool is_word_char(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
}

struct LineFacts {
  bool blank = true;
  char32_t first = 0;
  char32_t last = 0;
  std::size_t chars = 0;
  bool inner_punct = false;
  std::size_t content_begin = 0;  // first non-space byte
  std::size_t content_end = 0;    // after the last non-space byte
};

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000'; }

// Lines are judged by their length only up to this many characters (is it
// at least 20? at most 20?): past it, with inner punctuation seen, the rest
// of a line changes nothing but its last character.
constexpr std::size_t kCharsThatMatter = 21;

constexpr char32_t kBlankLine = 0x110000;  // no character at all

struct LastChar {
  char32_t c = kBlankLine;
  std::size_t end = 0;  // where it ends
};

// The last non-space character of a line and where it ends, read from the
// end (kBlankLine for a blank line): enough to rule out most lines without
// reading them whole.
LastChar last_char(std::string_view text, const Line& line) {
  std::size_t end = line.end;
  while (end > line.begin) {
    std::size_t start = end - 1;
    while (start > line.begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    std::size_t i = start;
    const char32_t c = next_char(text, i);
    if (!is_space(c)) return {c, i};
    end = start;
  }
  return {};
}

// The facts' last character of a non-blank line.
void read_last_char(std::string_view text, const Line& line, LineFacts& f) {
  const LastChar last = last_char(text, line);
  if (last.c == kBlankLine) return;
  f.last = last.c;
  f.content_end = last.end;
}

// The facts of a line; `chars` counts up to kCharsThatMatter when the line
// has inner punctuation by then (every decision reads it as "more than 20").
LineFacts facts_of(std::string_view text, const Line& line) {
  LineFacts f;
  f.content_begin = f.content_end = line.begin;
  for (std::size_t i = line.begin; i < line.end;) {
    const std::size_t at = i;
    const char32_t c = next_char(text, i);
    if (is_space(c)) continue;
    if (f.blank) {
      f.blank = false;
      f.first = c;
      f.content_begin = at;
    }
    if (f.last && is_inner_punct(f.last)) f.inner_punct = true;
    f.last = c;
    f.content_end = i;
    ++f.chars;
    if (f.inner_punct && f.chars >= kCharsThatMatter) {
      read_last_char(text, line, f);
      break;
    }
  }
  return f;
}

bool starts_like_continuation(char32_t c) {
  return is_han(c) || is_word_char(c) || c == U'“' || c == U'《' || c == U'"';
}

bool is_bullet(char32_t c) { return c == U'•' || c == U'·' || c == U'●' || c == U'■' || c == U'◆' || c == U'-' || c == U'*'; }

// A short line without punctuation is a heading or caption, not the rest of
// a sentence.
bool is_heading_like(const LineFacts& f) { return f.chars <= 20 && !f.inner_punct && !is_terminal(f.last) && !is_continuation_mark(f.last); }

bool ends_mid_sentence(const LineFacts& f) {
  if (f.blank || is_terminal(f.last) || is_bullet(f.first)) return false;
  if (is_continuation_mark(f.last)) return true;
  return f.chars >= 20 && f.inner_punct && (is_han(f.last) || is_word_char(f.last));
}


}  // namespace

StepResult join_broken_lines(std::string_view text) {
  thread_local std::vector<Line> lines;  // storage kept from text to text
  split_lines(text, lines);
  std::vector<LocalChange> changes = take_change_list();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    // A line that is blank or ends a sentence never joins the next.
    const char32_t last = last_char(text, lines[k]).c;
    if (last == kBlankLine || is_terminal(last)) continue;
    const LineFacts here = facts_of(text, lines[k]);
    if (!ends_mid_sentence(here)) continue;
    std::size_t next = k + 1;
    LineFacts there;
    while (next < lines.size() && (there = facts_of(text, lines[next])).blank) ++next;
    if (next >= lines.size() || next - k > 3 || !starts_like_continuation(there.first) || is_heading_like(there))
      continue;
    const std::size_t gap_begin = here.content_end, gap_end = there.content_begin;
    const bool latin = is_word_char(here.last) && is_word_char(there.first) && !is_han(here.last);
    changes.push_back({CleanStep::LineJoin, "joined", gap_begin, gap_end, latin ? " " : "", ""});
    k = next - 1;
  }
  return apply_changes(text, std::move(changes));
}

}  // namespace kg::ingest
