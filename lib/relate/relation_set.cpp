#include "relate/relation_set.hpp"

#include <algorithm>
#include <numeric>

namespace kg::relate {

std::size_t RelationSet::find_or_add(Key key) {
  if ((relations_.size() + 1) * 2 > slots_.size()) {  // keep the load under one half
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
    for (const Slot& s : old)
      if (s.used) {
        std::size_t i = (s.key * 0x9E3779B97F4A7C15ull) >> 20 & (slots_.size() - 1);
        while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = s;
      }
  }
  std::size_t i = (key * 0x9E3779B97F4A7C15ull) >> 20 & (slots_.size() - 1);
  while (slots_[i].used) {
    if (slots_[i].key == key) return slots_[i].at;
    i = (i + 1) & (slots_.size() - 1);
  }
  slots_[i] = Slot{key, static_cast<std::uint32_t>(relations_.size()), true};
  relations_.emplace_back();
  keys_.push_back(key);
  return relations_.size() - 1;
}

void RelationSet::add(const Finding& f, const SentenceView& view, const std::string& document) {
  if (f.head.name.empty() || f.tail.name.empty() || f.head.rank == f.tail.rank) return;
  if (!relation_allows(f.type, f.head.type, f.tail.type)) return;
  if (f.type == RelationType::LocatedIn && f.head.type == EntityType::Place &&
      f.tail.type == EntityType::Place && !may_contain(f.tail, f.head))
    return;
  const bool swap = is_symmetric(f.type) && f.tail.rank < f.head.rank;
  const EntityRef& head = swap ? f.tail : f.head;
  const EntityRef& tail = swap ? f.head : f.tail;
  const std::size_t before = relations_.size();
  Relation& r = relations_[find_or_add(key_of(head.rank, f.type, tail.rank))];
  if (relations_.size() != before) {
    r.head = head.name;
    r.tail = tail.name;
    r.head_type = head.type;
    r.tail_type = tail.type;
    r.type = f.type;
  }
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

std::vector<Relation> RelationSet::take() {
  std::vector<std::uint32_t> order(relations_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });
  std::vector<Relation> out;
  out.reserve(relations_.size());
  for (std::uint32_t at : order) {
    Relation& r = out.emplace_back(std::move(relations_[at]));
    if (!std::is_sorted(r.evidence.begin(), r.evidence.end(),
                        [](const Evidence& a, const Evidence& b) { return a.sentence < b.sentence; }))
      std::sort(r.evidence.begin(), r.evidence.end(),
                [](const Evidence& a, const Evidence& b) { return a.sentence < b.sentence; });
  }
  relations_.clear();
  keys_.clear();
  slots_.clear();
  return out;
}

}  // namespace kg::relate
