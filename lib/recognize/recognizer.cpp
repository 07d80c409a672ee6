// The recogniser: one Aho-Corasick pass over the folded text finds every
// lexicon key, organisation head, role word, stop word and protected phrase;
// the rule passes then work locally around what it found. Names found by a
// rule are looked for again in the rest of the document (a person named once
// with a role is often named later without one).
#include "kg/mention.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <mutex>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

#include "data/builtin_data.hpp"
#include "recognize/aho_corasick.hpp"
#include "recognize/canonical.hpp"
#include "recognize/occurrences.hpp"
#include "recognize/scan.hpp"
#include "recognize/source_locator.hpp"

namespace kg {

using recognize::AhoCorasick;
using recognize::Candidate;
using recognize::HeadHit;
using recognize::LexHit;
using recognize::RoleHit;
using recognize::Scan;

namespace recognize {

const LexHit* Scan::lexical_at(std::size_t begin) const {
  auto it = std::lower_bound(lexical.begin(), lexical.end(), begin,
                             [](const LexHit& h, std::size_t b) { return h.begin < b; });
  return it != lexical.end() && it->begin == begin ? &*it : nullptr;
}

const LexHit* Scan::first_lexical_in(std::size_t begin, std::size_t end) const {
  auto it = std::lower_bound(lexical.begin(), lexical.end(), begin,
                             [](const LexHit& h, std::size_t b) { return h.begin < b; });
  return it != lexical.end() && it->begin < end ? &*it : nullptr;
}

const LexHit* Scan::lexical_around(std::size_t pos) const {
  auto it = std::upper_bound(lexical.begin(), lexical.end(), pos,
                             [](std::size_t b, const LexHit& x) { return b < x.begin; });
  if (it == lexical.begin()) return nullptr;
  const LexHit& h = *std::prev(it);
  return pos < h.end ? &h : nullptr;
}

bool Scan::is_protected(std::size_t begin, std::size_t end) const {
  auto inside = [&](std::size_t b, std::size_t e) { return b <= begin && end <= e && (b < begin || end < e); };
  // Phrases are sorted by end; only those ending at or after `end` and starting before can cover.
  auto it = std::lower_bound(protected_spans.begin(), protected_spans.end(), end,
                             [](const std::pair<std::size_t, std::size_t>& p, std::size_t e) { return p.second < e; });
  for (; it != protected_spans.end() && it->second <= end + 64; ++it)
    if (inside(it->first, it->second)) return true;
  const LexHit* h = lexical_around(begin);
  return h && inside(h->begin, h->end);
}

}  // namespace recognize

namespace {

// Returns the end of a bracketed place right after a university, or 0.
std::size_t campus_after(const Scan& scan, const LexHit& h) {
  if (h.entry().type != EntityType::University) return 0;
  const std::string_view text = scan.text;
  const char32_t open = recognize::char_at(text, h.end);
  if (open != '(' && open != 0xFF08) return 0;
  const LexHit* place = scan.lexical_at(recognize::char_end(text, h.end));
  if (place == nullptr || place->entry().type != EntityType::Place) return 0;
  const char32_t close = recognize::char_at(text, place->end);
  return close == ')' || close == 0xFF09 ? recognize::char_end(text, place->end) : 0;
}

// A county-level division written without its suffix (海珠 for 海珠区, 临海 for
// 临海市) is usually an ordinary word unless the text also names its city.
// `names_place(name)` tells whether the text also names that place.
template <class NamesPlace>
bool is_unsupported_short_form(std::string_view text, const LexHit& h, NamesPlace&& names_place) {
  const LexiconEntry* e = h.denotes->front();
  if (e->type != EntityType::Place || e->code.size() != 6 || e->code.ends_with("00")) return false;
  const std::string_view surface = text.substr(h.begin, h.end - h.begin);
  for (std::string_view suffix : {"区", "县", "市", "旗"})
    if (surface.ends_with(suffix)) return false;
  return !names_place(std::string_view(e->parent));
}

// A ministry's name followed by 门 is the common noun 部门 (教育部门: "the
// education authorities" at any level), not the ministry.
bool is_department_noun(std::string_view text, const LexHit& h) {
  if (h.entry().type != EntityType::GovernmentBody) return false;
  return text.substr(h.begin, h.end - h.begin).ends_with("部") && text.substr(h.end).starts_with("门");
}

enum class Kind : std::uint8_t { Lexicon, Head, Role, Stop, Phrase };

struct Payload {
  Kind kind;
  std::uint32_t index;  // lexicon key index, head index, ...
};

std::unordered_set<std::string> load_word_list(std::string_view name) {
  std::unordered_set<std::string> out;
  std::string_view content = data::builtin_file(name);
  while (!content.empty()) {
    const std::size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view{} : content.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') out.emplace(line);
  }
  return out;
}

bool is_latin_edge(std::string_view text, std::size_t begin, std::size_t end) {
  const bool starts_latin = recognize::is_ascii_alnum(static_cast<unsigned char>(text[begin]));
  const bool ends_latin = recognize::is_ascii_alnum(static_cast<unsigned char>(text[end - 1]));
  if (starts_latin && begin > 0 && recognize::is_ascii_alnum(static_cast<unsigned char>(text[begin - 1]))) return true;
  if (ends_latin && end < text.size() && recognize::is_ascii_alnum(static_cast<unsigned char>(text[end]))) return true;
  return false;
}

// Every text Mention::rule can hold, made once for the whole program:
// mentions keep views into it, and may outlive any recogniser. The rule
// words are fixed (the head table, data/roles.tsv), so the table is too.
class RuleTexts {
 public:
  static const RuleTexts& instance() {
    static const RuleTexts* const texts = new RuleTexts();  // never destroyed: views may be read at exit
    return *texts;
  }

