// Entity resolution within one document: mentions are joined (union-find)
// when they share an identity key (canonical name, abbreviated department
// name, firm stem), when the text declares one an abbreviation of the other
// (X（以下简称“Y”）), or when a bare 市X局 names the one X局 of a city the
// document has. Each group becomes one Entity whose name is the lexicon's
// canonical name when a lexicon entry is involved, else the most frequent one.
#include "kg/entity.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <deque>
#include <numeric>
#include <optional>
#include <span>

#include "common/utf8.hpp"
#include "recognize/canonical.hpp"
#include "resolve/names.hpp"

namespace kg {

namespace {

class UnionFind {
 public:
  void reset(std::size_t n) {
    parent_.resize(n);
    std::iota(parent_.begin(), parent_.end(), 0u);
  }
  std::uint32_t find(std::uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  // The root of a set is its smallest member, whatever the order of joins.
  void join(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::uint32_t> parent_;
};

constexpr std::uint32_t kNone = 0xFFFFFFFFu;
constexpr std::size_t kTypes = static_cast<std::size_t>(EntityType::Person) + 1;

bool from_lexicon(const Mention& m) {
  const std::string_view rule = m.rule;
  return rule == "lexicon" || rule == "gazetteer";
}

// A fast hash of a short string (names are a few dozen bytes): its length
// and its first, middle and last eight bytes (fewer for shorter strings),
// mixed by multiplication. Equal hashes are compared in full anyway.
std::uint64_t hash_of(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  auto mix = [&h](std::uint64_t w) {
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  };
  auto word = [](const char* at) {
    std::uint64_t w;
    std::memcpy(&w, at, 8);
    return w;
  };
  auto half = [](const char* at) {
    std::uint32_t w;
    std::memcpy(&w, at, 4);
    return std::uint64_t{w};
  };
  if (n >= 8) {
    mix(word(p));
    if (n > 16) mix(word(p + n / 2 - 4));
    mix(word(p + n - 8));
  } else if (n >= 4) {
    mix(half(p) << 32 | half(p + n - 4));
  } else if (n > 0) {
    mix(std::uint64_t{static_cast<unsigned char>(p[0])} << 16 | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
        static_cast<unsigned char>(p[n - 1]));
  }
  return h * 0x94D049BB133111EBull;
}

// The distinct strings of one document (names, surfaces, derived keys),
// numbered from 0 in order of first appearance: views into storage that
// outlives the resolution (the mentions, the derived-name store), found
// again through an open-addressed table.
class Atoms {
 public:
  void clear(std::size_t expected) {
    strings_.clear();
    hashes_.clear();
    slots_.assign(std::max<std::size_t>(64, std::bit_ceil(expected * 2)), kNone);
  }
  std::size_t size() const noexcept { return strings_.size(); }
  std::string_view operator[](std::uint32_t atom) const { return strings_[atom]; }

  std::uint32_t intern(std::string_view s) {
    const std::uint64_t h = hash_of(s);
    std::uint32_t& slot = slots_[probe(s, h)];
    if (slot != kNone) return slot;
    const auto atom = static_cast<std::uint32_t>(strings_.size());
    slot = atom;
    strings_.push_back(s);
    hashes_.push_back(h);
    if (strings_.size() * 2 > slots_.size()) grow();
    return atom;
  }

  // The atom of `s`, or kNone when the document has no such string.
  std::uint32_t find(std::string_view s) const { return slots_[probe(s, hash_of(s))]; }

 private:
  std::size_t probe(std::string_view s, std::uint64_t h) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = h & mask;; at = (at + 1) & mask) {
      const std::uint32_t a = slots_[at];
      if (a == kNone || (hashes_[a] == h && strings_[a] == s)) return at;
    }
  }
  void grow() {
    slots_.assign(slots_.size() * 2, kNone);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t a = 0; a < strings_.size(); ++a) {
      std::size_t at = hashes_[a] & mask;
      while (slots_[at] != kNone) at = (at + 1) & mask;
      slots_[at] = a;
    }
  }

