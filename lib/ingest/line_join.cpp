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

LineFacts facts_of(std::string_view text, const Line& line) {
  LineFacts f;
  f.content_begin = f.content_end = line.begin;
  for (std::size_t i = line.begin; i < line.end;) {
    const std::size_t at = i;
    const char32_t c = utf8::next(text, i);
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
  const std::vector<Line> lines = split_lines(text);
  std::vector<LineFacts> facts;
  facts.reserve(lines.size());
  for (const Line& l : lines) facts.push_back(facts_of(text, l));

  MapBuilder out(text);
  std::vector<LocalChange> changes;
  std::size_t copied = 0;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!ends_mid_sentence(facts[k])) continue;
    std::size_t next = k + 1;
    while (next < lines.size() && facts[next].blank) ++next;
    if (next >= lines.size() || next - k > 3 || !starts_like_continuation(facts[next].first) ||
        is_heading_like(facts[next]))
      continue;
    const std::size_t gap_begin = facts[k].content_end, gap_end = facts[next].content_begin;
    out.copy(copied, gap_begin);
    const bool latin = is_word_char(facts[k].last) && is_word_char(facts[next].first) &&
                       !is_han(facts[k].last);
    if (latin) out.insert(" ", gap_begin, gap_end);
    changes.push_back({CleanStep::LineJoin, "joined", gap_begin, gap_end, latin ? " " : "", ""});
    copied = gap_end;
    k = next - 1;
  }
  out.copy(copied, text.size());
  return out.finish(std::move(changes));
}

}  // namespace kg::ingest
