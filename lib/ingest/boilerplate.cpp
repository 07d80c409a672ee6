// Boilerplate and spam lines. Judged one line at a time from general rules:
// a keyword class must be present AND the line must have the shape of page
// furniture (short, no sentence punctuation, separators, digits), so that an
// article sentence that merely mentions 评论 or 版权 stays.
#include "ingest/boilerplate.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <cstring>
#include <vector>

#include "common/utf8.hpp"
#include "data/builtin_data.hpp"
#include "ingest/char_class.hpp"
#include "kg/clean_text.hpp"
#include "kg/error.hpp"

namespace kg::ingest {
namespace {

enum class TermClass { Widget, Contact, Copyright, Disclaimer, Related, Role, Spam, SpamWeak, Source, Count };

TermClass parse_class(std::string_view name, std::size_t line) {
  static const std::pair<std::string_view, TermClass> kNames[] = {
      {"widget", TermClass::Widget},       {"contact", TermClass::Contact}, {"copyright", TermClass::Copyright},
      {"disclaimer", TermClass::Disclaimer}, {"related", TermClass::Related}, {"role", TermClass::Role},
      {"spam", TermClass::Spam},           {"spamweak", TermClass::SpamWeak}, {"source", TermClass::Source}};
  for (const auto& [n, c] : kNames)
    if (n == name) return c;
  throw Error(ErrorCode::Format, "data ingest_noise_terms.tsv line " + std::to_string(line) + ": unknown class '" +
                                     std::string(name) + "'");
}

struct Term {
  std::string text;
  TermClass cls;
  std::size_t chars;
  bool has_letters = false;  // ASCII letters, matched in either case; else byte for byte
};

struct Hit {
  TermClass cls;
  std::size_t begin;  // bytes in the line
  std::size_t end;
};

// The keyword classes, indexed by first character for one linear scan.
class NoiseTerms {
 public:
  static const NoiseTerms& instance() {
    static const NoiseTerms terms;
    return terms;
  }

  std::vector<Hit> find(std::string_view line) const {
    std::vector<Hit> hits;
    for (std::size_t i = 0; i < line.size();) {
      const std::size_t at = i;
      const auto lead = static_cast<unsigned char>(line[i]);
      const char32_t key = lead < 0x80 ? fold_ascii(lead) : next_char(line, i);
      if (lead < 0x80) ++i;
      add_matches(line, at, key, hits);
    }
    return hits;
  }

  // Adds the terms found at byte `at` of a line, where character `key`
  // (ASCII letters upper-cased) starts.
  void add_matches(std::string_view line, std::size_t at, char32_t key, std::vector<Hit>& hits) const {
    if (key >= 0x10000 || !first_.test(key)) return;  // the common case, from a table that stays in cache
    const Bucket& bucket = bucket_of(key);
    for (std::size_t k = bucket.begin; k < bucket.end; ++k) {
      const Term& term = terms_[by_first_[k]];
      const bool found = term.has_letters ? matches(line, at, term.text)
                                          : line.size() - at >= term.text.size() &&
                                                std::memcmp(line.data() + at, term.text.data(), term.text.size()) == 0;
      if (found) hits.push_back({term.cls, at, at + term.text.size()});
    }
  }

  const std::vector<Term>& roles() const noexcept { return roles_; }

  // Tells whether some term starts with BMP character `c` (ASCII letters upper-cased).
  bool starts_term(char32_t c) const noexcept { return first_.test(c); }

 private:
  NoiseTerms() {
    const std::string_view data = data::builtin_file("ingest_noise_terms.tsv");
    std::size_t line_no = 0;
    std::vector<std::pair<char32_t, std::size_t>> by_first;  // terms' first characters and indexes
    for (const Line& l : split_lines(data)) {
      ++line_no;
      const std::string_view line = data.substr(l.begin, l.end - l.begin);
      if (line.empty() || line[0] == '#') continue;
      const std::size_t tab = line.find('\t');
      if (tab == std::string_view::npos || tab + 1 >= line.size())
        throw Error(ErrorCode::Format,
                    "data ingest_noise_terms.tsv line " + std::to_string(line_no) + ": expected CLASS<TAB>TERM");
      Term term{std::string(line.substr(tab + 1)), parse_class(line.substr(0, tab), line_no), 0};
      term.chars = utf8::length(term.text);
      term.has_letters = std::any_of(term.text.begin(), term.text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      });
      std::size_t i = 0;
      const char32_t first = fold_ascii(next_char(term.text, i));
      if (term.cls == TermClass::Role) roles_.push_back(term);
      // Terms that start outside the BMP are never looked for.
      if (first < 0x10000) {
        by_first.emplace_back(first, terms_.size());
        first_.set(first);
      }
      terms_.push_back(std::move(term));
    }
    index_by_first(by_first);
  }

