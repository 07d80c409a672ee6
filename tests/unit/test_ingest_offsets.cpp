// Offsets: every byte of clean text maps back to where it came from, for
// every step alone and for all steps together, on fixtures, samples and
// generated input.
#include <catch2/catch.hpp>

#include <filesystem>
#include <random>

#include "common/utf8.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/line_join.hpp"
#include "ingest/mojibake.hpp"
#include "ingest/pinyin.hpp"
#include "ingest/width.hpp"
#include "kg/clean_text.hpp"
#include "test_ingest_support.hpp"

using namespace kg;

namespace {

bool overlaps(const SourceSpan& a, std::size_t begin, std::size_t end) {
  return a.byte_begin < end && begin < a.byte_end;
}

// Checks one step's map against its input: ranges inside the input, and
// every character not inside a change equal to the input bytes it maps to.
void check_step(const std::string& input, const ingest::StepResult& r) {
  const OffsetMap m = r.map(input);
  // The block composition the cleaner uses agrees with OffsetMap::then.
  const OffsetMap before = OffsetMap::identity(input);
  const OffsetMap composed = r.compose(before), reference = before.then(m);
  REQUIRE(composed.begins() == reference.begins());
  REQUIRE(composed.ends() == reference.ends());
  // With the changes' origins looked up beforehand, as the cleaner does: the same map.
  std::vector<ingest::KnownOrigin> known;
  for (const ingest::LocalChange& c : r.changes) {
    const SourceSpan span = before.to_source(c.begin, c.end);
    known.push_back({c.begin, c.end, static_cast<std::uint32_t>(span.byte_begin), static_cast<std::uint32_t>(span.byte_end)});
  }
  const OffsetMap with_known = r.compose(before, known);
  REQUIRE(with_known.runs().size() == composed.runs().size());
  REQUIRE(with_known.begins() == reference.begins());
  REQUIRE(with_known.ends() == reference.ends());
  const std::string_view text = r.output(input);
  REQUIRE(m.size() == text.size());
  const std::vector<std::uint32_t> begins = m.begins(), ends = m.ends();
  for (std::size_t i = 0; i < m.size(); ++i) {
    REQUIRE(begins[i] <= ends[i]);
    REQUIRE(ends[i] <= input.size());
  }
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t start = i;
    utf8::next(text, i);
    const std::uint32_t b = begins[start], e = ends[start];
    bool changed = false;
    for (const ingest::LocalChange& c : r.changes) changed = changed || (c.begin < e && b < c.end) || c.begin == b;
    if (changed || text[start] == ' ' || text[start] == '\n') continue;
    INFO("output byte " << start);
    REQUIRE(input.substr(b, e - b) == text.substr(start, i - start));
  }
}

void check_each_step(const std::string& text) {
  check_step(text, ingest::remove_pinyin(text));
  check_step(text, ingest::repair_mojibake(text));
  check_step(text, ingest::remove_boilerplate(text));
  check_step(text, ingest::join_broken_lines(text));
  check_step(text, ingest::normalise_width(text));
}

// A cleaner that records every change (check_document() needs them).
Cleaner recording_cleaner() {
  CleanOptions options;
  options.record_changes = true;
  return Cleaner(options);
}

// Cleans `text` without recording changes, and checks that everything else
// is what the recording cleaner gave: recording must not change the result.
void check_same_without_recording(const std::string& text, const CleanDocument& recorded) {
  const CleanDocument plain = Cleaner().clean(make_document(recorded.id, text));
  REQUIRE(plain.changes.empty());
  REQUIRE(plain.text == recorded.text);
  REQUIRE(plain.folded == recorded.folded);
  REQUIRE(plain.counts == recorded.counts);
  REQUIRE(plain.warnings == recorded.warnings);
  REQUIRE(plain.offsets.begins() == recorded.offsets.begins());
  REQUIRE(plain.offsets.ends() == recorded.offsets.ends());
  REQUIRE(plain.offsets.char_starts() == recorded.offsets.char_starts());
  std::size_t changes = 0;
  for (const auto& [step, n] : recorded.counts) changes += n;
  REQUIRE(changes == recorded.changes.size());
}

// Checks the composed map of a cleaned document against the original bytes
// decoded with `codec`.
std::size_t check_document(const std::string& original, const char* codec, const CleanDocument& c) {
  const OffsetMap& m = c.offsets;
  REQUIRE(m.size() == c.text.size());
  std::size_t checked = 0;
  for (std::size_t i = 0; i < c.text.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::next(c.text, i);
    const SourceSpan s = m.to_source(start, i);
    REQUIRE(s.byte_end <= original.size());
    REQUIRE(s.char_begin <= s.char_end);
    if (cp == U' ' || cp == U'\n') continue;
    bool changed = false;
    for (const CleanChange& ch : c.changes)
      changed = changed || overlaps(ch.source, s.byte_begin, std::max(s.byte_end, s.byte_begin + 1));
    if (changed) continue;
    const std::string raw = original.substr(s.byte_begin, s.byte_end - s.byte_begin);
    const std::string decoded = std::string(codec) == "UTF-8" ? raw : decode_from(raw, codec);
    if (raw.size() > 2 && raw.front() == '&' && raw.back() == ';') continue;  // an HTML character reference
    INFO("clean byte " << start << " source " << s.byte_begin << "-" << s.byte_end);
    REQUIRE(decoded == c.text.substr(start, i - start));
    ++checked;
  }
  return checked;
}

