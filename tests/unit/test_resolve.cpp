// Entity resolution: one entity per real thing within a document.
#include <catch2/catch.hpp>

#include "kg/clean_text.hpp"
#include "kg/entity.hpp"
#include "kg/mention.hpp"
#include "kg/sentence.hpp"

namespace {

kg::Resolution run(const std::string& text) {
  static const kg::Recognizer recognizer(kg::Lexicon::builtin());
  static const kg::EntityResolver resolver(kg::Lexicon::builtin());
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document("doc", text));
  return resolver.resolve(clean, recognizer.recognize(clean, kg::SentenceSplitter().split(clean)));
}

const kg::Entity* find(const kg::Resolution& r, const std::string& name) {
  for (const kg::Entity& e : r.entities)
    if (e.name == name) return &e;
  return nullptr;
}

std::size_t count_of(const kg::Resolution& r, kg::EntityType t) {
  return static_cast<std::size_t>(std::count_if(r.entities.begin(), r.entities.end(),
                                                [&](const kg::Entity& e) { return e.type == t; }));
}

}  // namespace

TEST_CASE("a city with and without its suffix is one entity with both aliases") {
  const kg::Resolution r = run("杭州市出台新规。杭州的企业积极响应。");
  const kg::Entity* e = find(r, "杭州");
  REQUIRE(e != nullptr);
  CHECK(e->aliases.count("杭州市") == 1);
  CHECK(e->mentions.size() == 2);
  CHECK(e->level == kg::PlaceLevel::City);
  CHECK(e->code == "330100");
}

TEST_CASE("an abbreviation declared in the text joins its full name") {
  const kg::Resolution r = run("首届长江智能算法挑战大赛（以下简称“长江算法赛”）开幕。长江算法赛吸引了众多团队。");
  const kg::Entity* e = find(r, "长江智能算法挑战大赛");
  REQUIRE(e != nullptr);
  CHECK(e->type == kg::EntityType::Programme);
  CHECK(e->aliases.count("长江算法赛") == 1);
  CHECK(find(r, "长江算法赛") == nullptr);
}

TEST_CASE("standard department abbreviations name one body") {
  const kg::Resolution r = run("浙江省科学技术厅发布通知。浙江省科技厅表示将加大支持。");
  CHECK(count_of(r, kg::EntityType::GovernmentBody) == 1);
}

TEST_CASE("a firm's full legal name and its brand are one firm") {
  const kg::Resolution r = run("深圳星瀚信息科技有限公司今天发布新品。星瀚科技创始人表示满意。");
  CHECK(count_of(r, kg::EntityType::Firm) == 1);
}

TEST_CASE("lexicon aliases resolve to the canonical name, in traditional script too") {
  const kg::Resolution r = run("中科院與浙大合作。");
  CHECK(find(r, "中国科学院") != nullptr);
  CHECK(find(r, "浙江大学") != nullptr);
}

TEST_CASE("a district shared by two cities is settled by the city the text names") {
  const kg::Resolution r = run("北京市朝阳区新设一家实验室。");
  REQUIRE(!r.mentions.empty());
  bool settled = false;
  for (const kg::Mention& m : r.mentions)
    if (m.name == "朝阳区") settled = m.parent == "北京" && m.code == "110105";
  CHECK(settled);
}
