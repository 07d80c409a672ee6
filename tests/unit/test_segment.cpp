// Sentence splitting: terminal marks, quotations kept whole, line breaks,
// offsets that slice the original text.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "common/utf8.hpp"
#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/sentence.hpp"

namespace {

// A clean document whose text is its own original (nothing was changed).
kg::CleanDocument identity_document(const std::string& text) {
  kg::CleanDocument doc;
  doc.id = "t";
  doc.text = text;
  doc.folded = text;
  doc.offsets = kg::OffsetMap::identity(text);
  return doc;
}

std::vector<std::string> split(const std::string& text) {
  const kg::CleanDocument doc = identity_document(text);
  std::vector<std::string> out;
  for (const kg::Sentence& s : kg::SentenceSplitter().split(doc)) out.emplace_back(s.text);
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

TEST_CASE("sentences own their text: they outlive the document and its changes", "[segment]") {
  std::vector<kg::Sentence> sentences;
  {
    kg::CleanDocument doc = identity_document("第一句。第二句！");
    sentences = kg::SentenceSplitter().split(doc);
    doc.text.assign(doc.text.size(), 'x');  // changing the document does not change them
  }
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0].text == "第一句。");
  CHECK(sentences[1].text == "第二句！");
  const kg::Sentence copy = sentences[1];
  sentences.clear();
  CHECK(copy.text == "第二句！");
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
  const kg::CleanDocument doc = identity_document(text);
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

// The splitter steps over characters that cannot be marks without decoding
// them, and finds source spans by walking the offset map. This is the plain
// way (decode every character, ask the map for every span); both must agree
// on every input, invalid UTF-8 and over-long forms included.
namespace {

bool ref_terminal(char32_t c) {
  return c == U'。' || c == U'！' || c == U'？' || c == U'!' || c == U'?' || c == U'；' || c == U';' || c == U'…';
}
bool ref_open(char32_t c) {
  return c == U'“' || c == U'「' || c == U'『' || c == U'《' || c == U'‘' || c == U'（' || c == U'(';
}
bool ref_close(char32_t c) {
  return c == U'”' || c == U'」' || c == U'』' || c == U'》' || c == U'’' || c == U'）' || c == U')';
}

std::vector<kg::Sentence> plain_split(const kg::CleanDocument& doc) {
  std::vector<kg::Sentence> out;
  const std::string& t = doc.text;
  auto emit = [&](std::size_t begin, std::size_t end) {
    while (begin < end) {
      std::size_t i = begin;
      const char32_t c = kg::utf8::next(t, i);
      if (!(c == U' ' || c == U'\t' || c == U'\r' || c == U'\u3000')) break;
      begin = i;
    }
    while (end > begin && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\r')) --end;
    if (begin >= end) return;
    kg::Sentence s;
    s.index = out.size();
    s.begin = begin;
    s.end = end;
    s.text = std::string_view(t).substr(begin, end - begin);
    s.source = doc.offsets.to_source(begin, end);
    out.push_back(s);
  };
  std::size_t start = 0;
  int depth = 0;
  bool pending = false;
  for (std::size_t i = 0; i < t.size();) {
    const std::size_t at = i;
    const char32_t c = kg::utf8::next(t, i);
    if (c == U'\n') {
      emit(start, at);
      start = i;
      depth = 0;
      pending = false;
    } else if (ref_open(c)) {
      ++depth;
    } else if (ref_close(c)) {
      if (depth > 0) --depth;
      if (depth == 0 && pending) {
        pending = false;
        std::size_t j = i;
        const char32_t next = j < t.size() ? kg::utf8::next(t, j) : U'\n';
        if ((next == U'\n' || ref_open(next)) && !ref_terminal(next)) {
          emit(start, i);
          start = i;
        }
      }
    } else if (ref_terminal(c)) {
      if (depth == 0) {
        std::size_t j = i;
        while (j < t.size()) {
          std::size_t k = j;
          const char32_t n = kg::utf8::next(t, k);
          if (!ref_terminal(n) && !ref_close(n)) break;
          j = k;
        }
        i = j;
        emit(start, i);
        start = i;
      } else {
        pending = true;
      }
    }
  }
  emit(start, t.size());
  return out;
}

void check_same_sentences(const kg::CleanDocument& doc) {
  const std::vector<kg::Sentence> fast = kg::SentenceSplitter().split(doc);
  const std::vector<kg::Sentence> plain = plain_split(doc);
  REQUIRE(fast.size() == plain.size());
  for (std::size_t k = 0; k < fast.size(); ++k) {
    CHECK(fast[k].index == plain[k].index);
    CHECK(fast[k].begin == plain[k].begin);
    CHECK(fast[k].end == plain[k].end);
    CHECK(fast[k].text == plain[k].text);
    CHECK(fast[k].source == plain[k].source);
  }
}

}  // namespace

TEST_CASE("the fast splitter agrees with the plain one", "[segment]") {
  SECTION("identity maps, odd bytes included") {
    const std::string input = GENERATE(
        std::string("甲公司成立。乙公司入驻！丙公司呢？“我们很满意。”他说。"),
        std::string("“会继续投资。”“还会扩大规模。”\n\n　 下一段……！”"),
        std::string("ab(c)d!e?f;g\r\nh\t \n"),
        std::string("\xC0\x8A甲\xC1\xBF。\xF0\x83\x80\x82乙\xE3\x80"),  // over-long 换行/。, a cut-off 。
        std::string("甲\xE3\x0A\x82乙。\x80\xBF丙\xEF\xBC"),            // a lead byte swallowing a line break
        std::string("甲\xE0\x80\x8A乙\xE0\x80\xA1丙\xE0\x80\xBB丁"),      // over-long line break, ! and ;
        // Long runs of Han characters, which the splitter steps over four at a time,
        // with a mark, a lead byte swallowing a mark and a cut-off character among them.
        std::string("甲乙丙丁戊己庚辛壬癸子丑寅卯。辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬癸！"),
        std::string("甲乙丙丁戊己庚辛壬癸\xE4!子丑寅卯辰巳午未申酉戌亥\xE5\x80。甲乙丙丁戊己庚辛壬癸"),
        std::string("甲乙丙丁戊己庚辛\xE6\n壬癸子丑寅卯辰巳午未“申酉戌亥。”甲乙丙丁戊己庚辛壬癸\xE7"),
        std::string("末尾的句号。"), std::string("x"), std::string(""));
    check_same_sentences(identity_document(input));
  }
  SECTION("every byte value among Han characters, marks and quotes") {
    // The splitter steps over several Han characters at a time where it can;
    // this mixes well-formed runs with every byte value, so both of its ways are taken.
    const std::vector<std::string> pieces = {"甲", "乙", "丙", "。", "，", "“", "”", "！", "\n", "a", "…", "（", "）"};
    std::string input;
    std::uint32_t state = GENERATE(1u, 2u, 3u);
    auto next = [&] { return state = state * 1664525u + 1013904223u; };
    for (int k = 0; k < 6000; ++k) {
      const std::uint32_t r = next() >> 8;
      if (r % 16 == 0) input += static_cast<char>(next() >> 24);  // any byte value
      else input += pieces[r % 29 < 13 ? r % 29 : r % 3];         // mostly Han characters
    }
    for (int b = 0; b < 256; ++b) input += std::string("甲乙丙丁戊己庚辛") + static_cast<char>(b) + "壬癸";
    check_same_sentences(identity_document(input));
  }
  SECTION("maps of cleaned text (markup removed, widths folded, traditional script)") {
    const std::string input = GENERATE(
        std::string("<html><head><title>標題</title></head><body><p>華為發布晶片。騰訊舉辦大會！</p>"
                    "<p>“我們很滿意。”他說。ＡＢＣ１２３公司成立；</p><p>（以下簡稱“研究院”）成立。</p></body></html>"),
        std::string("---\ntitle: 测试\n---\n# 标题\n\n某某公司宣布，  将在深圳\n建设基地。第二句！\n\n"
                    "ｆｕｌｌ　ｗｉｄｔｈ。\t“引语。”\n"));
    const kg::CleanDocument doc = kg::Cleaner().clean(kg::make_document("t", input));
    check_same_sentences(doc);
  }
}
