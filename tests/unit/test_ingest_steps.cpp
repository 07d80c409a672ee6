// Each cleaning step on its own, the cleaner as a whole, and the samples.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include <memory>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "common/utf8.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/char_class.hpp"
#include "ingest/decode.hpp"
#include "ingest/fold_table.hpp"
#include "ingest/line_join.hpp"
#include "ingest/mojibake.hpp"
#include "ingest/pinyin.hpp"
#include "ingest/step.hpp"
#include "ingest/width.hpp"
#include "kg/clean_text.hpp"
#include "kg/error.hpp"
#include "test_ingest_support.hpp"

using namespace kg;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string encode_gbk_as_wrong(const std::string& utf8) { return decode_from(encode_as(utf8, "UTF-8"), "GB18030"); }

// ICU's NFKC of a whole text at once.
std::string icu_nfkc(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::UnicodeString normal = nfkc->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

}  // namespace

TEST_CASE("pinyin marks go, ordinary parentheses stay", "[ingest][pinyin]") {
  const auto cases = GENERATE(table<std::string, std::string>({
      {"江城發(fā)布方案", "江城發布方案"},
      {"農業(yè)和工業（gōng yè）", "農業和工業"},
      {"人工智能(AI)產業", "人工智能(AI)產業"},
      {"增長(2023年)明顯", "增長(2023年)明顯"},
      {"公司(北京)有限", "公司(北京)有限"},
      {"他說(shuo)", "他說(shuo)"},          // no tone mark: not touched
      {"在A(yíng)I領域", "在AI領域"},      // inside a Latin word
      {"a(ā)b and Wang (wáng) Li", "ab and Wang (wáng) Li"},
      {"失落?qū)字", "失落?字"},            // the '(' was lost with a byte
  }));
  const std::string input = std::get<0>(cases);
  CHECK(ingest::remove_pinyin(input).output(input) == std::get<1>(cases));
}

TEST_CASE("mojibake runs are re-decoded when that gives plausible text", "[ingest][mojibake]") {
  SECTION("UTF-8 read as GBK") {
    const std::string broken = "市政府" + encode_gbk_as_wrong("发布") + "。";
    CHECK(broken == "市政府鍙戝竷。");
    const ingest::StepResult r = ingest::repair_mojibake(broken);
    CHECK(r.text == "市政府发布。");
    REQUIRE(r.changes.size() == 1);
  }
  SECTION("GBK decoded one byte late, with a full-width mark folded to ASCII") {
    // 階段。粵港澳 -> the period's second byte pairs with the next lead byte.
    const std::string gbk = encode_as("粵港澳大灣區", "GB18030");
    std::u32string dummy;
    const std::string shifted = decode_from(gbk.substr(1) + "x", "GB18030");
    const std::string broken = "前一階段?;" + shifted.substr(0, shifted.size() - 1) + "是關鍵";
    const ingest::StepResult r = ingest::repair_mojibake(broken);
    CHECK(contains(r.text, "粵港澳大灣區"));
  }
  SECTION("runs at the very start, and several runs with rare names between them") {
    // (Widest first: a run swallows a frequent character after it when the
    // widest re-decoding is plausible without it; outputs as before this
    // search was made window by window.)
    const std::string at_start = encode_gbk_as_wrong("发布") + "。";
    CHECK(ingest::repair_mojibake(at_start).output(at_start) == "发布");
    const std::string two = "市政府" + encode_gbk_as_wrong("发布") + "新政策,譚政燾、邱琇和龔鑫出席,市长说" +
                            encode_gbk_as_wrong("发布") + "会议。";
    const ingest::StepResult r = ingest::repair_mojibake(two);
    CHECK(r.output(two) == "市政府发布政策,譚政燾、邱琇和龔鑫出席,市长说发布议。");
    CHECK(r.changes.size() == 2);
    // The same from the window the folding scan finds.
    std::string folded;
    for (const std::string& text : {at_start, two}) {
      const std::size_t window_end = ingest::first_mojibake_window_folding(text, folded);
      CHECK(ingest::repair_mojibake_from(text, window_end).output(text) == ingest::repair_mojibake(text).output(text));
    }
  }
  SECTION("ordinary text with rare names is left alone") {
    const std::string text = "譚政燾、邱琇和龔鑫出席了會議,會議在琶洲舉行。";
    const ingest::StepResult r = ingest::repair_mojibake(text);
    CHECK(r.same);
    CHECK(r.output(text) == text);
  }
}

