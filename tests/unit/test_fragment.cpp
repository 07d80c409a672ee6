// Fragments: one extraction a line, whole graphs as lines, and merging
// shards in any grouping giving byte-identical files.
#include <catch2/catch.hpp>

#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../consumers/sample_extractions.hpp"
#include "export/chunked.hpp"
#include "export/text_out.hpp"
#include "kg/error.hpp"
#include "kg/fragment.hpp"
#include "kg/writers.hpp"
#include "written.hpp"

using namespace kg;
using namespace kg::testing;

namespace {

std::string fragment_of(const DocumentExtraction& x) {
  std::ostringstream out;
  write_fragment(x, out);
  return out.str();
}

std::string graph_fragments_of(const Graph& g) {
  std::ostringstream out;
  write_graph_fragments(g, out);
  return out.str();
}

Graph read(const std::string& text, const std::string& origin = "test.jsonl") {
  std::istringstream in(text);
  return read_fragments(in, origin);
}

Graph graph_of(const std::vector<DocumentExtraction>& docs) {
  Graph g;
  for (const auto& d : docs) g.add(d);
  return g;
}

std::string error_of(const std::string& text) {
  try {
    read(text, "shard-7.jsonl");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::Format);
    return e.what();
  }
  FAIL("no error for: " << text);
  return {};
}

}  // namespace

