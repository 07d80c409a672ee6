// A buffered writer for the streaming exporters. Internal: not installed.
//
// The writers build each file piece by piece into one reused buffer and
// hand it to the stream in large blocks; strings are sanitised and escaped
// as they are appended, without a temporary string per value.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <unordered_map>

namespace kg::output {

class TextOut {
 public:
  explicit TextOut(std::ostream& out);
  TextOut(const TextOut&) = delete;
  TextOut& operator=(const TextOut&) = delete;

  // Appends bytes as they are (markup, ids, literals).
  TextOut& raw(std::string_view text);
  // Appends text sanitised (see sanitize_text) and escaped for XML (see xml_escape).
  TextOut& xml_text(std::string_view text);
  // Appends text sanitised and written as a quoted JSON string, escaped
  // exactly as nlohmann::json dumps it (UTF-8 kept, \t \n \r \" \\).
  TextOut& json_string(std::string_view text);
  TextOut& integer(std::uint64_t value);
  // Appends a double as nlohmann::json dumps it ("1.0", "0.75", "1e-05").
  TextOut& json_double(double value);

  // Hands the buffer to the stream once it is large; call between items.
  void flush_if_large();
  // Hands everything left to the stream.
  void finish();

 private:
  void append_xml_escaped(std::string_view clean);
  void append_json_escaped(std::string_view clean);

  std::ostream& out_;
  std::string buffer_;
  std::unordered_map<std::uint64_t, std::string> doubles_;  // by bit pattern: confidences repeat
};

}  // namespace kg::output
