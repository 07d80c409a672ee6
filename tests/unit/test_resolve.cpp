// Entity resolution: one entity per real thing within a document.
#include <catch2/catch.hpp>

#include "kg/clean_text.hpp"
#include "kg/entity.hpp"
#include "kg/extraction.hpp"
#include "kg/graph.hpp"
#include "kg/mention.hpp"
#include "kg/sentence.hpp"
#include "resolve/names.hpp"

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
  CHECK(std::binary_search(e->aliases.begin(), e->aliases.end(), "杭州市"));
  CHECK(e->mentions.size() == 2);
  CHECK(e->level == kg::PlaceLevel::City);
  CHECK(e->code == "330100");
}

TEST_CASE("an abbreviation declared in the text joins its full name") {
  const kg::Resolution r = run("首届长江智能算法挑战大赛（以下简称“长江算法赛”）开幕。长江算法赛吸引了众多团队。");
  const kg::Entity* e = find(r, "长江智能算法挑战大赛");
  REQUIRE(e != nullptr);
  CHECK(e->type == kg::EntityType::Programme);
  CHECK(std::binary_search(e->aliases.begin(), e->aliases.end(), "长江算法赛"));
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

// Mentions usually arrive in position order, and then the resolver skips its
// sort; in any other order it sorts them. Both ways must give one result.
TEST_CASE("mentions given out of order resolve as in order") {
  static const kg::Recognizer recognizer(kg::Lexicon::builtin());
  static const kg::EntityResolver resolver(kg::Lexicon::builtin());
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document(
      "doc", "深圳星瀚信息科技有限公司（以下简称“星瀚”）与浙江省科学技术厅合作。星瀚科技在杭州市设立研究院，"
             "浙江省科技厅表示支持。北京市朝阳区的中科院与浙大也参加了。"));
  const std::vector<kg::Mention> in_order = recognizer.recognize(clean, kg::SentenceSplitter().split(clean));
  REQUIRE(in_order.size() > 3);
  for (std::size_t i = 1; i < in_order.size(); ++i)  // no two at one span: every sort gives one order
    REQUIRE((in_order[i - 1].begin != in_order[i].begin || in_order[i - 1].end != in_order[i].end));
  const std::vector<kg::Mention> reversed(in_order.rbegin(), in_order.rend());
  const kg::Resolution a = resolver.resolve(clean, in_order);
  const kg::Resolution b = resolver.resolve(clean, reversed);
  REQUIRE(a.entities.size() == b.entities.size());
  for (std::size_t k = 0; k < a.entities.size(); ++k) {
    CHECK(a.entities[k].name == b.entities[k].name);
    CHECK(a.entities[k].type == b.entities[k].type);
    CHECK(a.entities[k].aliases == b.entities[k].aliases);
    REQUIRE(a.entities[k].mentions.size() == b.entities[k].mentions.size());
    for (std::size_t j = 0; j < a.entities[k].mentions.size(); ++j)
      CHECK(a.entities[k].mentions[j].source == b.entities[k].mentions[j].source);
  }
  REQUIRE(a.mentions.size() == b.mentions.size());
  for (std::size_t i = 0; i < a.mentions.size(); ++i) CHECK(a.mentions[i].name == b.mentions[i].name);
}

// Keys are numbers inside the resolver, but they stand for the strings
// name, "gov:" + government key and "firm:" + stem: a name that spells one of
// those keys still meets it.
TEST_CASE("a name that spells a prefixed key joins the mention with that key") {
  static const kg::EntityResolver resolver(kg::Lexicon::builtin());
  const std::string text = "gov:某某局 某某局";
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document("doc", text));
  auto mention = [&](std::size_t begin, std::size_t end, kg::EntityType type) {
    kg::Mention m;
    m.begin = begin;
    m.end = end;
    m.surface = clean.text.substr(begin, end - begin);
    m.name = m.surface;
    m.type = type;
    m.rule = "test";
    return m;
  };
  const std::size_t space = clean.text.find(' '), end = clean.text.find_last_not_of('\n') + 1;
  REQUIRE(space != std::string::npos);
  const kg::Resolution r = resolver.resolve(
      clean, {mention(0, space, kg::EntityType::Organization), mention(space + 1, end, kg::EntityType::GovernmentBody)});
  REQUIRE(r.entities.size() == 1);
  CHECK(r.entities[0].aliases == std::vector<std::string>{"gov:某某局", "某某局"});
}

// The marker 以下简称 is found through its rarest byte; a marker at the very
// end of the text (cut off) and one with no bracket before it are passed over.
TEST_CASE("declarations are found wherever the marker is, cut-off ones ignored") {
  const kg::Resolution r = run("以下简称首届长江智能算法挑战大赛（以下简称“长江算法赛”）开幕。长江算法赛与研究院合作（以下简称");
  const kg::Entity* e = find(r, "长江智能算法挑战大赛");
  REQUIRE(e != nullptr);
  CHECK(std::binary_search(e->aliases.begin(), e->aliases.end(), "长江算法赛"));
  CHECK(find(r, "长江算法赛") == nullptr);
}

