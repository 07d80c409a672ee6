// The benchmark corpus generator (bench/corpus.hpp): the same options give
// the same bytes, the size target holds, and the articles carry both scripts
// and the noise the cleaning stage is benchmarked on.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "../../bench/corpus.hpp"

namespace {

using kg::bench::Article;
using kg::bench::CorpusGenerator;
using kg::bench::CorpusOptions;

std::vector<Article> generate(CorpusOptions options, const kg::Lexicon* lexicon = nullptr) {
  CorpusGenerator gen(options, lexicon);
  std::vector<Article> out;
  while (std::optional<Article> a = gen.next()) out.push_back(std::move(*a));
  return out;
}

std::string concatenate(const std::vector<Article>& articles) {
  std::string all;
  for (const Article& a : articles) all += a.id + '\n' + a.text + '\n';
  return all;
}

std::size_t text_bytes(const std::vector<Article>& articles) {
  std::size_t n = 0;
  for (const Article& a : articles) n += a.text.size();
  return n;
}

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

bool any_contains(const std::vector<Article>& articles, std::string_view needle) {
  for (const Article& a : articles)
    if (a.text.find(needle) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("same seed gives the same bytes, another seed different ones", "[bench][corpus]") {
  CorpusOptions options;
  options.target_bytes = 256 * 1024;
  options.seed = 11;
  const std::string first = concatenate(generate(options));
  const std::string again = concatenate(generate(options));
  CHECK(first == again);

  options.seed = 12;
  const std::string other = concatenate(generate(options));
  CHECK(other != first);
}

TEST_CASE("the built-in lexicon, when it loads, gives deterministic output too", "[bench][corpus]") {
  const auto [lexicon, problem] = CorpusGenerator::builtin_lexicon_or_null();
  if (!lexicon) {
    WARN("built-in lexicon does not load, skipped: " << problem);
    return;
  }
  CorpusOptions options;
  options.target_bytes = 64 * 1024;
  CHECK(concatenate(generate(options, lexicon)) == concatenate(generate(options, lexicon)));
}

TEST_CASE("the size target is reached and overshot by less than one article", "[bench][corpus]") {
  const std::size_t target = GENERATE(std::size_t{1}, std::size_t{10'000}, std::size_t{300'000});
  CorpusOptions options;
  options.target_bytes = target;
  const std::vector<Article> articles = generate(options);
  REQUIRE_FALSE(articles.empty());
  const std::size_t total = text_bytes(articles);
  CHECK(total >= target);
  CHECK(total - articles.back().text.size() < target);

  options.target_bytes = 0;
  CHECK(generate(options).empty());
}

TEST_CASE("articles are valid UTF-8 with distinct ids", "[bench][corpus]") {
  CorpusOptions options;
  options.target_bytes = 200'000;
  const std::vector<Article> articles = generate(options);
  std::set<std::string> ids;
  for (const Article& a : articles) {
    CHECK(valid_utf8(a.text));
    CHECK(a.date.size() == 10);
    ids.insert(a.id);
  }
  CHECK(ids.size() == articles.size());
}

TEST_CASE("scripts and noise follow the options", "[bench][corpus]") {
  CorpusOptions options;
  options.target_bytes = 400'000;

  SECTION("all traditional: traditional characters and pinyin marks appear") {
    options.traditional_percent = 100;
    const std::vector<Article> articles = generate(options);
    CHECK(any_contains(articles, "產業"));
    CHECK(any_contains(articles, "(yè)"));
    CHECK_FALSE(any_contains(articles, "产业"));
  }
  SECTION("all simplified: no traditional text, no pinyin marks") {
    options.traditional_percent = 0;
    const std::vector<Article> articles = generate(options);
    CHECK(any_contains(articles, "产业"));
    CHECK_FALSE(any_contains(articles, "產業"));
    CHECK_FALSE(any_contains(articles, "(yè)"));
  }
  SECTION("every kind of noise occurs somewhere") {
    const std::vector<Article> articles = generate(options);
    CHECK(any_contains(articles, "ICP备"));          // footer
    CHECK(any_contains(articles, "版权所有"));       // copyright
    CHECK(any_contains(articles, "分享到"));         // share widget
    CHECK(any_contains(articles, "免费在线观看"));   // spam keywords
    CHECK(any_contains(articles, "\xEF\xBC\x92"));   // full-width digit ２
    CHECK(any_contains(articles, "\r\n"));           // CRLF line ends
    CHECK(any_contains(articles, "《"));             // policies in 《》
  }
}

TEST_CASE("JSON Lines records parse back to the article", "[bench][corpus]") {
  CorpusOptions options;
  options.target_bytes = 50'000;
  for (const Article& a : generate(options)) {
    const std::string line = kg::bench::to_jsonl(a);
    REQUIRE(line.back() == '\n');
    CHECK(line.find('\n') == line.size() - 1);
    const nlohmann::json j = nlohmann::json::parse(line);
    CHECK(j.at("id") == a.id);
    CHECK(j.at("text") == a.text);
  }
  CHECK(kg::bench::json_escape(std::string("a\"\\\x01") + "b") == "a\\\"\\\\\\u0001b");
}

TEST_CASE("templates and helper tables are well formed", "[bench][corpus]") {
  CHECK_THROWS_AS(kg::bench::parse_template("{nosuchslot}发布"), kg::Error);
  CHECK_THROWS_AS(kg::bench::parse_template("{city"), kg::Error);
  const kg::bench::Pieces pieces = kg::bench::parse_template("在{city}发布{product}。");
  REQUIRE(pieces.size() == 5);
  CHECK(pieces[0].literal == "在");
  CHECK(pieces[1].slot == kg::bench::Slot::City);
  CHECK(pieces[4].literal == "。");

  const auto& pinyin = kg::bench::text::kPinyin;
  CHECK(std::is_sorted(std::begin(pinyin), std::end(pinyin),
                       [](const auto& a, const auto& b) { return a.first < b.first; }));
  CHECK(kg::bench::add_pinyin("產業") == "產業(yè)");
  CHECK(kg::bench::to_full_width("A1%") == "\xEF\xBC\xA1\xEF\xBC\x91\xEF\xBC\x85");
}

TEST_CASE("sizes parse with binary units", "[bench][corpus]") {
  using kg::bench::parse_size;
  CHECK(parse_size("4096") == 4096);
  CHECK(parse_size("16M") == 16u << 20);
  CHECK(parse_size("512k") == 512u << 10);
  CHECK(parse_size("1G") == std::size_t{1} << 30);
  CHECK_THROWS_AS(parse_size(""), kg::Error);
  CHECK_THROWS_AS(parse_size("12Q"), kg::Error);
  CHECK_THROWS_AS(parse_size("M"), kg::Error);
  CHECK_THROWS_AS(parse_size("1MB"), kg::Error);
}