  std::vector<std::string_view> strings_;
  std::vector<std::uint64_t> hashes_;
  std::vector<std::uint32_t> slots_;
};

// Identity keys. A key was a string: a name, "gov:" + a government key or
// "firm:" + a firm stem; two mentions sharing one are one entity. Here a key
// is a number, 3 * atom + kind, and a name that itself begins with "gov:" or
// "firm:" is read as the key it spells, so numbers are equal exactly when
// the strings were.
enum KeyKind : std::uint32_t { kPlain = 0, kGovernment = 1, kFirm = 2 };

std::uint32_t key_number(std::uint32_t atom, KeyKind kind) { return atom * 3 + kind; }

// The key a plain string spells, interning what it names.
std::uint32_t plain_key(Atoms& atoms, std::string_view s) {
  if (s.starts_with("gov:")) return key_number(atoms.intern(s.substr(4)), kGovernment);
  if (s.starts_with("firm:")) return key_number(atoms.intern(s.substr(5)), kFirm);
  return key_number(atoms.intern(s), kPlain);
}

// The same, for a string that may not be in the document: kNone then.
std::uint32_t find_plain_key(const Atoms& atoms, std::string_view s) {
  KeyKind kind = kPlain;
  if (s.starts_with("gov:")) s.remove_prefix(4), kind = kGovernment;
  else if (s.starts_with("firm:")) s.remove_prefix(5), kind = kFirm;
  const std::uint32_t atom = atoms.find(s);
  return atom == kNone ? kNone : key_number(atom, kind);
}

// What identifies mentions of one name and type: their keys (in the order
// the string keys were made: name, period-less plan, government key, firm
// stem twice) and the government key (resolve::government_key; "" unless a
// GovernmentBody).
struct Form {
  std::uint32_t keys[4];
  std::uint32_t key_count = 0;
  std::string_view government_key;
  bool local_government = false;  // government key starts with 市/区/省/县
};

// Everything one resolution needs besides its result, kept per thread so
// that its buffers are reused from document to document.
struct Scratch {
  Atoms atoms;
  std::deque<std::string> derived;         // government keys that differ from the name
  std::vector<std::uint32_t> name_atom;    // per mention
  std::vector<std::uint32_t> surface_atom; // per mention: its trimmed surface, kNone if empty
  std::vector<std::uint32_t> form_of;      // name atom * kTypes + type -> form
  std::vector<Form> forms;
  std::vector<std::uint32_t> mention_form; // per mention
  std::vector<std::uint32_t> first_with_key;
  std::vector<std::uint32_t> government;   // mentions that are government bodies
  std::vector<std::uint8_t> place_named;   // per atom: some Place mention has this name
  std::vector<std::uint8_t> declared_full; // per atom: an abbreviation was declared for it
  std::vector<const LexiconEntry*> division; // per atom: settle_divisions' answer
  std::vector<std::uint32_t> tally;        // per atom, reset after use
  std::vector<std::uint32_t> group_of, group_size, group_begin, members, fill;
  std::vector<std::uint32_t> group_name;   // per group: the atom of its entity's name
  std::vector<EntityType> group_type;
  std::vector<std::uint32_t> order;       // groups by name
  std::vector<std::pair<std::uint64_t, std::uint32_t>> by_prefix;  // (name_prefix, group)
  std::vector<std::uint32_t> distinct;
  std::vector<std::string_view> aliases;
  UnionFind groups;