TEST_CASE("the mojibake scan folds as fold_to_simplified does", "[ingest][mojibake]") {
  // Traditional and simplified text, Latin, characters of four bytes (left
  // to fold_to_simplified) and a three-byte character cut off at the end.
  const auto text = GENERATE(as<std::string>{}, "", "廣東省實施意見與發展數據", "Café 與 ASCII, 123",
                             "廣\U00020000東", "發展\xE5\xBB", "譚政燾、邱琇和龔鑫出席了會議。");
  std::string folded;
  CHECK_FALSE(ingest::may_hold_mojibake_folding(text, folded));
  CHECK(folded == fold_to_simplified(text));
  CHECK(ingest::repair_mojibake(text).same);
  CHECK(ingest::first_mojibake_window_folding(text, folded) == std::string_view::npos);
  CHECK(folded == fold_to_simplified(text));
  // Text with a suspect run is left to the repair; the fold is whole all the
  // same, and the repair from the run found gives what the repair alone gives.
  const std::string broken = "市政府" + encode_gbk_as_wrong("发布") + "。" + text + "實施意見";
  CHECK(ingest::may_hold_mojibake_folding(broken, folded));
  const std::size_t window_end = ingest::first_mojibake_window_folding(broken, folded);
  REQUIRE(window_end != std::string_view::npos);
  CHECK(folded == fold_to_simplified(broken));
  const ingest::StepResult alone = ingest::repair_mojibake(broken), from = ingest::repair_mojibake_from(broken, window_end);
  CHECK(from.output(broken) == alone.output(broken));
  CHECK(from.changes.size() == alone.changes.size());
}

TEST_CASE("boilerplate lines are classified by rule", "[ingest][boilerplate]") {
  const auto cases = GENERATE(table<std::string, std::string>({
      {"咨询热线:021-12345678", "contact"},
      {"备案号:沪ICP备2021000000号-1", "copyright"},
      {"某某网 版权所有", "copyright"},
      {"[责任编辑:张三]", "credit"},
      {"视频剪辑/某报记者:李四", "credit"},
      {"点赞(12) 收藏 分享", "widget"},
      {"返回", "widget"},
      {"相关阅读", "related"},
      {"久久综合网-久久综合五月天-久久综合图区", "spam"},
      {"新闻一 | 新闻二 | 新闻三 | 新闻四 | 新闻五 | 新闻六 | 新闻七 | 新闻八 | 新闻九", "spam"},
      {"免责声明:本站内容仅供参考,不代表本站观点。", "disclaimer"},
      // Text stays:
      {"(文章来源:经济日报)", ""},
      {"分享经济新模式", ""},
      {"记者从市政府获悉,新区将设立专项资金。", ""},
      {"公司在欧美和东南亚市场推出新品,用户评论积极。", ""},
      {"2023-10-14 06:19:20 来源:经济日报", ""},
  }));
  CHECK(ingest::classify_noise_line(std::get<0>(cases)) == std::get<1>(cases));
}

TEST_CASE("weak spam terms count by how much of the line they cover", "[ingest][boilerplate]") {
  // Three weak terms (one of them twice, overlapping another) covering most of the line.
  CHECK(ingest::classify_noise_line("欧美精品精品视频在线观看") == "spam");
  // The same terms inside a long ordinary sentence cover too little of it.
  std::string sentence = "报告指出,欧美市场的精品视频服务在线观看人数增长,";
  for (int i = 0; i < 20; ++i) sentence += "研究机构认为这一趋势将延续到明年并带动相关产业发展,";
  sentence += "专家表示需要加强监管。";
  CHECK(ingest::classify_noise_line(sentence) == "");
}

