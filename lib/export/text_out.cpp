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

}  // namespace

TextOut::TextOut(std::ostream& out) : out_(out) {
  buffer_.reserve(kFlushAt + kFlushAt / 4);
}

TextOut& TextOut::raw(std::string_view text) {
  buffer_.append(text);
  return *this;
}

TextOut& TextOut::xml_text(std::string_view text) {
  // Clean text (nearly all) is escaped straight into the buffer; only text
  // with something to remove goes through sanitize_text's copy.
  if (clean_prefix_length(text) == text.size()) {
    append_xml_escaped(text);
  } else {
    append_xml_escaped(sanitize_text(text));
  }
  return *this;
}

void TextOut::append_xml_escaped(std::string_view clean) {
  std::size_t run = 0;  // start of the bytes not yet appended
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char* entity = nullptr;
    switch (clean[i]) {
      case '&': entity = "&amp;"; break;
      case '<': entity = "&lt;"; break;
      case '>': entity = "&gt;"; break;
      case '"': entity = "&quot;"; break;
      case '\'': entity = "&apos;"; break;
      case '\r': entity = "&#13;"; break;
      default: continue;
    }
    buffer_.append(clean.substr(run, i - run));
    buffer_ += entity;
    run = i + 1;
  }
  buffer_.append(clean.substr(run));
}

TextOut& TextOut::json_string(std::string_view text) {
  buffer_ += '"';
  if (clean_prefix_length(text) == text.size()) {
    append_json_escaped(text);
  } else {
    append_json_escaped(sanitize_text(text));
  }
  buffer_ += '"';
  return *this;
}

void TextOut::append_json_escaped(std::string_view clean) {
  std::size_t run = 0;
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char* escape = nullptr;
    switch (clean[i]) {
      case '"': escape = "\\\""; break;
      case '\\': escape = "\\\\"; break;
      case '\n': escape = "\\n"; break;
      case '\r': escape = "\\r"; break;
      case '\t': escape = "\\t"; break;
      default: continue;  // sanitised text has no other control characters
    }
    buffer_.append(clean.substr(run, i - run));
    buffer_ += escape;
    run = i + 1;
  }
  buffer_.append(clean.substr(run));
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
