// Entity resolution within one document: mentions are joined (union-find)
// when they share an identity key (canonical name, abbreviated department
// name, firm stem), when the text declares one an abbreviation of the other
// (X（以下简称“Y”）), or when a bare 市X局 names the one X局 of a city the
// document has. Each group becomes one Entity whose name is the lexicon's
// canonical name when a lexicon entry is involved, else the most frequent one.
#include "kg/entity.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

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

// Identity keys of a mention: any shared key joins two mentions.
std::vector<std::string> keys_of(const Mention& m, const Lexicon& lexicon) {
  std::vector<std::string> keys = {m.name};
  // A plan with and without its period: 某某行动计划(2024-2025).
  if (m.type == EntityType::Programme && m.name.ends_with(")")) {
    const std::size_t open = m.name.rfind('(');
    if (open != std::string::npos && open > 0) keys.push_back(m.name.substr(0, open));
  }
  if (m.type == EntityType::GovernmentBody) keys.push_back("gov:" + resolve::government_key(m.name));
  if (m.type == EntityType::Firm) {
    const std::string stem = resolve::firm_stem(m.name, lexicon);
    if (!stem.empty()) {
      keys.push_back("firm:" + stem);
      if (stem != m.name) keys.push_back(stem);
    }
  }
  return keys;
}

// Finds "X（以下简称“Y”）" declarations: returns (end of X, Y) pairs.
std::vector<std::pair<std::size_t, std::string>> declared_abbreviations(std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> out;
  constexpr std::string_view kMarker = "以下简称";
  for (std::size_t pos = text.find(kMarker); pos != std::string_view::npos; pos = text.find(kMarker, pos + 1)) {
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

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
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
  std::sort(mentions.begin(), mentions.end(), [](const Mention& a, const Mention& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });

  UnionFind groups(mentions.size());
  std::unordered_map<std::string, std::size_t> first_with_key;
  for (std::size_t i = 0; i < mentions.size(); ++i)
    for (const std::string& k : keys_of(mentions[i], *lexicon_)) {
      auto [it, fresh] = first_with_key.emplace(k, i);
      if (!fresh) groups.join(it->second, i);
    }
  for (const auto& [abbr, full] : abbr_of) {
    auto a = first_with_key.find(abbr), f = first_with_key.find(full);
    if (a != first_with_key.end() && f != first_with_key.end()) groups.join(a->second, f->second);
  }
  // 市工信局 / 区数据局: the one body of that name whose city the text names.
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (m.type != EntityType::GovernmentBody) continue;
    const std::string key = resolve::government_key(m.name);
    if (!(key.starts_with("市") || key.starts_with("区") || key.starts_with("省") || key.starts_with("县"))) continue;
    std::size_t match = mentions.size();
    int count = 0;
    for (std::size_t j = 0; j < mentions.size(); ++j) {
      const Mention& o = mentions[j];
      if (o.type != EntityType::GovernmentBody || groups.find(j) == groups.find(i)) continue;
      const std::string ok = resolve::government_key(o.name);
      if (ok.size() > key.size() && ok.ends_with(key)) {
        if (match == mentions.size() || groups.find(match) != groups.find(j)) ++count;
        match = j;
      }
    }
    if (count == 1) groups.join(i, match);
  }

  // Ambiguous divisions (朝阳区 in two cities): a parent the document names decides.
  std::set<std::string> places_named;
  for (const Mention& m : mentions)
    if (m.type == EntityType::Place) places_named.insert(m.name);
  for (Mention& m : mentions) {
    if (m.type != EntityType::Place || !m.parent.empty() || m.rule != "gazetteer") continue;
    const LexiconEntry* pick = nullptr;
    int fits = 0;
    for (const LexiconEntry* e : lexicon_->find_all(m.name))
      if (e->type == EntityType::Place && e->name == m.name && places_named.count(e->parent)) {
        pick = e;
        ++fits;
      }
    if (fits == 1) {
      m.parent = pick->parent;
      m.code = pick->code;
    }
  }

  // One entity per group.
  std::map<std::size_t, std::vector<std::size_t>> members;
  for (std::size_t i = 0; i < mentions.size(); ++i) members[groups.find(i)].push_back(i);
  Resolution out;
  for (const auto& [root, idx] : members) {
    std::map<std::string, int> name_votes;
    std::map<EntityType, int> type_votes;
    const Mention* lexical = nullptr;
    for (std::size_t i : idx) {
      const Mention& m = mentions[i];
      ++name_votes[m.name];
      ++type_votes[m.type];
      if (from_lexicon(m) && lexical == nullptr) lexical = &m;
    }
    Entity e;
    const auto declared_full = std::find_if(idx.begin(), idx.end(), [&](std::size_t i) {
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
      e.name = std::max_element(name_votes.begin(), name_votes.end(), [](const auto& a, const auto& b) {
                 return a.second != b.second ? a.second < b.second : a.first.size() < b.first.size();
               })->first;
      e.type = std::max_element(type_votes.begin(), type_votes.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    }
    for (std::size_t i : idx) {
      Mention& m = mentions[i];
      if (m.type == e.type && e.level == PlaceLevel::None) e.level = m.level;
      if (e.code.empty() && !m.code.empty() && m.name == e.name) e.code = m.code;
      e.aliases.insert(m.name);
      const std::string surface = trimmed(m.surface);
      if (!surface.empty()) e.aliases.insert(surface);
      e.mentions.push_back({doc.id, m.sentence, m.source, m.surface, m.type});
      m.name = e.name;
    }
    if (e.type != EntityType::Place) e.level = PlaceLevel::None;
    e.aliases.insert(e.name);
    e.documents.insert(doc.id);
    out.entities.push_back(std::move(e));
  }
  std::sort(out.entities.begin(), out.entities.end(),
            [](const Entity& a, const Entity& b) { return a.name != b.name ? a.name < b.name : a.type < b.type; });
  out.mentions = std::move(mentions);
  return out;
}

}  // namespace kg
