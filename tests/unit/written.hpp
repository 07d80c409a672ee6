// A graph written to a string, for tests that compare or search the output
// of the writers.
#pragma once

#include <cstddef>
#include <sstream>
#include <string>

#include "kg/graph.hpp"
#include "kg/writers.hpp"

namespace kg::testing {

inline std::string graphml_of(const Graph& g) {
  std::ostringstream out;
  write_graphml(g, out);
  return out.str();
}

inline std::string jsonld_of(const Graph& g) {
  std::ostringstream out;
  write_jsonld(g, out);
  return out.str();
}

// Occurrences of `needle` in `haystack`, overlapping ones included.
inline std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (auto i = haystack.find(needle); i != std::string::npos; i = haystack.find(needle, i + 1)) ++n;
  return n;
}

}  // namespace kg::testing
