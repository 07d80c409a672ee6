// The search behind propagation: every occurrence of a few names (the
// surfaces rules found once in a document) in the document's text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::recognize {

struct Occurrence {
  std::size_t begin, end;
  std::uint32_t pattern;  // index in names
};

// Appends every occurrence of every name (at any byte where the name's bytes
// are, as a substring search would find it) to out, in no particular order.
// Names must be distinct and not empty.
void find_occurrences(std::string_view text, const std::vector<std::string_view>& names,
                      std::vector<Occurrence>& out);

// The same search looking up names at every character start of the text;
// find_occurrences uses it when a name does not suit its faster walk.
// Exposed so tests can compare the two.
void find_occurrences_at_every_start(std::string_view text, const std::vector<std::string_view>& names,
                                     std::vector<Occurrence>& out);

}  // namespace kg::recognize
