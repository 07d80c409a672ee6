// GraphML 1.0 written by hand rather than with boost::write_graphml: Boost
// escapes only five characters, numbers its ids by position and names keys
// d0, d1, ... (Gephi reads d3 and d7 as its own columns). Here every key has
// a "k_" id, node and edge ids are the graph's stable ids, and every string
// passes through sanitize_text first.
#include <algorithm>
#include <ostream>
#include <string>

#include "export/evidence_pick.hpp"
#include "export/sanitize.hpp"
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

void data(std::string& out, const char* key, std::string_view raw_value) {
  out += "      <data key=\"";
  out += key;
  out += "\">";
  out += output::xml_escape(output::sanitize_text(raw_value));
  out += "</data>\n";
}

// Aliases are '|'-joined, so a '|' inside one becomes the full-width '｜'.
std::string joined_aliases(const Entity& e) {
  std::string out;
  for (const std::string& alias : e.aliases) {
    if (!out.empty()) out += '|';
    for (char c : alias) {
      if (c == '|')
        out += "｜";
      else
        out += c;
    }
  }
  return out;
}

void write_header(std::ostream& out) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
         "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
         "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const KeySpec& k : kKeys)
    out << "  <key id=\"" << k.id << "\" for=\"" << k.domain << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
  out << "  <graph id=\"G\" edgedefault=\"directed\">\n";
}

void write_node(std::string& out, const std::string& id, const Entity& e) {
  out += "    <node id=\"" + id + "\">\n";
  data(out, "k_label", e.name);
  data(out, "k_type", to_string(e.type));
  if (e.type == EntityType::Place && e.level != PlaceLevel::None) data(out, "k_level", to_string(e.level));
  data(out, "k_aliases", joined_aliases(e));
  data(out, "k_mentions", std::to_string(e.mentions.size()));
  data(out, "k_documents", std::to_string(e.documents.size()));
  if (!e.code.empty()) data(out, "k_code", e.code);
  out += "    </node>\n";
}

void write_edge(std::string& out, const std::string& id, const std::string& source, const std::string& target,
                const Relation& r) {
  out += "    <edge id=\"" + id + "\" source=\"" + source + "\" target=\"" + target + "\">\n";
  data(out, "k_edge_type", to_string(r.type));
  data(out, "k_weight", output::format_double(r.weight));
  if (const Evidence* best = output::representative_evidence(r)) {
    data(out, "k_evidence", best->text);
    data(out, "k_document", best->document);
    if (!best->trigger.empty()) data(out, "k_trigger", best->trigger);
    data(out, "k_confidence", output::format_double(best->confidence));
  }
  if (!r.role.empty()) data(out, "k_role", r.role);
  data(out, "k_evidence_count", std::to_string(r.evidence.size()));
  out += "    </edge>\n";
}

}  // namespace

void write_graphml(const Graph& graph, std::ostream& out) {
  const graph::View& view = graph::view_of(graph);
  write_header(out);
  std::string buffer;
  const auto flush_if_large = [&] {
    if (buffer.size() < (1u << 16)) return;
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  for (auto v : boost::make_iterator_range(boost::vertices(view.bgl))) {
    write_node(buffer, view.node_ids[v], view.bgl[v]);
    flush_if_large();
  }
  for (std::size_t i = 0; i < view.edges.size(); ++i) {
    const auto& e = view.edges[i];
    write_edge(buffer, view.edge_ids[i], view.node_ids[boost::source(e, view.bgl)],
               view.node_ids[boost::target(e, view.bgl)], view.bgl[e]);
    flush_if_large();
  }
  buffer += "  </graph>\n</graphml>\n";
  out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
}

}  // namespace kg
