// The lexicon: TSV parsing, errors that name file and line, lookups, and the
// built-in data files (sorted, unique, well-formed).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>

#include "data/builtin_data.hpp"
#include "kg/error.hpp"
#include "kg/lexicon.hpp"
#include "common/utf8.hpp"
#include "kg/clean_text.hpp"
#include "recognize/aho_corasick.hpp"
#include "recognize/canonical.hpp"
#include "recognize/occurrences.hpp"

TEST_CASE("lexicon TSV lines: name, type, aliases, level, parent, code") {
  const kg::Lexicon lex = kg::Lexicon().with_tsv(
      "# comment\n某某湾区\tPlace\t湾区甲|湾区乙\tregion\t中国\t\n星河科技\tFirm\t星河\n", "test.tsv");
  REQUIRE(lex.entries().size() == 2);
  const kg::LexiconEntry* e = lex.find("湾区乙");
  REQUIRE(e != nullptr);
  CHECK(e->name == "某某湾区");
  CHECK(e->level == kg::PlaceLevel::Region);
  CHECK(e->parent == "中国");
  CHECK(e->source == "test.tsv");
  CHECK(lex.find("星河")->type == kg::EntityType::Firm);
  CHECK(lex.find("不存在") == nullptr);
}

TEST_CASE("bad lexicon lines give kg::Error naming the origin and line") {
  auto fails_with = [](const std::string& tsv, const std::string& part) {
    try {
      (void)kg::Lexicon().with_tsv(tsv, "mine.tsv");
    } catch (const kg::Error& e) {
      CHECK(e.code() == kg::ErrorCode::Format);
      CHECK(std::string(e.what()).find(part) != std::string::npos);
      return;
    }
    FAIL("no error for " << tsv);
  };
  fails_with("只有名字\n", "mine.tsv line 1");
  fails_with("# c\n甲\tNoSuchType\n", "line 2: unknown type");
  fails_with("甲\tFirm\t\tcity\n", "only allowed for type Place");
  CHECK_THROWS_AS(kg::Lexicon().with_file("/nonexistent/kg-lexicon.tsv"), kg::Error);
}

TEST_CASE("an alias shared by two entries is ambiguous; a canonical name wins") {
  const kg::Lexicon lex = kg::Lexicon().with_tsv("甲公司\tFirm\t甲\n乙公司\tFirm\t甲\n甲\tProduct\n", "t");
  CHECK(lex.find("甲")->type == kg::EntityType::Product);
  CHECK(lex.find_all("甲").size() == 3);
  const kg::Lexicon two = kg::Lexicon().with_tsv("甲公司\tFirm\t甲\n乙公司\tFirm\t甲\n", "t");
  CHECK(two.find("甲") == nullptr);
}

TEST_CASE("the built-in lexicon has the gazetteer and well-known entities") {
  const kg::Lexicon& lex = kg::Lexicon::builtin();
  CHECK(lex.entries().size() > 3500);
  CHECK(lex.find("广州市")->name == "广州");
  CHECK(lex.find("內蒙古自治區") != nullptr);  // traditional script folds
  CHECK(lex.find("工信部")->name == "工业和信息化部");
  CHECK(lex.find("海珠")->name == "海珠区");
  CHECK(lex.find_all("朝阳区").size() == 2);
}

TEST_CASE("every data/*.tsv is sorted, unique and well-formed") {
  for (const kg::data::BuiltinFile& f : kg::data::builtin_files()) {
    if (f.name.empty()) continue;
    INFO("data/" << f.name);
    std::string_view content = f.content;
    REQUIRE(content.starts_with("#"));  // a header names format, source and licence
    REQUIRE(content.ends_with("\n"));
    std::string previous;
    std::set<std::string> seen;
    bool body = false;
    std::size_t number = 0;
    while (!content.empty()) {
      const std::size_t nl = content.find('\n');
      const std::string line(content.substr(0, nl));
      content.remove_prefix(nl + 1);
      ++number;
      INFO("line " << number << ": " << line);
      if (line.starts_with("#")) {
        CHECK(!body);  // comments only in the header
        continue;
      }
      body = true;
      CHECK(!line.empty());
      CHECK(line.find('\r') == std::string::npos);
      CHECK(line.back() != ' ');
      CHECK(seen.insert(line).second);
      CHECK(previous < line);
      previous = line;
    }
    if (content.empty() && body) SUCCEED();
  }
  // Every lexicon file parses.
  CHECK_NOTHROW(kg::Lexicon::builtin());
}