  // Returns the rule as Mention::rule spells it ("suffix:公司", "repeat:role:院士").
  std::string_view find(recognize::Rule rule, bool repeat, std::string_view detail) const {
    if (rule != recognize::Rule::Suffix && rule != recognize::Rule::Role) return plain_[static_cast<std::size_t>(rule)][repeat ? 1 : 0];
    const auto& by_detail = rule == recognize::Rule::Suffix ? suffix_ : role_;
    const auto it = by_detail.find(detail);
    if (it != by_detail.end()) return it->second[repeat ? 1 : 0];
    return unforeseen(rule, repeat, detail);
  }

 private:
  using ByDetail = std::unordered_map<std::string, std::array<std::string, 2>, recognize::ViewHash, std::equal_to<>>;
  static constexpr std::string_view kRepeat = "repeat:";
  static constexpr std::size_t kRules = static_cast<std::size_t>(recognize::Rule::LatinProduct) + 1;

  static std::string_view base(recognize::Rule rule) {
    switch (rule) {
      case recognize::Rule::Lexicon: return "lexicon";
      case recognize::Rule::Gazetteer: return "gazetteer";
      case recognize::Rule::Campus: return "campus";
      case recognize::Rule::Suffix: return "suffix:";
      case recognize::Rule::Role: return "role:";
      case recognize::Rule::Speaker: return "speaker";
      case recognize::Rule::Title: return "title";
      case recognize::Rule::QuoteTail: return "quote+tail";
      case recognize::Rule::QuoteProduct: return "quote+product";
      case recognize::Rule::Launched: return "launched";
      case recognize::Rule::LatinProduct: return "latin+product";
    }
    return {};
  }

  static std::string spell(recognize::Rule rule, bool repeat, std::string_view detail) {
    std::string out;
    if (repeat) out += kRepeat;
    out += base(rule);
    out += detail;
    return out;
  }

  RuleTexts() {
    for (std::size_t r = 0; r < kRules; ++r)
      for (int repeat = 0; repeat < 2; ++repeat) plain_[r][repeat] = spell(static_cast<recognize::Rule>(r), repeat != 0, {});
    auto add = [](ByDetail& by_detail, recognize::Rule rule, std::string_view detail) {
      by_detail.try_emplace(std::string(detail), std::array<std::string, 2>{spell(rule, false, detail), spell(rule, true, detail)});
    };
    for (const recognize::Head& h : recognize::heads()) add(suffix_, recognize::Rule::Suffix, h.text);
    for (const std::string& r : load_word_list("roles.tsv")) add(role_, recognize::Rule::Role, r);
  }