TEST_CASE("write_fragment writes one line holding every field") {
  const DocumentExtraction x = second_document();
  const std::string line = fragment_of(x);
  REQUIRE(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const auto j = nlohmann::json::parse(line);
  CHECK(j.at("kind") == "document");
  CHECK(j.at("document") == "doc-b");
  CHECK(j.at("bytes") == 900);
  CHECK(j.at("sentences") == 4);
  CHECK(j.at("entities").size() == x.entities.size());
  CHECK(j.at("relations").size() == x.relations.size());
  const auto& mention = j.at("entities").at(0).at("mentions").at(0);
  for (const char* field :
       {"document", "sentence", "byte_begin", "byte_end", "char_begin", "char_end", "surface", "type"})
    CHECK(mention.contains(field));
  const auto& ev = j.at("relations").at(0).at("evidence").at(0);
  for (const char* field : {"document", "sentence", "text", "byte_begin", "byte_end", "char_begin",
                            "char_end", "trigger", "confidence"})
    CHECK(ev.contains(field));
}

TEST_CASE("a document fragment reads back to the same graph") {
  for (const DocumentExtraction& x : sample_documents()) {
    CAPTURE(x.document);
    const Graph direct = graph_of({x});
    const Graph via_fragment = read(fragment_of(x));
    CHECK(graphml_of(via_fragment) == graphml_of(direct));
    CHECK(jsonld_of(via_fragment) == jsonld_of(direct));
  }
}

TEST_CASE("control characters and emoji survive a fragment exactly") {
  const DocumentExtraction x = first_document();
  DocumentExtraction y = x;
  kg::insert_sorted(y.entities[0].aliases, "杭\x01州🚀");
  y.relations[0].evidence[0].text = "tab\there\x1b[0m \"quoted\" 臺灣";
  const Graph g = read(fragment_of(y));
  const Entity* hz = g.find("杭\x01州🚀");
  REQUIRE(hz != nullptr);
  CHECK(hz->name == kHangzhou);
  bool found = false;
  for (const Relation& r : g.relations())
    for (const Evidence& e : r.evidence) found |= e.text == "tab\there\x1b[0m \"quoted\" 臺灣";
  CHECK(found);
}

TEST_CASE("a graph written as fragments reads back to the same graph") {
  const Graph g = graph_of(sample_documents());
  const std::string lines = graph_fragments_of(g);
  const Graph back = read(lines);
  CHECK(back.document_count() == g.document_count());
  CHECK(back.node_count() == g.node_count());
  CHECK(back.edge_count() == g.edge_count());
  CHECK(graphml_of(back) == graphml_of(g));
  CHECK(jsonld_of(back) == jsonld_of(g));
  CHECK(graph_fragments_of(back) == lines);  // a fixed point
  CHECK(nlohmann::json::parse(lines.substr(0, lines.find('\n'))).at("kind") == "graph");
}

TEST_CASE("merging fragments of shards in any grouping gives byte-identical files") {
  const auto docs = sample_documents();
  const Graph all = graph_of(docs);
  const std::string graphml = graphml_of(all);
  const std::string jsonld = jsonld_of(all);

  SECTION("all document fragments in one stream, in reverse") {
    std::string lines;
    for (auto it = docs.rbegin(); it != docs.rend(); ++it) lines += fragment_of(*it);
    const Graph g = read(lines);
    CHECK(graphml_of(g) == graphml);
    CHECK(jsonld_of(g) == jsonld);
  }
  SECTION("((a b) c): a merged shard written as a graph, then merged with c") {
    const Graph ab = read(fragment_of(docs[0]) + fragment_of(docs[1]));
    const Graph g = read(graph_fragments_of(ab) + fragment_of(docs[2]));
    CHECK(graphml_of(g) == graphml);
    CHECK(jsonld_of(g) == jsonld);
  }
  SECTION("(a (c b)): merged graphs of merged graphs") {
    const Graph cb = read(fragment_of(docs[2]) + fragment_of(docs[1]));
    const Graph a = read(fragment_of(docs[0]));
    const Graph g = read(graph_fragments_of(cb) + graph_fragments_of(a));
    CHECK(graphml_of(g) == graphml);
    CHECK(jsonld_of(g) == jsonld);
  }
  SECTION("(b) (a) (c) merged with Graph::merge after a round trip each") {
    Graph g;
    for (std::size_t i : {1, 0, 2}) g.merge(read(graph_fragments_of(graph_of({docs[i]}))));
    CHECK(graphml_of(g) == graphml);
    CHECK(jsonld_of(g) == jsonld);
  }
  SECTION("a relation whose end is only in another shard survives the round trip") {
    DocumentExtraction place;
    place.document = "doc-d";
    place.entities = {entity("doc-d", "不存在的地方", EntityType::Place, {"不存在的地方"})};
    const Graph direct = graph_of({docs[0], docs[1], docs[2], place});
    const Graph shard = read(graph_fragments_of(graph_of({docs[1]})));  // holds the dangling relation
    const Graph g =
        read(graph_fragments_of(shard) + fragment_of(place) + fragment_of(docs[0]) + fragment_of(docs[2]));
    CHECK(graphml_of(g) == graphml_of(direct));
    CHECK(direct.edge_count() == all.edge_count() + 1);
  }
}

TEST_CASE("blank lines are skipped; an empty stream is an empty graph") {
  CHECK(read("").node_count() == 0);
  const Graph g = read("\n" + fragment_of(first_document()) + "  \n\n");
  CHECK(g.node_count() == first_document().entities.size());
}

TEST_CASE("bad lines are Format errors naming the origin and the line") {
  const std::string good = fragment_of(first_document());
  const auto [text, problem] = GENERATE_REF(table<std::string, std::string>({
      {"not json\n", "not JSON"},
      {"[1,2]\n", "not an object"},
      {"{\"document\":\"x\"}\n", "missing field \"kind\""},
      {"{\"kind\":\"shard\"}\n", "unknown kind \"shard\""},
      {"{\"kind\":\"document\"}\n", "missing field \"document\""},
      {"{\"kind\":\"document\",\"document\":\"x\",\"entities\":[{\"name\":\"甲\",\"type\":\"Thing\"}]}\n",
       "unknown entity type \"Thing\""},
      {"{\"kind\":\"document\",\"document\":\"x\",\"entities\":{}}\n", "\"entities\" is not an array"},
      {"{\"kind\":\"document\",\"document\":\"x\",\"bytes\":-3}\n",
       "\"bytes\" is not a non-negative integer"},
      {"{\"kind\":\"edge\",\"head\":\"a\",\"type\":\"likes\",\"tail\":\"b\"}\n",
       "unknown relation type \"likes\""},
      {"{\"kind\":\"node\",\"name\":\"a\",\"level_votes\":{\"galaxy\":1}}\n",
       "unknown place level \"galaxy\""},
  }));
  CAPTURE(text);
  const std::string message = error_of(good + text);
  CHECK(message.find("shard-7.jsonl:2:") == 0);
  CHECK(message.find(problem) != std::string::npos);
}

namespace {

// Twelve documents relating the same pair, so that small bounds cut the samples.
std::vector<DocumentExtraction> repeated_documents() {
  std::vector<DocumentExtraction> docs;
  for (int i = 0; i < 12; ++i) {
    const std::string id = "r" + std::to_string(10 + i);
    DocumentExtraction x;
    x.document = id;
    x.entities = {entity(id, kFirm, EntityType::Firm, {kFirm, kFirm}),
                  entity(id, kHangzhou, EntityType::Place, {kHangzhou}, PlaceLevel::City, "330100")};
    x.relations = {relation(
        kFirm, EntityType::Firm, RelationType::LocatedIn, kHangzhou, EntityType::Place,
        {evidence(id, 2, "总部设在杭州，第" + std::to_string(i) + "篇。", "设在", i % 4 == 1 ? 0.9 : 0.7)})};
    docs.push_back(x);
  }
  return docs;
}

}  // namespace

TEST_CASE("bounded graphs merged from fragments of shards equal the graph built at once") {
  const GraphOptions options{.max_evidence = 2, .max_mentions = 3, .max_documents = 2};
  const auto docs = repeated_documents();
  Graph all(options);
  for (const auto& d : docs) all.add(d);
  const std::string graphml = graphml_of(all);
  const std::string jsonld = jsonld_of(all);
  CHECK(count(jsonld, "\"@type\":\"kg:Evidence\"") == 2);
  CHECK(jsonld.find("\"evidenceCount\":12") != std::string::npos);

  // Shards of 5, 4 and 3 documents, each written as a graph, read back in reverse.
  std::string lines;
  for (const auto& [begin, end] : {std::pair{9, 12}, std::pair{5, 9}, std::pair{0, 5}}) {
    Graph shard(options);
    for (int i = begin; i < end; ++i) shard.add(docs[static_cast<std::size_t>(i)]);
    lines += graph_fragments_of(shard);
  }
  std::istringstream in(lines);
  const Graph merged = read_fragments(in, "shards.jsonl", options);
  CHECK(graphml_of(merged) == graphml);
  CHECK(jsonld_of(merged) == jsonld);
  CHECK(graph_fragments_of(merged) == graph_fragments_of(all));
}

TEST_CASE("graph lines carry counts; a version 1 line without them counts what it lists") {
  const auto docs = repeated_documents();
  Graph g(GraphOptions{.max_evidence = 1, .max_mentions = 1, .max_documents = 1});
  for (const auto& d : docs) g.add(d);
  const std::string lines = graph_fragments_of(g);
  CHECK(lines.find("\"mention_count\":24") != std::string::npos);
  CHECK(lines.find("\"document_count\":12") != std::string::npos);
  CHECK(lines.find("\"evidence_count\":12") != std::string::npos);

  const std::string old_node =
      R"({"kind":"node","name":"甲","type_votes":{"Firm":2},"level_votes":{},"codes":[],"aliases":["甲"],)"
      R"("documents":["x","y"],"mentions":[{"document":"x","sentence":0,"surface":"甲","type":"Firm"},)"
      R"({"document":"y","sentence":0,"surface":"甲","type":"Firm"}]})"
      "\n";
  const Graph back = read(old_node);
  REQUIRE(back.find("甲") != nullptr);
  CHECK(back.find("甲")->mention_count == 2);
  CHECK(back.find("甲")->document_count == 2);
}

TEST_CASE("write_fragment appends exactly what building the line with nlohmann gives") {
  std::vector<DocumentExtraction> docs = sample_documents();
  DocumentExtraction odd = docs.front();
  odd.document = "odd \"id\"\\ \x01\x1f\x7f";
  odd.attributes = {{"title", "标题\t\n\r\b\f"},
                    {"bad", "x\xE4\xB8 \xFF y \xED\xA0\x80 \xC0\xAF"},
                    {"k\"ey\x02", "emoji \xF0\x9F\x98\x80 nonchar \xEF\xBF\xBF \xF4\x8F\xBF\xBF"},
                    {"", ""}};
  odd.cleaning = {{"nfkc", 3}, {"\xFE", 0}};
  odd.bytes = std::numeric_limits<std::size_t>::max();
  for (Relation& r : odd.relations) {
    r.weight = 0.1 + 0.2;
    for (Evidence& e : r.evidence) e.confidence = 1e-7;
  }
  if (!odd.relations.empty()) odd.relations.front().weight = std::numeric_limits<double>::quiet_NaN();
  if (!odd.entities.empty()) odd.entities.front().mentions.front().surface = "\xE0\x80\x80 overlong";
  docs.push_back(odd);
  docs.push_back(DocumentExtraction{});
  for (const DocumentExtraction& x : docs) {
    std::ostringstream reference;
    output::write_fragment_with_nlohmann(x, reference);
    CHECK(fragment_of(x) == reference.str());
  }
}

TEST_CASE("write_graph_fragments appends exactly what building the lines with nlohmann gives") {
  std::vector<DocumentExtraction> docs = sample_documents();
  DocumentExtraction odd = docs.front();
  odd.document = "odd \"id\"\\ \x01\x1f\x7f \xFF";
  for (Entity& e : odd.entities) {
    kg::insert_sorted(e.aliases, "别名\t\"" + e.name + "\"\\");
    e.code = e.code.empty() ? "" : e.code + "\x02";
    for (MentionRef& m : e.mentions) m.surface += "\xE0\x80\x80";
  }
  for (Relation& r : odd.relations) {
    r.weight = 0.1 + 0.2;
    r.role = "职位\n";
    for (Evidence& e : r.evidence) {
      e.confidence = 1e-7;
      e.text = e.text.str() + " \xED\xA0\x80";
      e.trigger = "\"";
    }
  }
  docs.push_back(odd);

  std::vector<Graph> graphs;
  graphs.push_back(graph_of(sample_documents()));
  graphs.push_back(graph_of(docs));
  Graph bounded(GraphOptions{.max_evidence = 3, .max_mentions = 2, .max_documents = 2});
  for (const auto& d : repeated_documents()) bounded.add(d);
  graphs.push_back(std::move(bounded));
  graphs.emplace_back();
  Graph moved = graph_of(sample_documents());
  Graph taker = std::move(moved);
  graphs.push_back(std::move(moved));  // NOLINT: a moved-from graph has no state
  for (const Graph& g : graphs) {
    std::ostringstream reference;
    output::write_graph_fragments_with_nlohmann(g, reference);
    CHECK(graph_fragments_of(g) == reference.str());
  }
  CHECK(graph_fragments_of(graphs[2]).find("\"evidence\":[{") != std::string::npos);
}

TEST_CASE("write_graph_fragments writes the same bytes on any number of threads") {
  Graph g;
  for (int i = 0; i < 80; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    const std::string firm = "公司\"" + std::to_string(i) + "\"";
    const std::string person = "人物" + std::to_string(i % 30);
    DocumentExtraction x;
    x.document = id;
    x.entities = {entity(id, firm, EntityType::Firm, {firm}),
                  entity(id, person, EntityType::Person, {person})};
    x.relations = {relation(person, EntityType::Person, RelationType::WorksFor, firm, EntityType::Firm,
                            {evidence(id, 2, person + "任职于" + firm + "。", "任职", 0.5 + 0.005 * i)},
                            "董事")};
    g.add(x);
  }
  REQUIRE(g.node_count() + g.edge_count() > 4 * output::items_per_chunk(g.node_count() + g.edge_count(), 2));
  std::vector<Graph> graphs;
  graphs.push_back(std::move(g));
  graphs.emplace_back();
  for (const Graph& graph : graphs) {
    const std::string serial = graph_fragments_of(graph);
    for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
      INFO("threads " << threads);
      std::ostringstream out;
      write_graph_fragments(graph, out, WriteOptions{.threads = threads});
      CHECK(out.str() == serial);
    }
    std::ostringstream reference;
    output::write_graph_fragments_with_nlohmann(graph, reference);
    CHECK(serial == reference.str());
  }
}