  void clear(std::size_t mentions) {
    atoms.clear(mentions * 2 + 16);
    derived.clear();
    forms.clear();
    government.clear();
  }
};

// text.find(word, from) for a word of at least `rare` + 1 bytes whose byte
// `rare` is uncommon in the text: memchr finds that byte (fast, and its hits
// are few), and only there is the whole word compared. string_view::find and
// memmem look at every position that starts like the word, and the first
// bytes of a Chinese word start a good share of all characters.
std::size_t find_from(std::string_view text, std::string_view word, std::size_t rare, std::size_t from) {
  const char* const data = text.data();
  const char* const end = data + text.size();
  if (from > text.size() || word.size() > text.size() - from) return std::string_view::npos;
  const char* p = data + from + rare;
  const char* const last = end - (word.size() - rare);  // the rare byte of the last place the word fits
  while (p <= last) {
    const void* hit = std::memchr(p, word[rare], static_cast<std::size_t>(last - p) + 1);
    if (hit == nullptr) break;
    const char* start = static_cast<const char*>(hit) - rare;
    if (std::memcmp(start, word.data(), word.size()) == 0) return static_cast<std::size_t>(start - data);
    p = static_cast<const char*>(hit) + 1;
  }
  return std::string_view::npos;
}

// Finds "X（以下简称“Y”）" declarations: returns (end of X, Y) pairs.
std::vector<std::pair<std::size_t, std::string>> declared_abbreviations(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> out;
  constexpr std::string_view kMarker = "以下简称";
  constexpr std::size_t kRareByte = 5;  // 0x8B, the last byte of 下: under 1% of Chinese text
  for (std::size_t pos = find_from(text, kMarker, kRareByte, 0); pos != std::string_view::npos;
       pos = find_from(text, kMarker, kRareByte, pos + 1)) {
    std::size_t open = pos;
    // The bracket before the marker: （ or (.
    if (open >= 3 && text.substr(open - 3, 3) == "（") open -= 3;
    else if (open >= 1 && text[open - 1] == '(') open -= 1;
    else continue;
    std::size_t q = pos + kMarker.size();
    std::string_view close;
    if (text.substr(q, 3) == "“") close = "”";
    else if (text.substr(q, 3) == "《") close = "》";
    else continue;
    const std::size_t end = text.find(close, q + 3);
    if (end == std::string_view::npos || end - q > 60) continue;
    out.emplace_back(open, recognize::canonical(text.substr(q + 3, end - q - 3)));
  }
  return out;
}

// What a mention of a declared abbreviation takes from the mention of the
// full name: all but its span, surface, name, rule and role (which it gets
// anew), so the full name's strings need no copy.
Mention abbreviation_template(const Mention& full) {
  Mention m;
  m.type = full.type;
  m.level = full.level;
  m.sentence = full.sentence;
  m.parent = full.parent;
  m.code = full.code;
  m.confidence = full.confidence;
  m.rule = "abbreviation";
  return m;
}

// Adds mentions for occurrences of a declared abbreviation nobody recognised.
void add_abbreviation_mentions(const CleanDocument& doc, std::string_view text, const std::string& abbr,
                               const Mention& like, std::vector<Mention>& mentions) {
  if (utf8::length(abbr) < 2) return;
  // The third byte of a Chinese character is far rarer in the text than its
  // first (see find_from); find_from finds what text.find would.
  const std::size_t rare = std::min<std::size_t>(abbr.size() - 1, 2);
  for (std::size_t pos = find_from(text, abbr, rare, 0); pos != std::string_view::npos;
       pos = find_from(text, abbr, rare, pos + 1)) {
    const bool known = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
      return m.begin <= pos && pos + abbr.size() <= m.end;
    });
    if (known) continue;
    Mention& m = mentions.emplace_back(like);
    m.begin = pos;
    m.end = pos + abbr.size();
    m.surface = doc.text.substr(pos, abbr.size());
    m.name = abbr;
    m.source = doc.offsets.size() >= m.end ? doc.offsets.to_source(m.begin, m.end) : SourceSpan{};
  }
}

bool before(const Mention& a, const Mention& b) {
  return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
}

// Sorts mentions by position, longest first, exactly as std::sort on the
// mentions themselves would order them: the same algorithm on the same
// comparisons gives the same permutation, and moving small keys is cheaper
// than moving mentions.
void sort_all_by_position(std::vector<Mention>& mentions) {
  struct Key {
    std::size_t begin, end;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i)
    keys.push_back({mentions[i].begin, mentions[i].end, static_cast<std::uint32_t>(i)});
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  bool moved = false;
  for (std::size_t i = 0; i < keys.size() && !moved; ++i) moved = keys[i].index != i;
  if (!moved) return;
  std::vector<Mention> sorted;
  sorted.reserve(mentions.size());
  for (const Key& k : keys) sorted.push_back(std::move(mentions[k.index]));
  mentions = std::move(sorted);
}

// Merges the mentions from `recognised` on (few, in any order) into the
// ordered ones before them, from the back: only the mentions after the
// first added one move, each once.
void merge_added(std::vector<Mention>& mentions, std::size_t recognised) {
  const auto first_added = mentions.begin() + static_cast<std::ptrdiff_t>(recognised);
  std::vector<Mention> added(std::make_move_iterator(first_added), std::make_move_iterator(mentions.end()));
  std::sort(added.begin(), added.end(), before);
  std::size_t kept = recognised, left = added.size(), to = mentions.size();
  while (left > 0) {
    if (kept > 0 && before(added[left - 1], mentions[kept - 1])) mentions[--to] = std::move(mentions[--kept]);
    else mentions[--to] = std::move(added[--left]);
  }
}