  // The terms by_first_[begin, end) that start with `first`, in the order
  // of the data file (so that hits come in the same order).
  struct Bucket {
    char32_t first = 0;  // 0: an empty slot
    std::size_t begin = 0;
    std::size_t end = 0;
  };

  static constexpr std::size_t kBucketSlots = 1024;  // open addressing; far more than the first characters

  static std::size_t slot_of(char32_t c) noexcept { return (c * 0x9E3779B1u) >> 22; }

  // The bucket of `c`, a character that starts some term.
  const Bucket& bucket_of(char32_t c) const noexcept {
    std::size_t slot = slot_of(c);
    while (buckets_[slot].first != c) slot = (slot + 1) % kBucketSlots;
    return buckets_[slot];
  }

  // Groups the terms by first character into by_first_ and buckets_.
  void index_by_first(std::vector<std::pair<char32_t, std::size_t>>& by_first) {
    std::stable_sort(by_first.begin(), by_first.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    if (by_first.size() >= kBucketSlots) throw Error(ErrorCode::Format, "data ingest_noise_terms.tsv: too many terms");
    std::size_t current = 0;  // the slot of the bucket being filled
    for (std::size_t k = 0; k < by_first.size(); ++k) {
      if (k == 0 || by_first[k - 1].first != by_first[k].first) {
        std::size_t slot = slot_of(by_first[k].first);
        while (buckets_[slot].first != 0) slot = (slot + 1) % kBucketSlots;
        buckets_[slot] = {by_first[k].first, k, k};
        current = slot;
      }
      by_first_.push_back(by_first[k].second);
      buckets_[current].end = k + 1;
    }
  }

  static char32_t fold_ascii(char32_t c) { return c >= U'a' && c <= U'z' ? c - 32 : c; }

  static bool matches(std::string_view line, std::size_t at, std::string_view term) {
    if (at + term.size() > line.size()) return false;
    for (std::size_t k = 0; k < term.size(); ++k) {
      char a = line[at + k], b = term[k];
      if (a >= 'a' && a <= 'z') a = static_cast<char>(a - 32);
      if (b >= 'a' && b <= 'z') b = static_cast<char>(b - 32);
      if (a != b) return false;
    }
    return true;
  }

  std::vector<Term> terms_;
  std::vector<Term> roles_;
  // Terms by first character (ASCII letters upper-cased), in small tables
  // that stay in cache: a bucket per character, pointing at its candidates.
  std::bitset<0x10000> first_;  // characters some term starts with
  std::vector<std::size_t> by_first_;  // term indexes, grouped by first character
  std::array<Bucket, kBucketSlots> buckets_{};
};

bool is_sentence_punct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'！' || c == U'？' || c == U'；' || c == U',' || c == U'!' ||
         c == U';';
}

bool is_title_separator(char32_t c) { return c == U'|' || c == U'｜' || c == U'丨' || c == U'_'; }

// Shape statistics of one line.
struct LineShape {
  std::size_t chars = 0;
  std::size_t han = 0;
  std::size_t digits = 0;
  std::size_t separators = 0;
  std::size_t dashes = 0;
  bool sentence_punct = false;
  bool full_stop = false;
  bool at_sign = false;
};

// What shape_of() notes about each character. Beyond ASCII nearly every
// character is Han or nothing; the few others (full-width digits and
// punctuation, the ideographic space, 丨) are kept apart, so the lookup
// touches little memory even when other stages have filled the cache.
class ShapeTable {
 public:
  enum : unsigned char { kSpace = 1, kHan = 2, kDigit = 4, kSeparator = 8, kDash = 16, kSentence = 32, kFullStop = 64, kAt = 128 };

