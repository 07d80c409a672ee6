// The relation word tables: malformed lines are errors naming the file and
// line; titles chain with modifiers; triggers match the longest word.
#include <catch2/catch.hpp>

#include "kg/error.hpp"
#include "relate/triggers.hpp"

using kg::relate::Tables;

TEST_CASE("malformed relation tables are kg::Error naming file and line", "[relate][tables]") {
  try {
    Tables("# header\n局长\tstaff\n只有一列\n", "", "");
    FAIL("no error");
  } catch (const kg::Error& e) {
    CHECK(e.code() == kg::ErrorCode::Format);
    CHECK(std::string(e.what()).find("relate_roles.tsv line 3") != std::string::npos);
  }
  CHECK_THROWS_AS(Tables("", "落户\tnowhere\n", ""), kg::Error);
  CHECK_THROWS_AS(Tables("局长\tboss\n", "", ""), kg::Error);
}

TEST_CASE("title chains and trigger words", "[relate][tables]") {
  const Tables t("创始人\tfounder\n市长\tgovernment\n局长\tstaff\nCEO\tstaff\n副\tmodifier\n三级\tmodifier\n调研员\tstaff\n",
                 "发布\tdevelop\n发布\tissue\n落户\tlocate\n", "大湾区\t广州\n");
  const std::string a = "某公司创始人兼CEO";
  const auto r = t.role_suffix(a);
  REQUIRE(r);
  CHECK(a.substr(r->begin) == "创始人兼CEO");
  CHECK(r->founder);
  const std::string b = "信息处三级调研员";
  REQUIRE(t.role_suffix(b));
  CHECK(b.substr(t.role_suffix(b)->begin) == "三级调研员");
  const auto m = t.role_suffix("副市长");
  REQUIRE(m);
  CHECK(m->government);
  CHECK_FALSE(t.role_suffix("表示"));
  const auto trig = t.trigger_at("发布了新品");
  REQUIRE(trig);
  CHECK(trig->word == "发布");
  CHECK(trig->kinds == (kg::relate::kDevelop | kg::relate::kIssue));
  CHECK_FALSE(t.trigger_at("公司"));
  CHECK(t.region_members("大湾区").size() == 1);
  CHECK(t.region_members("长三角").empty());
}

TEST_CASE("the built-in tables load", "[relate][tables]") {
  const Tables& t = Tables::builtin();
  CHECK(t.trigger_at("落户临江"));
  CHECK(t.role_suffix("副局长"));
  CHECK_FALSE(t.region_members("粤港澳大湾区").empty());
}

TEST_CASE("the scan's three-byte trigger test agrees with the decoded one", "[relate][tables]") {
  const Tables& t = Tables::builtin();
  std::size_t starts = 0;
  for (char32_t c = 0x800; c < 0x10000; ++c) {  // every three-byte code point
    const auto b0 = static_cast<unsigned char>(0xE0 | (c >> 12));
    const auto b1 = static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F));
    const auto b2 = static_cast<unsigned char>(0x80 | (c & 0x3F));
    const bool decoded = t.may_start_trigger(c);
    if (t.may_start_trigger3(b0, b1, b2) != decoded) FAIL("U+" << std::hex << static_cast<unsigned>(c));
    starts += decoded;
  }
  CHECK(starts > 10);  // the built-in triggers start with many characters
}

TEST_CASE("the scan's six-byte prefix test never passes over a trigger", "[relate][tables]") {
  const auto check_every_position = [](const Tables& t, std::string_view text) {
    std::size_t found = 0, skipped = 0;
    for (std::size_t p = 0; p < text.size(); ++p) {
      const std::string_view rest = text.substr(p);
      if (t.trigger_at(rest)) {
        ++found;
        if (!t.may_start_word(rest)) FAIL("byte " << p << " of " << text);
      } else if (!t.may_start_word(rest)) {
        ++skipped;
      }
    }
    return std::pair(found, skipped);
  };
  const std::string_view text = "百度与华为合作，落户临江，发布了新品，共同举办大会，成立了联盟。发布";
  const auto [found, skipped] = check_every_position(Tables::builtin(), text);
  CHECK(found >= 4);
  CHECK(skipped > 0);  // the filter is in use with the built-in words
  // A table with a word shorter than six bytes cannot use it: every text may start a word.
  const Tables short_words("", "发布\tdevelop\nA\tlocate\n", "");
  CHECK(short_words.may_start_word("公司"));
  CHECK(short_words.trigger_at("A公司"));
  check_every_position(short_words, "A公司发布了A");
}

TEST_CASE("a trigger found in a text views the table's word, not the text", "[relate][tables]") {
  const Tables& t = Tables::builtin();
  const std::string text = "落户临江";
  const auto trig = t.trigger_at(text);
  REQUIRE(trig);
  CHECK(trig->word == "落户");
  // Evidence keeps the word without copying it, so it must outlive the text.
  CHECK((trig->word.data() < text.data() || trig->word.data() >= text.data() + text.size()));
}
