// NFKC and whitespace. ICU is only called on the rare chunks that are not
// already NFKC-inert; ASCII and ordinary Han characters are copied.
#include "ingest/width.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "common/utf8.hpp"
#include "kg/error.hpp"

namespace kg::ingest {
namespace {

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorCode::Internal, "ICU NFKC normalizer unavailable");
    return n;
  }();
  return *instance;
}

}  // namespace

StepResult apply_nfkc(std::string_view text) {
  const icu::Normalizer2& n = nfkc();
  MapBuilder out(text);
  std::vector<LocalChange> changes;
  std::size_t copied = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::next(text, i);
    if (cp < 0x80 && (i >= text.size() || static_cast<unsigned char>(text[i]) < 0xCC)) continue;
    // The chunk runs to the next character that starts a new normalisation unit.
    std::size_t end = i;
    while (end < text.size()) {
      std::size_t k = end;
      const char32_t next = utf8::next(text, k);
      if (n.hasBoundaryBefore(static_cast<UChar32>(next))) break;
      end = k;
    }
    if (end == i && (cp < 0x80 || n.isInert(static_cast<UChar32>(cp)))) continue;
    const std::string_view chunk = text.substr(start, end - start);
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString u =
        icu::UnicodeString::fromUTF8(icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())));
    const icu::UnicodeString normal = n.normalize(u, status);
    std::string result;
    normal.toUTF8String(result);
    i = end;
    if (U_FAILURE(status) || result == chunk) continue;
    out.copy(copied, start);
    out.insert(result, start, end);
    changes.push_back({CleanStep::Width, "replaced", start, end, result, "nfkc"});
    copied = end;
  }
  out.copy(copied, text.size());
  return out.finish(std::move(changes));
}

namespace {
bool is_blank_char(char c) { return c == ' ' || c == '\t'; }
}  // namespace

// Collapses spaces, trims lines, keeps one blank line between paragraphs
// and none at the start or end.
StepResult collapse_whitespace(std::string_view text) {
  MapBuilder out(text);
  std::vector<LocalChange> changes;
  const std::vector<Line> lines = split_lines(text);
  std::size_t pending_blank = 0;  // blank lines seen since the last text line
  bool any_text = false;
  for (const Line& l : lines) {
    std::size_t b = l.begin, e = l.end;
    while (b < e && is_blank_char(text[b])) ++b;
    while (e > b && is_blank_char(text[e - 1])) --e;
    if (b == e) {
      ++pending_blank;
      continue;
    }
    if (any_text) {
      const std::size_t at = l.begin == 0 ? 0 : l.begin - 1;
      out.insert(pending_blank > 0 ? "\n\n" : "\n", at, at + 1);
    }
    pending_blank = 0;
    any_text = true;
    for (std::size_t i = b; i < e;) {
      if (is_blank_char(text[i])) {
        std::size_t j = i;
        while (j < e && is_blank_char(text[j])) ++j;
        out.insert(" ", i, j);
        if (j - i > 1 || text[i] != ' ') changes.push_back({CleanStep::Width, "replaced", i, j, " ", "whitespace"});
        i = j;
        continue;
      }
      std::size_t j = i;
      while (j < e && !is_blank_char(text[j])) ++j;
      out.copy(i, j);
      i = j;
    }
  }
  if (any_text) out.insert("\n", text.size(), text.size());
  return out.finish(std::move(changes));
}

StepResult normalise_width(std::string_view text) {
  StepResult normal = apply_nfkc(text);
  StepResult spaced = collapse_whitespace(normal.text);
  // Composed as maps, one byte at a time: the cleaner runs the halves as
  // two steps instead, so this is for callers that want one result.
  const OffsetMap first = normal.map(text);
  const OffsetMap both = first.then(spaced.map(normal.text));
  StepResult r;
  r.text = std::move(spaced.text);
  for (std::size_t i = 0; i < r.text.size();) {
    std::size_t j = i + 1;
    while (j < r.text.size() && both.begins()[j] == both.begins()[i] && both.ends()[j] == both.ends()[i]) ++j;
    const bool copied = both.ends()[i] - both.begins()[i] == j - i && text.compare(both.begins()[i], j - i, r.text, i, j - i) == 0;
    r.segments.push_back({both.begins()[i], both.ends()[i], static_cast<std::uint32_t>(j - i), copied});
    i = j;
  }
  r.changes = std::move(normal.changes);
  for (LocalChange c : spaced.changes) {  // back to this step's input
    const SourceSpan s = first.to_source(c.begin, c.end);
    c.begin = s.byte_begin;
    c.end = s.byte_end;
    r.changes.push_back(std::move(c));
  }
  return r;
}

}  // namespace kg::ingest