// Puts the mentions in position order, longest first, as std::sort would.
// The first `recognised` come from the recogniser, usually in that order
// already; the rest were added for abbreviations, each at a span no other
// mention has (one covering it would have kept it from being added). So
// when the recognised ones are strictly ordered, the whole order is strict,
// every sort gives the one permutation, and merging the few added ones in
// gives it too. Otherwise ties may exist and the full sort decides.
void sort_by_position(std::vector<Mention>& mentions, std::size_t recognised) {
  bool strictly_ordered = true;
  for (std::size_t i = 1; i < recognised && strictly_ordered; ++i) strictly_ordered = before(mentions[i - 1], mentions[i]);
  if (!strictly_ordered) return sort_all_by_position(mentions);
  if (recognised < mentions.size()) merge_added(mentions, recognised);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The identity of a name and type: its keys, derived once per document.
Form form_of(const Mention& m, std::uint32_t name_atom, Scratch& x, const Lexicon& lexicon) {
  Form f;
  Atoms& atoms = x.atoms;
  const bool spells_key = m.name.starts_with("gov:") || m.name.starts_with("firm:");
  f.keys[f.key_count++] = spells_key ? plain_key(atoms, m.name) : key_number(name_atom, kPlain);
  // A plan with and without its period: 某某行动计划(2024-2025).
  if (m.type == EntityType::Programme && m.name.ends_with(")")) {
    const std::size_t open = m.name.rfind('(');
    if (open != std::string::npos && open > 0)
      f.keys[f.key_count++] = plain_key(atoms, std::string_view(m.name).substr(0, open));
  }
  if (m.type == EntityType::GovernmentBody) {
    std::optional<std::string> shorter = resolve::abbreviated_government_name(m.name);
    f.government_key = shorter ? std::string_view(x.derived.emplace_back(std::move(*shorter))) : std::string_view(m.name);
    f.keys[f.key_count++] = key_number(atoms.intern(f.government_key), kGovernment);
    const std::string_view key = f.government_key;
    f.local_government = key.starts_with("市") || key.starts_with("区") || key.starts_with("省") || key.starts_with("县");
  }
  if (m.type == EntityType::Firm) {
    const std::string_view stem = resolve::firm_stem(m.name, lexicon);
    if (!stem.empty()) {
      f.keys[f.key_count++] = key_number(atoms.intern(stem), kFirm);
      if (stem != m.name) f.keys[f.key_count++] = plain_key(atoms, stem);
    }
  }
  return f;
}

// Gives every mention its name atom, surface atom and form.
void identify(const std::vector<Mention>& mentions, Scratch& x, const Lexicon& lexicon) {
  const std::size_t n = mentions.size();
  x.name_atom.resize(n);
  x.surface_atom.resize(n);
  x.mention_form.resize(n);
  for (std::size_t i = 0; i < n; ++i) x.name_atom[i] = x.atoms.intern(mentions[i].name);
  // Keys depend only on name and type, and a document names its entities
  // many times: forms are derived once per distinct (name, type).
  x.form_of.assign(x.atoms.size() * kTypes, kNone);
  for (std::size_t i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    std::uint32_t& form = x.form_of[x.name_atom[i] * kTypes + static_cast<std::size_t>(m.type)];
    if (form == kNone) {
      form = static_cast<std::uint32_t>(x.forms.size());
      x.forms.push_back(form_of(m, x.name_atom[i], x, lexicon));
    }
    x.mention_form[i] = form;
    if (m.type == EntityType::GovernmentBody) x.government.push_back(static_cast<std::uint32_t>(i));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const std::string_view surface = trimmed(mentions[i].surface);
    x.surface_atom[i] = surface.empty()                ? kNone
                        : surface == mentions[i].name ? x.name_atom[i]
                                                       : x.atoms.intern(surface);
  }
}

// Joins mentions that share a key: each with the first mention that had it.
void join_by_keys(std::size_t mentions, Scratch& x) {
  x.first_with_key.assign(x.atoms.size() * 3, kNone);
  for (std::uint32_t i = 0; i < mentions; ++i) {
    const Form& f = x.forms[x.mention_form[i]];
    for (std::uint32_t k = 0; k < f.key_count; ++k) {
      std::uint32_t& first = x.first_with_key[f.keys[k]];
      if (first == kNone) first = i;
      else if (first != i) x.groups.join(first, i);
    }
  }
}

// The first mention with the key `name` spells, or kNone.
std::uint32_t first_with_plain_key(const Scratch& x, std::string_view name) {
  const std::uint32_t key = find_plain_key(x.atoms, name);
  return key == kNone ? kNone : x.first_with_key[key];
}

// 市工信局 / 区数据局: the one body of that name whose city the text names.
void join_local_government(Scratch& x) {
  UnionFind& groups = x.groups;
  for (const std::uint32_t i : x.government) {
    const Form& f = x.forms[x.mention_form[i]];
    if (!f.local_government) continue;
    const std::string_view key = f.government_key;
    std::uint32_t match = kNone;
    int count = 0;
    for (const std::uint32_t j : x.government) {
      if (groups.find(j) == groups.find(i)) continue;
      const std::string_view ok = x.forms[x.mention_form[j]].government_key;
      if (ok.size() > key.size() && ok.ends_with(key)) {
        if (match == kNone || groups.find(match) != groups.find(j)) ++count;
        match = j;
      }
    }
    if (count == 1) groups.join(i, match);
  }
}

// Ambiguous divisions (朝阳区 in two cities): a parent the document names
// decides. The answer depends on the name only, so each distinct name asks
// the lexicon once.
void settle_divisions(std::vector<Mention>& mentions, Scratch& x, const Lexicon& lexicon) {
  x.place_named.assign(x.atoms.size(), 0);
  bool any = false;
  for (std::size_t i = 0; i < mentions.size(); ++i)
    if (mentions[i].type == EntityType::Place) {
      x.place_named[x.name_atom[i]] = 1;
      any = true;
    }
  if (!any) return;
  auto named = [&](std::string_view place) {
    const std::uint32_t atom = x.atoms.find(place);
    return atom != kNone && x.place_named[atom];
  };
  // Per name atom: not asked yet (kUnasked), no single fitting entry, or the entry.
  static const LexiconEntry* const kUnasked = reinterpret_cast<const LexiconEntry*>(&kUnasked);
  x.division.assign(x.atoms.size(), kUnasked);
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    Mention& m = mentions[i];
    if (m.type != EntityType::Place || !m.parent.empty() || m.rule != "gazetteer") continue;
    const LexiconEntry*& settled = x.division[x.name_atom[i]];
    if (settled == kUnasked) {
      const LexiconEntry* pick = nullptr;
      int fits = 0;
      for (const LexiconEntry* e : lexicon.find_all(m.name))
        if (e->type == EntityType::Place && e->name == m.name && named(e->parent)) {
          pick = e;
          ++fits;
        }
      settled = fits == 1 ? pick : nullptr;
    }
    if (settled != nullptr) {
      m.parent = settled->parent;
      m.code = settled->code;
    }
  }
}

