// Writes the sample graph for the consumer checks: OUT_DIR/graph.graphml,
// OUT_DIR/graph.jsonld, and OUT_DIR/expected.json, which says what the
// consumers should find (nodes, edges, ids, sanitised labels) as the
// library itself sees it.
#include <fstream>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "export/sanitize.hpp"
#include "kg/error.hpp"
#include "kg/graph.hpp"
#include "kg/writers.hpp"
#include "sample_extractions.hpp"

namespace {

nlohmann::ordered_json expected_of(const kg::Graph& g) {
  using Json = nlohmann::ordered_json;
  Json nodes = Json::array();
  for (const kg::Entity& e : g.entities()) {
    Json aliases = Json::array();
    for (const auto& a : e.aliases) aliases.push_back(kg::output::sanitize_text(a));
    nodes.push_back({{"id", g.node_id_of(e.name)},
                     {"label", kg::output::sanitize_text(e.name)},
                     {"type", std::string(kg::to_string(e.type))},
                     {"level", std::string(kg::to_string(e.level))},
                     {"aliases", aliases},
                     {"mentions", e.mention_count},
                     {"documents", e.document_count}});
  }
  Json edges = Json::array();
  for (const kg::Relation& r : g.relations())
    edges.push_back({{"source", g.node_id_of(r.head)},
                     {"target", g.node_id_of(r.tail)},
                     {"type", std::string(kg::to_string(r.type))},
                     {"weight", r.weight},
                     {"role", kg::output::sanitize_text(r.role)},
                     {"evidence_count", r.evidence_count}});
  return {{"nodes", nodes}, {"edges", edges}};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kg_make_graph OUT_DIR\n";
    return 2;
  }
  try {
    const std::string dir = argv[1];
    kg::Graph graph;
    for (const auto& doc : kg::testing::sample_documents()) graph.add(doc);
    kg::write_file(graph, dir + "/graph.graphml");
    kg::write_file(graph, dir + "/graph.jsonld");
    std::ofstream out(dir + "/expected.json", std::ios::binary);
    out << expected_of(graph).dump(1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    if (!out) throw kg::Error(kg::ErrorCode::Io, dir + "/expected.json: cannot write");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "kg_make_graph: error: " << e.what() << '\n';
    return 1;
  }
}
