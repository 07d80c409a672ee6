// The relation stage: places each sentence's mentions, runs the pattern
// families over every sentence in order (carrying the subject and recent
// organisations from one sentence to the next), then the document-level
// hierarchy, and merges everything with its evidence.
#include <algorithm>
#include <unordered_map>

#include "kg/relation.hpp"
#include "relate/hierarchy.hpp"
#include "relate/patterns.hpp"
#include "relate/relation_set.hpp"

namespace kg {
namespace {

using relate::EntityRef;
using relate::Item;
using relate::SentenceView;

constexpr std::size_t kRecentOrganisations = 40;  // antecedents kept for anaphora
constexpr int kCarrySentences = 2;  // how long a sentence's subject may be carried

using EntityIndex = std::unordered_map<std::string_view, const Entity*>;

EntityRef entity_of(const Mention& m, const EntityIndex& index) {
  EntityRef e;
  e.name = m.name.empty() ? std::string_view(m.surface) : std::string_view(m.name);
  const auto it = index.find(e.name);
  e.type = it != index.end() ? it->second->type : m.type;
  e.level = it != index.end() ? it->second->level : m.level;
  return e;
}

// Numbers the document's distinct names in byte order (EntityRef::rank).
void rank_names(std::vector<std::vector<Item>>& items) {
  std::vector<std::string_view> names;
  for (const auto& list : items)
    for (const Item& it : list) names.push_back(it.entity.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  for (auto& list : items)
    for (Item& it : list)
      it.entity.rank = static_cast<std::uint32_t>(
          std::lower_bound(names.begin(), names.end(), it.entity.name) - names.begin());
}

std::vector<SentenceView> views_of(const CleanDocument& doc, const std::vector<Sentence>& sentences,
                                   const Resolution& resolution) {
  EntityIndex index;
  index.reserve(resolution.entities.size());
  for (const Entity& e : resolution.entities) index.emplace(e.name, &e);
  std::vector<std::vector<Item>> items(sentences.size());
  for (const Mention& m : resolution.mentions) {
    if (m.sentence >= sentences.size()) continue;
    const Sentence& s = sentences[m.sentence];
    if (m.begin < s.begin || m.end > s.end || m.end <= m.begin) continue;
    Item it;
    it.mention = &m;
    it.entity = entity_of(m, index);
    it.begin = m.begin - s.begin;
    it.end = m.end - s.begin;
    if (!it.entity.name.empty()) items[m.sentence].push_back(std::move(it));
  }
  rank_names(items);
  const std::string& folded = doc.folded.size() == doc.text.size() ? doc.folded : doc.text;
  std::vector<SentenceView> views;
  views.reserve(sentences.size());
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const Sentence& s = sentences[i];
    std::string_view text;
    if (s.begin <= s.end && s.end <= folded.size()) text = std::string_view(folded).substr(s.begin, s.end - s.begin);
    else text = s.text;
    views.emplace_back(s, text, std::move(items[i]));
  }
  return views;
}

}  // namespace

RelationExtractor::RelationExtractor(const Lexicon& lexicon) : lexicon_(&lexicon) {}

std::vector<Relation> RelationExtractor::extract(const CleanDocument& doc,
                                                 const std::vector<Sentence>& sentences,
                                                 const Resolution& resolution) const {
  const relate::Tables& tables = relate::Tables::builtin();
  const std::vector<SentenceView> views = views_of(doc, sentences, resolution);
  relate::RelationSet set;
  relate::Antecedents recent;
  std::vector<EntityRef> carried;
  int carried_age = 0;
  auto keep = [&](const SentenceView& view, const std::vector<relate::Finding>& findings) {
    for (const relate::Finding& f : findings) set.add(f, view, doc.id);
  };
  for (const SentenceView& view : views) {
    keep(view, relate::name_relations(view));
    keep(view, relate::role_relations(view, tables, recent));
    relate::SvoResult svo = relate::svo_relations(view, tables, recent, carried);
    keep(view, svo.findings);
    keep(view, relate::co_occurrence(view));
    if (!svo.topic.empty()) {
      carried = std::move(svo.topic);
      carried_age = 0;
    } else if (++carried_age >= kCarrySentences) {
      carried.clear();
    }
    for (const Item& it : view.items())
      if (is_organisation(it.entity.type)) recent.push_back(it.entity);
    if (recent.size() > kRecentOrganisations)
      recent.erase(recent.begin(), recent.end() - kRecentOrganisations);
  }
  for (const relate::PlacedFinding& p : relate::hierarchy_relations(views, *lexicon_, tables))
    set.add(p.finding, views[p.view], doc.id);
  return set.take();
}

}  // namespace kg
