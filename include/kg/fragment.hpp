// kg/fragment.hpp - per-document graph fragments as JSON Lines, for
// map-reduce: `kg extract` (the map) writes one DocumentExtraction a line;
// `kg merge` (the reduce) reads fragments and whole graphs back and merges
// them. Merging is associative and deterministic, so shards may be merged in
// any grouping and give the same graph.
//
//   kg::write_fragment(pipeline.extract(doc), std::cout);   // one line
//   kg::Graph g = kg::read_fragments(std::cin, "-");
//
// Thread-safety: the functions share no state.
#pragma once

#include <iosfwd>
#include <string>

#include "kg/extraction.hpp"
#include "kg/graph.hpp"

namespace kg {

// Writes one extraction as a single JSON line (ends with '\n').
void write_fragment(const DocumentExtraction& extraction, std::ostream& out);

// Writes a whole graph as JSON Lines fragments (one line per node group), so
// a merged graph can be merged again.
void write_graph_fragments(const Graph& graph, std::ostream& out);

// Reads JSON Lines fragments (either kind) and returns their merged graph.
// Throws kg::Error (Format) naming `origin` and the line for a bad line.
Graph read_fragments(std::istream& in, const std::string& origin);

}  // namespace kg
