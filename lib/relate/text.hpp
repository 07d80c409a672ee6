// Small text helpers for the relation patterns: punctuation classes and
// trimming over UTF-8 string_views. Not installed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "common/utf8.hpp"

namespace kg::relate {

// Byte-wise prefix, suffix and substring tests for the short words of the
// patterns. In Chinese text nearly every character starts with one of a few
// lead bytes, so memchr-then-memcmp (std::string_view::find, starts_with)
// stops at almost every character; comparing byte by byte, inline, rejects
// on the second or third byte.
inline bool same_bytes(const char* a, std::string_view w) noexcept {
  for (std::size_t i = 0; i < w.size(); ++i)
    if (a[i] != w[i]) return false;
  return true;
}

inline bool has_prefix(std::string_view s, std::string_view w) noexcept {
  return s.size() >= w.size() && same_bytes(s.data(), w);
}

inline bool has_suffix(std::string_view s, std::string_view w) noexcept {
  return s.size() >= w.size() && same_bytes(s.data() + (s.size() - w.size()), w);
}

// Tells whether `w` occurs in `s` (at any byte, as std::string_view::find).
inline bool contains(std::string_view s, std::string_view w) noexcept {
  if (w.empty()) return true;
  for (std::size_t i = 0; i + w.size() <= s.size(); ++i)
    if (s[i] == w[0] && same_bytes(s.data() + i, w)) return true;
  return false;
}

// The first three bytes of `w` (at least three long) as one number: with
// key3("字") as case labels, a switch tells Chinese characters apart.
constexpr std::uint32_t key3(std::string_view w) noexcept {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(w[0])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(w[1])) << 8 | static_cast<unsigned char>(w[2]);
}

// A byte inside a UTF-8 sequence: no UTF-8 word starts there.
inline bool is_continuation_byte(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// The bytes from `at` to the next place of `s` where a UTF-8 word may
// start: a whole three-byte character at once (most of Chinese text), else
// one byte (a continuation byte is then skipped by the caller's test).
inline std::size_t step_at(std::string_view s, std::size_t at) noexcept {
  const auto lead = static_cast<unsigned char>(s[at]);
  return (lead >> 4) == 0xE && at + 2 < s.size() && is_continuation_byte(s[at + 1]) &&
                 is_continuation_byte(s[at + 2])
             ? 3
             : 1;
}

// Tells whether any of `words` (UTF-8) occurs in `s`, in one pass.
inline bool contains_any(std::string_view s, std::span<const std::string_view> words) noexcept {
  for (std::size_t at = 0; at < s.size(); at += step_at(s, at)) {
    if (is_continuation_byte(s[at])) continue;
    for (std::string_view w : words)
      if (w.size() <= s.size() - at && same_bytes(s.data() + at, w)) return true;
  }
  return false;
}

// Tells whether `s` has more than `n` code points (utf8::length(s) > n),
// counting no further than needed.
inline bool longer_than(std::string_view s, std::size_t n) noexcept {
  if (s.size() <= n) return false;
  if (s.size() > 4 * n) return true;  // no sequence is longer than 4 bytes
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size(); i += utf8::sequence_length(static_cast<unsigned char>(s[i])))
    if (++count > n) return true;
  return false;
}

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

// Tells whether the character at byte `i` of `s` is a 3-byte one that
// cannot be a clause break (breaks are ASCII, U+3002 or U+FF01..U+FF1F, led
// by 0xE3 and 0xEF): most of Chinese text, skipped without decoding.
inline bool plain_cjk_at(std::string_view s, std::size_t i) noexcept {
  const auto lead = static_cast<unsigned char>(s[i]);
  return lead >= 0xE4 && lead <= 0xEE && i + 3 <= s.size();
}

// Returns where the run of plain CJK characters (plain_cjk_at) starting at
// byte `i` ends: a scan for clause breaks passes over it at once.
inline std::size_t skip_plain_cjk(std::string_view s, std::size_t i) noexcept {
  const auto* bytes = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t whole = s.size() >= 3 ? s.size() - 2 : 0;  // i < whole: i + 3 <= size
  while (i < whole && static_cast<unsigned>(bytes[i] - 0xE4) <= 0xEE - 0xE4) i += 3;
  return i;
}

// Tells whether `s` contains a clause break.
inline bool has_clause_break(std::string_view s) noexcept {
  for (std::size_t i = 0; i < s.size();) {
    i = skip_plain_cjk(s, i);
    if (i >= s.size()) break;
    if (is_clause_break(utf8::next(s, i))) return true;
  }
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

// Tells whether `s` starts and ends with a character led by a byte from
// 0xE4 up (the bulk of Chinese text): no space or quote mark is (their
// leads are ASCII, 0xC2, 0xE2 and 0xE3), so there is nothing to trim, and
// most texts are told so without decoding.
inline bool nothing_to_trim(std::string_view s) noexcept {
  const std::size_t n = s.size();
  return n >= 3 && static_cast<unsigned char>(s[0]) >= 0xE4 && static_cast<unsigned char>(s[n - 3]) >= 0xE4 &&
         is_continuation_byte(s[n - 2]) && is_continuation_byte(s[n - 1]);
}

inline std::string_view trim_space(std::string_view s) noexcept {
  if (nothing_to_trim(s)) return s;
  return trim_if(s, [](char32_t c) { return is_space(c); });
}

inline std::string_view trim_space_quotes(std::string_view s) noexcept {
  if (nothing_to_trim(s)) return s;
  return trim_if(s, [](char32_t c) { return is_space(c) || is_quote(c); });
}

// Removes the first word of `words` that `s` starts with (longest first
// is the caller's duty); returns true when one was removed.
inline bool strip_prefix(std::string_view& s, std::initializer_list<std::string_view> words) noexcept {
  for (std::string_view w : words)
    if (has_prefix(s, w)) {
      s.remove_prefix(w.size());
      return true;
    }
  return false;
}

inline bool strip_suffix(std::string_view& s, std::initializer_list<std::string_view> words) noexcept {
  for (std::string_view w : words)
    if (has_suffix(s, w)) {
      s.remove_suffix(w.size());
      return true;
    }
  return false;
}

}  // namespace kg::relate
