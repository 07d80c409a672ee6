#include "export/sanitize.hpp"

#include <charconv>
#include <cmath>

#include "common/utf8.hpp"

namespace kg::output {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char b) noexcept {
  return (b & 0xC0) == 0x80;
}

// Decodes one strictly valid UTF-8 sequence at `i` (no overlongs, no
// surrogates, nothing above U+10FFFF); returns its length, 0 when invalid.
std::size_t valid_sequence(std::string_view s, std::size_t i, char32_t& cp) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  const std::size_t n = utf8::sequence_length(b0);
  if (n == 1) {
    cp = b0;
    return b0 < 0x80 ? 1 : 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if (!is_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
  std::size_t j = i;
  cp = utf8::next(s, j);
  static constexpr char32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool is_forbidden(char32_t cp) noexcept {
  if (cp < 0x20) return cp != '\t' && cp != '\n' && cp != '\r';
  if (cp >= 0x7F && cp <= 0x9F) return true;  // DEL and C1 controls
  if (cp >= 0xFDD0 && cp <= 0xFDEF) return true;
  return (cp & 0xFFFE) == 0xFFFE;  // U+FFFE, U+FFFF and their copies in every plane
}

}  // namespace

std::size_t clean_prefix_length(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F) {  // printable ASCII: the common case, decided at once
      ++i;
      continue;
    }
    if ((b & 0xF0) == 0xE0 && i + 3 <= text.size()) {  // the BMP: all of CJK
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      const auto b2 = static_cast<unsigned char>(text[i + 2]);
      if (is_continuation(b1) && is_continuation(b2)) {
        const char32_t bmp = ((b & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
        if (bmp >= 0x800 && (bmp < 0xD800 || bmp > 0xDFFF) && !is_forbidden(bmp)) {
          i += 3;
          continue;
        }
      }
    }
    char32_t cp = 0;
    const std::size_t n = valid_sequence(text, i, cp);
    if (n == 0 || is_forbidden(cp)) return i;
    i += n;
  }
  return i;
}

std::string sanitize_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    const std::size_t n = valid_sequence(text, i, cp);
    if (n == 0) {
      utf8::append(out, kReplacement);
      ++i;
      continue;
    }
    if (!is_forbidden(cp)) out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\r':
        out += "&#13;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string format_double(double value) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value > 0 ? "INF" : "-INF");
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string out(buffer, result.ptr);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

}  // namespace kg::output
