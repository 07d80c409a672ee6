// Runs the relation case file tests/cases/relations.json: each case gives a
// sentence, the mentions a recogniser would find, and the relations that
// must (expected) and must not (absent) come out. Linguists extend the file
// without writing C++.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "test_relate_support.hpp"

namespace {

nlohmann::json load_cases() {
  std::ifstream in(std::string(KG_TESTS_DIR) + "/cases/relations.json");
  REQUIRE(in);
  return nlohmann::json::parse(in);
}

relate_test::Given given_of(const nlohmann::json& m) {
  relate_test::Given g;
  g.surface = m.at("surface").get<std::string>();
  const auto type = kg::parse_entity_type(m.at("type").get<std::string>());
  REQUIRE(type);
  g.type = *type;
  if (m.contains("level")) {
    const auto level = kg::parse_place_level(m["level"].get<std::string>());
    REQUIRE(level);
    g.level = *level;
  }
  g.name = m.value("name", "");
  g.parent = m.value("parent", "");
  g.role = m.value("role", "");
  return g;
}

kg::RelationType rel_of(const nlohmann::json& r) {
  const auto type = kg::parse_relation_type(r.at("rel").get<std::string>());
  REQUIRE(type);
  return *type;
}

}  // namespace

TEST_CASE("relation case file", "[relate][cases]") {
  const nlohmann::json cases = load_cases();
  REQUIRE(cases.at("cases").size() > 0);
  for (const nlohmann::json& c : cases["cases"]) {
    const std::string id = c.at("id").get<std::string>();
    INFO("case " << id);
    relate_test::Doc doc(c.at("input").get<std::string>(), id);
    for (const nlohmann::json& m : c.at("mentions")) doc.mention(given_of(m));
    const std::vector<kg::Relation> found = doc.relations();
    for (const nlohmann::json& e : c.at("expected")) {
      const std::string head = e.at("head"), tail = e.at("tail");
      INFO("expected " << head << " " << e.at("rel").get<std::string>() << " " << tail);
      const kg::Relation* r = relate_test::find(found, head, rel_of(e), tail);
      CHECK(r != nullptr);
      if (r && e.contains("role")) CHECK(r->role == e["role"].get<std::string>());
      if (r) CHECK_FALSE(r->evidence.empty());
    }
    for (const nlohmann::json& a : c.value("absent", nlohmann::json::array())) {
      const std::string head = a.at("head"), tail = a.at("tail");
      INFO("absent " << head << " " << a.at("rel").get<std::string>() << " " << tail);
      CHECK_FALSE(relate_test::has(found, head, rel_of(a), tail));
    }
  }
}