  // A rule word outside the tables (none today): kept in a set of its own,
  // whose elements never move, under a lock.
  static std::string_view unforeseen(recognize::Rule rule, bool repeat, std::string_view detail) {
    static std::mutex lock;
    static auto* const extra = new std::unordered_set<std::string>();
    const std::lock_guard<std::mutex> hold(lock);
    return *extra->insert(spell(rule, repeat, detail)).first;
  }

  std::array<std::array<std::string, 2>, kRules> plain_;
  ByDetail suffix_, role_;
};

}  // namespace

std::string_view recognize::Candidate::rule_text() const {
  return RuleTexts::instance().find(rule, repeat, detail);
}

struct Recognizer::Impl {
  const Lexicon* lexicon;
  std::vector<std::vector<const LexiconEntry*>> keys;  // lexicon key -> entries (name matches first)
  // Per lexicon key, what lexicon_candidates would otherwise work out for every hit.
  struct KeyFacts {
    recognize::Rule rule;  // Gazetteer for places of data/places.tsv, else Lexicon
    bool ambiguous;        // several entries share the first one's name and type (朝阳区)
  };
  std::vector<KeyFacts> key_facts;
  std::vector<std::vector<Payload>> payloads;          // pattern -> what it is (while building)
  std::vector<std::uint32_t> payload_begin;            // pattern -> first of its payloads in payload_list
  std::vector<Payload> payload_list;
  AhoCorasick automaton;
  recognize::SurnameSet surnames;

  explicit Impl(const Lexicon& lex) : lexicon(&lex) {
    for (const std::string& s : load_word_list("surnames.tsv")) surnames.insert(s);
    std::unordered_map<std::string, std::uint32_t> pattern_of;
    std::vector<std::string> patterns;
    auto add = [&](const std::string& text, Kind kind, std::uint32_t index) {
      auto [it, fresh] = pattern_of.emplace(text, static_cast<std::uint32_t>(patterns.size()));
      if (fresh) {
        patterns.push_back(text);
        payloads.emplace_back();
      }
      payloads[it->second].push_back({kind, index});
    };
    std::unordered_map<std::string, std::uint32_t> key_of;
    for (const LexiconEntry& e : lex.entries()) {
      auto add_key = [&](const std::string& key, bool is_name) {
        if (utf8::length(key) < 2) return;
        auto [it, fresh] = key_of.emplace(key, static_cast<std::uint32_t>(keys.size()));
        if (fresh) {
          keys.emplace_back();
          add(key, Kind::Lexicon, it->second);
        }
        auto& entries = keys[it->second];
        if (is_name) entries.insert(entries.begin(), &e);
        else entries.push_back(&e);
      };
      add_key(e.name, true);
      for (const std::string& a : e.aliases) add_key(a, false);
    }
    key_facts.reserve(keys.size());
    for (const auto& denotes : keys) {
      const LexiconEntry* e = denotes.front();
      const bool gazetteer = e->type == EntityType::Place && e->source == "data/places.tsv";
      const bool ambiguous = std::any_of(denotes.begin() + 1, denotes.end(), [&](const LexiconEntry* o) {
        return o->name == e->name && o->type == e->type;
      });
      key_facts.push_back({gazetteer ? recognize::Rule::Gazetteer : recognize::Rule::Lexicon, ambiguous});
    }
    const auto& head_table = recognize::heads();
    for (std::uint32_t i = 0; i < head_table.size(); ++i) add(std::string(head_table[i].text), Kind::Head, i);
    for (const std::string& r : load_word_list("roles.tsv")) add(r, Kind::Role, 0);
    for (std::string_view w : recognize::stop_words()) add(std::string(w), Kind::Stop, 0);
    for (std::string_view w : recognize::protected_phrases()) add(std::string(w), Kind::Phrase, 0);
    automaton = AhoCorasick(patterns);
    // One flat payload array: pattern i owns [payload_begin[i], payload_begin[i + 1]).
    payload_begin.reserve(payloads.size() + 1);
    for (const auto& list : payloads) {
      payload_begin.push_back(static_cast<std::uint32_t>(payload_list.size()));
      payload_list.insert(payload_list.end(), list.begin(), list.end());
    }
    payload_begin.push_back(static_cast<std::uint32_t>(payload_list.size()));
    payloads.clear();
  }

