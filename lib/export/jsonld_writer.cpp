// JSON-LD 1.1: an inline @context that defines every term (so jsonld.js in
// safe mode accepts the file), then an @graph of entity nodes followed by
// one kg:Assertion node per relation. The @graph is written one item a
// line, so large graphs stream and diffs stay readable.
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/evidence_pick.hpp"
#include "export/sanitize.hpp"
#include "export/schema_types.hpp"
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

std::string clean(std::string_view s) {
  return output::sanitize_text(s);
}

std::string iri(const std::string& id) {
  return "kgid:" + id;
}

std::string dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Json entity_node(const graph::View& view, BglGraph::vertex_descriptor v,
                 const std::map<RelationType, std::vector<std::string>>& direct) {
  const Entity& e = view.bgl[v];
  Json node;
  node["@id"] = iri(view.node_ids[v]);
  Json types = Json::array();
  for (const std::string& t : output::schema_types(e)) types.push_back(t);
  types.push_back("kg:" + std::string(to_string(e.type)));
  node["@type"] = std::move(types);
  node["name"] = clean(e.name);
  Json aliases = Json::array();
  for (const std::string& a : e.aliases)
    if (a != e.name) aliases.push_back(clean(a));
  if (!aliases.empty()) node["alternateName"] = std::move(aliases);
  if (e.type == EntityType::Place && e.level != PlaceLevel::None) node["level"] = to_string(e.level);
  if (!e.code.empty()) node["code"] = clean(e.code);
  node["mentionCount"] = e.mentions.size();
  node["documentCount"] = e.documents.size();
  Json documents = Json::array();
  for (const std::string& d : e.documents) documents.push_back(clean(d));
  if (!documents.empty()) node["document"] = std::move(documents);
  for (const auto& [type, objects] : direct) node[std::string(to_string(type))] = objects;
  return node;
}

Json evidence_node(const Evidence& ev) {
  Json j;
  j["@type"] = "kg:Evidence";
  j["document"] = clean(ev.document);
  j["sentence"] = ev.sentence;
  j["text"] = clean(ev.text);
  j["byteStart"] = ev.source.byte_begin;
  j["byteEnd"] = ev.source.byte_end;
  j["charStart"] = ev.source.char_begin;
  j["charEnd"] = ev.source.char_end;
  if (!ev.trigger.empty()) j["trigger"] = clean(ev.trigger);
  j["confidence"] = ev.confidence;
  return j;
}

Json assertion_node(const graph::View& view, std::size_t i) {
  const auto& edge = view.edges[i];
  const Relation& r = view.bgl[edge];
  Json node;
  node["@id"] = iri(view.edge_ids[i]);
  node["@type"] = "kg:Assertion";
  node["subject"] = iri(view.node_ids[boost::source(edge, view.bgl)]);
  node["predicate"] = "kg:" + std::string(to_string(r.type));
  node["object"] = iri(view.node_ids[boost::target(edge, view.bgl)]);
  node["weight"] = r.weight;
  if (!r.role.empty()) node["role"] = clean(r.role);
  node["evidenceCount"] = r.evidence.size();
  Json evidence = Json::array();
  for (const Evidence& ev : r.evidence) evidence.push_back(evidence_node(ev));
  if (!evidence.empty()) node["evidence"] = std::move(evidence);
  return node;
}

// The direct triples of every node: relation type -> object ids, in the
// graph's edge order; coOccurs is left to its assertion node.
std::vector<std::map<RelationType, std::vector<std::string>>> direct_triples(const graph::View& view) {
  std::vector<std::map<RelationType, std::vector<std::string>>> out(boost::num_vertices(view.bgl));
  for (const auto& edge : view.edges) {
    const RelationType type = view.bgl[edge].type;
    if (type == RelationType::CoOccurs) continue;
    out[boost::source(edge, view.bgl)][type].push_back(iri(view.node_ids[boost::target(edge, view.bgl)]));
  }
  return out;
}

}  // namespace

void write_jsonld(const Graph& graph, std::ostream& out) {
  const graph::View& view = graph::view_of(graph);
  const auto direct = direct_triples(view);
  out << "{\n\"@context\": {";
  const char* term_separator = "\n  ";
  const Json terms = context();
  for (const auto& [term, definition] : terms.items()) {
    out << term_separator << Json(term).dump() << ": " << dump(definition);
    term_separator = ",\n  ";
  }
  out << "\n},\n\"@graph\": [";
  const char* separator = "\n";
  for (auto v : boost::make_iterator_range(boost::vertices(view.bgl))) {
    out << separator << dump(entity_node(view, v, direct[v]));
    separator = ",\n";
  }
  for (std::size_t i = 0; i < view.edges.size(); ++i) {
    out << separator << dump(assertion_node(view, i));
    separator = ",\n";
  }
  out << "\n]\n}\n";
}

}  // namespace kg
