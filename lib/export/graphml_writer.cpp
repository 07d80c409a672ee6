// GraphML 1.0 written by hand rather than with boost::write_graphml: Boost
// escapes only five characters, numbers its ids by position and names keys
// d0, d1, ... (Gephi reads d3 and d7 as its own columns). Here every key has
// a "k_" id, node and edge ids are the graph's stable ids, and every string
// passes through sanitize_text first. Written straight from the graph's
// merge state into one reused buffer: no per-node copies.
#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "export/chunked.hpp"
#include "export/sanitize.hpp"
#include "export/text_out.hpp"
#include "graph/graph_impl.hpp"
#include "kg/writers.hpp"

namespace kg {
namespace {

struct KeySpec {
  const char* id;
  const char* domain;  // "node" or "edge"
  const char* name;
  const char* type;
};

// The contract's keys first, then the ones this library adds.
constexpr KeySpec kKeys[] = {
    {"k_label", "node", "label", "string"},
    {"k_type", "node", "type", "string"},
    {"k_level", "node", "level", "string"},
    {"k_aliases", "node", "aliases", "string"},
    {"k_mentions", "node", "mentions", "int"},
    {"k_documents", "node", "documents", "int"},
    {"k_code", "node", "code", "string"},
    {"k_edge_type", "edge", "type", "string"},
    {"k_weight", "edge", "weight", "double"},
    {"k_evidence", "edge", "evidence", "string"},
    {"k_document", "edge", "document", "string"},
    {"k_role", "edge", "role", "string"},
    {"k_evidence_count", "edge", "evidence_count", "int"},
    {"k_trigger", "edge", "trigger", "string"},
    {"k_confidence", "edge", "confidence", "double"},
};

template <std::size_t N>
void data(output::TextOut& out, const char (&key)[N], std::string_view raw_value) {
  out.raw("      <data key=\"").raw(key).raw("\">").xml_text(raw_value).raw("</data>\n");
}

template <std::size_t N>
void count(output::TextOut& out, const char (&key)[N], std::uint64_t value) {
  out.raw("      <data key=\"").raw(key).raw("\">").integer(value).raw("</data>\n");
}

template <std::size_t N>
void real(output::TextOut& out, const char (&key)[N], double value) {
  out.raw("      <data key=\"").raw(key).raw("\">").plain_double(value).raw("</data>\n");
}

void id(output::TextOut& out, char prefix, const graph::StableId& stable) {
  out.commit(graph::write_id(out.claim(graph::StableId::kMaxSize), prefix, stable));
}

// Aliases are '|'-joined, so a '|' inside one becomes the full-width '｜'.
void join_aliases(const std::vector<std::string>& aliases, std::string& out) {
  out.clear();
  for (const std::string& alias : aliases) {
    if (!out.empty()) out += '|';
    if (alias.find('|') == std::string::npos) {
      out += alias;
      continue;
    }
    for (char c : alias) {
      if (c == '|')
        out += "｜";
      else
        out += c;
    }
  }
}

void write_header(output::TextOut& out) {
  out.raw(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
  for (const KeySpec& k : kKeys)
    out.raw("  <key id=\"")
        .raw(k.id)
        .raw("\" for=\"")
        .raw(k.domain)
        .raw("\" attr.name=\"")
        .raw(k.name)
        .raw("\" attr.type=\"")
        .raw(k.type)
        .raw("\"/>\n");
  out.raw("  <graph id=\"G\" edgedefault=\"directed\">\n");
}

void write_node(output::TextOut& out, const Graph::Impl& impl, const graph::View& view, std::uint32_t p,
                std::string& scratch) {
  const graph::NodeState& node = impl.nodes[view.nodes[p]];
  out.raw("    <node id=\"");
  id(out, 'n', view.node_ids[p]);
  out.raw("\">\n");
  data(out, "k_label", impl.names.name(view.nodes[p]));
  data(out, "k_type", to_string(view.types[p]));
  if (view.levels[p] != PlaceLevel::None) data(out, "k_level", to_string(view.levels[p]));
  join_aliases(node.aliases, scratch);
  data(out, "k_aliases", scratch);
  count(out, "k_mentions", node.mention_count);
  count(out, "k_documents", node.document_count);
  if (!node.code.empty()) data(out, "k_code", node.code);
  out.raw("    </node>\n");
}

void write_edge(output::TextOut& out, const Graph::Impl& impl, const graph::View& view, std::size_t i) {
  const graph::View::Edge& edge = view.edges[i];
  const graph::EdgeState& state = impl.edges[edge.index];
  out.raw("    <edge id=\"");
  id(out, 'e', view.edge_ids[i]);
  out.raw("\" source=\"");
  id(out, 'n', view.node_ids[edge.source]);
  out.raw("\" target=\"");
  id(out, 'n', view.node_ids[edge.target]);
  out.raw("\">\n");
  data(out, "k_edge_type", to_string(state.type));
  real(out, "k_weight", graph::from_micro(state.weight_micro));
  // The kept evidence is best first: the most confident, the earliest among equals.
  const auto kept = impl.edges.evidence(state);
  if (!kept.empty()) {
    const graph::StoredEvidence& best = kept.front();
    data(out, "k_evidence", impl.evidence.text(best.text));
    data(out, "k_document", impl.evidence.text(best.document));
    if (!impl.evidence.text(best.trigger).empty()) data(out, "k_trigger", impl.evidence.text(best.trigger));
    real(out, "k_confidence", best.confidence);
  }
  if (state.roles != graph::RoleSets::kNone) data(out, "k_role", impl.roles.joined(state.roles));
  count(out, "k_evidence_count", state.evidence_count);
  out.raw("    </edge>\n");
}

}  // namespace

void write_graphml(const Graph& graph, std::ostream& stream) {
  write_graphml(graph, stream, WriteOptions{});
}

void write_graphml(const Graph& graph, std::ostream& stream, const WriteOptions& options) {
  const Graph::Impl& impl = graph::impl_of(graph);
  const graph::View& view = impl.view();
  {
    output::TextOut out(stream);
    write_header(out);
    out.finish();
  }
  // Items are the nodes, then the edges, each formatted alone.
  const std::size_t node_count = view.nodes.size();
  output::write_chunked(stream, node_count + view.edges.size(), options.threads,
                        [&](output::TextOut& out, std::size_t begin, std::size_t end) {
                          std::string scratch;
                          for (std::size_t i = begin; i < end; ++i) {
                            if (i < node_count)
                              write_node(out, impl, view, static_cast<std::uint32_t>(i), scratch);
                            else
                              write_edge(out, impl, view, i - node_count);
                            out.flush_if_large();
                          }
                        });
  constexpr std::string_view kFooter = "  </graph>\n</graphml>\n";
  stream.write(kFooter.data(), static_cast<std::streamsize>(kFooter.size()));
}

}  // namespace kg