// Numbers groups in order of their first mention and lists each group's
// mentions in document order: members[group_begin[g] .. group_begin[g + 1]).
void list_groups(std::size_t mentions, Scratch& x) {
  x.group_of.resize(mentions);
  x.group_size.clear();
  for (std::uint32_t i = 0; i < mentions; ++i) {
    const std::uint32_t root = x.groups.find(i);
    if (root == i) {
      x.group_of[i] = static_cast<std::uint32_t>(x.group_size.size());
      x.group_size.push_back(0);
    } else {
      x.group_of[i] = x.group_of[root];
    }
    ++x.group_size[x.group_of[i]];
  }
  x.group_begin.assign(x.group_size.size() + 1, 0);
  for (std::size_t g = 0; g < x.group_size.size(); ++g) x.group_begin[g + 1] = x.group_begin[g] + x.group_size[g];
  x.members.resize(mentions);
  x.fill.assign(x.group_begin.begin(), x.group_begin.end() - 1);
  for (std::uint32_t i = 0; i < mentions; ++i) x.members[x.fill[x.group_of[i]]++] = i;
}

// The most frequent name of a group; ties go to the longer, then to the
// smaller in byte order (what a max over a std::map of votes gave).
std::uint32_t voted_name(std::span<const std::uint32_t> members, Scratch& x) {
  x.distinct.clear();
  for (std::uint32_t i : members)
    if (x.tally[x.name_atom[i]]++ == 0) x.distinct.push_back(x.name_atom[i]);
  std::uint32_t best = kNone, best_votes = 0;
  for (std::uint32_t a : x.distinct) {
    const std::uint32_t votes = x.tally[a];
    x.tally[a] = 0;
    if (best == kNone || votes > best_votes) {
      best = a;
      best_votes = votes;
      continue;
    }
    if (votes < best_votes) continue;
    const std::string_view name = x.atoms[a], current = x.atoms[best];
    if (name.size() > current.size() || (name.size() == current.size() && name < current)) best = a;
  }
  return best;
}

