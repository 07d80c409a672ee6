#include "relate/relation_set.hpp"

#include <algorithm>

namespace kg::relate {

void RelationSet::add(const Finding& f, Evidence evidence) {
  if (f.head.name.empty() || f.tail.name.empty() || f.head.name == f.tail.name) return;
  if (!relation_allows(f.type, f.head.type, f.tail.type)) return;
  if (f.type == RelationType::LocatedIn && f.head.type == EntityType::Place &&
      f.tail.type == EntityType::Place && !may_contain(f.tail, f.head))
    return;
  const bool swap = is_symmetric(f.type) && f.tail.name < f.head.name;
  const EntityRef& head = swap ? f.tail : f.head;
  const EntityRef& tail = swap ? f.head : f.tail;
  Relation& r = relations_[{head.name, static_cast<int>(f.type), tail.name}];
  if (r.head.empty()) {
    r.head = head.name;
    r.tail = tail.name;
    r.head_type = head.type;
    r.tail_type = tail.type;
    r.type = f.type;
  }
  if (r.role.empty()) r.role = f.role;
  auto same_sentence = std::find_if(r.evidence.begin(), r.evidence.end(), [&](const Evidence& e) {
    return e.document == evidence.document && e.sentence == evidence.sentence;
  });
  if (same_sentence == r.evidence.end())
    r.evidence.push_back(std::move(evidence));
  else if (evidence.confidence > same_sentence->confidence)
    *same_sentence = std::move(evidence);
  r.weight = static_cast<double>(r.evidence.size());
}

bool RelationSet::contains(const std::string& head, RelationType type, const std::string& tail) const {
  if (relations_.count({head, static_cast<int>(type), tail})) return true;
  return is_symmetric(type) && relations_.count({tail, static_cast<int>(type), head});
}

std::vector<Relation> RelationSet::relations() const {
  std::vector<Relation> out;
  out.reserve(relations_.size());
  for (const auto& [key, r] : relations_) {
    out.push_back(r);
    std::sort(out.back().evidence.begin(), out.back().evidence.end(),
              [](const Evidence& a, const Evidence& b) { return a.sentence < b.sentence; });
  }
  return out;
}

}  // namespace kg::relate
