// kg::Graph: merge semantics, canonical order, ids, order independence.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <thread>

#include "../consumers/sample_extractions.hpp"
#include "graph/graph_impl.hpp"
#include "kg/graph.hpp"
#include "kg/graph_bgl.hpp"

using namespace kg;
using namespace kg::testing;

namespace {

Graph graph_of(const std::vector<DocumentExtraction>& docs) {
  Graph g;
  for (const auto& d : docs) g.add(d);
  return g;
}

const Relation* find_relation(const std::vector<Relation>& rs, const std::string& head, RelationType type,
                              const std::string& tail) {
  for (const Relation& r : rs)
    if (r.head == head && r.type == type && r.tail == tail) return &r;
  return nullptr;
}

// Everything a writer could show, as one comparable string.
std::string fingerprint(const Graph& g) {
  std::string s;
  for (const Entity& e : g.entities()) {
    s += e.name + "|" + std::string(to_string(e.type)) + "|" + std::string(to_string(e.level)) + "|" +
         e.code + "|" + g.node_id_of(e.name) + "|" + std::to_string(e.mention_count) + "|" +
         std::to_string(e.document_count) + "|";
    for (const auto& a : e.aliases) s += a + ",";
    for (const auto& m : e.mentions) s += m.document + ":" + std::to_string(m.source.byte_begin) + ",";
    for (const auto& d : e.documents) s += d + ",";
    s += "\n";
  }
  for (const Relation& r : g.relations()) {
    s += r.head.str() + ">" + std::string(to_string(r.type)) + ">" + r.tail.str() + "|" + r.role.str() + "|" +
         std::to_string(r.weight) + "|" + std::to_string(r.evidence_count) + "|";
    for (const auto& ev : r.evidence)
      s += ev.document.str() + ":" + std::to_string(ev.sentence) + ":" + ev.trigger.str() + ",";
    s += "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("an empty graph has nothing and finds nothing") {
  Graph g;
  CHECK(g.node_count() == 0);
  CHECK(g.edge_count() == 0);
  CHECK(g.document_count() == 0);
  CHECK(g.entities().empty());
  CHECK(g.relations().empty());
  CHECK(g.find("杭州") == nullptr);
  CHECK(boost::num_vertices(bgl_view(g)) == 0);
}

TEST_CASE("one node per canonical name, with aliases, mentions and documents unioned") {
  const Graph g = graph_of(sample_documents());
  CHECK(g.document_count() == 3);
  CHECK(g.documents() == std::vector<std::string>{"doc-a", "doc-b", "doc-c"});
  CHECK(g.node_count() == 10);

  const Entity* hz = g.find(kHangzhou);
  REQUIRE(hz != nullptr);
  CHECK(hz->type == EntityType::Place);
  CHECK(hz->level == PlaceLevel::City);
  CHECK(hz->code == "330100");
  CHECK(hz->aliases == std::vector<std::string>{"杭州", "杭州市"});
  CHECK(hz->mentions.size() == 4);
  CHECK(hz->mention_count == 4);
  CHECK(hz->documents == std::vector<std::string>{"doc-a", "doc-b", "doc-c"});
  CHECK(hz->document_count == 3);
  CHECK(std::is_sorted(hz->mentions.begin(), hz->mentions.end(), graph::MentionLess{}));

  const Entity* firm = g.find(kFirm);
  REQUIRE(firm != nullptr);
  CHECK(firm->mentions.size() == 3);
  CHECK(std::binary_search(firm->aliases.begin(), firm->aliases.end(), "星河智能"));
}

TEST_CASE("find looks names up by canonical name and by alias") {
  const Graph g = graph_of(sample_documents());
  SECTION("alias in traditional script") {
    const Entity* e = g.find("浙江大學");
    REQUIRE(e != nullptr);
    CHECK(e->name == kUniversity);
  }
  SECTION("abbreviation") {
    REQUIRE(g.find("浙大") != nullptr);
    CHECK(g.find("浙大")->name == kUniversity);
  }
  SECTION("administrative suffix") {
    REQUIRE(g.find("浙江省") != nullptr);
    CHECK(g.find("浙江省")->name == kZhejiang);
  }
  SECTION("unknown") {
    CHECK(g.find("上海") == nullptr);
  }
  SECTION("a canonical name wins over another node's alias") {
    DocumentExtraction x;
    x.document = "d";
    x.entities = {entity("d", "甲", EntityType::Firm, {"乙"}), entity("d", "乙", EntityType::Firm, {"乙"})};
    Graph h;
    h.add(x);
    CHECK(h.find("乙")->name == "乙");
  }
}

TEST_CASE("the type is the mention-weighted vote, ties to the more specific type") {
  using ET = EntityType;
  auto doc = [](const std::string& id, ET type, std::size_t mentions) {
    DocumentExtraction x;
    x.document = id;
    std::vector<std::string> surfaces(mentions, "某某中心");
    x.entities = {entity(id, "某某中心", type, surfaces)};
    return x;
  };
  SECTION("majority") {
    const Graph g = graph_of({doc("a", ET::Lab, 1), doc("b", ET::Organization, 3)});
    CHECK(g.find("某某中心")->type == ET::Organization);
  }
  SECTION("tie goes to the more specific type, in either order") {
    CHECK(graph_of({doc("a", ET::Lab, 2), doc("b", ET::Organization, 2)}).find("某某中心")->type == ET::Lab);
    CHECK(graph_of({doc("b", ET::Organization, 2), doc("a", ET::Lab, 2)}).find("某某中心")->type == ET::Lab);
  }
  SECTION("a single document keeps the resolver's decision") {
    CHECK(graph_of({doc("a", ET::Firm, 1)}).find("某某中心")->type == ET::Firm);
  }
  SECTION("sample: the bureau stays a GovernmentBody") {
    CHECK(graph_of(sample_documents()).find(kBureau)->type == ET::GovernmentBody);
  }
}

TEST_CASE("one edge per (head, type, tail), evidence unioned and sorted, weight summed") {
  const Graph g = graph_of(sample_documents());
  const auto rs = g.relations();
  CHECK(rs.size() == g.edge_count());

  const Relation* in = find_relation(rs, kHangzhou, RelationType::LocatedIn, kZhejiang);
  REQUIRE(in != nullptr);
  CHECK(in->weight == 2.0);
  REQUIRE(in->evidence.size() == 2);
  CHECK(in->evidence_count == 2);
  CHECK(in->evidence[0].document == "doc-a");
  CHECK(in->evidence[1].document == "doc-c");

  const Relation* co = find_relation(rs, kFirm, RelationType::CoOccurs, kHangzhou);
  // coOccurs is symmetric: head < tail in byte order.
  if (kHangzhou < kFirm) co = find_relation(rs, kHangzhou, RelationType::CoOccurs, kFirm);
  REQUIRE(co != nullptr);
  CHECK(co->weight == 2.0);
  CHECK(co->head < co->tail);

  CHECK(std::is_sorted(rs.begin(), rs.end(), [](const Relation& a, const Relation& b) {
    return std::tie(a.head, a.type, a.tail) < std::tie(b.head, b.type, b.tail);
  }));
}

TEST_CASE("symmetric relations are stored once with head < tail") {
  const Graph g = graph_of(sample_documents());
  const auto rs = g.relations();
  const std::string lo = std::min(kUniversity, kFirm), hi = std::max(kUniversity, kFirm);
  const Relation* p = find_relation(rs, lo, RelationType::PartnersWith, hi);
  REQUIRE(p != nullptr);
  CHECK(find_relation(rs, hi, RelationType::PartnersWith, lo) == nullptr);
  CHECK(p->head_type == g.find(lo)->type);
  CHECK(p->tail_type == g.find(hi)->type);

  SECTION("given in both directions, they are one edge") {
    DocumentExtraction x = second_document();
    std::swap(x.relations[0].head, x.relations[0].tail);
    std::swap(x.relations[0].head_type, x.relations[0].tail_type);
    Graph h = graph_of({second_document(), x});
    const auto hr = h.relations();
    REQUIRE(find_relation(hr, lo, RelationType::PartnersWith, hi) != nullptr);
    CHECK(find_relation(hr, hi, RelationType::PartnersWith, lo) == nullptr);
  }
}

TEST_CASE("relations to missing entities or forbidden by the ontology are dropped") {
  const Graph g = graph_of(sample_documents());
  const auto rs = g.relations();
  CHECK(find_relation(rs, kFirm, RelationType::LocatedIn, "不存在的地方") == nullptr);
  CHECK(find_relation(rs, kPerson, RelationType::LocatedIn, kContest) == nullptr);
  for (const Relation& r : rs) {
    CHECK(relation_allows(r.type, r.head_type, r.tail_type));
    CHECK(g.find(r.head) != nullptr);
    CHECK(g.find(r.tail) != nullptr);
  }

  SECTION("a relation whose end arrives in a later document is kept") {
    DocumentExtraction place;
    place.document = "doc-d";
    place.entities = {entity("doc-d", "不存在的地方", EntityType::Place, {"不存在的地方"})};
    Graph h = graph_of(sample_documents());
    const std::size_t before = h.edge_count();
    h.add(place);
    CHECK(h.edge_count() == before + 1);
  }
  SECTION("self-loops are ignored") {
    DocumentExtraction x = first_document();
    x.relations = {
        relation(kHangzhou, EntityType::Place, RelationType::LocatedIn, kHangzhou, EntityType::Place, {})};
    CHECK(graph_of({x}).edge_count() == 0);
  }
}

TEST_CASE("worksFor roles from several documents are '|'-joined") {
  const Graph g = graph_of(sample_documents());
  const auto rs = g.relations();
  const Relation* w = find_relation(rs, kPerson, RelationType::WorksFor, kFirm);
  REQUIRE(w != nullptr);
  CHECK(w->role == "董事长|首席执行官");
}

TEST_CASE("exact duplicate evidence is kept once") {
  const Graph g = graph_of({first_document(), first_document()});
  const auto rs = g.relations();
  const Relation* r = find_relation(rs, kFirm, RelationType::Develops, kModel);
  REQUIRE(r != nullptr);
  CHECK(r->evidence.size() == 1);
  CHECK(r->weight == 2.0);        // weights are summed as the contract says
  CHECK(r->evidence_count == 2);  // and so are counts: a document is meant to be added once
}

TEST_CASE("merging is associative and independent of order") {
  const auto docs = sample_documents();
  const Graph all = graph_of(docs);
  const std::string expected = fingerprint(all);

  SECTION("every order of adds") {
    std::vector<std::size_t> order{0, 1, 2};
    do {
      Graph g;
      for (std::size_t i : order) g.add(docs[i]);
      CHECK(fingerprint(g) == expected);
    } while (std::next_permutation(order.begin(), order.end()));
  }
  SECTION("every grouping of merges") {
    Graph a = graph_of({docs[0]}), b = graph_of({docs[1]}), c = graph_of({docs[2]});
    Graph left = a;
    left.merge(b);
    left.merge(c);
    Graph bc = b;
    bc.merge(c);
    Graph right = a;
    right.merge(bc);
    Graph reversed = c;
    reversed.merge(graph_of({docs[1], docs[0]}));
    CHECK(fingerprint(left) == expected);
    CHECK(fingerprint(right) == expected);
    CHECK(fingerprint(reversed) == expected);
  }
  SECTION("non-integral weights sum the same in any grouping") {
    auto weighted = [](const std::string& id, double w) {
      DocumentExtraction x;
      x.document = id;
      x.entities = {entity(id, "甲", EntityType::Firm, {"甲"}), entity(id, "乙", EntityType::Firm, {"乙"})};
      Relation r = relation("甲", EntityType::Firm, RelationType::PartnersWith, "乙", EntityType::Firm, {});
      r.weight = w;
      x.relations = {r};
      return x;
    };
    Graph g1 = graph_of({weighted("a", 0.1), weighted("b", 0.2)});
    g1.add(weighted("c", 0.3));
    Graph g2 = graph_of({weighted("c", 0.3), weighted("b", 0.2)});
    g2.merge(graph_of({weighted("a", 0.1)}));
    CHECK(g1.relations().at(0).weight == g2.relations().at(0).weight);
    CHECK(g1.relations().at(0).weight == Approx(0.6));
  }
  SECTION("merging a graph into itself doubles nothing but weights") {
    Graph g = all;
    g.merge(g);
    CHECK(g.node_count() == all.node_count());
    CHECK(g.edge_count() == all.edge_count());
  }
}

TEST_CASE("node ids are stable hashes of the name, independent of type") {
  Entity e;
  e.name = "杭州";
  const std::string id = Graph::node_id(e);
  CHECK(id.size() == 17);
  CHECK(id[0] == 'n');
  CHECK(id.find_first_not_of("0123456789abcdef", 1) == std::string::npos);
  e.type = EntityType::Person;
  CHECK(Graph::node_id(e) == id);
  // FNV-1a 64 of the empty string is the offset basis; of "a" a known value.
  CHECK(graph::hashed_id('n', "") == "ncbf29ce484222325");
  CHECK(graph::hashed_id('n', "a") == "naf63dc4c8601ec8c");

  const Graph g = graph_of(sample_documents());
  CHECK(g.node_id_of(kHangzhou) == id);
  CHECK(g.node_id_of("没有") == "");
  std::set<std::string> ids;
  for (const Entity& x : g.entities()) ids.insert(g.node_id_of(x.name));
  CHECK(ids.size() == g.node_count());
}

TEST_CASE("colliding ids are settled by the keys' byte order") {
  using V = std::vector<std::string>;
  CHECK(graph::disambiguate_ids({"nX", "nX", "nY", "nX"}, {"b", "a", "c", "c"}) ==
        V{"nX-2", "nX", "nY", "nX-3"});
  CHECK(graph::disambiguate_ids({"n1", "n2"}, {"b", "a"}) == V{"n1", "n2"});
  CHECK(graph::disambiguate_ids({}, {}).empty());
}

TEST_CASE("a collision among ids is found as sorting all hashes finds it") {
  const auto sorted_has_equal = [](std::vector<std::uint64_t> hashes) {
    std::sort(hashes.begin(), hashes.end());
    return std::adjacent_find(hashes.begin(), hashes.end()) != hashes.end();
  };
  std::vector<std::uint64_t> hashes;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (int i = 0; i < 5000; ++i) hashes.push_back(h *= 0xbf58476d1ce4e5b9ULL);
  CHECK(!graph::any_equal(hashes));
  CHECK(graph::any_equal(hashes) == sorted_has_equal(hashes));
  // Equal hashes far apart, and hashes equal in their top bits only.
  auto with_twin = hashes;
  with_twin.push_back(hashes[17]);
  CHECK(graph::any_equal(with_twin));
  CHECK(graph::any_equal(with_twin) == sorted_has_equal(with_twin));
  auto near = hashes;
  near.push_back(hashes[17] ^ 1);
  CHECK(graph::any_equal(near) == sorted_has_equal(near));
  CHECK(!graph::any_equal({}));
  CHECK(!graph::any_equal({42}));
  CHECK(graph::any_equal({42, 42}));
  CHECK(!graph::any_equal({42, 43}));
}

TEST_CASE("the Boost view has the canonical vertices and the shown edges") {
  const Graph g = graph_of(sample_documents());
  const BglGraph& b = bgl_view(g);
  REQUIRE(boost::num_vertices(b) == g.node_count());
  REQUIRE(boost::num_edges(b) == g.edge_count());
  const auto es = g.entities();
  for (std::size_t i = 0; i < es.size(); ++i) CHECK(b[i].name == es[i].name);
  for (auto e : boost::make_iterator_range(boost::edges(b))) {
    CHECK(b[boost::source(e, b)].name == b[e].head);
    CHECK(b[boost::target(e, b)].name == b[e].tail);
  }
  CHECK(std::is_sorted(es.begin(), es.end(), [](const Entity& a, const Entity& c) {
    return std::tie(a.type, a.name) < std::tie(c.type, c.name);
  }));
}

TEST_CASE("copies and moves are independent and usable") {
  Graph g = graph_of({first_document()});
  Graph copy = g;
  copy.add(second_document());
  CHECK(g.document_count() == 1);
  CHECK(copy.document_count() == 2);
  Graph moved = std::move(copy);
  CHECK(moved.document_count() == 2);
  CHECK(copy.node_count() == 0);  // NOLINT: a moved-from graph is empty and usable
  CHECK(copy.entities().empty());
  copy.add(first_document());
  CHECK(copy.node_count() == g.node_count());
}

TEST_CASE("const methods may run concurrently") {
  const Graph g = graph_of(sample_documents());
  const std::string expected = fingerprint(graph_of(sample_documents()));
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i)
    threads.emplace_back([&, i] { results[i] = fingerprint(g); });
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

namespace {

// Twenty documents that all mention 甲 three times and relate it to 乙, with
// confidences that make the best evidence neither the first nor the last.
std::vector<DocumentExtraction> many_documents() {
  std::vector<DocumentExtraction> docs;
  for (int i = 0; i < 20; ++i) {
    const std::string id = std::string("d") + (i < 10 ? "0" : "") + std::to_string(i);
    DocumentExtraction x;
    x.document = id;
    x.entities = {entity(id, "甲", EntityType::Firm, {"甲", "甲公司", "甲"}),
                  entity(id, "乙", EntityType::Firm, {"乙"})};
    const double confidence = (i % 5 == 3) ? 0.9 : 0.5;
    x.relations = {relation("甲", EntityType::Firm, RelationType::PartnersWith, "乙", EntityType::Firm,
                            {evidence(id, 1, "甲与乙合作，句" + std::to_string(i), "合作", confidence)})};
    docs.push_back(x);
  }
  return docs;
}

Graph bounded_graph(const std::vector<std::size_t>& order) {
  const auto docs = many_documents();
  Graph g(GraphOptions{.max_evidence = 3, .max_mentions = 4, .max_documents = 2});
  for (std::size_t i : order) g.add(docs[i]);
  return g;
}

std::vector<std::size_t> shuffled(std::size_t n, unsigned seed) {
  std::vector<std::size_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = (i * seed + 7) % n;  // a permutation when gcd(seed, n) = 1
  return order;
}

}  // namespace

TEST_CASE("a node keeps full counts and the earliest mentions and smallest documents") {
  const Graph g = bounded_graph(shuffled(20, 7));
  const Entity* a = g.find("甲");
  REQUIRE(a != nullptr);
  CHECK(a->mention_count == 60);
  CHECK(a->document_count == 20);
  REQUIRE(a->mentions.size() == 4);
  CHECK(a->mentions[0].document == "d00");
  CHECK(a->mentions[2].document == "d00");
  CHECK(a->mentions[3].document == "d01");
  CHECK(std::is_sorted(a->mentions.begin(), a->mentions.end(), graph::MentionLess{}));
  CHECK(a->documents == std::vector<std::string>{"d00", "d01"});
  CHECK(a->aliases == std::vector<std::string>{"甲", "甲公司"});  // aliases are never cut
}

TEST_CASE("an edge keeps its full evidence count and its best evidence") {
  const Graph g = bounded_graph(shuffled(20, 3));
  const auto rs = g.relations();
  const Relation* r = find_relation(rs, "乙", RelationType::PartnersWith, "甲");
  if (r == nullptr) r = find_relation(rs, "甲", RelationType::PartnersWith, "乙");
  REQUIRE(r != nullptr);
  CHECK(r->evidence_count == 20);
  CHECK(r->weight == 20.0);
  // The four at 0.9 are d03, d08, d13, d18: the three earliest are kept, in document order.
  REQUIRE(r->evidence.size() == 3);
  CHECK(r->evidence[0].document == "d03");
  CHECK(r->evidence[1].document == "d08");
  CHECK(r->evidence[2].document == "d13");
}

TEST_CASE("bounded samples do not depend on the order or grouping of merges") {
  const std::string expected = fingerprint(bounded_graph(shuffled(20, 1)));
  for (unsigned seed : {3u, 7u, 9u, 11u, 13u})
    CHECK(fingerprint(bounded_graph(shuffled(20, seed))) == expected);

  const auto docs = many_documents();
  const GraphOptions options{.max_evidence = 3, .max_mentions = 4, .max_documents = 2};
  for (std::size_t shards : {2u, 3u, 7u}) {
    std::vector<Graph> parts(shards, Graph(options));
    for (std::size_t i = 0; i < docs.size(); ++i) parts[(i * 5) % shards].add(docs[i]);
    Graph merged(options);
    for (std::size_t k = shards; k-- > 0;) merged.merge(parts[k]);
    CHECK(fingerprint(merged) == expected);
  }
}

TEST_CASE("zero bounds keep no samples but every count") {
  const auto docs = many_documents();
  Graph g(GraphOptions{.max_evidence = 0, .max_mentions = 0, .max_documents = 0});
  for (const auto& d : docs) g.add(d);
  const Entity* a = g.find("甲");
  REQUIRE(a != nullptr);
  CHECK(a->mentions.empty());
  CHECK(a->documents.empty());
  CHECK(a->mention_count == 60);
  CHECK(a->document_count == 20);
  const auto rs = g.relations();
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].evidence.empty());
  CHECK(rs[0].evidence_count == 20);
  CHECK(g.options().max_evidence == 0);
}

