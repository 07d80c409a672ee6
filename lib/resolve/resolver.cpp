// Entity resolution within one document: mentions are joined (union-find)
// when they share an identity key (canonical name, abbreviated department
// name, firm stem), when the text declares one an abbreviation of the other
// (X（以下简称“Y”）), or when a bare 市X局 names the one X局 of a city the
// document has. Each group becomes one Entity whose name is the lexicon's
// canonical name when a lexicon entry is involved, else the most frequent one.
#include "kg/entity.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>
#include <span>
#include <numeric>

#include "common/utf8.hpp"
#include "recognize/canonical.hpp"
#include "resolve/names.hpp"

namespace kg {

namespace {

class UnionFind {
 public:
  explicit UnionFind(std::size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  std::size_t find(std::size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void join(std::size_t a, std::size_t b) {
    a = find(a);
    b = find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<std::size_t> parent_;
};

bool from_lexicon(const Mention& m) { return m.rule == "lexicon" || m.rule == "gazetteer"; }

// Identity keys of a document's mentions: any shared key joins two mentions.
// Keys are written once into one buffer (no string per key) and found again
// through an open-addressed table of views into it.
class IdentityKeys {
 public:
  IdentityKeys(const std::vector<Mention>& mentions, const Lexicon& lexicon) {
    buffer_.reserve(mentions.size() * 40);
    keys_.reserve(mentions.size() * 2);
    government_.resize(mentions.size());
    first_key_.resize(mentions.size());
    // Keys depend only on name and type, and a document names its entities
    // many times: derive them once per distinct (name, type).
    std::vector<std::uint32_t> seen(std::max<std::size_t>(16, std::bit_ceil(mentions.size() * 2)), kNone);
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      const Mention& m = mentions[i];
      const std::size_t mask = seen.size() - 1;
      std::size_t at = (std::hash<std::string_view>{}(m.name) ^ static_cast<std::size_t>(m.type)) & mask;
      while (seen[at] != kNone && !(mentions[seen[at]].name == m.name && mentions[seen[at]].type == m.type))
        at = (at + 1) & mask;
      if (seen[at] == kNone) {
        seen[at] = static_cast<std::uint32_t>(i);
        add_keys_of(m, i, lexicon);
      } else {
        repeat_keys_of(seen[at], i);
      }
    }
  }

  std::size_t size() const noexcept { return keys_.size(); }
  std::string_view key(std::size_t k) const { return {buffer_.data() + keys_[k].offset, keys_[k].length}; }
  std::size_t mention(std::size_t k) const { return keys_[k].mention; }
  // The government key (resolve::government_key) of mention i; "" unless a GovernmentBody.
  std::string_view government_key(std::size_t i) const {
    const auto [offset, length] = government_[i];
    return {buffer_.data() + offset, length};
  }

 private:
  struct Key {
    std::uint32_t offset;
    std::uint32_t length;
    std::uint32_t mention;
  };

  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  // Gives mention i the keys already derived for an earlier mention with its name and type.
  void repeat_keys_of(std::size_t earlier, std::size_t i) {
    government_[i] = government_[earlier];
    const std::size_t first = first_key_[earlier], last = keys_.size();
    first_key_[i] = last;
    for (std::size_t k = first; k < last && keys_[k].mention == earlier; ++k)
      keys_.push_back({keys_[k].offset, keys_[k].length, static_cast<std::uint32_t>(i)});
  }

  void add(std::size_t mention, std::string_view prefix, std::string_view text) {
    const auto offset = static_cast<std::uint32_t>(buffer_.size());
    buffer_.append(prefix).append(text);
    keys_.push_back({offset, static_cast<std::uint32_t>(buffer_.size() - offset), static_cast<std::uint32_t>(mention)});
  }

  // In the order keys_of() always gave them: name, period-less plan, government key, firm stem.
  void add_keys_of(const Mention& m, std::size_t i, const Lexicon& lexicon) {
    first_key_[i] = keys_.size();
    add(i, "", m.name);
    // A plan with and without its period: 某某行动计划(2024-2025).
    if (m.type == EntityType::Programme && m.name.ends_with(")")) {
      const std::size_t open = m.name.rfind('(');
      if (open != std::string::npos && open > 0) add(i, "", std::string_view(m.name).substr(0, open));
    }
    if (m.type == EntityType::GovernmentBody) {
      const std::optional<std::string> shorter = resolve::abbreviated_government_name(m.name);
      add(i, "gov:", shorter ? std::string_view(*shorter) : std::string_view(m.name));
      government_[i] = {keys_.back().offset + 4, keys_.back().length - 4};
    }
    if (m.type == EntityType::Firm) {
      const std::string stem = resolve::firm_stem(m.name, lexicon);
      if (!stem.empty()) {
        add(i, "firm:", stem);
        if (stem != m.name) add(i, "", stem);
      }
    }
  }

  std::string buffer_;
  std::vector<Key> keys_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> government_;  // (offset, length) per mention
  std::vector<std::size_t> first_key_;  // mention -> index of its first key in keys_
};

// The first mention seen with each key: an open-addressed table of key indices.
class FirstWithKey {
 public:
  explicit FirstWithKey(const IdentityKeys& keys) : keys_(keys) {
    std::size_t capacity = 16;
    while (capacity < keys.size() * 2) capacity *= 2;
    slots_.assign(capacity, kEmpty);
  }

  // Returns the first mention that had this key, recording `mention` when it is the first.
  std::size_t first(std::size_t key_index) {
    const std::string_view key = keys_.key(key_index);
    for (std::size_t at = hash(key);; at = (at + 1) & (slots_.size() - 1)) {
      std::uint32_t& slot = slots_[at];
      if (slot == kEmpty) {
        slot = static_cast<std::uint32_t>(key_index);
        return keys_.mention(key_index);
      }
      if (keys_.key(slot) == key) return keys_.mention(slot);
    }
  }

  // Returns the first mention with this key, or SIZE_MAX.
  std::size_t find(std::string_view key) const {
    for (std::size_t at = hash(key);; at = (at + 1) & (slots_.size() - 1)) {
      const std::uint32_t slot = slots_[at];
      if (slot == kEmpty) return SIZE_MAX;
      if (keys_.key(slot) == key) return keys_.mention(slot);
    }
  }

 private:
  static constexpr std::uint32_t kEmpty = 0xFFFFFFFFu;
  std::size_t hash(std::string_view key) const { return std::hash<std::string_view>{}(key) & (slots_.size() - 1); }

  const IdentityKeys& keys_;
  std::vector<std::uint32_t> slots_;
};

// Sorts mentions by position, longest first, exactly as std::sort on the
// mentions themselves would order them: the same algorithm on the same
// comparisons gives the same permutation, and moving small keys is cheaper
// than moving mentions.
void sort_by_position(std::vector<Mention>& mentions) {
  struct Key {
    std::size_t begin, end;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  keys.reserve(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i)
    keys.push_back({mentions[i].begin, mentions[i].end, static_cast<std::uint32_t>(i)});
  std::sort(keys.begin(), keys.end(),
            [](const Key& a, const Key& b) { return a.begin != b.begin ? a.begin < b.begin : a.end > b.end; });
  bool moved = false;
  for (std::size_t i = 0; i < keys.size() && !moved; ++i) moved = keys[i].index != i;
  if (!moved) return;
  std::vector<Mention> sorted;
  sorted.reserve(mentions.size());
  for (const Key& k : keys) sorted.push_back(std::move(mentions[k.index]));
  mentions = std::move(sorted);
}

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

// The most frequent name of a group; ties go to the longer, then to the
// smaller in byte order (what a max over a std::map of votes gave).
std::string_view voted_name(const std::vector<Mention>& mentions, std::span<const std::uint32_t> members) {
  std::vector<std::string_view> names;
  names.reserve(members.size());
  for (std::uint32_t i : members) names.push_back(mentions[i].name);
  std::sort(names.begin(), names.end());
  std::string_view best;
  int best_votes = 0;
  for (std::size_t k = 0; k < names.size();) {
    std::size_t run = k;
    while (run < names.size() && names[run] == names[k]) ++run;
    const int votes = static_cast<int>(run - k);
    if (votes > best_votes || (votes == best_votes && names[k].size() > best.size())) {
      best = names[k];
      best_votes = votes;
    }
    k = run;
  }
  return best;
}

// The most frequent type of a group; ties go to the first in enum order.
EntityType voted_type(const std::vector<Mention>& mentions, std::span<const std::uint32_t> members) {
  std::vector<std::pair<EntityType, int>> votes;
  for (std::uint32_t i : members) {
    auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return v.first == mentions[i].type; });
    if (it == votes.end()) votes.emplace_back(mentions[i].type, 1);
    else ++it->second;
  }
  std::sort(votes.begin(), votes.end());
  return std::max_element(votes.begin(), votes.end(),
                          [](const auto& a, const auto& b) { return a.second < b.second; })->first;
}

// text.find(word, from) through memmem: string_view::find looks for the first
// byte with memchr, and the first byte of a Chinese word starts a good share
// of all characters.
std::size_t find_from(std::string_view text, std::string_view word, std::size_t from) {
  if (from > text.size()) return std::string_view::npos;
  const void* hit = memmem(text.data() + from, text.size() - from, word.data(), word.size());
  return hit == nullptr ? std::string_view::npos : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

// Finds "X（以下简称“Y”）" declarations: returns (end of X, Y) pairs.
std::vector<std::pair<std::size_t, std::string>> declared_abbreviations(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> out;
  constexpr std::string_view kMarker = "以下简称";
  for (std::size_t pos = find_from(text, kMarker, 0); pos != std::string_view::npos;
       pos = find_from(text, kMarker, pos + 1)) {
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

// Adds mentions for occurrences of a declared abbreviation nobody recognised.
void add_abbreviation_mentions(const CleanDocument& doc, std::string_view text, const std::string& abbr,
                               const Mention& full, std::vector<Mention>& mentions) {
  if (utf8::length(abbr) < 2) return;
  for (std::size_t pos = text.find(abbr); pos != std::string_view::npos; pos = text.find(abbr, pos + 1)) {
    const bool known = std::any_of(mentions.begin(), mentions.end(), [&](const Mention& m) {
      return m.begin <= pos && pos + abbr.size() <= m.end;
    });
    if (known) continue;
    Mention m = full;
    m.begin = pos;
    m.end = pos + abbr.size();
    m.surface = doc.text.substr(pos, abbr.size());
    m.name = abbr;
    m.rule = "abbreviation";
    m.role.clear();
    m.source = doc.offsets.size() >= m.end ? doc.offsets.to_source(m.begin, m.end) : SourceSpan{};
    mentions.push_back(std::move(m));
  }
}

}  // namespace

EntityResolver::EntityResolver(const Lexicon& lexicon) : lexicon_(&lexicon) {}

Resolution EntityResolver::resolve(const CleanDocument& doc, std::vector<Mention> mentions) const {
  const std::string_view text = doc.folded.size() == doc.text.size() ? std::string_view(doc.folded) : doc.text;

  // Declared abbreviations first, so their occurrences become mentions too.
  std::vector<std::pair<std::size_t, std::size_t>> declared;  // (full mention, abbreviation name) joins
  std::vector<std::pair<std::string, std::string>> abbr_of;   // abbreviation -> full name
  for (const auto& [end, abbr] : declared_abbreviations(text)) {
    const Mention* full = nullptr;
    for (const Mention& m : mentions)
      if (m.end == end && (full == nullptr || m.begin < full->begin)) full = &m;
    if (full == nullptr) continue;
    const Mention copy = *full;
    abbr_of.emplace_back(abbr, copy.name);
    add_abbreviation_mentions(doc, text, abbr, copy, mentions);
  }
  sort_by_position(mentions);

  UnionFind groups(mentions.size());
  const IdentityKeys keys(mentions, *lexicon_);
  FirstWithKey first_with_key(keys);
  for (std::size_t k = 0; k < keys.size(); ++k) {
    const std::size_t first = first_with_key.first(k);
    if (first != keys.mention(k)) groups.join(first, keys.mention(k));
  }
  for (const auto& [abbr, full] : abbr_of) {
    const std::size_t a = first_with_key.find(abbr), f = first_with_key.find(full);
    if (a != SIZE_MAX && f != SIZE_MAX) groups.join(a, f);
  }
  // 市工信局 / 区数据局: the one body of that name whose city the text names.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.type != EntityType::GovernmentBody) continue;
    const std::string_view key = keys.government_key(i);
    if (!(key.starts_with("市") || key.starts_with("区") || key.starts_with("省") || key.starts_with("县"))) continue;
    std::size_t match = mentions.size();
    int count = 0;
    for (std::size_t j = 0; j < mentions.size(); ++j) {
      const Mention& o = mentions[j];
      if (o.type != EntityType::GovernmentBody || groups.find(j) == groups.find(i)) continue;
      const std::string_view ok = keys.government_key(j);
      if (ok.size() > key.size() && ok.ends_with(key)) {
        if (match == mentions.size() || groups.find(match) != groups.find(j)) ++count;
        match = j;
      }
    }
    if (count == 1) groups.join(i, match);
  }

  // Ambiguous divisions (朝阳区 in two cities): a parent the document names decides.
  std::vector<std::string_view> places_named;
  for (const Mention& m : mentions)
    if (m.type == EntityType::Place) places_named.push_back(m.name);
  std::sort(places_named.begin(), places_named.end());
  for (Mention& m : mentions) {
    if (m.type != EntityType::Place || !m.parent.empty() || m.rule != "gazetteer") continue;
    const LexiconEntry* pick = nullptr;
    int fits = 0;
    for (const LexiconEntry* e : lexicon_->find_all(m.name))
      if (e->type == EntityType::Place && e->name == m.name &&
          std::binary_search(places_named.begin(), places_named.end(), std::string_view(e->parent))) {
        pick = e;
        ++fits;
      }
    if (fits == 1) {
      m.parent = pick->parent;
      m.code = pick->code;
    }
  }

  // One entity per group. A group's root is its first mention, so listing
  // mentions by the order their roots first appear lists groups by root.
  std::vector<std::uint32_t> group_of(mentions.size());  // root -> group number, then mention -> group
  std::vector<std::uint32_t> group_size;
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const std::size_t root = groups.find(i);
    if (root == i) {
      group_of[i] = static_cast<std::uint32_t>(group_size.size());
      group_size.push_back(0);
    } else {
      group_of[i] = group_of[root];
    }
    ++group_size[group_of[i]];
  }
  std::vector<std::uint32_t> group_begin(group_size.size() + 1, 0);
  for (std::size_t g = 0; g < group_size.size(); ++g) group_begin[g + 1] = group_begin[g] + group_size[g];
  std::vector<std::uint32_t> members(mentions.size());
  {
    std::vector<std::uint32_t> fill(group_begin.begin(), group_begin.end() - 1);
    for (std::size_t i = 0; i < mentions.size(); ++i) members[fill[group_of[i]]++] = static_cast<std::uint32_t>(i);
  }

  Resolution out;
  out.entities.reserve(group_size.size());
  std::vector<std::string_view> aliases;
  for (std::size_t g = 0; g < group_size.size(); ++g) {
    const std::span<const std::uint32_t> idx(members.data() + group_begin[g], group_size[g]);
    const Mention* lexical = nullptr;
    for (std::uint32_t i : idx)
      if (from_lexicon(mentions[i])) {
        lexical = &mentions[i];
        break;
      }
    Entity e;
    const auto declared_full = std::find_if(idx.begin(), idx.end(), [&](std::uint32_t i) {
      return std::any_of(abbr_of.begin(), abbr_of.end(), [&](const auto& p) { return p.second == mentions[i].name; });
    });
    if (lexical) {
      e.name = lexical->name;
      e.type = lexical->type;
    } else if (declared_full != idx.end()) {
      // The name an abbreviation was declared for is the entity's name.
      e.name = mentions[*declared_full].name;
      e.type = mentions[*declared_full].type;
    } else {
      e.name = voted_name(mentions, idx);
      e.type = voted_type(mentions, idx);
    }
    aliases.clear();
    e.mentions.reserve(idx.size());
    for (std::uint32_t i : idx) {
      const Mention& m = mentions[i];
      if (m.type == e.type && e.level == PlaceLevel::None) e.level = m.level;
      if (e.code.empty() && !m.code.empty() && m.name == e.name) e.code = m.code;
      aliases.push_back(m.name);
      const std::string_view surface = trimmed(m.surface);
      if (!surface.empty()) aliases.push_back(surface);
      e.mentions.push_back({doc.id, m.sentence, m.source, m.surface, m.type});
    }
    if (e.type != EntityType::Place) e.level = PlaceLevel::None;
    aliases.push_back(e.name);
    // The set is built from sorted, distinct names: each insert lands at the end.
    std::sort(aliases.begin(), aliases.end());
    aliases.erase(std::unique(aliases.begin(), aliases.end()), aliases.end());
    for (std::string_view a : aliases) e.aliases.emplace_hint(e.aliases.end(), a);
    e.documents.insert(doc.id);
    for (std::uint32_t i : idx) mentions[i].name = e.name;
    out.entities.push_back(std::move(e));
  }
  // Sorted through indices: the same comparisons give the same order as
  // sorting the entities themselves, without moving them about.
  std::vector<std::uint32_t> order(out.entities.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
    const Entity& a = out.entities[x];
    const Entity& b = out.entities[y];
    return a.name != b.name ? a.name < b.name : a.type < b.type;
  });
  std::vector<Entity> sorted;
  sorted.reserve(order.size());
  for (std::uint32_t k : order) sorted.push_back(std::move(out.entities[k]));
  out.entities = std::move(sorted);
  out.mentions = std::move(mentions);
  return out;
}

}  // namespace kg