TEST_CASE("lines broken mid-sentence are joined, paragraphs stay", "[ingest][linejoin]") {
  const auto cases = GENERATE(table<std::string, std::string>({
      {"产业园已聚集企业200余家,园区累计培育国家级公共\n\n技术平台5个,企业7家。",
       "产业园已聚集企业200余家,园区累计培育国家级公共技术平台5个,企业7家。"},
      {"深圳算力供给能力大幅跃升,\n人工智能底层基础不断夯实。", "深圳算力供给能力大幅跃升,人工智能底层基础不断夯实。"},
      {"第一段结束了。\n\n第二段开始。", "第一段结束了。\n\n第二段开始。"},
      {"推动集聚发展\n\n走进园区,看到新气象。", "推动集聚发展\n\n走进园区,看到新气象。"},
      {"市长表示,新区将设立专项资金支持企业\n\n小标题\n\n正文继续。", "市长表示,新区将设立专项资金支持企业\n\n小标题\n\n正文继续。"},
      {"The committee, after a long debate in the city council\nagreed to the plan.",
       "The committee, after a long debate in the city council agreed to the plan."},
      // Around the heading length (20 characters), with lines long enough
      // that their facts are read only as far as they matter, and trailing
      // spaces before the break.
      {"市长表示,新区将设立专项资金支持企业发展壮大\n一二三四五六七八九十一二三四五六七八九十",
       "市长表示,新区将设立专项资金支持企业发展壮大\n一二三四五六七八九十一二三四五六七八九十"},
      {"市长表示,新区将设立专项资金支持企业发展壮大\n一二三四五六七八九十一二三四五六七八九十一",
       "市长表示,新区将设立专项资金支持企业发展壮大一二三四五六七八九十一二三四五六七八九十一"},
      {"市长表示,新区将设立专项资金支持企业发展壮大 \u3000 \n\n相关部门,将在下月跟进落实各项措施并公布细则 \n",
       "市长表示,新区将设立专项资金支持企业发展壮大相关部门,将在下月跟进落实各项措施并公布细则 \n"},
  }));
  const std::string input = std::get<0>(cases);
  CHECK(ingest::join_broken_lines(input).output(input) == std::get<1>(cases));
}

TEST_CASE("width folds full-width forms and whitespace", "[ingest][width]") {
  CHECK(ingest::normalise_width("ＡＩ芯片２０２４年").text == "AI芯片2024年\n");
  CHECK(ingest::normalise_width("  第一段   有空格  \n\n\n\n第二段\u3000").text == "第一段 有空格\n\n第二段\n");
  CHECK(ingest::normalise_width("").text.empty());
}

TEST_CASE("NFKC skipping inert stretches agrees with ICU over the whole text", "[ingest][width]") {
  // Long stretches of Han and ASCII (skipped by lead byte), CJK punctuation
  // and full-width forms (checked per character), and characters followed by
  // combining marks (which must not be skipped): in one text and alone.
  const auto text = GENERATE(as<std::string>{},
      "深圳算力供给能力大幅跃升人工智能底层基础不断夯实",
      "ＡＩ芯片２０２４年，市场「回暖」。第二句……",
      "e\u0301t\u00e9 cafe\u0301",
      "中\u0301文",
      "か\u3099き\u309aく",
      "全角\u3000空格和\uFF08括号\uFF09",
      "ﬁ ㍻ ①②③ ¼",
      "\u1100\u1161\u11A8한국어",
      "末尾是汉字",
      "a",
      "深圳算力供给能力大幅跃升，ＡＩ芯片２０２４年e\u0301中\u0301文か\u3099\u3000结束。");
  const ingest::StepResult r = ingest::apply_nfkc(text);
  CHECK(std::string(r.output(text)) == icu_nfkc(text));
}

TEST_CASE("widget tokens go only from lines with widget terms", "[ingest][boilerplate]") {
  const std::string body = "记者从市政府获悉,新区将设立专项资金支持人工智能企业发展。\n";
  const std::string widgets = body + "放大字体  缩小字体 发布日期:2023-10-14 浏览次数:827\n" + body;
  const ingest::StepResult removed = ingest::remove_boilerplate(widgets);
  const std::string out(removed.output(widgets));
  CHECK_FALSE(contains(out, "放大字体"));
  CHECK_FALSE(contains(out, "浏览次数"));
  CHECK(contains(out, "发布日期:2023-10-14"));
  // The same kind of line without a widget term is left as it is.
  const std::string plain = body + "发布日期:2023-10-14 作者 张三 编辑 李四\n" + body;
  CHECK(std::string(ingest::remove_boilerplate(plain).output(plain)) == plain);
}