TEST_CASE("a graph merged into one with smaller bounds is cut down to them") {
  const auto docs = many_documents();
  Graph wide;
  for (const auto& d : docs) wide.add(d);
  Graph narrow(GraphOptions{.max_evidence = 1, .max_mentions = 1, .max_documents = 1});
  narrow.merge(wide);
  CHECK(narrow.find("甲")->mentions.size() == 1);
  CHECK(narrow.find("甲")->mention_count == 60);
  CHECK(narrow.relations().at(0).evidence.size() == 1);
  CHECK(narrow.relations().at(0).evidence.at(0).document == "d03");
}

TEST_CASE("evidence strings are stored once and freed when no kept evidence uses them") {
  // One sentence relating four entities: six coOccurs edges share its text.
  DocumentExtraction x;
  x.document = "doc";
  const std::vector<std::string> names{"甲", "乙", "丙", "丁"};
  for (const auto& n : names) x.entities.push_back(entity("doc", n, EntityType::Firm, {n}));
  for (std::size_t i = 0; i < names.size(); ++i)
    for (std::size_t j = i + 1; j < names.size(); ++j)
      x.relations.push_back(relation(names[i], EntityType::Firm, RelationType::CoOccurs, names[j],
                                     EntityType::Firm,
                                     {evidence("doc", 0, "甲乙丙丁同台亮相。", "sentence")}));
  Graph g;
  g.add(x);
  CHECK(g.edge_count() == 6);
  const auto& strings = g.impl().evidence.strings;
  CHECK(strings.size() == 3);  // the document id, the sentence, the trigger

  // Forty more sentences for one edge with a bound of 2: only the best two stay.
  Graph h(GraphOptions{.max_evidence = 2});
  for (int i = 0; i < 40; ++i) {
    DocumentExtraction y;
    y.document = "doc" + std::to_string(100 + i);
    y.entities = {entity(y.document, "甲", EntityType::Firm, {"甲"}),
                  entity(y.document, "乙", EntityType::Firm, {"乙"})};
    y.relations = {relation("甲", EntityType::Firm, RelationType::CoOccurs, "乙", EntityType::Firm,
                            {evidence(y.document, 0, "第" + std::to_string(i) + "句", "sentence")})};
    h.add(y);
  }
  CHECK(h.relations().at(0).evidence_count == 40);
  CHECK(h.impl().evidence.strings.size() == 2 + 2 + 1);  // two ids, two sentences, one trigger
  const Graph copy = h;
  CHECK(fingerprint(copy) == fingerprint(h));
  CHECK(copy.impl().evidence.strings.size() == 5);
}