// Mentions added for a declared abbreviation are merged into the
// recogniser's order when that order is strict, and sorted with all the
// others when it is not (two mentions at one span): both ways must put every
// mention at the place a full sort gives it.
TEST_CASE("abbreviation mentions take their place in position order, by merge or by sort") {
  static const kg::Recognizer recognizer(kg::Lexicon::builtin());
  static const kg::EntityResolver resolver(kg::Lexicon::builtin());
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document(
      "doc", "浙江省科学技术厅与首届长江智能算法挑战大赛（以下简称“长江算法赛”）合作。长江算法赛在杭州市举行，"
             "浙江省科技厅表示支持，长江算法赛的决赛也在杭州。"));
  const std::vector<kg::Mention> in_order = recognizer.recognize(clean, kg::SentenceSplitter().split(clean));
  REQUIRE(in_order.size() > 3);
  std::vector<kg::Mention> with_tie = in_order;
  with_tie.insert(with_tie.begin() + 1, in_order[1]);  // one span twice: the order is no longer strict
  const kg::Resolution merged = resolver.resolve(clean, in_order);
  const kg::Resolution sorted = resolver.resolve(clean, with_tie);
  auto positions = [](const kg::Resolution& r) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const kg::Mention& m : r.mentions) out.emplace_back(m.begin, m.end);
    return out;
  };
  std::size_t added = 0;
  for (const kg::Mention& m : merged.mentions) added += m.rule == "abbreviation";
  CHECK(added >= 2);  // the occurrences after the declaration
  const auto a = positions(merged), b = positions(sorted);
  CHECK(std::is_sorted(a.begin(), a.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first < y.first : x.second > y.second;
  }));
  std::vector<std::pair<std::size_t, std::size_t>> b_once = b;
  b_once.erase(std::unique(b_once.begin(), b_once.end()), b_once.end());
  CHECK(a == b_once);
  CHECK(b.size() == a.size() + 1);
}

// A single document's mentions do not each copy the document id: the entity
// holds it, Entity::document_of gives it, and a graph that keeps a mention
// as a sample writes the id into it.
TEST_CASE("a single document's mentions name their document through the entity") {
  const kg::Resolution r = run("杭州市出台新规。杭州的企业积极响应。");
  const kg::Entity* e = find(r, "杭州");
  REQUIRE(e != nullptr);
  REQUIRE(e->mentions.size() == 2);
  CHECK(e->documents == std::vector<std::string>{"doc"});
  for (const kg::MentionRef& m : e->mentions) {
    CHECK(m.document.empty());
    CHECK(e->document_of(m) == "doc");
  }
  kg::DocumentExtraction x;
  x.document = "doc";
  x.entities = r.entities;
  kg::Graph copied, moved;
  copied.add(x);
  moved.add(std::move(x));
  for (const kg::Graph* g : {&copied, &moved}) {
    const kg::Entity* merged = g->find("杭州");
    REQUIRE(merged != nullptr);
    REQUIRE(merged->mentions.size() == 2);
    for (const kg::MentionRef& m : merged->mentions) CHECK(m.document == "doc");
  }
}

// Entities are ordered by their names' first eight bytes as integers, and by
// the whole names only when those agree (中国科学院 and 中国科学技术大学 share
// nine bytes): the result must be byte order all the same.
TEST_CASE("entities come sorted by name, also names that share their first bytes") {
  const kg::Resolution r = run("中国科学院与中国科学技术大学合作。中国移动、中国联通和中国电信也参加了，中国科协表示支持。");
  REQUIRE(r.entities.size() >= 3);
  std::size_t sharing = 0;
  for (std::size_t k = 1; k < r.entities.size(); ++k) {
    const std::string& a = r.entities[k - 1].name;
    const std::string& b = r.entities[k].name;
    CHECK((a < b || (a == b && r.entities[k - 1].type < r.entities[k].type)));
    sharing += a.size() >= 8 && b.size() >= 8 && a.compare(0, 8, b, 0, 8) == 0;
  }
  CHECK(sharing > 0);
}

// firm_stem skips its tail loop when no tail can end the name (most names):
// a name with tails and the same name without them give one stem.
TEST_CASE("a firm's stem is the same whether or not tails had to be removed") {
  const kg::Lexicon& lexicon = kg::Lexicon::builtin();
  const auto [bare, with_tails] = GENERATE(table<std::string, std::string>({
      {"星瀚宇宙", "深圳星瀚宇宙信息科技有限公司"},
      {"星瀚宇宙", "星瀚宇宙智能科技(广州)有限公司"},
      {"蓝鲸数据", "蓝鲸数据集团"},
      {"蓝鲸数据", "蓝鲸数据控股"},
  }));
  CHECK(kg::resolve::firm_stem(bare, lexicon) == bare);
  CHECK(kg::resolve::firm_stem(with_tails, lexicon) == bare);
}