TEST_CASE("lines are split as a byte-by-byte scan splits them", "[ingest][lines]") {
  const auto text = GENERATE(as<std::string>{}, "", "a", "\n", "a\n", "\n\n", "一\n二\n\n三", "no newline at all",
                             "\n开头和结尾\n");
  std::vector<ingest::Line> expected{{0, 0}};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') continue;
    expected.back().end = i;
    expected.push_back({i + 1, i + 1});
  }
  expected.back().end = text.size();
  const std::vector<ingest::Line> lines = ingest::split_lines(text);
  REQUIRE(lines.size() == expected.size());
  CHECK(ingest::count_newlines(text) == expected.size() - 1);
  for (std::size_t k = 0; k < lines.size(); ++k) {
    CHECK(lines[k].begin == expected[k].begin);
    CHECK(lines[k].end == expected[k].end);
  }
}

TEST_CASE("UTF-8 decoding copies CJK and drops zero widths and marks of other leads", "[ingest][encoding]") {
  // Leads E3-EC are copied without the special-sequence check; E2 and EF
  // sequences (zero width space, BOM, line separator) still get it.
  const std::string bytes = "中\u200B文\uFEFF字。한국\u2028Eé\u3000x\u2026";
  const ingest::Decoded d = ingest::decode(bytes, "", "t");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == "中文字。한국\nEé\u3000x\u2026");
  CHECK(d.chars == utf8::length(bytes));
  CHECK(d.map.size() == d.text.size());
  CHECK(d.map.to_source(0, 3).byte_end == 3);
  CHECK(d.map.origin_of(3).first == 6);  // 文, after the dropped zero width space
}

TEST_CASE("UTF-8 decoding records a character start for every stray byte", "[ingest][encoding]") {
  // The list of character starts is sized for a character per lead byte:
  // stray continuation bytes (each a replacement character) make room of
  // their own, also when many come before a long stretch of copied text.
  // A byte-order mark, so that the bytes are read as UTF-8 however invalid.
  std::string bytes = "\xEF\xBB\xBF" + std::string(300, '\x80');
  for (int k = 0; k < 200; ++k) bytes += "中文";
  const ingest::Decoded d = ingest::decode(bytes, "", "t");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.replaced == 300);
  CHECK(d.chars == 300 + 400);
  const std::vector<std::uint32_t>& starts = d.map.char_starts();
  REQUIRE(starts.size() == 700);
  CHECK(starts[0] == 3);
  CHECK(starts[299] == 302);
  CHECK(starts[300] == 303);
  CHECK(starts[699] == 303 + 399 * 3);
  // The loop over plain CJK stops at a character cut short at the end, or
  // with a bad trail byte, and the general path replaces it.
  for (const std::string& tail : {std::string("\xE4\xB8"), std::string("\xE4\xB8\x41"), std::string("\xEC\xC0\x80")}) {
    const ingest::Decoded cut = ingest::decode("\xEF\xBB\xBF中文" + tail, "", "t");
    CHECK(cut.text.substr(0, 6) == "中文");
    CHECK(cut.replaced >= 1);
    CHECK(cut.map.char_starts().size() == cut.chars);
  }
}

TEST_CASE("the inline decoder agrees with utf8::next", "[ingest][utf8]") {
  // One to four bytes, a stray continuation byte, and a three-byte lead cut off at the end.
  const std::string text = "a\u00e9中\U00020000\x80x\xE4\xB8";
  std::size_t i = 0, j = 0;
  while (i < text.size()) {
    const char32_t fast = ingest::next_char(text, i);
    CHECK(fast == utf8::next(text, j));
    CHECK(i == j);
  }
}

TEST_CASE("a step's folded output is the fold of its output", "[ingest][fold]") {
  // Inserted pieces with foldable characters are folded, ASCII ones appended as they are.
  const std::string input = "廣東省,實施 意見";
  ingest::MapBuilder b(input, 3);
  b.copy(0, 9);
  b.insert(",", 9, 10);
  b.copy(10, 16);
  b.insert("與發展", 16, 17);
  b.copy(17, input.size());
  b.insert("\n", input.size(), input.size());
  const ingest::StepResult r = b.finish();
  CHECK(r.fold_output(fold_to_simplified(input)) == fold_to_simplified(r.text));
  CHECK(r.fold_output(fold_to_simplified(input)) == "广东省,实施与发展意见\n");
  // Written into a buffer still holding an earlier text: the same.
  std::string reused = "舊的內容,比輸出更長的一段舊文字";
  r.fold_output(fold_to_simplified(input), reused);
  CHECK(reused == r.fold_output(fold_to_simplified(input)));
}