TEST_CASE("per-type counts agree with the entities and relations listed") {
  const Graph g = graph_of(sample_documents());
  std::map<EntityType, std::size_t> entities;
  for (const Entity& e : g.entities()) ++entities[e.type];
  std::map<RelationType, std::size_t> relations;
  for (const Relation& r : g.relations()) ++relations[r.type];
  const auto entity_counts = g.entity_type_counts();
  const auto relation_counts = g.relation_type_counts();
  CHECK(std::map<EntityType, std::size_t>(entity_counts.begin(), entity_counts.end()) == entities);
  CHECK(std::map<RelationType, std::size_t>(relation_counts.begin(), relation_counts.end()) == relations);
  CHECK(Graph().entity_type_counts().empty());
}

TEST_CASE("the string pool finds every live string after others are freed") {
  graph::StringPool pool;
  std::vector<graph::StringId> ids;
  for (int i = 0; i < 500; ++i) ids.push_back(pool.acquire("句" + std::to_string(i)));
  for (int i = 0; i < 500; i += 3) pool.release(ids[static_cast<std::size_t>(i)]);
  CHECK(pool.size() == 500 - 167);
  for (int i = 0; i < 500; ++i) {
    const std::string text = "句" + std::to_string(i);
    if (i % 3 == 0) continue;
    const graph::StringId id = pool.acquire(text);  // found, not added again
    CHECK(id == ids[static_cast<std::size_t>(i)]);
    CHECK(pool.view(id) == text);
    // A hint that is wrong or stale costs a lookup and gives the same id.
    CHECK(pool.acquire(text, ids[0]) == id);
    CHECK(pool.acquire(text, id) == id);
  }
  CHECK(pool.size() == 500 - 167);
  const graph::StringId again = pool.acquire("句0");  // reuses a freed id
  CHECK(pool.view(again) == "句0");
  CHECK(pool.size() == 500 - 167 + 1);
}

