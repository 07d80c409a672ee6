// Internal: what the rule passes of the recogniser share. The text they see
// is CleanDocument::folded (simplified script, same byte offsets as `text`);
// one Aho-Corasick pass has already found every lexicon key, organisation
// head, role word and protected phrase in it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/utf8.hpp"
#include "kg/lexicon.hpp"
#include "kg/ontology.hpp"

namespace kg::recognize {

// Looked up by string_view, so a probe builds no std::string.
struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
// The surnames of data/surnames.tsv, with a table of the characters they
// start with: most places a name might start hold no such character, and
// that is one bit to read instead of a hash to compute.
class SurnameSet {
 public:
  void insert(std::string_view surname) {
    if (surname.empty()) return;
    names_.emplace(surname);
    std::size_t i = 0;
    const char32_t first = utf8::next(surname, i);
    if (first < kTableSize) first_chars_[first] = true;
    else wide_first_ = true;
  }
  // Tells whether some surname may start with this character (false: none does).
  bool may_start_with(char32_t c) const { return c < kTableSize ? first_chars_[c] : wide_first_; }
  bool contains(std::string_view s) const { return names_.find(s) != names_.end(); }

 private:
  static constexpr char32_t kTableSize = 0x10000;
  std::unordered_set<std::string, ViewHash, std::equal_to<>> names_;
  std::vector<bool> first_chars_ = std::vector<bool>(kTableSize, false);
  bool wide_first_ = false;
};

// How much a head asks of the modifier before it.
enum class HeadStrength {
  Strong,      // any modifier of two or more characters (有限公司, 大学, 联盟)
  Anchored,    // the modifier must start with a known place or organisation (局, 中心, 产业园)
  OrgAnchored, // the modifier must start with a known organisation (分公司)
  Brand,       // a short brand of 2-4 characters at a clear boundary (科技, 集团)
};

struct Head {
  std::string_view text;
  EntityType type;
  PlaceLevel level;
  HeadStrength strength;
  std::size_t max_chars;  // longest modifier, in characters
};

// A lexicon key found in the text, after overlap selection.
struct LexHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  const std::vector<const LexiconEntry*>* denotes = nullptr;  // what the key denotes (>= 1 entry)
  const LexiconEntry& entry() const { return *denotes->front(); }
};

// What found a candidate; Mention::rule spells it out (rule_text()).
enum class Rule : std::uint8_t {
  Lexicon,       // "lexicon"
  Gazetteer,     // "gazetteer"
  Campus,        // "campus"
  Suffix,        // "suffix:" + detail (the head)
  Role,          // "role:" + detail (the role word)
  Speaker,       // "speaker"
  Title,         // "title"
  QuoteTail,     // "quote+tail"
  QuoteProduct,  // "quote+product"
  Launched,      // "launched"
  LatinProduct,  // "latin+product"
};

// A mention before sentence, source span and resolution are attached. It
// holds views, not copies: into the scanned text, the lexicon and the head
// table, all of which outlive a recognize() call; only a name the rules had
// to compute is owned. Strings are made once, for the mentions that survive.
struct Candidate {
  std::size_t begin = 0;
  std::size_t end = 0;
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
  Rule rule = Rule::Lexicon;
  bool repeat = false;                   // found again by propagation: "repeat:" + rule
  const std::string* known_name = nullptr;  // the lexicon's canonical name, when it is one
  std::string own_name;                  // a computed canonical name (empty: canonical_name of the span)
  std::string_view detail;               // the head or role word the rule names
  std::string_view role;
  std::string_view parent;
  std::string_view code;
  double confidence = 1.0;

  std::string_view name() const { return known_name != nullptr ? std::string_view(*known_name) : own_name; }
  // Returns the rule as Mention::rule spells it ("suffix:公司", "repeat:role:院士").
  // The view is into storage that lives as long as the program.
  std::string_view rule_text() const;
};

struct HeadHit {
  std::size_t begin;
  std::size_t end;
  const Head* head;
};

struct RoleHit {
  std::size_t begin;
  std::size_t end;
};

// Everything the rules read: the folded text and the automaton's findings.
struct Scan {
  std::string_view text;
  std::vector<LexHit> lexical;       // maximal lexicon matches, by position
  std::vector<LexHit> nested;        // organisations that begin a longer lexicon match
  std::vector<HeadHit> heads;        // longest head ending at each position
  std::vector<RoleHit> roles;        // role words, longest at each end
  std::vector<std::pair<std::size_t, std::size_t>> protected_spans;  // no stop word inside
  std::vector<std::pair<std::size_t, std::size_t>> stops;  // stop words, by position
  const SurnameSet* surnames = nullptr;

  // Returns the lexicon hit that starts at `begin`, or nullptr.
  const LexHit* lexical_at(std::size_t begin) const;
  // Returns the first lexicon hit within [begin, end), or nullptr.
  const LexHit* first_lexical_in(std::size_t begin, std::size_t end) const;
  // Returns the lexicon hit that covers byte `pos`, or nullptr.
  const LexHit* lexical_around(std::size_t pos) const;
  // Tells whether byte `pos` lies strictly inside a protected span or lexicon hit.
  bool is_protected(std::size_t begin, std::size_t end) const;
};

// ---- character helpers over UTF-8 ----

inline char32_t char_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  std::size_t j = i;
  return utf8::next(s, j);
}

inline std::size_t char_end(std::string_view s, std::size_t i) {
  return std::min(s.size(), i + utf8::sequence_length(static_cast<unsigned char>(s[i])));
}

inline std::size_t char_before(std::string_view s, std::size_t i) {
  if (i == 0) return 0;
  std::size_t j = i - 1;
  while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  return j;
}

inline bool is_ascii_alnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Characters that may appear inside a name: Han, Latin letters, digits, the middle dot.
inline bool is_name_char(char32_t c) {
  return utf8::is_han(c) || is_ascii_alnum(c) || c == 0x00B7 || c == 0x30FB;
}

inline bool starts_with_at(std::string_view s, std::size_t i, std::string_view w) {
  return s.substr(i, w.size()) == w;
}

inline bool ends_with_at(std::string_view s, std::size_t end, std::string_view w) {
  return end >= w.size() && s.substr(end - w.size(), w.size()) == w;
}

// ---- the rule passes (each returns candidates; none mutates the scan) ----

std::vector<Candidate> organisations_by_head(const Scan& scan);
std::vector<Candidate> people_by_role(const Scan& scan);
std::vector<Candidate> programmes_and_products(const Scan& scan);

// The head table (org_rules.cpp) and the word lists the rules share (tables.cpp).
const std::vector<Head>& heads();
const std::vector<std::string_view>& stop_words();
const std::vector<std::string_view>& protected_phrases();
bool is_generic_modifier(std::string_view modifier);

}  // namespace kg::recognize
