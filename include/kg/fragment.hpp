// kg/fragment.hpp - per-document graph fragments as JSON Lines, for
// map-reduce: `kg extract` (the map) writes one DocumentExtraction a line;
// `kg merge` (the reduce) reads fragments and whole graphs back and merges
// them. Merging is associative and deterministic, so shards may be merged in
// any grouping and give the same graph. Each line is a JSON object whose
// "kind" is "document" (one extraction) or "graph", "node", "edge" (a merged
// graph's state); docs/output-formats.md describes every field.
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

struct WriteOptions;

// Writes one extraction, every field, as a single JSON line (ends with '\n').
// Strings are written exactly (invalid UTF-8 becomes U+FFFD).
void write_fragment(const DocumentExtraction& extraction, std::ostream& out);

// Writes a whole graph as JSON Lines fragments (a "graph" line with the
// document ids, then a line per node and per edge: counts and the kept
// samples), so a merged graph can be merged again and give exactly what
// merging its documents would (with the same GraphOptions).
void write_graph_fragments(const Graph& graph, std::ostream& out);
// Same bytes, the node and edge lines formatted on options.threads threads
// (WriteOptions is in kg/writers.hpp).
void write_graph_fragments(const Graph& graph, std::ostream& out, const WriteOptions& options);

// Reads JSON Lines fragments (any kinds, mixed) and returns their merged
// graph; blank lines are skipped. Throws kg::Error (Format) as
// "ORIGIN:LINE: problem" for a bad line, kg::Error (Io) when the stream fails.
Graph read_fragments(std::istream& in, const std::string& origin);
// Same, into a graph with the given bounds on kept evidence and samples.
Graph read_fragments(std::istream& in, const std::string& origin, const GraphOptions& options);

}  // namespace kg