TEST_CASE("Aho-Corasick finds every occurrence of every pattern") {
  const kg::recognize::AhoCorasick ac({"he", "she", "his", "hers", "中国", "中国移动", ""});
  const auto m = ac.find_all("ushers 中国移动");
  std::set<std::tuple<std::size_t, std::size_t, std::uint32_t>> got;
  for (const auto& x : m) got.insert({x.begin, x.end, x.pattern});
  const std::set<std::tuple<std::size_t, std::size_t, std::uint32_t>> want = {
      {1, 4, 1}, {2, 4, 0}, {2, 6, 3}, {7, 13, 4}, {7, 19, 5}};
  CHECK(got == want);
  CHECK(kg::recognize::AhoCorasick().find_all("abc").empty());
}

TEST_CASE("Aho-Corasick agrees with a naive search over mixed scripts and broken bytes") {
  // Pieces of text: ASCII, two-, three- and four-byte characters, and bytes
  // that start no well-formed sequence (a lone lead, a stray continuation,
  // a three-byte sequence cut short). The automaton reads ASCII and whole
  // three-byte characters by a word load, everything else and the last
  // three bytes of a text byte by byte: the random texts mix both paths.
  const std::vector<std::string> pieces = {"a", "b", "中", "国", "移", "é", "\xF0\x9F\x98\x80", "\xE4", "\xB8", " ",
                                           "\xE4\xB8"};
  const std::vector<std::string> patterns = {"中国", "国移", "中国移", "a中", "é", "\xF0\x9F\x98\x80国", "ab",
                                             "b", "国", "移动", "中"};
  const kg::recognize::AhoCorasick ac(patterns);
  std::uint32_t seed = 7;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) % pieces.size(); };
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int k = 0; k < 24; ++k) text += pieces[next()];
    std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> want;
    for (std::size_t end = 1; end <= text.size(); ++end) {
      std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> at;  // longest first
      for (std::uint32_t p = 0; p < patterns.size(); ++p) {
        const std::string& w = patterns[p];
        if (w.size() <= end && text.compare(end - w.size(), w.size(), w) == 0) {
          // A match must start on a character boundary of the text.
          const auto lead = static_cast<unsigned char>(text[end - w.size()]);
          if (lead >= 0x80 && lead < 0xC0) continue;
          at.emplace_back(end - w.size(), end, p);
        }
      }
      std::stable_sort(at.begin(), at.end(), [](const auto& x, const auto& y) { return std::get<0>(x) < std::get<0>(y); });
      want.insert(want.end(), at.begin(), at.end());
    }
    std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> got;
    for (const auto& m : ac.find_all(text)) got.emplace_back(m.begin, m.end, m.pattern);
    INFO("round " << round);
    CHECK(got == want);
  }
}

