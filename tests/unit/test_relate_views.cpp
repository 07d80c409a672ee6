// The relation stage's internal building blocks: sentence views over shared
// arrays (order, nesting, ranks, types from entities) and the byte-wise text
// tests, checked against the plain definitions they replace.
#include <catch2/catch.hpp>
#include <algorithm>

#include <string>
#include <vector>

#include "common/utf8.hpp"
#include "relate/sentence_view.hpp"
#include "relate/text.hpp"
#include "test_relate_support.hpp"

using kg::EntityType;
using kg::PlaceLevel;
using relate_test::Doc;

namespace {

std::string_view name_at(const kg::relate::SentenceView& v, std::size_t i) { return v.item(i).entity.name; }

}  // namespace

TEST_CASE("views place mentions per sentence, nested, ranked by name", "[relate][views]") {
  Doc d("临江市星河科技有限公司与蓝海智能签约。蓝海智能落户临江市。");
  d.org("临江市星河科技有限公司").org("星河科技").place("临江市", PlaceLevel::City, "临江").org("蓝海智能");
  const kg::Resolution r = d.resolution();
  const kg::relate::DocumentViews views = kg::relate::make_views(d.clean(), d.sentences(), r);
  REQUIRE(views.views.size() == 2);

  const auto& first = views.views[0];
  REQUIRE(first.items().size() == 4);
  CHECK(name_at(first, 0) == "临江市星河科技有限公司");  // outer first at the same start
  CHECK(name_at(first, 1) == "临江");
  CHECK(name_at(first, 2) == "星河科技");
  CHECK(name_at(first, 3) == "蓝海智能");
  REQUIRE(first.top().size() == 2);
  CHECK(first.top()[0] == 0);
  CHECK(first.top()[1] == 3);
  REQUIRE(first.item(0).children.size() == 2);
  CHECK(first.item(0).children[0] == 1);
  CHECK(first.item(0).children[1] == 2);
  CHECK(first.item(1).parent == 0);
  CHECK(first.item(3).children.empty());
  CHECK(first.text().substr(first.item(3).begin, first.item(3).end - first.item(3).begin) == "蓝海智能");

  const auto& second = views.views[1];
  REQUIRE(second.items().size() == 2);
  CHECK(second.top().size() == 2);

  // Ranks follow the byte order of the distinct names; equal names, equal ranks.
  REQUIRE(views.names.size() == 4);
  CHECK(std::is_sorted(views.names.begin(), views.names.end()));
  for (const auto& v : views.views)
    for (const auto& it : v.items()) CHECK(views.names[it.entity.rank] == it.entity.name);
  CHECK(first.item(3).entity.rank == second.item(0).entity.rank);
  // rank_of (a hash probe) agrees with a binary search over the names.
  for (std::size_t r = 0; r < views.names.size(); ++r) {
    const auto at = std::lower_bound(views.names.begin(), views.names.end(), views.names[r]);
    CHECK(views.rank_of(views.names[r]) == static_cast<std::uint32_t>(at - views.names.begin()));
  }
  CHECK(views.rank_of("不在文中") == kg::relate::DocumentViews::kNoRank);
  CHECK(views.rank_of("") == kg::relate::DocumentViews::kNoRank);
  CHECK(second.item(1).entity.type == EntityType::Place);
  CHECK(second.item(1).entity.level == PlaceLevel::City);
}

TEST_CASE("views take the entity's type and drop repeated spans and stray mentions", "[relate][views]") {
  Doc d("星河科技发布新品。");
  d.org("星河科技");
  kg::Resolution r = d.resolution();
  REQUIRE(r.mentions.size() == 1);
  r.entities.front().type = EntityType::Lab;  // the resolver settled another type
  r.mentions.push_back(r.mentions.front());    // the same span twice
  kg::Mention outside = r.mentions.front();
  outside.sentence = 7;  // no such sentence
  r.mentions.push_back(outside);
  const kg::relate::DocumentViews views = kg::relate::make_views(d.clean(), d.sentences(), r);
  REQUIRE(views.views.size() == 1);
  REQUIRE(views.views[0].items().size() == 1);
  CHECK(views.views[0].item(0).entity.type == EntityType::Lab);
}

namespace {

// Everything a view shows, as text, to compare two sets of views.
std::string describe(const kg::relate::DocumentViews& views) {
  std::string out;
  for (std::string_view n : views.names) out.append(n).append("|");
  for (const auto& v : views.views) {
    out.append("\n").append(v.text()).append(":");
    for (std::size_t t : v.top()) out.append(std::to_string(t)).append(",");
    for (const auto& it : v.items()) {
      out.append(" ").append(it.entity.name).append("@").append(std::to_string(it.begin));
      out.append("-").append(std::to_string(it.end)).append("r").append(std::to_string(it.entity.rank));
      out.append("t").append(std::to_string(static_cast<int>(it.entity.type)));
      out.append("p").append(std::to_string(it.parent)).append("[");
      for (std::size_t c : it.children) out.append(std::to_string(c)).append(",");
      out.append("]");
    }
  }
  return out;
}

}  // namespace