  static const ShapeTable& instance() {
    static const ShapeTable table;
    return table;
  }

  // Tells whether BMP character `c` is a Han character with no other flag.
  bool plain_han(char32_t c) const noexcept { return c >= 0x80 && !special_.test(c) && is_han(c); }

  unsigned char of(char32_t c) const noexcept {
    if (c < 0x80) return ascii_[c];
    if (c < 0x10000 && special_.test(c))
      return std::lower_bound(specials_.begin(), specials_.end(), std::make_pair(c, static_cast<unsigned char>(0)))->second;
    return is_han(c) ? kHan : 0;
  }

 private:
  static unsigned char by_rule(char32_t c) {
    unsigned char f = 0;
    if (c == U' ' || c == U'\t' || c == U'\u3000') f |= kSpace;
    if (is_han(c)) f |= kHan;
    if ((c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９')) f |= kDigit;
    if (is_title_separator(c)) f |= kSeparator;
    if (c == U'-') f |= kDash;
    if (is_sentence_punct(c)) f |= kSentence;
    if (c == U'。') f |= kFullStop;
    if (c == U'@' || c == U'＠') f |= kAt;
    return f;
  }

  ShapeTable() {
    for (char32_t c = 0; c < 0x80; ++c) ascii_[c] = by_rule(c);
    for (char32_t c = 0x80; c < 0x10000; ++c) {
      const unsigned char f = by_rule(c);
      if (f == (is_han(c) ? kHan : 0)) continue;
      special_.set(c);
      specials_.emplace_back(c, f);
    }
  }

  std::array<unsigned char, 0x80> ascii_{};
  std::bitset<0x10000> special_;                           // non-ASCII characters not answered by is_han()
  std::vector<std::pair<char32_t, unsigned char>> specials_;  // ascending
};

// Adds one character to a shape.
void count_char(LineShape& s, unsigned char flags, unsigned char& seen) {
  if (flags & ShapeTable::kSpace) return;
  ++s.chars;
  s.han += (flags & ShapeTable::kHan) != 0;
  s.digits += (flags & ShapeTable::kDigit) != 0;
  s.separators += (flags & ShapeTable::kSeparator) != 0;
  s.dashes += (flags & ShapeTable::kDash) != 0;
  seen |= flags;
}

void finish_shape(LineShape& s, unsigned char seen) {
  s.sentence_punct = (seen & ShapeTable::kSentence) != 0;
  s.full_stop = (seen & ShapeTable::kFullStop) != 0;
  s.at_sign = (seen & ShapeTable::kAt) != 0;
}

LineShape shape_of(std::string_view line) {
  const ShapeTable& table = ShapeTable::instance();
  LineShape s;
  unsigned char seen = 0;  // every flag met
  for (std::size_t i = 0; i < line.size();) {
    const auto lead = static_cast<unsigned char>(line[i]);
    count_char(s, lead < 0x80 ? table.of(line[i++]) : table.of(next_char(line, i)), seen);
  }
  finish_shape(s, seen);
  return s;
}

// The BMP characters that are Han, start no term and have no shape flag
// beyond kHan: the bulk of a text, counted with one bit test.
class PlainHan {
 public:
  static const PlainHan& instance() {
    static const PlainHan table;
    return table;
  }

  bool contains(char32_t c) const noexcept { return c < 0x10000 && set_[c]; }

 private:
  PlainHan() {
    const ShapeTable& shapes = ShapeTable::instance();
    const NoiseTerms& terms = NoiseTerms::instance();
    for (char32_t c = 0x80; c < 0x10000; ++c)
      if (shapes.plain_han(c) && !terms.starts_term(c)) set_.set(c);
  }
  std::bitset<0x10000> set_;
};

// Reads a line's shape and keyword hits in one pass. One scanner serves a
// whole text, so the hit list's storage is reused from line to line.
class LineScanner {
 public:
  struct Result {
    LineShape shape;
    const std::vector<Hit>& hits;
  };

  Result scan(std::string_view line) {
    const ShapeTable& table = ShapeTable::instance();
    const NoiseTerms& terms = NoiseTerms::instance();
    const PlainHan& plain = PlainHan::instance();
    hits_.clear();
    LineShape shape;
    unsigned char seen = 0;
    for (std::size_t i = 0; i < line.size();) {
      const std::size_t at = i;
      const auto lead = static_cast<unsigned char>(line[i]);
      if (lead < 0x80) {
        ++i;
        terms.add_matches(line, at, lead >= 'a' && lead <= 'z' ? lead - 32 : lead, hits_);
        count_char(shape, table.of(lead), seen);
        continue;
      }
      const char32_t c = next_char(line, i);
      if (plain.contains(c)) {  // what count_char() does for it, and no term starts here
        ++shape.chars;
        ++shape.han;
        seen |= ShapeTable::kHan;
        continue;
      }
      terms.add_matches(line, at, c, hits_);
      count_char(shape, table.of(c), seen);
    }
    finish_shape(shape, seen);
    return {shape, hits_};
  }

 private:
  std::vector<Hit> hits_;
};

// Han characters of the line covered by hits of the given classes.
// `hits` come in order of their start, so one sweep tracks how far the hits
// started so far reach: linear, and no per-byte table.
std::size_t covered_han(std::string_view line, const std::vector<Hit>& hits, std::initializer_list<TermClass> classes) {
  std::size_t n = 0, next_hit = 0, reach = 0;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t at = i;
    for (; next_hit < hits.size() && hits[next_hit].begin <= at; ++next_hit)
      if (std::find(classes.begin(), classes.end(), hits[next_hit].cls) != classes.end())
        reach = std::max(reach, hits[next_hit].end);
    if (is_han(next_char(line, i)) && at < reach) ++n;
  }
  return n;
}

std::size_t count(const std::vector<Hit>& hits, TermClass cls) {
  return static_cast<std::size_t>(std::count_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.cls == cls; }));
}