TEST_CASE("Aho-Corasick keeps working past 65,534 distinct characters") {
  // Every two- and three-byte sequence is a pattern of its own: more
  // characters than the automaton's 16-bit table holds, so the last ones
  // take the wide path.
  std::vector<std::string> patterns;
  for (unsigned lead = 0xC0; lead <= 0xDF; ++lead)
    for (unsigned b = 0x80; b <= 0xBF; ++b) patterns.push_back({static_cast<char>(lead), static_cast<char>(b)});
  for (unsigned lead = 0xE0; lead <= 0xEF; ++lead)
    for (unsigned b1 = 0x80; b1 <= 0xBF; ++b1)
      for (unsigned b2 = 0x80; b2 <= 0xBF; ++b2)
        patterns.push_back({static_cast<char>(lead), static_cast<char>(b1), static_cast<char>(b2)});
  patterns.push_back("\xEF\xBF\xBF\xC3\xA9");  // a two-character pattern ending on the wide side
  REQUIRE(patterns.size() > 65534);
  const kg::recognize::AhoCorasick ac(patterns);
  const auto m = ac.find_all("a\xEF\xBF\xBF\xC3\xA9");
  std::set<std::tuple<std::size_t, std::size_t, std::uint32_t>> got;
  for (const auto& x : m) got.insert({x.begin, x.end, x.pattern});
  const auto last = static_cast<std::uint32_t>(patterns.size() - 1);
  const std::uint32_t wide = last - 1;                       // U+FFFF, the last three-byte key
  const std::uint32_t e_acute = (0xC3 - 0xC0) * 64 + 0x29;   // é, a two-byte key
  CHECK(got == std::set<std::tuple<std::size_t, std::size_t, std::uint32_t>>{{1, 4, wide}, {4, 6, e_acute}, {1, 6, last}});
}

TEST_CASE("the search for repeated names agrees with a naive search, on both of its walks") {
  // find_occurrences looks only at every second character start when every
  // name suits that (it starts a character, has two, and three bytes from
  // each of its first two); otherwise it looks at every start. The first set
  // of names takes the fast walk, the second (with "ab", too short) the
  // plain one; random texts with broken bytes and of every length mod 8 put
  // names across the eight-byte words and the tail.
  using kg::recognize::Occurrence;
  const std::vector<std::string> pieces = {"a", "b", "中", "国", "移", "é", "\xF0\x9F\x98\x80", "\xE4", "\xB8", " ",
                                           "\xE4\xB8"};
  const std::vector<std::vector<std::string>> name_sets = {
      {"中国", "国移", "中国移", "a中", "é中", "\xF0\x9F\x98\x80国", "\xE4中", "移移", "\xE4\xB8\xE4国"},
      {"中国", "国移", "ab", "b中", "\xB8国"}};
  auto sorted = [](std::vector<Occurrence> v) {
    std::vector<std::tuple<std::size_t, std::size_t, std::uint32_t>> t;
    for (const Occurrence& o : v) t.emplace_back(o.begin, o.end, o.pattern);
    std::sort(t.begin(), t.end());
    return t;
  };
  std::uint32_t seed = 11;
  auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) % pieces.size(); };
  for (const auto& set : name_sets) {
    const std::vector<std::string_view> names(set.begin(), set.end());
    for (int round = 0; round < 400; ++round) {
      std::string text;
      for (int k = 0; k < round % 40; ++k) text += pieces[next()];
      std::vector<Occurrence> naive;
      for (std::uint32_t k = 0; k < names.size(); ++k)
        for (std::size_t at = text.find(names[k]); at != std::string::npos; at = text.find(names[k], at + 1))
          naive.push_back({at, at + names[k].size(), k});
      std::vector<Occurrence> fast, plain;
      kg::recognize::find_occurrences(text, names, fast);
      kg::recognize::find_occurrences_at_every_start(text, names, plain);
      INFO("round " << round << " text size " << text.size());
      CHECK(sorted(fast) == sorted(naive));
      CHECK(sorted(plain) == sorted(naive));
    }
  }
}

TEST_CASE("is_canonical never vouches for a name canonical_name would change") {
  // ASCII and well-formed three-byte characters take a direct decoding
  // path, the rest the general one: every BMP character goes through one of
  // them, alone and between two Han characters.
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    std::string alone;
    kg::utf8::append(alone, c);
    for (const std::string& s : {alone, "中" + alone + "国"}) {
      if (!kg::recognize::is_canonical(s)) continue;
      INFO("U+" << std::hex << static_cast<std::uint32_t>(c));
      CHECK(kg::canonical_name(s) == s);
    }
  }
  CHECK(kg::recognize::is_canonical("中国移动abc123"));
  for (const char* broken : {"\xE4\xB8", "\xE0\x80\x80", "\xED\xA0\x80", "\xC0\xAF", "a\xB8", "\xF0\x9F\x98\x80"})
    CHECK_FALSE(kg::recognize::is_canonical(broken));
}