TEST_CASE("evidence with offsets beyond 32 bits, and a bound of one, keep their exact values") {
  const std::size_t far = (std::size_t{1} << 33) + 7;
  for (const std::size_t bound : {std::size_t{1}, std::size_t{8}}) {
    Graph g(GraphOptions{.max_evidence = bound});
    for (int i = 0; i < 3; ++i) {
      DocumentExtraction x;
      x.document = "d" + std::to_string(i);
      x.entities = {entity(x.document, "甲", EntityType::Firm, {"甲"}),
                    entity(x.document, "乙", EntityType::Firm, {"乙"})};
      Evidence near = evidence(x.document, 1, "甲乙。", "sentence", 0.5 + 0.1 * i);
      Evidence wide = evidence(x.document, far, "甲与乙。", "sentence", 0.55 + 0.1 * i);
      wide.source = {far, far + 9, far / 3, far / 3 + 3};
      x.relations = {
          relation("甲", EntityType::Firm, RelationType::CoOccurs, "乙", EntityType::Firm, {near, wide})};
      g.add(x);
    }
    const auto rs = g.relations();
    REQUIRE(rs.size() == 1);
    CHECK(rs[0].evidence_count == 6);
    REQUIRE(rs[0].evidence.size() == std::min<std::size_t>(bound, 6));
    const Evidence& best = bound == 1 ? rs[0].evidence[0] : rs[0].evidence.back();
    CHECK(best.document == "d2");
    CHECK(best.sentence == far);
    CHECK(best.source.byte_begin == far);
    CHECK(best.source.char_end == far / 3 + 3);
    CHECK(fingerprint(Graph(g)) == fingerprint(g));
  }
}