// "ROLE: names" or "ROLE/names": a credit when the prefix ends with a role.
bool is_credit(std::string_view line, const LineShape& shape) {
  if (shape.full_stop || shape.chars > 80) return false;
  std::size_t i = 0;
  while (i < line.size() && (line[i] == '[' || line[i] == '(' || line[i] == ' ' || line.compare(i, 3, "【") == 0 ||
                             line.compare(i, 3, "（") == 0))
    i += static_cast<unsigned char>(line[i]) < 0x80 ? 1 : 3;
  const std::size_t start = i;
  std::size_t chars = 0;
  while (i < line.size() && chars <= 14) {
    const std::size_t at = i;
    const char32_t c = next_char(line, i);
    if (c == U':' || c == U'：' || c == U'/') {
      const std::string_view prefix = line.substr(start, at - start);
      if (prefix.empty()) return false;
      for (const Term& role : NoiseTerms::instance().roles())
        if (prefix.size() >= role.text.size() && prefix.compare(prefix.size() - role.text.size(), role.text.size(), role.text) == 0)
          return true;
      return false;
    }
    if (c == U' ' || is_sentence_punct(c)) return false;
    ++chars;
  }
  return false;
}

// "X/Y" or "X：Y" with a short X: a line that is a credit when next to one.
bool is_credit_shaped(std::string_view line, const LineShape& shape) {
  if (shape.full_stop || shape.chars > 40) return false;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < line.size() && chars <= 8;) {
    const char32_t c = next_char(line, i);
    if (c == U':' || c == U'：' || c == U'/') return chars > 0;
    ++chars;
  }
  return false;
}

bool is_spam(std::string_view line, const LineShape& shape, const std::vector<Hit>& hits) {
  const std::size_t strong = count(hits, TermClass::Spam), weak = count(hits, TermClass::SpamWeak);
  if (strong >= 2 || (strong >= 1 && weak >= 2)) return true;
  if (strong + weak >= 3 && shape.han > 0 &&
      covered_han(line, hits, {TermClass::Spam, TermClass::SpamWeak}) * 10 >= shape.han * 3)
    return true;
  // A long run of titles: many short items between separators, no sentences.
  return shape.separators >= 8 && shape.chars / (shape.separators + 1) <= 25;
}