TEST_CASE("the format comes from the name's extension as std::filesystem reads it", "[ingest][format]") {
  // The cleaner reads extensions without path objects; it must agree with them.
  auto by_filesystem = [](const std::string& name) {
    std::string ext = std::filesystem::path(name).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::Html;
    if (ext == ".md" || ext == ".markdown") return InputFormat::Markdown;
    return InputFormat::Text;
  };
  for (const std::string name : {"a.html", "a.HTM", "dir/b.XHTML", "c.md", "x/y.Markdown", ".md", "dir/.html", "..md",
                                 "dir.md/file", "dir.md/", "file.md.txt", "a.", ".", "..", "noext", "a/b.c/d.htm"}) {
    INFO(name);
    CHECK(Cleaner().clean(make_document(name, "今天天气很好,我们去公园散步。\n")).format == by_filesystem(name));
  }
}

TEST_CASE("spare text buffers: the smallest that fits, else the largest", "[ingest][buffers]") {
  while (!ingest::spare_text_buffers().empty()) ingest::take_text_buffer(0);
  std::string small(100, 'a'), large(1000, 'b');
  const std::size_t small_capacity = small.capacity(), large_capacity = large.capacity();
  ingest::give_back_text_buffer(std::move(large));
  ingest::give_back_text_buffer(std::move(small));
  ingest::give_back_text_buffer(std::string("short"));  // no heap buffer to keep
  REQUIRE(ingest::spare_text_buffers().size() == 2);
  const std::string fits = ingest::take_text_buffer(50);
  CHECK(fits.empty());
  CHECK(fits.capacity() == small_capacity);
  const std::string largest = ingest::take_text_buffer(5000);
  CHECK(largest.empty());
  CHECK(largest.capacity() == large_capacity);
  CHECK(ingest::take_text_buffer(10).capacity() < 100);  // none left: a new string
}

TEST_CASE("cleaning with reused buffers gives what a first cleaning gives", "[ingest][buffers]") {
  // Documents of different sizes, each cleaned after the others have left
  // their buffers behind, come out as the first time.
  const std::string large = "華為(huá)公司 發布了新產品。\n\n相關閱讀\n點擊關注我們\n價格為１２３元,比去年\n高出兩成。\n" +
                            std::string(3000, 'x') + "\n";
  const std::string small = "ＡＢＣ 公司(gōng sī)今天宣布。\n";
  CleanOptions recording;
  recording.record_changes = true;
  const Cleaner cleaner(recording);
  const CleanDocument first_large = cleaner.clean(make_document("large", large));
  const CleanDocument first_small = cleaner.clean(make_document("small", small));
  const CleanDocument again_large = cleaner.clean(make_document("large", large));
  const CleanDocument again_small = cleaner.clean(make_document("small", small));
  CHECK(again_large.text == first_large.text);
  CHECK(again_large.folded == first_large.folded);
  CHECK(explain_cleaning(again_large) == explain_cleaning(first_large));
  CHECK(again_small.text == first_small.text);
  CHECK(again_small.folded == first_small.folded);
  CHECK(explain_cleaning(again_small) == explain_cleaning(first_small));
  CHECK(first_small.changes.size() >= 2);
}

TEST_CASE("folding to simplified keeps byte lengths", "[ingest][fold]") {
  const std::string traditional = "廣東省實施意見與發展數據";
  const std::string folded = fold_to_simplified(traditional);
  CHECK(folded == "广东省实施意见与发展数据");
  CHECK(folded.size() == traditional.size());
  CHECK(fold_to_simplified("ASCII text, 123") == "ASCII text, 123");
  // Characters of four bytes and a three-byte character cut off at the end.
  CHECK(fold_to_simplified("廣\U00020000東\xE5\xBB") == "广\U00020000东\xE5\xBB");
  CHECK(canonical_name("《廣東日報》") == "广东日报");
  CHECK(canonical_name("  “ＡＩ實驗室” ") == "AI实验室");
}