TEST_CASE("views made into reused storage equal fresh ones", "[relate][views]") {
  Doc big("临江市星河科技有限公司与蓝海智能签约。蓝海智能落户临江市。星河科技发布新品。");
  big.org("临江市星河科技有限公司").org("星河科技").place("临江市", PlaceLevel::City, "临江").org("蓝海智能");
  Doc small("蓝海智能发布新品。");
  small.org("蓝海智能");
  const kg::Resolution rb = big.resolution(), rs = small.resolution();
  kg::relate::DocumentViews reused;
  for (int round = 0; round < 2; ++round) {  // big after small and small after big
    kg::relate::make_views(big.clean(), big.sentences(), rb, reused);
    CHECK(describe(reused) == describe(kg::relate::make_views(big.clean(), big.sentences(), rb)));
    kg::relate::make_views(small.clean(), small.sentences(), rs, reused);
    CHECK(describe(reused) == describe(kg::relate::make_views(small.clean(), small.sentences(), rs)));
  }
}

TEST_CASE("byte-wise text tests agree with the standard ones", "[relate][text]") {
  const std::vector<std::string> texts{"", "a", "不断推进", "并未落户，", "“星河”；发布",
                                       "𠀋字与ab，c", std::string("\xE4\xB8", 2), "该公司与其",
                                       "推进高质量发展，落户广州。", std::string("发展\xE4\xB8", 8), "发展：12"};
  const std::vector<std::string> words{"不", "未", "与", "，", "ab", "𠀋", "该公司", "x"};
  for (const std::string& t : texts) {
    const std::string_view s = t;
    for (std::size_t n = 0; n < 6; ++n) CHECK(kg::relate::longer_than(s, n) == (kg::utf8::length(s) > n));
    for (const std::string& w : words) {
      CHECK(kg::relate::contains(s, w) == (s.find(w) != std::string_view::npos));
      CHECK(kg::relate::has_prefix(s, w) == s.starts_with(w));
      CHECK(kg::relate::has_suffix(s, w) == s.ends_with(w));
    }
    bool has_break = false;
    for (std::size_t i = 0; i < s.size();)
      if (kg::relate::is_clause_break(kg::utf8::next(s, i))) has_break = true;
    CHECK(kg::relate::has_clause_break(s) == has_break);
  }
  // The trims' shortcut (nothing to trim when both ends are led by 0xE4 or
  // above) and contains_any's character steps against the plain definitions.
  const std::vector<std::string> trims{"", "星河", "“星河”", "　星河 ", "星河》", "《星河", " ",
                                       "·星·", std::string("\xE4\xB8", 2), std::string("星\xE4", 4),
                                       std::string("\xE4\xB8星", 5), "星河\xEF\xBC\x8C"};
  const std::string_view anywords[] = {"未", "没有", "河", "\xB8"};
  for (const std::string& t : trims) {
    const std::string_view s = t;
    CHECK(kg::relate::trim_space_quotes(s) ==
          kg::relate::trim_if(s, [](char32_t c) { return kg::relate::is_space(c) || kg::relate::is_quote(c); }));
    CHECK(kg::relate::trim_space(s) == kg::relate::trim_if(s, [](char32_t c) { return kg::relate::is_space(c); }));
    bool any = false;
    for (std::size_t at = 0; at < s.size(); ++at)
      if (!kg::relate::is_continuation_byte(s[at]))
        for (std::string_view w : anywords) any = any || s.substr(at).starts_with(w);
    CHECK(kg::relate::contains_any(s, anywords) == any);
  }
  const std::string_view negations[] = {"未", "没有"};
  CHECK(kg::relate::contains_any("公司尚未落户", negations));
  CHECK_FALSE(kg::relate::contains_any("公司已经落户", negations));
  CHECK(kg::relate::key3("不") == 0xE4B88Du);
}

TEST_CASE("names sharing their first eight bytes, or prefixes of others, rank in byte order", "[relate][views]") {
  // The sort compares eight-byte prefixes as numbers and whole names on a
  // tie: both kinds of comparison are needed here.
  Doc d("临江市星河科技有限公司、临江市星河科技、临江市星河、AB公司和ABC与AB签约。");
  d.org("临江市星河科技有限公司").org("临江市星河科技").org("临江市星河").org("AB公司").org("ABC").org("AB");
  const kg::Resolution r = d.resolution();
  const kg::relate::DocumentViews views = kg::relate::make_views(d.clean(), d.sentences(), r);
  std::vector<std::string_view> expected;
  for (const auto& v : views.views)
    for (const auto& it : v.items()) expected.push_back(it.entity.name);
  std::sort(expected.begin(), expected.end());
  expected.erase(std::unique(expected.begin(), expected.end()), expected.end());
  CHECK(expected.size() == 6);
  CHECK(views.names == expected);
  for (std::size_t rank = 0; rank < views.names.size(); ++rank) CHECK(views.rank_of(views.names[rank]) == rank);
}