  Scan scan(std::string_view text) const;
  // `room` more candidates fit without growing the vector (the rules' ones).
  std::vector<Candidate> lexicon_candidates(const Scan& scan, std::size_t room) const;
};

namespace {

// The vectors of the last Scan of this thread, emptied, for the next one to
// fill: a document then costs no allocation for them once they are big enough.
struct ScanVectors {
  std::vector<LexHit> lexical, nested;
  std::vector<HeadHit> heads;
  std::vector<RoleHit> roles;
  std::vector<std::pair<std::size_t, std::size_t>> protected_spans, stops;
};

ScanVectors& spare_scan_vectors() {
  thread_local ScanVectors spare;
  return spare;
}

// Gives a finished scan's vectors back for the next document of this thread.
void recycle(Scan& s) {
  ScanVectors& spare = spare_scan_vectors();
  auto keep = [](auto& to, auto& from) {
    from.clear();
    to = std::move(from);
  };
  keep(spare.lexical, s.lexical);
  keep(spare.nested, s.nested);
  keep(spare.heads, s.heads);
  keep(spare.roles, s.roles);
  keep(spare.protected_spans, s.protected_spans);
  keep(spare.stops, s.stops);
}

}  // namespace

Scan Recognizer::Impl::scan(std::string_view text) const {
  Scan s;
  s.text = text;
  s.surnames = &surnames;
  ScanVectors& spare = spare_scan_vectors();
  s.lexical = std::move(spare.lexical);
  s.nested = std::move(spare.nested);
  s.heads = std::move(spare.heads);
  s.roles = std::move(spare.roles);
  s.protected_spans = std::move(spare.protected_spans);
  s.stops = std::move(spare.stops);
  // Rough densities in news text, so the vectors grow once or not at all.
  thread_local std::vector<LexHit> lexical;  // every key found, before selection
  lexical.clear();
  lexical.reserve(text.size() / 48 + 16);
  s.lexical.reserve(text.size() / 64 + 16);
  s.heads.reserve(text.size() / 96 + 8);
  s.roles.reserve(text.size() / 256 + 8);
  s.stops.reserve(text.size() / 24 + 16);
  s.protected_spans.reserve(16);
  const auto& head_table = recognize::heads();
  automaton.for_each_match(text, [&](std::size_t begin, std::size_t end, std::uint32_t pattern) {
    for (std::uint32_t k = payload_begin[pattern]; k < payload_begin[pattern + 1]; ++k) {
      const Payload p = payload_list[k];
      switch (p.kind) {
        case Kind::Lexicon:
          if (!is_latin_edge(text, begin, end)) lexical.push_back({begin, end, &keys[p.index]});
          break;
        case Kind::Head:
          // Matches come longest first for each end: keep only the longest head.
          if (s.heads.empty() || s.heads.back().end != end) s.heads.push_back({begin, end, &head_table[p.index]});
          break;
        case Kind::Role:
          if (s.roles.empty() || s.roles.back().end != end) s.roles.push_back({begin, end});
          break;
        case Kind::Stop: s.stops.emplace_back(begin, end); break;
        case Kind::Phrase: s.protected_spans.emplace_back(begin, end); break;
      }
    }
  });
  // Leftmost-longest selection: a key inside or crossing an earlier, longer one is dropped.
  // Hits come by end, so they are already in this order unless keys nest;
  // checking is cheaper than sorting (equal keys are equal hits: no tie to order).
  auto by_begin_longest = [](const LexHit& a, const LexHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  };
  if (!std::is_sorted(lexical.begin(), lexical.end(), by_begin_longest))
    std::sort(lexical.begin(), lexical.end(), by_begin_longest);
  std::size_t covered = 0;
  std::size_t last_begin = SIZE_MAX;
  for (LexHit& h : lexical) {
    // An organisation that starts a longer known name is named too: 工信部 in 工信部电子五所.
    const bool nested_prefix = h.begin == last_begin && is_organisation(h.entry().type) &&
                               !s.lexical.empty() && is_organisation(s.lexical.back().entry().type);
    if (nested_prefix) {
      s.nested.push_back(std::move(h));
      continue;
    }
    if (h.begin < covered) continue;
    covered = h.end;
    last_begin = h.begin;
    s.lexical.push_back(std::move(h));
  }
  if (!std::is_sorted(s.stops.begin(), s.stops.end())) std::sort(s.stops.begin(), s.stops.end());
  return s;
}

std::vector<Candidate> Recognizer::Impl::lexicon_candidates(const Scan& scan, std::size_t room) const {
  std::vector<Candidate> out;
  out.reserve(scan.lexical.size() + scan.nested.size() + room);
  thread_local std::vector<std::string_view> places;
  places.clear();  // canonical names of the places the text names
  for (const LexHit& h : scan.lexical)
    if (h.entry().type == EntityType::Place) places.push_back(h.entry().name);
  // Sorted only when a short form asks, which few documents do.
  bool places_sorted = false;
  auto names_place = [&](std::string_view name) {
    if (!places_sorted) std::sort(places.begin(), places.end());
    places_sorted = true;
    return std::binary_search(places.begin(), places.end(), name);
  };
  const std::size_t all = scan.lexical.size() + scan.nested.size();
  for (std::size_t k = 0; k < all; ++k) {
    const LexHit& h = k < scan.lexical.size() ? scan.lexical[k] : scan.nested[k - scan.lexical.size()];
    if (is_unsupported_short_form(scan.text, h, names_place)) continue;
    if (is_department_noun(scan.text, h)) continue;
    const LexiconEntry* e = h.denotes->front();
    Candidate c;
    c.begin = h.begin;
    c.end = h.end;
    c.type = e->type;
    c.level = e->level;
    c.known_name = &e->name;
    const KeyFacts& facts = key_facts[static_cast<std::size_t>(h.denotes - keys.data())];
    c.rule = facts.rule;
    // Several divisions with one name (朝阳区): leave the parent open for the resolver.
    if (!facts.ambiguous) {
      c.parent = e->parent;
      c.code = e->code;
    }
    const std::size_t campus_end = campus_after(scan, h);
    if (campus_end != 0) {
      // 某某大学(深圳): the campus is a university of its own.
      Candidate campus = c;
      campus.end = campus_end;
      campus.known_name = nullptr;
      campus.own_name = recognize::canonical(e->name + std::string(scan.text.substr(h.end, campus_end - h.end)));
      campus.rule = recognize::Rule::Campus;
      campus.parent = e->name;
      out.push_back(std::move(campus));
    }
    out.push_back(std::move(c));
  }
  return out;
}

namespace {

// A place key inside a personal name (南宁 in 郑南宁) is not a place.
void drop_places_inside_people(std::vector<Candidate>& found) {
  thread_local std::vector<std::pair<std::size_t, std::size_t>> people;
  people.clear();
  for (const Candidate& c : found)
    if (c.type == EntityType::Person) people.emplace_back(c.begin, c.end);
  std::sort(people.begin(), people.end());
  std::erase_if(found, [&](const Candidate& c) {
    if (c.type != EntityType::Place) return false;
    // Names are short: only a person starting a few bytes before can hold the place.
    auto it = std::upper_bound(people.begin(), people.end(), std::make_pair(c.begin, SIZE_MAX));
    for (int k = 0; k < 4 && it != people.begin(); ++k) {
      --it;
      if (it->first <= c.begin && c.end <= it->second && (it->first < c.begin || c.end < it->second)) return true;
    }
    return false;
  });
}

// Reused between calls (and documents) so a document costs no allocation here.
std::vector<recognize::Occurrence>& scratch_occurrences() {
  thread_local std::vector<recognize::Occurrence> occurrences;
  occurrences.clear();
  return occurrences;
}

// Finds later (and earlier) occurrences of names that a rule found once.
void propagate(std::string_view text, std::vector<Candidate>& found) {
  // Scratch vectors keep their room from one document to the next.
  thread_local std::vector<std::pair<std::size_t, std::size_t>> taken;
  thread_local std::vector<std::string_view> names;  // distinct surfaces, in the order first found
  thread_local std::vector<std::uint32_t> origin;     // the candidate each name came from
  thread_local std::vector<std::uint32_t> accepted;   // occurrences that become candidates
  taken.clear();
  names.clear();
  origin.clear();
  accepted.clear();
  for (const Candidate& c : found) taken.emplace_back(c.begin, c.end);
  std::sort(taken.begin(), taken.end());
  auto overlaps = [&](std::size_t b, std::size_t e) {
    auto it = std::lower_bound(taken.begin(), taken.end(), std::make_pair(e, std::size_t{0}));
    while (it != taken.begin()) {
      --it;
      if (it->second > b) return true;
      if (it->first + 200 < b) break;
    }
    return false;
  };
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Candidate& c = found[i];
    if (c.rule == recognize::Rule::Lexicon || c.rule == recognize::Rule::Gazetteer) continue;
    const std::string_view surface = text.substr(c.begin, c.end - c.begin);
    const std::size_t chars = utf8::length(surface);
    if (chars < 2 || (c.type != EntityType::Person && chars < 3)) continue;
    if (std::find(names.begin(), names.end(), surface) != names.end()) continue;
    names.push_back(surface);
    origin.push_back(static_cast<std::uint32_t>(i));
  }
  if (names.empty()) return;
  std::vector<recognize::Occurrence>& occurrences = scratch_occurrences();
  recognize::find_occurrences(text, names, occurrences);
  std::sort(occurrences.begin(), occurrences.end(), [](const recognize::Occurrence& a, const recognize::Occurrence& b) {
    return a.end != b.end ? a.end < b.end : a.begin < b.begin;
  });
  for (std::uint32_t k = 0; k < occurrences.size(); ++k) {
    const auto& [begin, end, pattern] = occurrences[k];
    const Candidate& c = found[origin[pattern]];
    if (overlaps(begin, end)) continue;
    if (c.type == EntityType::Person && end < text.size()) {
      // A person's name between two more Han characters may be part of a longer word.
      const char32_t next = recognize::char_at(text, end);
      const char32_t prev = begin > 0 ? recognize::char_at(text, recognize::char_before(text, begin)) : U' ';
      if (utf8::is_han(next) && utf8::is_han(prev)) continue;
    }
    accepted.push_back(k);
  }
  // Grown once; the copies read `found` while it grows, so not before.
  found.reserve(found.size() + accepted.size());
  for (const std::uint32_t k : accepted) {
    const auto& [begin, end, pattern] = occurrences[k];
    Candidate copy = found[origin[pattern]];
    copy.begin = begin;
    copy.end = end;
    copy.repeat = true;
    copy.role = {};
    found.push_back(std::move(copy));
  }
}

// Fills `order` with the positions of `found`, sorted by begin, then longest
// first, then by name. When offsets fit in 32 bits, begin and end are packed
// into one key read from a flat array, so most comparisons touch no
// candidate; the comparator answers every pair as the plain one would, and
// std::sort's steps follow the answers alone, so both give one order, ties
// included.
void sort_by_position(const std::vector<Candidate>& found, std::size_t text_size, std::vector<std::uint32_t>& order) {
  auto by_candidate = [&](std::uint32_t x, std::uint32_t y) {
    const Candidate& a = found[x];
    const Candidate& b = found[y];
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.name() < b.name();
  };
  order.resize(found.size());
  std::iota(order.begin(), order.end(), 0u);
  if (text_size > 0xFFFFFFFFu) {
    std::sort(order.begin(), order.end(), by_candidate);
    return;
  }
  struct Keyed {
    std::uint64_t key;  // begin in the high half, the complement of end in the low
    std::uint32_t index;
  };
  thread_local std::vector<Keyed> keyed;
  keyed.clear();
  for (std::uint32_t k = 0; k < found.size(); ++k)
    keyed.push_back({std::uint64_t{found[k].begin} << 32 | (0xFFFFFFFFu - found[k].end), k});
  std::sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    if (a.key != b.key) return a.key < b.key;
    return found[a.index].name() < found[b.index].name();
  });
  for (std::size_t k = 0; k < keyed.size(); ++k) order[k] = keyed[k].index;
}

}  // namespace

