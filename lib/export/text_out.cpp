#include "export/text_out.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <ostream>

#include <nlohmann/json.hpp>

#include "export/sanitize.hpp"

namespace kg::output {
namespace {

// What an ASCII byte needs in clean text: copied as is, escaped, or
// (controls that sanitize_text removes) a sign that the text is not clean.
enum class Ascii : unsigned char { Plain, Escape, Unclean };

constexpr std::array<Ascii, 128> ascii_table(std::string_view escaped) {
  std::array<Ascii, 128> table{};
  for (std::size_t b = 0; b < 128; ++b)
    table[b] = (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F ? Ascii::Unclean : Ascii::Plain;
  for (char c : escaped) table[static_cast<unsigned char>(c)] = Ascii::Escape;
  return table;
}

constexpr auto kXml = ascii_table("&<>\"'\r");
constexpr auto kJson = ascii_table("\"\\\n\r\t");

const char* xml_entity(unsigned char c) noexcept {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\'':
      return "&apos;";
    default:
      return "&#13;";  // '\r'
  }
}

const char* json_escape(unsigned char c) noexcept {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    default:
      return "\\t";
  }
}

// Returns the length of the valid UTF-8 sequence of two to four bytes at
// `p` if sanitize_text keeps it as it is (not overlong, no surrogate, no
// C1 control, no noncharacter); 0 otherwise.
std::size_t clean_sequence(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned b0 = p[0];
  const auto continuation = [](unsigned b) { return (b & 0xC0) == 0x80; };
  if (b0 >= 0xE0 && b0 < 0xF0) {  // the BMP beyond U+07FF: all of CJK
    if (end - p < 3 || !continuation(p[1]) || !continuation(p[2])) return 0;
    const unsigned cp = ((b0 & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    if (cp >= 0xFDD0 && (cp <= 0xFDEF || (cp & 0xFFFE) == 0xFFFE)) return 0;
    return 3;
  }
  if (b0 >= 0xC2 && b0 < 0xE0) {
    if (end - p < 2 || !continuation(p[1])) return 0;
    const unsigned cp = ((b0 & 0x1F) << 6) | (p[1] & 0x3Fu);
    return cp <= 0x9F ? 0 : 2;  // U+0080..U+009F: C1 controls
  }
  if (b0 >= 0xF0 && b0 < 0xF5) {
    if (end - p < 4 || !continuation(p[1]) || !continuation(p[2]) || !continuation(p[3])) return 0;
    const unsigned cp = ((b0 & 0x07) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
    if (cp < 0x10000 || cp > 0x10FFFF || (cp & 0xFFFE) == 0xFFFE) return 0;
    return 4;
  }
  return 0;
}

// Copies clean `text` to `out`, each byte the table marks Escape replaced
// by escape(byte); returns the end, or nullptr when the text is not clean.
// `out` has room for six bytes per byte of text.
template <typename Escape>
char* escape_clean(std::string_view text, const std::array<Ascii, 128>& table, Escape escape,
                   char* out) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = p + text.size();
  const auto* run = p;  // the bytes from `run` to `p` are to be copied as they are
  while (p < end) {
    const unsigned b = *p;
    if (b < 0x80) {
      const Ascii what = table[b];
      if (what == Ascii::Plain) {
        ++p;
        continue;
      }
      if (what == Ascii::Unclean) return nullptr;
      std::memcpy(out, run, static_cast<std::size_t>(p - run));
      out += p - run;
      const char* replacement = escape(static_cast<unsigned char>(b));
      const std::size_t n = std::strlen(replacement);
      std::memcpy(out, replacement, n);
      out += n;
      run = ++p;
      continue;
    }
    const std::size_t n = clean_sequence(p, end);
    if (n == 0) return nullptr;
    p += n;
  }
  std::memcpy(out, run, static_cast<std::size_t>(end - run));
  return out + (end - run);
}

constexpr std::size_t kMaxEscape = 6;  // "&quot;"

}  // namespace

TextOut::TextOut(std::ostream& out) : TextOut() {
  out_ = &out;
}

TextOut::TextOut()
    : out_(nullptr),
      plain_cache_(std::make_unique<CachedDouble[]>(kCachedDoubles)),
      json_cache_(std::make_unique<CachedDouble[]>(kCachedDoubles)) {
  capacity_ = kFlushAt + kFlushAt / 2;
  buffer_ = std::make_unique<char[]>(capacity_);
}

void TextOut::make_room(std::size_t n) {
  if (out_ == nullptr) {  // in memory: grow, keeping what is there
    const std::size_t capacity = std::max(2 * capacity_, used_ + n);
    auto larger = std::make_unique<char[]>(capacity);
    std::memcpy(larger.get(), buffer_.get(), used_);
    buffer_ = std::move(larger);
    capacity_ = capacity;
    return;
  }
  finish();
  if (n > capacity_) {
    capacity_ = n;
    buffer_ = std::make_unique<char[]>(capacity_);
  }
}

TextOut& TextOut::xml_text(std::string_view text) {
  // Clean text (nearly all) is escaped straight into the buffer in one pass;
  // only text with something to remove goes through sanitize_text's copy.
  if (!try_xml_escaped(text)) append_xml_escaped(sanitize_text(text));
  return *this;
}

bool TextOut::try_xml_escaped(std::string_view text) {
  char* at = claim(kMaxEscape * text.size());
  char* end = escape_clean(text, kXml, xml_entity, at);
  if (end == nullptr) return false;
  commit(end);
  return true;
}

void TextOut::append_xml_escaped(std::string_view clean) {
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const auto c = static_cast<unsigned char>(clean[i]);
    if (c >= 0x80 || kXml[c] != Ascii::Escape) continue;
    raw(clean.substr(run, i - run));
    raw(std::string_view(xml_entity(c)));
    run = i + 1;
  }
  raw(clean.substr(run));
}

TextOut& TextOut::json_string(std::string_view text) {
  raw("\"");
  if (!try_json_escaped(text)) append_json_escaped(sanitize_text(text));
  return raw("\"");
}

bool TextOut::try_json_escaped(std::string_view text) {
  char* at = claim(kMaxEscape * text.size());
  char* end = escape_clean(text, kJson, json_escape, at);
  if (end == nullptr) return false;
  commit(end);
  return true;
}

void TextOut::append_json_escaped(std::string_view clean) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const auto c = static_cast<unsigned char>(clean[i]);
    // Sanitised text has no control characters other than \t \n \r.
    if (c >= 0x80 || kJson[c] != Ascii::Escape) continue;
    raw(clean.substr(run, i - run));
    raw(std::string_view(json_escape(c)));
    run = i + 1;
  }
  raw(clean.substr(run));
}

