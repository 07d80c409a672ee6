// Sentence splitting: terminal marks, quotations kept whole, line breaks,
// offsets that slice the original text.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/sentence.hpp"

namespace {

std::vector<std::string> split(const std::string& text) {
  kg::CleanDocument doc;
  doc.id = "t";
  doc.text = text;
  doc.folded = text;
  doc.offsets = kg::OffsetMap::identity(text);
  std::vector<std::string> out;
  for (const kg::Sentence& s : kg::SentenceSplitter().split(doc)) out.push_back(s.text);
  return out;
}

}  // namespace

TEST_CASE("sentences end at terminal marks", "[segment]") {
  using V = std::vector<std::string>;
  const auto [input, expected] = GENERATE(table<std::string, V>({
      {"甲公司成立。乙公司入驻！丙公司呢？", V{"甲公司成立。", "乙公司入驻！", "丙公司呢？"}},
      {"第一句;第二句", V{"第一句;", "第二句"}},
      {"没有句号的一行", V{"没有句号的一行"}},
      {"真的吗？！当然。", V{"真的吗？！", "当然。"}},
      {"一行\n\n另一行", V{"一行", "另一行"}},
      {"   \n  ", V{}},
  }));
  CHECK(split(input) == expected);
}

TEST_CASE("quotations stay whole", "[segment]") {
  SECTION("terminal marks inside a quotation do not split") {
    CHECK(split("“我们很满意。也很期待。”张三说。下一句。") ==
          std::vector<std::string>{"“我们很满意。也很期待。”张三说。", "下一句。"});
  }
  SECTION("a quotation that ends the sentence keeps its closing mark") {
    CHECK(split("他说：“会继续投资。”“还会扩大规模。”") ==
          std::vector<std::string>{"他说：“会继续投资。”", "“还会扩大规模。”"});
  }
  SECTION("an abbreviation declared in parentheses is not cut") {
    CHECK(split("某某研究院（以下简称“研究院”。）成立。") ==
          std::vector<std::string>{"某某研究院（以下简称“研究院”。）成立。"});
  }
}

TEST_CASE("sentence offsets slice the text", "[segment]") {
  const std::string text = "  华为发布芯片。\n腾讯🚀举办大会！";
  kg::CleanDocument doc;
  doc.text = text;
  doc.folded = text;
  doc.offsets = kg::OffsetMap::identity(text);
  const auto sentences = kg::SentenceSplitter().split(doc);
  REQUIRE(sentences.size() == 2);
  for (const kg::Sentence& s : sentences) {
    CHECK(text.substr(s.begin, s.end - s.begin) == s.text);
    CHECK(text.substr(s.source.byte_begin, s.source.byte_end - s.source.byte_begin) == s.text);
  }
  CHECK(sentences[1].index == 1);
  // Characters, not bytes: the second sentence starts after 2 spaces, 7 characters and a newline.
  CHECK(sentences[1].source.char_begin == 10);
  CHECK(sentences[1].source.char_end == 18);  // 8 characters: the emoji is one
}