Recognizer::Recognizer(const Lexicon& lexicon) : impl_(std::make_unique<Impl>(lexicon)) {}
Recognizer::~Recognizer() = default;

std::vector<Mention> Recognizer::recognize(const CleanDocument& doc, const std::vector<Sentence>& sentences) const {
  const std::string_view text = doc.folded.size() == doc.text.size() ? std::string_view(doc.folded) : doc.text;
  Scan s = impl_->scan(text);
  std::vector<Candidate> by_rule[] = {recognize::organisations_by_head(s), recognize::people_by_role(s),
                                      recognize::programmes_and_products(s)};
  std::size_t room = 0;
  for (const auto& list : by_rule) room += list.size();
  std::vector<Candidate> found = impl_->lexicon_candidates(s, room);
  for (auto& list : by_rule) std::move(list.begin(), list.end(), std::back_inserter(found));
  recycle(s);  // the candidates hold no view into the scan's vectors
  drop_places_inside_people(found);
  propagate(text, found);

  // Sorting positions, not the candidates themselves, moves 4 bytes instead
  // of a whole candidate; std::sort makes the same comparisons either way, so
  // the order (ties included) is the one sorting the candidates would give.
  thread_local std::vector<std::uint32_t> order;
  sort_by_position(found, text.size(), order);
  order.erase(std::unique(order.begin(), order.end(),
                          [&](std::uint32_t x, std::uint32_t y) {
                            const Candidate& a = found[x];
                            const Candidate& b = found[y];
                            return a.begin == b.begin && a.end == b.end && a.type == b.type;
                          }),
              order.end());

  std::vector<Mention> out;
  out.reserve(order.size());
  recognize::SourceLocator locate(doc.offsets);  // mentions come by position
  std::size_t sentence = 0;
  for (const std::uint32_t k : order) {
    Candidate& c = found[k];
    while (sentence + 1 < sentences.size() && sentences[sentence].end <= c.begin) ++sentence;
    Mention& m = out.emplace_back();
    // Built in place and moved in: cheaper than assign()'s general replace.
    m.surface = std::string(std::string_view(doc.text).substr(c.begin, c.end - c.begin));
    if (c.name().empty()) m.name = recognize::canonical(text.substr(c.begin, c.end - c.begin));
    else if (c.known_name != nullptr) m.name = *c.known_name;
    else m.name = std::move(c.own_name);
    m.type = c.type;
    m.level = c.type == EntityType::Place && c.level == PlaceLevel::None ? PlaceLevel::Region : c.level;
    m.sentence = sentences.empty() ? 0 : sentences[std::min(sentence, sentences.size() - 1)].index;
    m.begin = c.begin;
    m.end = c.end;
    m.source = doc.offsets.size() >= c.end ? locate.to_source(c.begin, c.end) : SourceSpan{};
    m.rule = c.rule_text();
    // Most of these are empty: assign only what there is.
    if (!c.role.empty()) m.role = std::string(c.role);
    if (!c.parent.empty()) m.parent = std::string(c.parent);
    if (!c.code.empty()) m.code = std::string(c.code);
    m.confidence = c.confidence;
  }
  return out;
}

}  // namespace kg