TEST_CASE("the cleaner removes every kind of noise and keeps the body word for word", "[ingest][cleaner]") {
  CleanOptions recording;
  recording.record_changes = true;
  const Cleaner cleaner(recording);
  const std::string noisy = read_fixture("noisy_traditional.txt");
  REQUIRE(!noisy.empty());
  const CleanDocument c = cleaner.clean(make_document("noisy_traditional.txt", noisy));
  for (const char* gone : {"咨詢熱線", "(fā)", "(yè)", "放大字體", "瀏覽次數", "責任編輯", "點贊", "評論", "返回",
                           "ICP", "版權所有"})
    CHECK_FALSE(contains(c.text, gone));
  std::istringstream body(read_fixture("body_traditional.txt"));
  for (std::string line; std::getline(body, line);) {
    INFO(line);
    CHECK(contains(c.text, line));
  }
  CHECK(contains(c.text, "發布日期:2024-03-02"));
  CHECK(contains(c.text, "來源:江城晚報"));
  CHECK(c.counts.at("pinyin") == 2);
  CHECK(c.counts.at("linejoin") == 1);
  CHECK(c.folded.size() == c.text.size());
  CHECK(contains(c.folded, "江城发布智能农业行动方案"));

  SECTION("each step can be switched off") {
    CleanOptions keep_pinyin;
    keep_pinyin.keep(CleanStep::Pinyin);
    CHECK(contains(Cleaner(keep_pinyin).clean(make_document("a", noisy)).text, "發(fā)布"));
    CleanOptions keep_boiler;
    keep_boiler.keep(CleanStep::Boilerplate);
    CHECK(contains(Cleaner(keep_boiler).clean(make_document("a", noisy)).text, "版權所有"));
  }
  SECTION("without recording, no changes are listed and everything else is the same") {
    const CleanDocument plain = Cleaner().clean(make_document("noisy_traditional.txt", noisy));
    CHECK(plain.changes.empty());
    CHECK(plain.text == c.text);
    CHECK(plain.counts == c.counts);
    CHECK(c.changes.size() > 5);
  }
  SECTION("the explanation names steps, lines and offsets, deterministically") {
    const std::string e = explain_cleaning(c);
    CHECK(contains(e, "pinyin removed line 3"));
    CHECK(contains(e, "boilerplate removed (contact) line 1 bytes 0-"));
    CHECK(e == explain_cleaning(cleaner.clean(make_document("noisy_traditional.txt", noisy))));
  }
}

TEST_CASE("GB18030, Big5, UTF-16 and BOM copies give the same clean text", "[ingest][encoding]") {
  const Cleaner cleaner;
  // Big5 has no letters with tone marks, so the copies start without pinyin.
  const std::string noisy = read_fixture("noisy_traditional.txt");
  const std::string utf8(ingest::remove_pinyin(noisy).output(noisy));
  const CleanDocument original = cleaner.clean(make_document("a", utf8));
  const auto codec = GENERATE(as<std::string>{}, "GB18030", "Big5", "UTF-16LE-BOM", "UTF-8-BOM");
  std::string bytes;
  if (codec == "UTF-8-BOM") bytes = "\xEF\xBB\xBF" + utf8;
  else if (codec == "UTF-16LE-BOM") bytes = "\xFF\xFE" + encode_as(utf8, "UTF-16LE");
  else bytes = encode_as(utf8, codec.c_str());
  REQUIRE(!bytes.empty());
  const CleanDocument copy = cleaner.clean(make_document("b", bytes));
  INFO(codec << " detected as " << copy.encoding);
  CHECK(copy.text == original.text);
  CHECK(copy.folded == original.folded);

  SECTION("a forced encoding is used, and a wrong one is an error naming the document") {
    CleanOptions forced;
    forced.encoding = "GB18030";
    const std::string gbk = encode_as(utf8, "GB18030");
    CHECK(Cleaner(forced).clean(make_document("g", gbk)).text == original.text);
    forced.encoding = "no-such-codec";
    CHECK_THROWS_AS(Cleaner(forced).clean(make_document("named.txt", gbk)), Error);
    forced.encoding = "UTF-8";
    try {
      Cleaner(forced).clean(make_document("named.txt", gbk));
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::Encoding);
      CHECK(contains(e.what(), "named.txt"));
    }
  }
}

TEST_CASE("simplified GB2312 text is detected", "[ingest][encoding]") {
  const std::string utf8 = read_fixture("spam_simplified.txt");
  const CleanDocument c = Cleaner().clean(make_document("s", encode_as(utf8, "GB18030")));
  CHECK(c.encoding == "GB18030");
  CHECK(c.text == Cleaner().clean(make_document("s", utf8)).text);
}

