// Pinyin marks. The tone mark (or ü) is what tells a reading from an
// ordinary parenthesis such as (AI) or (2023), so it is required.
#include "ingest/pinyin.hpp"

#include <algorithm>

#include "common/utf8.hpp"
#include "ingest/char_class.hpp"

namespace kg::ingest {
namespace {

// Vowels with tone marks and ü (plus ń ň ǹ ḿ for the nasal interjections).
bool is_marked_vowel(char32_t c) {
  switch (c) {
    case U'ā': case U'á': case U'ǎ': case U'à': case U'ē': case U'é': case U'ě': case U'è':
    case U'ī': case U'í': case U'ǐ': case U'ì': case U'ō': case U'ó': case U'ǒ': case U'ò':
    case U'ū': case U'ú': case U'ǔ': case U'ù': case U'ǖ': case U'ǘ': case U'ǚ': case U'ǜ':
    case U'ü': case U'ń': case U'ň': case U'ǹ': case U'ḿ':
      return true;
    default:
      return false;
  }
}

bool is_host(char32_t c) { return is_han(c) || c == U'?' || c == 0xFFFD; }

// Code point that ends at byte `end` (exclusive), or 0.
char32_t previous_char(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  std::size_t start = end - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && end - start < 4) --start;
  std::size_t i = start;
  return utf8::next(text, i);
}

bool is_latin(char32_t c) { return (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z'); }

// A mark inside a Latin word (A(yíng)I) is never an ordinary parenthesis.
bool splits_word(std::string_view text, std::size_t begin, std::size_t end) {
  if (end >= text.size() || !is_latin(previous_char(text, begin))) return false;
  std::size_t i = end;
  return is_latin(utf8::next(text, i));
}

}  // namespace

std::size_t pinyin_mark_end(std::string_view text, std::size_t at) noexcept {
  std::size_t i = at;
  const char32_t open = utf8::next(text, i);
  if (open != U'(' && open != U'（') return at;
  std::size_t letters = 0;
  bool marked = false;
  while (i < text.size() && letters <= 40) {
    const std::size_t here = i;
    const char32_t c = utf8::next(text, i);
    if (c == U')' || c == U'）') {
      if (letters == 0 || !marked || here == at + 1) return at;
      return i;
    }
    if (c >= U'a' && c <= U'z') {
      ++letters;
    } else if (is_marked_vowel(c)) {
      ++letters;
      marked = true;
    } else if (c == U' ' || c == U'\'' || c == U'-' || c == U'’') {
      // syllable separators
    } else {
      return at;
    }
  }
  return at;
}

// Returns the end of "syllables)" at `at` (a mark missing its '('), or `at`.
static std::size_t headless_mark_end(std::string_view text, std::size_t at) noexcept {
  std::size_t i = at, letters = 0;
  bool marked = false;
  while (i < text.size() && letters <= 12) {
    const char32_t c = utf8::next(text, i);
    if (c == U')' || c == U'）') return letters > 0 && marked ? i : at;
    if (c >= U'a' && c <= U'z') ++letters;
    else if (is_marked_vowel(c)) ++letters, marked = true;
    else return at;
  }
  return at;
}

StepResult remove_pinyin(std::string_view text) {
  // Marks start at '(', '（' (EF BC 88) or a '?' that swallowed the '(';
  // none of these is ever inside another character, so memchr-speed
  // searches find every place to look at, and the rest is never read.
  constexpr std::string_view kWideOpen = "\xEF\xBC\x88";
  std::vector<LocalChange> changes = take_change_list();
  // The next of each at or after i (npos: none left).
  std::size_t paren = text.find('('), question = text.find('?'), wide = text.find(kWideOpen);
  for (std::size_t i = 0;;) {
    if (paren != std::string_view::npos && paren < i) paren = text.find('(', i);
    if (question != std::string_view::npos && question < i) question = text.find('?', i);
    if (wide != std::string_view::npos && wide < i) wide = text.find(kWideOpen, i);
    i = std::min({paren, question, wide});
    if (i == std::string_view::npos) break;
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == '?') {  // "?qū)": a mark whose '(' was swallowed with a lost byte
      const std::size_t end = headless_mark_end(text, i + 1);
      if (end != i + 1) {
        changes.push_back({CleanStep::Pinyin, "removed", i + 1, end, "", "lost parenthesis"});
        i = end;
        continue;
      }
      ++i;
      continue;
    }
    const std::size_t end = pinyin_mark_end(text, i);
    if (end == i || !(is_host(previous_char(text, i)) || splits_word(text, i, end))) {
      ++i;
      continue;
    }
    changes.push_back({CleanStep::Pinyin, "removed", i, end, ""});
    i = end;
  }
  return apply_changes(text, std::move(changes));
}

}  // namespace kg::ingest