// Random text from pieces that exercise every step.
std::string generate(std::mt19937& rng) {
  static const char* const kPieces[] = {
      "江城", "發(fā)布", "農業(yè)", "(AI)", "，", "。", "\n", "\n\n", "  ", "\u3000", "ＡＢ１２", "咨詢熱線:010-1234",
      "版權所有", "點贊", "返回", "公司", "技术平台", "e\u0301", "😀", "(2024年)", "久久综合网-久久综合", "Hello world",
      "鍙戝竷", "?", ";", "ICP备", "的", "人工智能産業"};
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1), len(0, 60);
  std::string s;
  for (std::size_t n = len(rng); n > 0; --n) s += kPieces[pick(rng)];
  return s;
}

}  // namespace

TEST_CASE("offset maps compose", "[ingest][offsets]") {
  const OffsetMap first = OffsetMap::identity("ab廣c");
  // The second text is "a廣-c": "b" dropped, "-" inserted before "c".
  const OffsetMap second({0, 2, 2, 2, 5, 5}, {1, 5, 5, 5, 5, 6}, {});
  const OffsetMap both = first.then(second);
  CHECK(both.to_source(0, 1) == SourceSpan{0, 1, 0, 1});
  CHECK(both.to_source(1, 4) == SourceSpan{2, 5, 2, 3});
  CHECK(both.to_source(4, 5) == SourceSpan{5, 5, 3, 3});    // the insertion: empty, before "c"
  CHECK(both.to_source(5, 6) == SourceSpan{5, 6, 3, 4});
  CHECK(both.to_source(10, 12) == SourceSpan{6, 6, 4, 4});  // past the end
  const SourceSpan astral = OffsetMap::identity("a😀b").to_source(5, 6);
  CHECK(astral == SourceSpan{5, 6, 2, 3});  // character offsets count code points
  OffsetMap given_up = both;
  CHECK(std::move(given_up).take_runs().size() == both.runs().size());
  CHECK(given_up.size() == 0);
  CHECK(given_up.runs().empty());
}

TEST_CASE("every step maps every byte back, on generated input", "[ingest][offsets]") {
  std::mt19937 rng(20240521);
  std::size_t checked = 0;
  for (int round = 0; round < 200; ++round) {
    const std::string text = generate(rng);
    INFO(text);
    check_each_step(text);
    const CleanDocument c = recording_cleaner().clean(make_document("gen", text));
    checked += check_document(text, "UTF-8", c);
    check_same_without_recording(text, c);
    // The folded copy carried through the steps is the fold of the result.
    REQUIRE(c.folded == fold_to_simplified(c.text));
  }
  CHECK(checked > 1000);
}

TEST_CASE("every step maps every byte back, on fixtures and samples", "[ingest][offsets]") {
  std::vector<std::string> texts;
  for (const char* name : {"noisy_traditional.txt", "spam_simplified.txt", "article.html", "article.md"})
    texts.push_back(read_fixture(name));
  const std::filesystem::path seeds = std::filesystem::path(KG_SHARED_DIR) / "seeds";
  if (std::filesystem::exists(seeds))
    for (const auto& entry : std::filesystem::directory_iterator(seeds))
      texts.push_back(read_document(entry.path().string()).bytes);
  for (const std::string& text : texts) {
    check_each_step(text);
    const CleanDocument c = recording_cleaner().clean(make_document("x", text));
    CHECK(check_document(text, "UTF-8", c) > 40);
    check_same_without_recording(text, c);
  }
  SECTION("through a legacy encoding") {
    for (const char* codec : {"GB18030", "Big5"}) {
      const std::string bytes = encode_as(read_fixture("noisy_traditional.txt"), codec);
      const CleanDocument c = recording_cleaner().clean(make_document("x", bytes));
      CHECK(check_document(bytes, codec, c) > 100);
      check_same_without_recording(bytes, c);
    }
  }
}

TEST_CASE("run maps composed over a chain of steps agree with per-byte composition", "[ingest][offsets]") {
  std::mt19937 rng(77);
  for (int round = 0; round < 100; ++round) {
    const std::string text = generate(rng);
    INFO(text);
    OffsetMap runs = OffsetMap::identity(text);
    OffsetMap bytes(runs.begins(), runs.ends(), runs.char_starts());
    std::string current = text;
    for (auto step : {ingest::remove_pinyin, ingest::repair_mojibake, ingest::remove_boilerplate,
                      ingest::join_broken_lines, ingest::apply_nfkc, ingest::collapse_whitespace}) {
      const ingest::StepResult r = step(current);
      // As the cleaner does: the map replaced gives its runs' storage to the next composition.
      OffsetMap composed = r.compose(runs);
      ingest::give_back_runs_storage(std::move(runs).take_runs());
      runs = std::move(composed);
      bytes = bytes.then(r.map(current));
      current = std::string(r.output(current));
    }
    REQUIRE(runs.size() == current.size());
    REQUIRE(runs.begins() == bytes.begins());
    REQUIRE(runs.ends() == bytes.ends());
    for (std::size_t b = 0; b <= current.size(); b += 3)
      for (std::size_t e = b; e <= current.size() + 1; e += 5) REQUIRE(runs.to_source(b, e) == bytes.to_source(b, e));
    // A scanner answers the same, in order or not.
    OffsetMap::Scanner ascending(runs), anywhere(runs);
    std::uniform_int_distribution<std::size_t> any(0, current.size() + 2);
    for (std::size_t b = 0; b <= current.size() + 1; ++b) {
      REQUIRE(ascending.to_source(b, b + 4) == runs.to_source(b, b + 4));
      const std::size_t x = any(rng), y = any(rng);
      REQUIRE(anywhere.to_source(x, y) == runs.to_source(x, y));
      if (x < runs.size()) REQUIRE(anywhere.origin_of(x) == runs.origin_of(x));
      REQUIRE(anywhere.position_at(y) == runs.position_at(y));
    }
  }
}