TextOut& TextOut::integer(std::uint64_t value) {
  char* at = claim(24);
  commit(std::to_chars(at, at + 24, value).ptr);
  return *this;
}

template <typename Format>
TextOut& TextOut::cached_double(double value, CachedDouble* cache, Format format) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  CachedDouble& slot = cache[(bits ^ (bits >> 29) ^ (bits >> 47)) % kCachedDoubles];
  if (slot.size == 0 || slot.bits != bits) {
    const std::string text = format(value);
    if (text.size() > sizeof slot.text) return raw(text);
    slot.bits = bits;
    slot.size = static_cast<std::uint8_t>(text.size());
    std::memcpy(slot.text, text.data(), text.size());
  }
  return raw(std::string_view(slot.text, slot.size));
}

TextOut& TextOut::plain_double(double value) {
  return cached_double(value, plain_cache_.get(), plain_double_text);
}

TextOut& TextOut::json_double(double value) {
  return cached_double(value, json_cache_.get(), json_double_text);
}

void TextOut::finish() {
  if (out_ == nullptr) return;
  out_->write(buffer_.get(), static_cast<std::streamsize>(used_));
  used_ = 0;
}

std::string plain_double_text(double value) {
  // to_chars writes a whole number below 10^5 as its digits (its shortest
  // form; from 10^5 on an exponent may be shorter).
  if (value >= 1.0 && value < 1e5 && value == std::floor(value)) {
    char digits[16];
    char* end = std::to_chars(digits, digits + 8, static_cast<std::uint32_t>(value)).ptr;
    *end++ = '.';
    *end++ = '0';
    return std::string(digits, end);
  }
  return format_double(value);
}

std::string json_double_text(double value) {
  // nlohmann writes a whole number below 10^15 as its digits and ".0"
  // (its shortest form has at most 15 digits, which it never writes with
  // an exponent); checked against nlohmann by a test.
  if (value >= 1.0 && value < 1e15 && value == std::floor(value)) {
    char digits[32];
    char* end = std::to_chars(digits, digits + 24, static_cast<std::uint64_t>(value)).ptr;
    *end++ = '.';
    *end++ = '0';
    return std::string(digits, end);
  }
  return nlohmann::json(value).dump();
}

}  // namespace kg::output
