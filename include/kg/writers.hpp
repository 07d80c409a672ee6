// kg/writers.hpp - the last stage: the graph as files other tools read.
//
// GraphML for Gephi, networkx and igraph; JSON-LD for RDF tools and
// schema.org consumers; both exactly as ../shared/spec/ONTOLOGY.md specifies
// and byte-identical for the same graph. Text from scraped pages is
// sanitised (characters XML 1.0 forbids never reach the file). Every key,
// term and namespace is listed in docs/output-formats.md.
//
//   std::ofstream out("graph.graphml");
//   kg::write_graphml(graph, out);
//   kg::write_file(graph, "graph.jsonld");      // format from the extension
//
// Thread-safety: the functions read the graph only. With
// WriteOptions::threads > 1 they format the file on that many threads of
// their own; the bytes are the same for every number of threads.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "kg/graph.hpp"

namespace kg {

enum class OutputFormat { GraphML, JsonLd };

struct WriteOptions {
  // Threads that format nodes and edges (in chunks, written in order);
  // 0 or 1: the calling thread alone. The output does not depend on it.
  unsigned threads = 1;
};

// Writes GraphML 1.0 with the contract's keys (label, type, level, aliases,
// mentions, documents; edge type, weight, evidence, document, role) and
// code, evidence_count, trigger, confidence; key ids are "k_<name>".
void write_graphml(const Graph& graph, std::ostream& out);
void write_graphml(const Graph& graph, std::ostream& out, const WriteOptions& options);

// Writes a JSON-LD 1.1 document with an inline @context and an @graph array:
// entity nodes typed with schema.org classes and kg:<Type>
// (kg = https://kg.example.org/vocab#), a direct triple per relation other
// than coOccurs, and a kg:Assertion per relation holding its evidence.
void write_jsonld(const Graph& graph, std::ostream& out);
void write_jsonld(const Graph& graph, std::ostream& out, const WriteOptions& options);

// Picks the format from a file name (".graphml", ".jsonld"); throws
// kg::Error (Usage) for any other extension.
OutputFormat format_for_path(std::string_view path);

// Parses a format name ("graphml", "jsonld" or "json-ld"); throws kg::Error (Usage).
OutputFormat parse_output_format(std::string_view name);

// Writes the graph to a file atomically: to a temporary file beside it, then
// renamed, so no half-written file is ever left and a failed write leaves
// the old file as it was. Throws kg::Error (Io) naming the path, kg::Error
// (Usage) for an unknown extension.
void write_file(const Graph& graph, const std::string& path, OutputFormat format);
void write_file(const Graph& graph, const std::string& path, OutputFormat format,
                const WriteOptions& options);
void write_file(const Graph& graph, const std::string& path);

}  // namespace kg
