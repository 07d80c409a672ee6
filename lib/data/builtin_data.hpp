// The data/*.tsv files compiled into the library (see cmake/embed_data.cmake).
#pragma once

#include <span>
#include <string_view>

namespace kg::data {

struct BuiltinFile {
  std::string_view name;     // file name in data/, e.g. "places.tsv"
  std::string_view content;  // the whole file
};

// Returns every built-in data file, sorted by name.
std::span<const BuiltinFile> builtin_files() noexcept;

// Returns the content of one built-in file; empty when there is none.
inline std::string_view builtin_file(std::string_view name) noexcept {
  for (const BuiltinFile& f : builtin_files())
    if (f.name == name) return f.content;
  return {};
}

}  // namespace kg::data
