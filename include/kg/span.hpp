// kg/span.hpp - where a piece of text came from.
//
// Every span the library reports carries byte offsets into the original file
// (for slicing the file and quoting evidence) and character offsets (code
// points of the decoded original, for users in other languages and tools
// that count characters). `ByteSpan` is a half-open byte range inside one
// string; `SourceSpan` is the same range expressed in the original file.
//
//   kg::SourceSpan s = clean.offsets.to_source(m.begin, m.end);
//   std::string quote = raw.bytes.substr(s.byte_begin, s.byte_end - s.byte_begin);
//
// Thread-safety: plain value types.
#pragma once

#include <cstddef>

namespace kg {

// A half-open byte range [begin, end) inside one string.
struct ByteSpan {
  std::size_t begin = 0;
  std::size_t end = 0;

  // Returns the number of bytes covered.
  std::size_t size() const noexcept { return end - begin; }
  friend bool operator==(const ByteSpan& a, const ByteSpan& b) noexcept {
    return a.begin == b.begin && a.end == b.end;
  }
};

// A half-open range in the original file, in bytes and in characters.
struct SourceSpan {
  std::size_t byte_begin = 0;
  std::size_t byte_end = 0;
  std::size_t char_begin = 0;  // code points of the decoded original file
  std::size_t char_end = 0;

  friend bool operator==(const SourceSpan& a, const SourceSpan& b) noexcept {
    return a.byte_begin == b.byte_begin && a.byte_end == b.byte_end &&
           a.char_begin == b.char_begin && a.char_end == b.char_end;
  }
};

}  // namespace kg
