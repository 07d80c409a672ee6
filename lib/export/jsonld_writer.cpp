// JSON-LD 1.1: an inline @context that defines every term (so jsonld.js in
// safe mode accepts the file), then an @graph of entity nodes followed by
// one kg:Assertion node per relation. The @graph is written one item a
// line, so large graphs stream and diffs stay readable: each item straight
// from the graph's merge state (nlohmann builds only the small context).
#include <algorithm>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/chunked.hpp"
#include "export/schema_types.hpp"
#include "export/text_out.hpp"
#include "graph/graph_impl.hpp"
#include "kg/writers.hpp"

namespace kg {
namespace {

using Json = nlohmann::ordered_json;

// The project's own vocabulary and the namespace of node and edge ids;
// both documented in docs/output-formats.md and never to change.
constexpr const char* kVocab = "https://kg.example.org/vocab#";
constexpr const char* kIds = "https://kg.example.org/id/";

Json typed(const char* id, const char* type) {
  return Json{{"@id", id}, {"@type", type}};
}

Json context() {
  Json c;
  c["@version"] = 1.1;
  c["schema"] = "https://schema.org/";
  c["kg"] = kVocab;
  c["kgid"] = kIds;
  c["xsd"] = "http://www.w3.org/2001/XMLSchema#";
  c["name"] = "schema:name";
  c["alternateName"] = "schema:alternateName";
  c["level"] = "kg:level";
  c["code"] = "kg:divisionCode";
  c["mentionCount"] = typed("kg:mentionCount", "xsd:integer");
  c["documentCount"] = typed("kg:documentCount", "xsd:integer");
  c["document"] = "kg:document";
  for (int t = 0; t <= static_cast<int>(RelationType::CoOccurs); ++t) {
    const std::string name(to_string(static_cast<RelationType>(t)));
    c[name] = typed(("kg:" + name).c_str(), "@id");
  }
  c["subject"] = typed("kg:subject", "@id");
  c["predicate"] = typed("kg:predicate", "@id");
  c["object"] = typed("kg:object", "@id");
  c["weight"] = typed("kg:weight", "xsd:double");
  c["role"] = "kg:role";
  c["evidenceCount"] = typed("kg:evidenceCount", "xsd:integer");
  c["evidence"] = Json{{"@id", "kg:evidence"}, {"@container", "@set"}};
  c["sentence"] = typed("kg:sentence", "xsd:integer");
  c["text"] = "kg:text";
  c["byteStart"] = typed("kg:byteStart", "xsd:integer");
  c["byteEnd"] = typed("kg:byteEnd", "xsd:integer");
  c["charStart"] = typed("kg:charStart", "xsd:integer");
  c["charEnd"] = typed("kg:charEnd", "xsd:integer");
  c["trigger"] = "kg:trigger";
  c["confidence"] = typed("kg:confidence", "xsd:double");
  return c;
}

std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_context(output::TextOut& out) {
  out.raw("{\n\"@context\": {");
  const char* term_separator = "\n  ";
  const Json terms = context();
  for (const auto& [term, definition] : terms.items()) {
    out.raw(term_separator).raw(Json(term).dump()).raw(": ").raw(dump(definition));
    term_separator = ",\n  ";
  }
  out.raw("\n},\n\"@graph\": [");
}

void write_ids(output::TextOut& out, char prefix, const graph::StableId& id) {
  out.raw("\"kgid:");
  out.commit(graph::write_id(out.claim(graph::StableId::kMaxSize), prefix, id));
  out.raw("\"");
}

// The direct triples of a node: relation term -> object ids, in the
// graph's edge order (a node's outgoing edges are contiguous there and
// grouped by relation); coOccurs is left to its assertion node.
void write_direct_triples(output::TextOut& out, const Graph::Impl& impl, const graph::View& view,
                          std::uint32_t p) {
  bool open = false;
  RelationType current = RelationType::CoOccurs;
  for (std::uint32_t i = view.first_edge[p]; i < view.end_edge[p]; ++i) {
    const graph::View::Edge& edge = view.edges[i];
    const RelationType type = impl.edges[edge.index].type;
    if (type == RelationType::CoOccurs) continue;
    if (!open || type != current) {
      if (open) out.raw("]");
      out.raw(",\"").raw(to_string(type)).raw("\":[");
      open = true;
      current = type;
    } else {
      out.raw(",");
    }
    write_ids(out, 'n', view.node_ids[edge.target]);
  }
  if (open) out.raw("]");
}

void write_entity(output::TextOut& out, const Graph::Impl& impl, const graph::View& view, std::uint32_t p) {
  const graph::NodeState& node = impl.nodes[view.nodes[p]];
  const std::string& name = impl.names.name(view.nodes[p]);
  const EntityType type = view.types[p];
  out.raw("{\"@id\":");
  write_ids(out, 'n', view.node_ids[p]);
  out.raw(",\"@type\":[");
  for (const std::string& t : output::schema_types(type, name, output::has_book_title_alias(node.aliases)))
    out.raw("\"").raw(t).raw("\",");
  out.raw("\"kg:").raw(to_string(type)).raw("\"],\"name\":").json_string(name);
  bool any_alias = false;
  for (const std::string& alias : node.aliases) {
    if (alias == name) continue;
    out.raw(any_alias ? "," : ",\"alternateName\":[").json_string(alias);
    any_alias = true;
  }
  if (any_alias) out.raw("]");
  if (view.levels[p] != PlaceLevel::None) out.raw(",\"level\":\"").raw(to_string(view.levels[p])).raw("\"");
  if (!node.code.empty()) out.raw(",\"code\":").json_string(node.code);
  out.raw(",\"mentionCount\":").integer(node.mention_count);
  out.raw(",\"documentCount\":").integer(node.document_count);
  if (!node.documents.empty()) {
    const char* separator = ",\"document\":[";
    for (const std::string& d : node.documents) {
      out.raw(separator).json_string(d);
      separator = ",";
    }
    out.raw("]");
  }
  write_direct_triples(out, impl, view, p);
  out.raw("}");
}

void write_evidence(output::TextOut& out, const graph::EvidenceStore& store,
                    const graph::StoredEvidence& ev) {
  const graph::Position at = store.position(ev);
  out.raw("{\"@type\":\"kg:Evidence\",\"document\":").json_string(store.text(ev.document));
  out.raw(",\"sentence\":").integer(at.sentence);
  out.raw(",\"text\":").json_string(store.text(ev.text));
  out.raw(",\"byteStart\":").integer(at.byte_begin);
  out.raw(",\"byteEnd\":").integer(at.byte_end);
  out.raw(",\"charStart\":").integer(at.char_begin);
  out.raw(",\"charEnd\":").integer(at.char_end);
  if (!store.text(ev.trigger).empty()) out.raw(",\"trigger\":").json_string(store.text(ev.trigger));
  out.raw(",\"confidence\":").json_double(ev.confidence);
  out.raw("}");
}

void write_assertion(output::TextOut& out, const Graph::Impl& impl, const graph::View& view, std::size_t i,
                     std::vector<const graph::StoredEvidence*>& listed) {
  const graph::View::Edge& edge = view.edges[i];
  const graph::EdgeState& state = impl.edges[edge.index];
  out.raw("{\"@id\":");
  write_ids(out, 'e', view.edge_ids[i]);
  out.raw(",\"@type\":\"kg:Assertion\",\"subject\":");
  write_ids(out, 'n', view.node_ids[edge.source]);
  out.raw(",\"predicate\":\"kg:").raw(to_string(state.type)).raw("\",\"object\":");
  write_ids(out, 'n', view.node_ids[edge.target]);
  out.raw(",\"weight\":").json_double(graph::from_micro(state.weight_micro));
  if (state.roles != graph::RoleSets::kNone)
    out.raw(",\"role\":").json_string(impl.roles.joined(state.roles));
  out.raw(",\"evidenceCount\":").integer(state.evidence_count);
  // Kept best first; listed in document order.
  impl.listed_evidence(state, listed);
  if (!listed.empty()) {
    const char* separator = ",\"evidence\":[";
    for (const graph::StoredEvidence* ev : listed) {
      out.raw(std::string_view(separator));
      write_evidence(out, impl.evidence, *ev);
      separator = ",";
    }
    out.raw("]");
  }
  out.raw("}");
}

}  // namespace

void write_jsonld(const Graph& graph, std::ostream& stream) {
  write_jsonld(graph, stream, WriteOptions{});
}

void write_jsonld(const Graph& graph, std::ostream& stream, const WriteOptions& options) {
  const Graph::Impl& impl = graph::impl_of(graph);
  const graph::View& view = impl.view();
  {
    output::TextOut out(stream);
    write_context(out);
    out.finish();
  }
  // Items are the entity nodes, then the assertions, each formatted alone
  // on a line of its own.
  const std::size_t node_count = view.nodes.size();
  output::write_chunked(stream, node_count + view.edges.size(), options.threads,
                        [&](output::TextOut& out, std::size_t begin, std::size_t end) {
                          std::vector<const graph::StoredEvidence*> listed;
                          for (std::size_t i = begin; i < end; ++i) {
                            out.raw(i == 0 ? std::string_view("\n") : std::string_view(",\n"));
                            if (i < node_count)
                              write_entity(out, impl, view, static_cast<std::uint32_t>(i));
                            else
                              write_assertion(out, impl, view, i - node_count, listed);
                            out.flush_if_large();
                          }
                        });
  constexpr std::string_view kEnd = "\n]\n}\n";
  stream.write(kEnd.data(), static_cast<std::streamsize>(kEnd.size()));
}

}  // namespace kg
