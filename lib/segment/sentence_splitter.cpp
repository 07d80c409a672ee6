// Sentence splitting over clean text. A sentence ends after a terminal mark
// (。！？!? and ；;) or at a line break; quotation marks nest so that a
// terminal mark inside “…” does not end the sentence unless the quotation
// closes right after it (then the closing mark belongs to the sentence).
#include "kg/sentence.hpp"

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

// Cuts [begin, end) of the text into a Sentence unless it is only whitespace.
void emit(const CleanDocument& doc, std::size_t begin, std::size_t end, std::vector<Sentence>& out) {
  while (begin < end) {  // trim leading whitespace
    std::size_t i = begin;
    if (!is_space(utf8::next(doc.text, i))) break;
    begin = i;
  }
  while (end > begin && (doc.text[end - 1] == ' ' || doc.text[end - 1] == '\t' || doc.text[end - 1] == '\r'))
    --end;
  if (begin >= end) return;
  Sentence s;
  s.index = out.size();
  s.begin = begin;
  s.end = end;
  s.text = doc.text.substr(begin, end - begin);
  s.source = doc.offsets.to_source(begin, end);
  out.push_back(std::move(s));
}

}  // namespace

std::vector<Sentence> SentenceSplitter::split(const CleanDocument& doc) const {
  std::vector<Sentence> out;
  const std::string& t = doc.text;
  std::size_t start = 0;
  int depth = 0;          // open quotation marks not yet closed
  bool pending = false;   // a terminal mark seen inside quotes at depth 1
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t at = i;
    const char32_t c = utf8::next(t, i);
    if (c == U'\n') {
      emit(doc, start, at, out);
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
            emit(doc, start, i, out);
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
        emit(doc, start, i, out);
        start = i;
      } else {
        pending = true;
      }
    }
  }
  emit(doc, start, t.size(), out);
  return out;
}

}  // namespace kg
