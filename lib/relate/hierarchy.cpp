// The evidence of a knowledge-based relation is the first sentence naming
// both ends, or else the first naming the contained one.
#include "relate/hierarchy.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include "common/utf8.hpp"

namespace kg::relate {
namespace {

constexpr int kMaxDepth = 8;  // country > province > city > district > town, with room

struct Seen {
  EntityRef entity;
  std::string_view parent;           // from the recogniser, when it knew one
  std::vector<std::size_t> views;    // sentences naming it, ascending
};

using SeenMap = std::map<std::string_view, Seen, std::less<>>;

SeenMap entities_of(const std::vector<SentenceView>& views) {
  SeenMap seen;
  for (std::size_t v = 0; v < views.size(); ++v)
    for (const Item& it : views[v].items()) {
      Seen& s = seen[it.entity.name];
      if (s.entity.name.empty()) s.entity = it.entity;
      if (s.parent.empty() && it.mention && !it.mention->parent.empty()) s.parent = it.mention->parent;
      if (s.views.empty() || s.views.back() != v) s.views.push_back(v);
    }
  return seen;
}

std::size_t evidence_view(const Seen& child, const Seen& parent) {
  for (std::size_t v : child.views)
    if (std::binary_search(parent.views.begin(), parent.views.end(), v)) return v;
  return *child.views.begin();
}

std::string_view lexicon_parent(const Lexicon& lexicon, std::string_view name) {
  const LexiconEntry* e = lexicon.find(name);
  return e ? std::string_view(e->parent) : std::string_view{};
}

// The place a name starts with (天津大学, 深圳某某科技有限公司), when the
// document mentions that place: the usual way Chinese names give a seat.
// A few well-known names start with a place word that is not their seat.
const Seen* leading_place(std::string_view name, const SeenMap& seen) {
  static constexpr std::string_view kNotSeats[] = {"中山大学", "中华", "中央"};
  for (std::string_view n : kNotSeats)
    if (name.starts_with(n)) return nullptr;
  // A campus names its own place in brackets (某大学(深圳)): the name rules place it.
  if (name.find('(') != std::string_view::npos || name.find("（") != std::string_view::npos) return nullptr;
  std::vector<std::size_t> ends;
  for (std::size_t i = 0; i < name.size() && ends.size() < 5;) {
    i += utf8::sequence_length(static_cast<unsigned char>(name[i]));
    ends.push_back(i);
  }
  for (std::size_t k = ends.size(); k-- > 1;) {  // longest first, two characters at least
    if (ends[k] >= name.size()) continue;        // the whole name is not a prefix of itself
    std::string_view prefix = name.substr(0, ends[k]);
    auto it = seen.find(prefix);
    if (it == seen.end() && (prefix.ends_with("市") || prefix.ends_with("省")) && k > 1)
      it = seen.find(prefix.substr(0, ends[k - 1]));  // 广州市… names the place 广州
    if (it != seen.end() && it->second.entity.type == EntityType::Place &&
        it->second.entity.level != PlaceLevel::Country)
      return &it->second;
  }
  return nullptr;
}

}  // namespace

std::vector<PlacedFinding> hierarchy_relations(const std::vector<SentenceView>& views,
                                               const Lexicon& lexicon, const Tables& tables) {
  std::vector<PlacedFinding> out;
  const SeenMap seen = entities_of(views);
  for (const auto& [name, child] : seen) {
    const EntityRef& c = child.entity;
    if (c.type != EntityType::Place && !is_organisation(c.type)) continue;
    // Walk up the parents until one the document mentions.
    std::string_view up = !child.parent.empty() ? child.parent : lexicon_parent(lexicon, name);
    for (int depth = 0; depth < kMaxDepth && !up.empty() && up != name; ++depth) {
      const auto found = seen.find(up);
      if (found != seen.end()) {
        const EntityRef& p = found->second.entity;
        const RelationType type = p.type == EntityType::Place ? RelationType::LocatedIn : RelationType::PartOf;
        if (relation_allows(type, c.type, p.type))
          out.push_back({{c, type, p, {}, "hierarchy", 0.9}, evidence_view(child, found->second)});
        break;
      }
      if (c.type != EntityType::Place) break;  // an organisation's parent must be named itself
      up = lexicon_parent(lexicon, up);
    }
    if (is_organisation(c.type) && lexicon_parent(lexicon, name).empty() && child.parent.empty())
      if (const Seen* place = leading_place(name, seen))
        out.push_back({{c, RelationType::LocatedIn, place->entity, {}, "name", 0.75},
                       evidence_view(child, *place)});
    // Named regions: their member cities.
    if (c.type == EntityType::Place)
      for (const std::string& member : tables.region_members(name)) {
        const auto m = seen.find(member);
        if (m == seen.end() || m->second.entity.type != EntityType::Place) continue;
        out.push_back({{m->second.entity, RelationType::LocatedIn, c, {}, "region", 0.8},
                       evidence_view(m->second, child)});
      }
  }
  return out;
}

}  // namespace kg::relate