// The most frequent type of a group; ties go to the first in enum order.
EntityType voted_type(const std::vector<Mention>& mentions, std::span<const std::uint32_t> members) {
  std::array<std::uint32_t, kTypes> votes{};
  for (std::uint32_t i : members) ++votes[static_cast<std::size_t>(mentions[i].type)];
  return static_cast<EntityType>(std::max_element(votes.begin(), votes.end()) - votes.begin());
}

// Settles each group's name and type: the lexicon's when a lexicon entry is
// involved, the name an abbreviation was declared for, else the votes.
void name_groups(const std::vector<Mention>& mentions, Scratch& x) {
  const std::size_t groups = x.group_size.size();
  x.group_name.resize(groups);
  x.group_type.resize(groups);
  x.tally.assign(x.atoms.size(), 0);
  for (std::size_t g = 0; g < groups; ++g) {
    const std::span<const std::uint32_t> idx(x.members.data() + x.group_begin[g], x.group_size[g]);
    const auto lexical = std::find_if(idx.begin(), idx.end(), [&](std::uint32_t i) { return from_lexicon(mentions[i]); });
    const auto declared = std::find_if(idx.begin(), idx.end(), [&](std::uint32_t i) { return x.declared_full[x.name_atom[i]] != 0; });
    if (lexical != idx.end() || declared != idx.end()) {
      const std::uint32_t i = lexical != idx.end() ? *lexical : *declared;
      x.group_name[g] = x.name_atom[i];
      x.group_type[g] = mentions[i].type;
    } else {
      x.group_name[g] = voted_name(idx, x);
      x.group_type[g] = voted_type(mentions, idx);
    }
  }
}

// The first eight bytes of a name, big-endian, zero-padded: when two of
// these differ, they order the names as their bytes do (a name cut short
// sorts before its continuations, as a shorter string does).
std::uint64_t name_prefix(std::string_view name) {
  unsigned char bytes[8] = {};
  std::memcpy(bytes, name.data(), std::min<std::size_t>(8, name.size()));
  std::uint64_t key = 0;
  for (unsigned char b : bytes) key = key << 8 | b;
  return key;
}

// Orders the groups by name, then type, into x.order: mostly by comparing
// integers, the names themselves only when their first bytes agree. No two
// groups share name and type, so the order is the one any sort would give.
void order_groups_by_name(Scratch& x) {
  const std::size_t groups = x.group_size.size();
  x.by_prefix.resize(groups);
  for (std::uint32_t g = 0; g < groups; ++g) x.by_prefix[g] = {name_prefix(x.atoms[x.group_name[g]]), g};
  std::sort(x.by_prefix.begin(), x.by_prefix.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    const std::string_view na = x.atoms[x.group_name[a.second]], nb = x.atoms[x.group_name[b.second]];
    return na != nb ? na < nb : x.group_type[a.second] < x.group_type[b.second];
  });
  x.order.resize(groups);
  for (std::size_t k = 0; k < groups; ++k) x.order[k] = x.by_prefix[k].second;
}