TEST_CASE("spam, disclaimers and link lists are dropped", "[ingest][boilerplate]") {
  const CleanDocument c = Cleaner().clean(make_document("s", read_fixture("spam_simplified.txt")));
  CHECK(c.text ==
        "河湾新区举办机器人产业对接会\n\n河湾新区管委会12日举办机器人产业对接会,二十余家本地制造企业与五家机器人"
        "公司签署合作意向。\n管委会副主任赵明说,新区将设立专项资金,支持企业开展智能化改造。\n");
}

TEST_CASE("HTML pages give their visible text", "[ingest][html]") {
  const std::string html = read_fixture("article.html");
  const CleanDocument c = Cleaner().clean(make_document("article.html", html));
  CHECK(c.format == InputFormat::Html);
  CHECK(c.text ==
        "河湾新区举办机器人产业对接会\n\n河湾新区管委会12日举办机器人产业对接会—二十余家本地制造企业与五家机器人"
        "公司签署合作意向。\n\n管委会副主任赵明说,新区将设立专项资金&支持企业开展智能化改造。\n");
  CHECK(c.attributes.at("title") == "河湾新区举办机器人产业对接会");
  CHECK(c.attributes.at("author") == "周文");
  CHECK(c.attributes.at("date") == "2024-05-12");
  // The decoded reference maps to the whole "&mdash;".
  const std::size_t dash = c.text.find("—");
  const SourceSpan s = c.offsets.to_source(dash, dash + 3);
  CHECK(html.substr(s.byte_begin, s.byte_end - s.byte_begin) == "&mdash;");
}

TEST_CASE("Markdown front matter becomes attributes and a title paragraph", "[ingest][markdown]") {
  const std::string md = read_fixture("article.md");
  const CleanDocument c = Cleaner().clean(make_document("article.md", md));
  CHECK(c.format == InputFormat::Markdown);
  CHECK(c.text ==
        "河湾新区举办机器人产业对接会\n\n对接会现场\n\n河湾新区管委会12日举办机器人产业对接会,二十余家本地制造企业"
        "与五家机器人公司签署合作意向。\n\n管委会副主任赵明说,新区将设立专项资金,支持企业开展智能化改造。\n");
  CHECK(c.attributes.at("url") == "https://news.example.com/a/1");
  CHECK(c.attributes.at("date") == "2024-05-12");
  CHECK(c.attributes.at("author") == "周文");
  const SourceSpan s = c.offsets.to_source(0, 6);
  CHECK(md.substr(s.byte_begin, s.byte_end - s.byte_begin) == "河湾");
}

TEST_CASE("bad input gives an empty result or a named error, never a crash", "[ingest][robust]") {
  const Cleaner cleaner;
  CHECK(cleaner.clean(make_document("empty", "")).text.empty());
  std::string noise;
  std::uint32_t x = 12345;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1664525u + 1013904223u;
    noise += static_cast<char>(x >> 24);
  }
  const CleanDocument c = cleaner.clean(make_document("random.bin", noise));
  CHECK(c.text.empty());
  REQUIRE(!c.warnings.empty());
  CHECK(contains(c.warnings.back(), "random.bin"));
  CHECK(c.folded.size() == c.text.size());
  CHECK(cleaner.clean(make_document("nul", std::string(100, '\0'))).text.empty());
  CHECK(cleaner.clean(make_document("odd.html", "<p>&#xD800;&bogus;<<</p>")).text.size() < 20);
}

TEST_CASE("JSON Lines records become documents", "[ingest][jsonl]") {
  const auto docs = parse_jsonl_documents(
      "{\"id\":\"a1\",\"text\":\"第一篇\",\"url\":\"https://x/1\",\"date\":\"2024-01-01\"}\n\n"
      "{\"id\":2,\"text\":\"第二篇\",\"source\":\"某报\"}\n",
      "feed.jsonl");
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].id == "a1");
  CHECK(docs[0].bytes == "第一篇");
  CHECK(docs[0].attributes.at("url") == "https://x/1");
  CHECK(docs[1].id == "2");
  CHECK(docs[1].attributes.at("source") == "某报");
  try {
    parse_jsonl_documents("{\"id\":1,\"text\":\"ok\"}\n{broken\n", "feed.jsonl");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::Format);
    CHECK(contains(e.what(), "feed.jsonl line 2"));
  }
}

