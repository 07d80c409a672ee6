#include "export/text_out.hpp"

#include <bit>
#include <charconv>
#include <cmath>
#include <ostream>

#include <nlohmann/json.hpp>

#include "export/sanitize.hpp"

namespace kg::output {
namespace {

constexpr std::size_t kFlushAt = 1u << 16;

// Plain printable ASCII needs neither sanitising nor (for most of it) escaping.
bool is_plain_ascii(unsigned char c) noexcept {
  return c >= 0x20 && c < 0x7F;
}

}  // namespace

TextOut::TextOut(std::ostream& out) : out_(out) {
  buffer_.reserve(kFlushAt + kFlushAt / 4);
}

TextOut& TextOut::raw(std::string_view text) {
  buffer_.append(text);
  return *this;
}

TextOut& TextOut::xml_text(std::string_view text) {
  // Sanitising only changes text with a control or a non-ASCII byte;
  // multibyte text (all of Chinese) takes the full path.
  bool plain = true;
  for (unsigned char c : text)
    if (!is_plain_ascii(c)) {
      plain = false;
      break;
    }
  if (plain) {
    for (char c : text) {
      switch (c) {
        case '&': buffer_ += "&amp;"; break;
        case '<': buffer_ += "&lt;"; break;
        case '>': buffer_ += "&gt;"; break;
        case '"': buffer_ += "&quot;"; break;
        case '\'': buffer_ += "&apos;"; break;
        default: buffer_ += c;
      }
    }
    return *this;
  }
  buffer_ += xml_escape(sanitize_text(text));
  return *this;
}

TextOut& TextOut::json_string(std::string_view text) {
  const std::string clean = sanitize_text(text);
  buffer_ += '"';
  for (char c : clean) {
    switch (c) {
      case '"': buffer_ += "\\\""; break;
      case '\\': buffer_ += "\\\\"; break;
      case '\n': buffer_ += "\\n"; break;
      case '\r': buffer_ += "\\r"; break;
      case '\t': buffer_ += "\\t"; break;
      default: buffer_ += c;  // sanitised text has no other control characters
    }
  }
  buffer_ += '"';
  return *this;
}

TextOut& TextOut::integer(std::uint64_t value) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, value);
  buffer_.append(digits, result.ptr);
  return *this;
}

TextOut& TextOut::json_double(double value) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  auto it = doubles_.find(bits);
  if (it == doubles_.end()) {
    it = doubles_.emplace(bits, nlohmann::json(value).dump()).first;
    if (doubles_.size() > 4096) {  // weights rarely repeat: keep the cache small
      std::string text = std::move(it->second);
      doubles_.clear();
      buffer_ += text;
      return *this;
    }
  }
  buffer_ += it->second;
  return *this;
}

void TextOut::flush_if_large() {
  if (buffer_.size() >= kFlushAt) finish();
}

void TextOut::finish() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

}  // namespace kg::output
