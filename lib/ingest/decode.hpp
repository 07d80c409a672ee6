// Decoding: original bytes -> UTF-8 with a map back to the bytes.
// Internal: not installed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/clean_text.hpp"

namespace kg::ingest {

struct Decoded {
  std::string text;      // UTF-8, newlines normalised to '\n', controls dropped
  OffsetMap map;         // text bytes -> original bytes, with original char starts
  std::string encoding;  // "UTF-8", "UTF-16LE", "GB18030", "Big5", ...
  std::size_t replaced = 0;  // invalid sequences replaced by U+FFFD
  std::size_t controls = 0;  // control characters dropped (many mean binary data)
  std::size_t chars = 0;     // characters decoded
  std::vector<std::string> warnings;
};

// Detects the encoding (or uses `forced`, an ICU converter name) and decodes.
// `html_hint` lets a <meta charset> decide between legacy encodings.
// Throws kg::Error (Encoding) naming `id` when a forced encoding is unknown
// or cannot decode the bytes.
Decoded decode(std::string_view bytes, const std::string& forced, const std::string& id);

// Tells whether bytes are well-formed UTF-8.
bool is_valid_utf8(std::string_view bytes) noexcept;

}  // namespace kg::ingest
