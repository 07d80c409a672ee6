// A buffered writer for the streaming exporters. Internal: not installed.
//
// The writers build each file piece by piece into one reused buffer and
// hand it to the stream in large blocks; strings are sanitised and escaped
// as they are appended, without a temporary string per value. Appends are
// plain copies into the buffer (literals have their length known at compile
// time); text is escaped in one pass that copies runs needing no escape
// whole, and only text with something to remove takes the slow path
// through sanitize_text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

namespace kg {
struct DocumentExtraction;
class Graph;
}  // namespace kg

namespace kg::output {

class TextOut {
 public:
  explicit TextOut(std::ostream& out);
  // Collects everything in memory (never flushes): read it with contents().
  TextOut();
  TextOut(const TextOut&) = delete;
  TextOut& operator=(const TextOut&) = delete;

  // Appends bytes as they are (markup, ids, literals).
  TextOut& raw(std::string_view text) {
    char* at = claim(text.size());
    std::memcpy(at, text.data(), text.size());
    used_ += text.size();
    return *this;
  }
  template <std::size_t N>
  TextOut& raw(const char (&literal)[N]) {
    return raw(std::string_view(literal, N - 1));
  }
  // Appends text sanitised (see sanitize_text) and escaped for XML (see xml_escape).
  TextOut& xml_text(std::string_view text);
  // Appends text sanitised and written as a quoted JSON string, escaped
  // exactly as nlohmann::json dumps it (UTF-8 kept, \t \n \r \" \\).
  TextOut& json_string(std::string_view text);
  TextOut& integer(std::uint64_t value);
  // Appends a double as format_double writes it ("2.0", "0.75").
  TextOut& plain_double(double value);
  // Appends a double as nlohmann::json dumps it ("1.0", "0.75", "1e-05").
  TextOut& json_double(double value);

  // Returns room for `n` more bytes; write them, then call commit(end).
  char* claim(std::size_t n) {
    if (capacity_ - used_ < n) make_room(n);
    return buffer_.get() + used_;
  }
  void commit(char* end) noexcept { used_ = static_cast<std::size_t>(end - buffer_.get()); }

  // Hands the buffer to the stream once it is large; call between items.
  void flush_if_large() {
    if (used_ >= kFlushAt && out_ != nullptr) finish();
  }
  // Hands everything left to the stream (nothing without one).
  void finish();

  // What is buffered and not yet handed to a stream (all of it in memory).
  std::string_view contents() const noexcept { return {buffer_.get(), used_}; }
  // Forgets the buffered bytes, keeping the buffer.
  void clear() noexcept { used_ = 0; }

  static constexpr std::size_t kFlushAt = std::size_t{1} << 16;

 private:
  void make_room(std::size_t n);
  // Escape `text` into the buffer if it is clean; false (nothing kept) if not.
  bool try_xml_escaped(std::string_view text);
  bool try_json_escaped(std::string_view text);
  void append_xml_escaped(std::string_view clean);
  void append_json_escaped(std::string_view clean);

  std::ostream* out_;  // null: collected in memory
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;
  std::size_t used_ = 0;
  // Formatted doubles by bit pattern, direct-mapped: confidences repeat.
  struct CachedDouble {
    std::uint64_t bits = 0;
    std::uint8_t size = 0;  // 0: empty (a formatted double is never empty)
    char text[31];
  };
  template <typename Format>
  TextOut& cached_double(double value, CachedDouble* cache, Format format);
  static constexpr std::size_t kCachedDoubles = 16;
  std::unique_ptr<CachedDouble[]> plain_cache_;
  std::unique_ptr<CachedDouble[]> json_cache_;
};

// Returns how format_double writes `value`; fast for whole numbers.
std::string plain_double_text(double value);

// Returns how nlohmann::json dumps `value`; fast for whole numbers, which
// weights usually are. (Exposed so that a test checks both paths agree.)
std::string json_double_text(double value);

// Writes a document fragment by building it as an nlohmann object: what
// kg::write_fragment, which appends the same bytes by hand, is tested against.
void write_fragment_with_nlohmann(const DocumentExtraction& extraction, std::ostream& out);

// Writes a graph's fragment lines built as nlohmann objects: what
// kg::write_graph_fragments, which appends the same bytes by hand, is tested against.
void write_graph_fragments_with_nlohmann(const Graph& graph, std::ostream& out);

}  // namespace kg::output
