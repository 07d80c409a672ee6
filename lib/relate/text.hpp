// Small text helpers for the relation patterns: punctuation classes and
// trimming over UTF-8 string_views. Not installed.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "common/utf8.hpp"

namespace kg::relate {

// Marks that end a clause: after them a new subject may start.
inline bool is_clause_break(char32_t c) noexcept {
  switch (c) {
    case U'，': case U',': case U'；': case U';': case U'。': case U'！': case U'？':
    case U'!': case U'?': case U'：': case U':': case U'\n':
      return true;
    default:
      return false;
  }
}

// Marks that separate the items of an enumeration.
inline bool is_list_mark(char32_t c) noexcept { return c == U'、' || c == U'/'; }

inline bool is_space(char32_t c) noexcept {
  return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' || c == U'·' || c == U'•';
}

inline bool is_quote(char32_t c) noexcept {
  switch (c) {
    case U'“': case U'”': case U'‘': case U'’': case U'"': case U'\'': case U'「': case U'」':
    case U'『': case U'』': case U'《': case U'》': case U'〈': case U'〉':
      return true;
    default:
      return false;
  }
}

// Tells whether `s` contains a clause break.
inline bool has_clause_break(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();)
    if (is_clause_break(utf8::next(s, i))) return true;
  return false;
}

// Returns the last code point of non-empty UTF-8 and its byte offset.
inline char32_t last_char(std::string_view s, std::size_t* at = nullptr) noexcept {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  if (at) *at = i;
  std::size_t j = i;
  return s.empty() ? U'\0' : utf8::next(s, j);
}

// Drops leading and trailing code points for which `pred` holds.
template <typename Pred>
std::string_view trim_if(std::string_view s, Pred pred) noexcept {
  while (!s.empty()) {
    std::size_t i = 0;
    if (!pred(utf8::next(s, i))) break;
    s.remove_prefix(i);
  }
  while (!s.empty()) {
    std::size_t at = 0;
    if (!pred(last_char(s, &at))) break;
    s = s.substr(0, at);
  }
  return s;
}

inline std::string_view trim_space(std::string_view s) noexcept {
  return trim_if(s, [](char32_t c) { return is_space(c); });
}

inline std::string_view trim_space_quotes(std::string_view s) noexcept {
  return trim_if(s, [](char32_t c) { return is_space(c) || is_quote(c); });
}

// Removes the first word of `words` that `s` starts with (longest first
// is the caller's duty); returns true when one was removed.
inline bool strip_prefix(std::string_view& s, std::initializer_list<std::string_view> words) noexcept {
  for (std::string_view w : words)
    if (s.starts_with(w)) {
      s.remove_prefix(w.size());
      return true;
    }
  return false;
}

inline bool strip_suffix(std::string_view& s, std::initializer_list<std::string_view> words) noexcept {
  for (std::string_view w : words)
    if (s.ends_with(w)) {
      s.remove_suffix(w.size());
      return true;
    }
  return false;
}

}  // namespace kg::relate