// The reason a line is page furniture ("" when it is not), from its shape
// and keyword hits.
std::string_view classify(std::string_view line, const LineShape& shape, const std::vector<Hit>& hits) {
  if (shape.chars == 0) return "";
  if (count(hits, TermClass::Disclaimer) > 0) return "disclaimer";
  if (is_spam(line, shape, hits)) return "spam";
  if (shape.chars <= 80 && count(hits, TermClass::Copyright) > 0) return "copyright";
  if (shape.chars <= 80 && count(hits, TermClass::Contact) > 0 &&
      (shape.digits > 0 || shape.at_sign || shape.chars <= 12))
    return "contact";
  if (shape.chars <= 8 && count(hits, TermClass::Related) > 0) return "related";
  if (count(hits, TermClass::Source) > 0) return "";  // source lines stay
  if (is_credit(line, shape)) return "credit";
  if (shape.chars <= 24 && !shape.sentence_punct && shape.han > 0 &&
      covered_han(line, hits, {TermClass::Widget, TermClass::Contact}) * 2 >= shape.han)
    return "widget";
  return "";
}

}  // namespace

std::string classify_noise_line(std::string_view line) {
  return std::string(classify(line, shape_of(line), NoiseTerms::instance().find(line)));
}

namespace {

struct LineVerdict {
  std::string_view reason;  // a literal from classify(); "" keeps the line
  bool blank = false;
  bool credit_shaped = false;
  bool title_like = false;
  bool widget_hit = false;  // some widget term in the line (else it holds no widget tokens)
};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  if (s.substr(0, 3) == "\u3000") return trimmed(s.substr(3));
  return s;
}

// Bytes of the space at i (ASCII space, tab, no-break space, ideographic
// space), or 0.
std::size_t space_length(std::string_view s, std::size_t i) {
  if (s[i] == ' ' || s[i] == '\t') return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(i, 3, "\xE3\x80\x80") == 0) return 3;
  return 0;
}

// Widget tokens inside a kept metadata line ("放大字体 缩小字体 发布日期:...
// 浏览次数:827"): space-separated tokens made only of widget words, digits
// and punctuation.
// `shape` is the line's (spaces at its ends do not count).
std::vector<Line> widget_tokens(std::string_view folded_line, const LineShape& shape) {
  std::vector<Line> out;
  if (shape.full_stop || shape.chars > 120) return out;
  std::size_t i = 0;
  std::size_t tokens = 0;
  while (i < folded_line.size()) {
    while (i < folded_line.size() && space_length(folded_line, i) > 0) i += space_length(folded_line, i);
    if (i >= folded_line.size()) break;
    std::size_t end = i;
    while (end < folded_line.size() && space_length(folded_line, end) == 0) ++end;
    ++tokens;
    const std::string_view token = folded_line.substr(i, end - i);
    const LineShape ts = shape_of(token);
    const std::vector<Hit> hits = NoiseTerms::instance().find(token);
    if (ts.han > 0 && covered_han(token, hits, {TermClass::Widget}) == ts.han) {
      std::size_t stop = end;
      while (stop < folded_line.size() && space_length(folded_line, stop) > 0) stop += space_length(folded_line, stop);
      out.push_back({i, stop});
    }
    i = end;
  }
  if (out.size() == tokens) out.clear();  // all widgets: the line rule decides
  return out;
}

}  // namespace

StepResult remove_boilerplate(std::string_view text) { return remove_boilerplate_folded(text, fold_to_simplified(text)); }

namespace {

// The per-line lists of remove_boilerplate_folded(), kept per thread so that
// a document does not allocate them again.
struct LineLists {
  std::vector<Line> lines;
  std::vector<LineVerdict> verdicts;
  std::vector<LineShape> shapes;
  std::vector<std::vector<Line>> tokens;  // widget tokens of kept lines
  LineScanner scanner;

