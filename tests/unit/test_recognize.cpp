// Recognition and resolution against the case file tests/cases/entities.json:
// each case lists entities (name, type) that must be found and names that
// must not be. Linguists extend the file; this test needs no change.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "kg/clean_text.hpp"
#include "kg/entity.hpp"
#include "kg/mention.hpp"
#include "kg/sentence.hpp"
#include "recognize/source_locator.hpp"

namespace {

kg::Resolution run(const std::string& text) {
  static const kg::Recognizer recognizer(kg::Lexicon::builtin());
  static const kg::EntityResolver resolver(kg::Lexicon::builtin());
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document("case", text));
  const auto sentences = kg::SentenceSplitter().split(clean);
  return resolver.resolve(clean, recognizer.recognize(clean, sentences));
}

bool has(const kg::Resolution& r, const std::string& name, const std::string& type) {
  for (const kg::Entity& e : r.entities)
    if ((e.name == name || std::binary_search(e.aliases.begin(), e.aliases.end(), name)) && kg::to_string(e.type) == type) return true;
  return false;
}

}  // namespace

TEST_CASE("entity cases from tests/cases/entities.json") {
  std::ifstream in(std::string(KG_TESTS_DIR) + "/cases/entities.json");
  REQUIRE(in);
  const nlohmann::json cases = nlohmann::json::parse(in);
  REQUIRE(cases.size() >= 10);
  for (const auto& c : cases) {
    SECTION(c.at("id").get<std::string>()) {
      const kg::Resolution r = run(c.at("input").get<std::string>());
      for (const auto& e : c.at("expected")) {
        INFO("expected " << e.at("name").get<std::string>() << " [" << e.at("type").get<std::string>() << "]");
        CHECK(has(r, e.at("name"), e.at("type")));
      }
      if (c.contains("absent"))
        for (const auto& name : c.at("absent")) {
          INFO("absent " << name.get<std::string>());
          for (const kg::Entity& e : r.entities) CHECK(e.name != name.get<std::string>());
        }
    }
  }
}

TEST_CASE("mentions carry offsets into the original text and a rule") {
  const std::string text = "我们在广州市海珠区调研。";
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document("d", text));
  const kg::Recognizer recognizer(kg::Lexicon::builtin());
  const auto mentions = recognizer.recognize(clean, kg::SentenceSplitter().split(clean));
  REQUIRE(mentions.size() >= 2);
  for (const kg::Mention& m : mentions) {
    CHECK(!m.rule.empty());
    CHECK(text.substr(m.source.byte_begin, m.source.byte_end - m.source.byte_begin) == m.surface);
  }
  CHECK(std::is_sorted(mentions.begin(), mentions.end(),
                       [](const kg::Mention& a, const kg::Mention& b) { return a.begin < b.begin; }));
}

TEST_CASE("a mention's rule outlives the recogniser that found it") {
  // Mention::rule views text the library keeps for the whole program.
  const std::string text = "深圳市人工智能产业协会会长王立新表示，星河数据科技有限公司将参加论坛。";
  const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document("d", text));
  std::vector<kg::Mention> mentions;
  {
    const kg::Recognizer recognizer(kg::Lexicon::builtin());
    mentions = recognizer.recognize(clean, kg::SentenceSplitter().split(clean));
  }
  std::vector<std::string> rules;
  for (const kg::Mention& m : mentions) rules.emplace_back(m.rule);
  CHECK(std::find(rules.begin(), rules.end(), "gazetteer") != rules.end());
  CHECK(std::find(rules.begin(), rules.end(), "role:会长") != rules.end());
  CHECK(std::any_of(rules.begin(), rules.end(), [](const std::string& r) { return r.starts_with("suffix:"); }));
}

TEST_CASE("the same input gives the same mentions") {
  const std::string text = "深圳市人工智能产业协会会长王立新表示，华为与腾讯云将参加论坛。";
  const kg::Resolution a = run(text), b = run(text);
  REQUIRE(a.entities.size() == b.entities.size());
  for (std::size_t i = 0; i < a.entities.size(); ++i) CHECK(a.entities[i].name == b.entities[i].name);
}

TEST_CASE("a name found once is found again wherever it recurs, at any byte offset") {
  // The search for repeated names reads the text eight bytes at a time and
  // the last few bytes one by one: padding moves the repeats across both.
  const kg::Recognizer recognizer(kg::Lexicon::builtin());
  const std::string name = "王立新";
  for (std::size_t pad = 0; pad < 16; ++pad) {
    const std::string text = "记者" + name + "说。" + std::string(pad, '1') + "，" + name + "说，会议由" + name;
    const kg::CleanDocument clean = kg::Cleaner().clean(kg::make_document("d", text));
    const std::string& cleaned = clean.text;
    std::vector<std::size_t> want;
    for (std::size_t at = cleaned.find(name); at != std::string::npos; at = cleaned.find(name, at + 1)) want.push_back(at);
    REQUIRE(want.size() == 3);
    std::vector<std::size_t> got;
    for (const kg::Mention& m : recognizer.recognize(clean, kg::SentenceSplitter().split(clean)))
      if (m.name == name) got.push_back(m.begin);
    INFO("pad " << pad);
    CHECK(got == want);
  }
}

TEST_CASE("source spans found by the locator are OffsetMap::to_source's") {
  // The original: ASCII, Han, a stray byte and a four-byte character, so the
  // locator's guesses of three bytes a character are sometimes wrong.
  const std::string original = "ab \xE4\xB8\xAD\xE6\x96\x87\r\n  x\xFFy\xF0\x9F\x98\x80\xE7\xA0\x94\xE7\xA9\xB6\xE9\x99\xA2 end";
  std::vector<std::uint32_t> starts;
  for (std::uint32_t i = 0; i < original.size(); ++i)
    if ((static_cast<unsigned char>(original[i]) & 0xC0) != 0x80) starts.push_back(i);
  // Derived text: copied stretches and folded ones (each byte standing for a range).
  using Run = kg::OffsetMap::Run;
  const std::vector<Run> runs = {
      {0, 0, 0, true},     // "ab" and the Han
      {8, 9, 13, false},   // "\r\n  " folded to one space
      {9, 13, 0, true},    // the rest, copied
  };
  const std::size_t size = 9 + (original.size() - 13);
  const kg::OffsetMap map(runs, size, starts, original.size());
  // Mentions come by position, some nested; every span is asked in that
  // order, then backwards: the answers must not depend on the order.
  kg::recognize::SourceLocator locate(map);
  for (std::size_t begin = 0; begin <= size; ++begin)
    for (std::size_t end = begin; end <= size + 1; ++end) REQUIRE(locate.to_source(begin, end) == map.to_source(begin, end));
  for (std::size_t begin = size; begin-- > 0;) {
    const std::size_t end = std::min(size, begin + 7);
    REQUIRE(locate.to_source(begin, end) == map.to_source(begin, end));
  }
}