TEST_CASE("a prepared extraction adds what the extraction itself adds") {
  const auto docs = sample_documents();
  const std::string expected = fingerprint(graph_of(docs));

  SECTION("borrowed, moved and prepared adds agree") {
    Graph moved, prepared;
    for (DocumentExtraction x : docs) moved.add(std::move(x));
    for (DocumentExtraction x : docs) prepared.add(Graph::prepare(std::move(x)));
    CHECK(fingerprint(moved) == expected);
    CHECK(fingerprint(prepared) == expected);
  }
  SECTION("prepared on several threads, added under a lock") {
    Graph g;
    std::mutex mutex;
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < docs.size(); ++t)
      threads.emplace_back([&, t] {
        PreparedExtraction p = Graph::prepare(DocumentExtraction(docs[t]));
        std::lock_guard lock(mutex);
        g.add(std::move(p));
      });
    for (std::thread& th : threads) th.join();
    CHECK(fingerprint(g) == expected);
  }
  SECTION("an empty prepared extraction adds nothing") {
    Graph g = graph_of(docs);
    PreparedExtraction p = Graph::prepare(DocumentExtraction(docs[0]));
    PreparedExtraction taken = std::move(p);
    g.add(std::move(p));  // moved from: empty
    CHECK(fingerprint(g) == expected);
  }
  SECTION("aliases sorting before, after and equal to the name") {
    DocumentExtraction x;
    x.document = "d";
    x.entities = {entity("d", "中", EntityType::Firm, {"一", "乙"}), entity("d", "乙二", EntityType::Firm, {"丙"}),
                  entity("d", "丁", EntityType::Firm, {"丁"})};
    std::erase(x.entities[0].aliases, "中");  // the name among the aliases only by the graph
    std::erase(x.entities[1].aliases, "乙二");
    insert_sorted(x.entities[1].aliases, "");  // empty aliases are dropped
    Graph a, b;
    a.add(x);
    b.add(Graph::prepare(DocumentExtraction(x)));
    CHECK(fingerprint(a) == fingerprint(b));
    CHECK(a.find("一") != nullptr);
    CHECK(a.find("乙") != nullptr);
    CHECK(a.find("乙二") != nullptr);
    CHECK(a.find("丙") != nullptr);
    for (const Entity& e : a.entities()) {
      CHECK(std::count(e.aliases.begin(), e.aliases.end(), e.name) == 1);
      CHECK(std::count(e.aliases.begin(), e.aliases.end(), "") == 0);
    }
  }
}