  static LineLists& for_thread(std::string_view folded) {
    thread_local LineLists lists;
    split_lines(folded, lists.lines);
    const std::size_t n = lists.lines.size();
    lists.verdicts.assign(n, LineVerdict{});
    lists.shapes.assign(n, LineShape{});
    if (lists.tokens.size() < n) lists.tokens.resize(n);
    for (std::size_t k = 0; k < n; ++k) lists.tokens[k].clear();
    return lists;
  }
};

}  // namespace

StepResult remove_boilerplate_folded(std::string_view text, std::string_view folded) {
  LineLists& lists = LineLists::for_thread(folded);
  const std::vector<Line>& lines = lists.lines;
  std::vector<LineVerdict>& verdicts = lists.verdicts;
  std::vector<LineShape>& shapes = lists.shapes;
  LineScanner& scanner = lists.scanner;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const std::string_view line = trimmed(folded.substr(lines[k].begin, lines[k].end - lines[k].begin));
    LineVerdict& v = verdicts[k];
    v.blank = line.empty();
    if (v.blank) continue;
    const LineScanner::Result scan = scanner.scan(line);
    const LineShape& shape = shapes[k] = scan.shape;
    const std::vector<Hit>& hits = scan.hits;
    v.reason = classify(line, shape, hits);
    v.credit_shaped = is_credit_shaped(line, shape) && count(hits, TermClass::Source) == 0;
    v.title_like = shape.chars <= 40 && !shape.full_stop && !shape.sentence_punct;
    v.widget_hit = count(hits, TermClass::Widget) > 0;
  }
  // Credit blocks: a credit-shaped line next to a credit is one too.
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t k = 0; k < lines.size(); ++k) {
      if (!verdicts[k].reason.empty() || !verdicts[k].credit_shaped) continue;
      auto neighbour_is_credit = [&](long step) {
        for (long j = static_cast<long>(k) + step; j >= 0 && j < static_cast<long>(lines.size()); j += step)
          if (!verdicts[static_cast<std::size_t>(j)].blank) return verdicts[static_cast<std::size_t>(j)].reason == "credit";
        return false;
      };
      if (neighbour_is_credit(-1) || neighbour_is_credit(1)) verdicts[k].reason = "credit";
    }
  // Lists of other articles under a "related" header.
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (verdicts[k].reason != "related") continue;
    for (std::size_t j = k + 1, n = 0; j < lines.size() && n < 30; ++j) {
      if (verdicts[j].blank) continue;
      if (!verdicts[j].title_like) break;
      if (verdicts[j].reason.empty()) verdicts[j].reason = "related";
      ++n;
    }
  }

  // Widget tokens of the lines kept; most texts have none, and then no line
  // goes and the step gives its input back as it is.
  std::vector<std::vector<Line>>& tokens = lists.tokens;
  bool any_change = false;
  for (std::size_t k = 0; k < lines.size(); ++k) {
    if (!verdicts[k].reason.empty()) any_change = true;
    // A widget token's terms are terms of its line too.
    if (!verdicts[k].reason.empty() || verdicts[k].blank || !verdicts[k].widget_hit) continue;
    tokens[k] = widget_tokens(folded.substr(lines[k].begin, lines[k].end - lines[k].begin), shapes[k]);
    any_change = any_change || !tokens[k].empty();
  }
  if (!any_change) return unchanged(text);

  MapBuilder out(text);
  std::vector<LocalChange> changes = take_change_list();
  for (std::size_t k = 0; k < lines.size(); ++k) {
    const Line& l = lines[k];
    const std::size_t next = k + 1 < lines.size() ? lines[k + 1].begin : text.size();
    if (!verdicts[k].reason.empty()) {
      changes.push_back({CleanStep::Boilerplate, "removed", l.begin, l.end, "", verdicts[k].reason});
      continue;
    }
    std::size_t copied = l.begin;
    if (!verdicts[k].blank)
      for (const Line& token : tokens[k]) {
        out.copy(copied, l.begin + token.begin);
        changes.push_back({CleanStep::Boilerplate, "removed", l.begin + token.begin, l.begin + token.end, "", "widget"});
        copied = l.begin + token.end;
      }
    out.copy(copied, next);
  }
  return out.finish(std::move(changes));
}

}  // namespace kg::ingest
