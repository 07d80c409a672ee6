#include "relate/relation_set.hpp"

#include <algorithm>

namespace kg::relate {

void RelationSet::add(const Finding& f, const SentenceView& view, const std::string& document) {
  if (f.head.name.empty() || f.tail.name.empty() || f.head.name == f.tail.name) return;
  if (!relation_allows(f.type, f.head.type, f.tail.type)) return;
  if (f.type == RelationType::LocatedIn && f.head.type == EntityType::Place &&
      f.tail.type == EntityType::Place && !may_contain(f.tail, f.head))
    return;
  const bool swap = is_symmetric(f.type) && f.tail.name < f.head.name;
  const EntityRef& head = swap ? f.tail : f.head;
  const EntityRef& tail = swap ? f.head : f.tail;
  const Key probe{head.name, static_cast<int>(f.type), tail.name};
  auto found = index_.find(probe);
  if (found == index_.end()) {
    Relation& r = store_.emplace_back();
    r.head = head.name;
    r.tail = tail.name;
    r.head_type = head.type;
    r.tail_type = tail.type;
    r.type = f.type;
    found = index_.emplace(Key{r.head, static_cast<int>(f.type), r.tail}, store_.size() - 1).first;
  }
  Relation& r = store_[found->second];
  if (r.role.empty()) r.role = f.role;
  const std::size_t sentence = view.sentence().index;
  auto same = std::find_if(r.evidence.rbegin(), r.evidence.rend(), [&](const Evidence& e) {
    return e.sentence == sentence && e.document == document;
  });
  if (same == r.evidence.rend())
    r.evidence.push_back(view.evidence(document, f.trigger, f.confidence));
  else if (f.confidence > same->confidence)
    *same = view.evidence(document, f.trigger, f.confidence);
  r.weight = static_cast<double>(r.evidence.size());
}

std::vector<Relation> RelationSet::relations() const {
  std::vector<Relation> out;
  out.reserve(index_.size());
  for (const auto& [key, at] : index_) {
    out.push_back(store_[at]);
    std::sort(out.back().evidence.begin(), out.back().evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.sentence < b.sentence; });
  }
  return out;
}

}  // namespace kg::relate