TEST_CASE("the samples come out clean", "[ingest][seeds]") {
  const std::filesystem::path seeds = std::filesystem::path(KG_SHARED_DIR) / "seeds";
  if (!std::filesystem::exists(seeds)) {
    WARN("shared seeds not found; skipped");
    return;
  }
  const Cleaner cleaner;
  std::string all;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    const CleanDocument c = cleaner.clean(read_document(entry.path().string()));
    INFO(entry.path().filename().string());
    for (const char* gone : {"ICP", "版权所有", "責任編輯", "责任编辑", "咨詢熱線", "蜘蛛池", "久久", "點贊", "頂部",
                             "聯系電話", "投稿郵箱", "不代表本網站", "(yè)", "(fā)"})
      CHECK_FALSE(contains(c.text, gone));
    all += c.folded;
  }
  CHECK(contains(all, "粤港澳大湾区是人工智能"));
  CHECK(contains(all, "园区累计培育国家级公共技术平台5个"));  // a sentence broken over a blank line
  CHECK(contains(all, "文章来源:经济日报"));                  // source lines stay
  CHECK(contains(all, "发布日期:2023-11-14 来源:科技日报"));  // dateline without its widgets
  CHECK_FALSE(contains(all, "浏览次数"));
  CHECK_FALSE(contains(all, "放大字体"));
}

TEST_CASE("a regular file is read whole, byte for byte, as its stream would be", "[ingest][read]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(KG_BINARY_DIR) / "test-scratch" / "read-document";
  fs::create_directories(dir);
  // NUL bytes, a GB18030 pair, an ill-formed sequence and a large size.
  std::string bytes("华为\0\xC4\xE3\xBA\xC3\xFF\xFE", 14);
  for (int i = 0; i < 20000; ++i) bytes += static_cast<char>(i * 31 % 256);
  const fs::path file = dir / "mixed.txt";
  std::ofstream(file, std::ios::binary) << bytes;

  const kg::RawDocument from_path = kg::read_document(file.string());
  std::ifstream in(file, std::ios::binary);
  const kg::RawDocument from_stream = kg::read_document(in, "mixed.txt", file.string());
  CHECK(from_path.bytes == bytes);
  CHECK(from_path.bytes == from_stream.bytes);
  CHECK(from_path.id == "mixed.txt");
  CHECK(from_path.path == file.string());

  const fs::path empty = dir / "empty.txt";
  std::ofstream(empty, std::ios::binary).flush();
  CHECK(kg::read_document(empty.string()).bytes.empty());
}

// The table asks ICU only about the characters its transliterator says it
// may change; asking about every Han character must give the same table.
TEST_CASE("the fold table equals ICU's answer for every Han character", "[ingest][fold]") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  const std::pair<char32_t, char32_t> blocks[] = {
      {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}, {0x20000, 0x2A6DF}, {0x2F800, 0x2FA1F}};
  icu::UnicodeString all;
  std::vector<char32_t> sources;
  for (const auto& [first, last] : blocks)
    for (char32_t cp = first; cp <= last; ++cp) {
      sources.push_back(cp);
      all.append(static_cast<UChar32>(cp)).append(static_cast<UChar>('\n'));
    }
  t2s->transliterate(all);
  auto utf8_length = [](char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; };
  std::vector<std::pair<char32_t, char32_t>> expected;
  std::size_t index = 0;
  int32_t line_start = 0;
  for (int32_t i = 0; i < all.length(); ++i) {
    if (all.charAt(i) != u'\n') continue;
    const icu::UnicodeString out(all, line_start, i - line_start);
    line_start = i + 1;
    const char32_t from = sources[index++];
    if (out.countChar32() != 1) continue;
    const auto to = static_cast<char32_t>(out.char32At(0));
    if (to != from && utf8_length(to) == utf8_length(from)) expected.emplace_back(from, to);
  }
  REQUIRE(index == sources.size());
  const auto pairs = kg::ingest::FoldTable::instance().pairs();
  CHECK(pairs.size() > 2000);  // ICU knows a few thousand traditional forms
  CHECK(pairs == expected);
}