// Builds the entity of group g.
void build_entity(const CleanDocument& doc, const std::vector<Mention>& mentions, std::size_t g, Scratch& x,
                  Entity& e) {
  const std::span<const std::uint32_t> idx(x.members.data() + x.group_begin[g], x.group_size[g]);
  const std::uint32_t name = x.group_name[g];
  e.name = x.atoms[name];
  e.type = x.group_type[g];
  // Aliases: distinct atoms, then sorted as strings.
  x.distinct.clear();
  auto alias = [&](std::uint32_t atom) {
    if (atom != kNone && x.tally[atom]++ == 0) x.distinct.push_back(atom);
  };
  e.mentions.reserve(idx.size());
  for (std::uint32_t i : idx) {
    const Mention& m = mentions[i];
    if (m.type == e.type && e.level == PlaceLevel::None) e.level = m.level;
    if (e.code.empty() && !m.code.empty() && x.name_atom[i] == name) e.code = m.code;
    alias(x.name_atom[i]);
    alias(x.surface_atom[i]);
    MentionRef& ref = e.mentions.emplace_back();  // its document is the entity's: not copied
    ref.sentence = m.sentence;
    ref.source = m.source;
    ref.surface = m.surface;
    ref.type = m.type;
  }
  if (e.type != EntityType::Place) e.level = PlaceLevel::None;
  alias(name);
  x.aliases.clear();
  for (std::uint32_t a : x.distinct) {
    x.tally[a] = 0;
    x.aliases.push_back(x.atoms[a]);
  }
  std::sort(x.aliases.begin(), x.aliases.end());
  e.aliases.assign(x.aliases.begin(), x.aliases.end());
  e.documents.emplace_back(doc.id);
}

}  // namespace

EntityResolver::EntityResolver(const Lexicon& lexicon) : lexicon_(&lexicon) {}

Resolution EntityResolver::resolve(const CleanDocument& doc, std::vector<Mention> mentions) const {
  const std::string_view text = doc.folded.size() == doc.text.size() ? std::string_view(doc.folded) : doc.text;

  // Declared abbreviations first, so their occurrences become mentions too.
  const std::size_t recognised = mentions.size();
  std::vector<std::pair<std::string, std::string>> abbr_of;  // abbreviation -> full name
  for (const auto& [end, abbr] : declared_abbreviations(text)) {
    const Mention* full = nullptr;
    for (const Mention& m : mentions)
      if (m.end == end && (full == nullptr || m.begin < full->begin)) full = &m;
    if (full == nullptr) continue;
    abbr_of.emplace_back(abbr, full->name);
    const Mention like = abbreviation_template(*full);
    add_abbreviation_mentions(doc, text, abbr, like, mentions);
  }
  sort_by_position(mentions, recognised);

  // From here on the mentions stay where they are: atoms are views into their names.
  thread_local Scratch x;
  const std::size_t n = mentions.size();
  x.clear(n);
  identify(mentions, x, *lexicon_);
  x.groups.reset(n);
  join_by_keys(n, x);
  x.declared_full.assign(x.atoms.size(), 0);
  for (const auto& [abbr, full] : abbr_of) {
    const std::uint32_t a = first_with_plain_key(x, abbr), f = first_with_plain_key(x, full);
    if (a != kNone && f != kNone) x.groups.join(a, f);
    const std::uint32_t full_atom = x.atoms.find(full);
    if (full_atom != kNone) x.declared_full[full_atom] = 1;
  }
  join_local_government(x);
  settle_divisions(mentions, x, *lexicon_);

  // One entity per group, built in the order of their names (no two groups
  // share a name: they would share its key), so nothing is moved after.
  list_groups(n, x);
  name_groups(mentions, x);
  const std::size_t groups = x.group_size.size();
  order_groups_by_name(x);
  Resolution out;
  out.entities.resize(groups);
  for (std::size_t k = 0; k < groups; ++k) build_entity(doc, mentions, x.order[k], x, out.entities[k]);

  // Mentions take their entity's name last: until here atoms view the names.
  std::vector<std::uint32_t>& entity_of_group = x.fill;
  entity_of_group.resize(groups);
  for (std::size_t k = 0; k < groups; ++k) entity_of_group[x.order[k]] = static_cast<std::uint32_t>(k);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t g = x.group_of[i];
    if (x.name_atom[i] != x.group_name[g]) mentions[i].name = out.entities[entity_of_group[g]].name;
  }
  out.mentions = std::move(mentions);
  return out;
}

}  // namespace kg
