// The evidence of a knowledge-based relation is the first sentence naming
// both ends, or else the first naming the contained one.
#include "relate/hierarchy.hpp"

#include <map>
#include <set>
#include <string>

namespace kg::relate {
namespace {

constexpr int kMaxDepth = 8;  // country > province > city > district > town, with room

struct Seen {
  EntityRef entity;
  std::string parent;                // from the recogniser, when it knew one
  std::set<std::size_t> views;       // sentences naming it
};

std::map<std::string, Seen> entities_of(const std::vector<SentenceView>& views) {
  std::map<std::string, Seen> seen;
  for (std::size_t v = 0; v < views.size(); ++v)
    for (const Item& it : views[v].items()) {
      Seen& s = seen[it.entity.name];
      if (s.entity.name.empty()) s.entity = it.entity;
      if (s.parent.empty() && it.mention && !it.mention->parent.empty()) s.parent = it.mention->parent;
      s.views.insert(v);
    }
  return seen;
}

std::size_t evidence_view(const Seen& child, const Seen& parent) {
  for (std::size_t v : child.views)
    if (parent.views.count(v)) return v;
  return *child.views.begin();
}

std::string lexicon_parent(const Lexicon& lexicon, const std::string& name) {
  const LexiconEntry* e = lexicon.find(name);
  return e ? e->parent : std::string{};
}

}  // namespace

std::vector<PlacedFinding> hierarchy_relations(const std::vector<SentenceView>& views,
                                               const Lexicon& lexicon, const Tables& tables) {
  std::vector<PlacedFinding> out;
  const std::map<std::string, Seen> seen = entities_of(views);
  for (const auto& [name, child] : seen) {
    const EntityRef& c = child.entity;
    if (c.type != EntityType::Place && !is_organisation(c.type)) continue;
    // Walk up the parents until one the document mentions.
    std::string up = !child.parent.empty() ? child.parent : lexicon_parent(lexicon, name);
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
