// The relation stage: places each sentence's mentions, runs the pattern
// families over every sentence in order (carrying the subject and recent
// organisations from one sentence to the next), then the document-level
// hierarchy, and merges everything with its evidence.
#include <algorithm>

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

// Everything an extraction works in. Each thread keeps one and reuses it
// for document after document, so that only the relations handed out
// allocate; its contents mean nothing between extractions.
struct Workspace {
  relate::DocumentViews views;
  relate::RelationSet set;
  relate::Antecedents recent;
  std::vector<EntityRef> carried;
  std::vector<relate::Finding> found;  // one sentence's
  relate::SvoMemory svo;
  relate::HierarchyMemory hierarchy;
};

// The calling thread's workspace. An extraction never starts another, so
// one per thread is enough.
Workspace& workspace() {
  thread_local Workspace work;
  return work;
}

// A workspace grows to the largest document its thread has read; after an
// outsized one it is given back rather than held for the thread's lifetime.
constexpr std::size_t kKeptMentions = std::size_t{1} << 16;
void release_if_outsized(Workspace& work) {
  if (work.views.items.capacity() > kKeptMentions) work = Workspace();
}

}  // namespace

RelationExtractor::RelationExtractor(const Lexicon& lexicon) : lexicon_(&lexicon) {}

std::vector<Relation> RelationExtractor::extract(const CleanDocument& doc,
                                                 const std::vector<Sentence>& sentences,
                                                 const Resolution& resolution) const {
  const relate::Tables& tables = relate::Tables::builtin();
  Workspace& work = workspace();
  relate::DocumentViews& views = work.views;
  relate::make_views(doc, sentences, resolution, views);
  relate::RelationSet& set = work.set;
  set.reset(views.items.size() + sentences.size(), sentences);  // about the usual count
  relate::Antecedents& recent = work.recent;
  recent.clear();
  recent.reserve(kRecentOrganisations + 16);
  std::vector<EntityRef>& carried = work.carried;
  carried.clear();
  int carried_age = 0;
  std::vector<relate::Finding>& found = work.found;
  found.clear();
  found.reserve(64);
  relate::SvoMemory& svo = work.svo;
  for (std::size_t position = 0; position < views.views.size(); ++position) {
    const SentenceView& view = views.views[position];
    found.clear();
    relate::name_relations(view, found);
    relate::role_relations(view, tables, recent, found);
    const std::span<const EntityRef> topic = relate::svo_relations(view, tables, recent, carried, svo, found);
    relate::co_occurrence(view, found);
    for (const relate::Finding& f : found) set.add(f, position);
    if (!topic.empty()) {
      carried.assign(topic.begin(), topic.end());
      carried_age = 0;
    } else if (++carried_age >= kCarrySentences) {
      carried.clear();
    }
    for (const Item& it : view.items())
      if (is_organisation(it.entity.type)) recent.push_back(it.entity);
    if (recent.size() > kRecentOrganisations)
      recent.erase(recent.begin(), recent.end() - kRecentOrganisations);
  }
  for (const relate::PlacedFinding& p : relate::hierarchy_relations(views, *lexicon_, tables, work.hierarchy))
    set.add(p.finding, p.view);
  std::vector<Relation> relations = set.take(doc.id);
  release_if_outsized(work);
  return relations;
}

}  // namespace kg
