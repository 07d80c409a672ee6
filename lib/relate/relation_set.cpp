#include "relate/relation_set.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace kg::relate {
namespace {

constexpr std::string_view kTitle = "title:";
constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);

// The ontology's answers for every relation type and pair of entity types,
// asked once: add() needs them for every finding, and they never change.
class OntologyTable {
 public:
  OntologyTable() {
    for (std::size_t t = 0; t < kTypes; ++t) {
      symmetric_[t] = is_symmetric(static_cast<RelationType>(t));
      for (std::size_t h = 0; h < kEntities; ++h)
        for (std::size_t e = 0; e < kEntities; ++e)
          allows_[(t * kEntities + h) * kEntities + e] =
              relation_allows(static_cast<RelationType>(t), static_cast<EntityType>(h), static_cast<EntityType>(e));
    }
  }

  static const OntologyTable& instance() {
    static const OntologyTable table;
    return table;
  }

  bool symmetric(RelationType type) const noexcept {
    const auto t = static_cast<std::size_t>(type);
    return t < kTypes ? symmetric_[t] : is_symmetric(type);
  }
  bool allows(RelationType type, EntityType head, EntityType tail) const noexcept {
    const auto t = static_cast<std::size_t>(type), h = static_cast<std::size_t>(head),
               e = static_cast<std::size_t>(tail);
    return t < kTypes && h < kEntities && e < kEntities ? allows_[(t * kEntities + h) * kEntities + e]
                                                        : relation_allows(type, head, tail);
  }

 private:
  static constexpr std::size_t kTypes = static_cast<std::size_t>(RelationType::CoOccurs) + 1;
  static constexpr std::size_t kEntities = static_cast<std::size_t>(EntityType::Person) + 1;
  std::array<bool, kTypes> symmetric_{};
  std::array<bool, kTypes * kEntities * kEntities> allows_{};
};

}  // namespace

void RelationSet::reset(std::size_t relations, const std::vector<Sentence>& sentences) {
  sentences_ = &sentences;
  std::size_t slots = 64;
  while (slots < relations * 2) slots *= 2;
  slots_.assign(slots, Slot{});
  pending_.clear();
  proofs_.clear();
  pending_.reserve(relations);
  proofs_.reserve(relations * 2);
}

// The key's home slot. Head and type are folded onto the tail's bits before
// multiplying, and the product's high bits are taken: its low bits would
// hear only the tail, and every relation of one tail would then collide.
std::size_t RelationSet::slot_of(Key key) const noexcept {
  const std::uint64_t h = (key ^ (key >> 32)) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(h >> 32) & (slots_.size() - 1);
}

std::size_t RelationSet::find_or_add(Key key) {
  if ((pending_.size() + 1) * 2 > slots_.size()) {  // keep the load under one half
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
    for (const Slot& s : old)
      if (s.used) {
        std::size_t i = slot_of(s.key);
        while (slots_[i].used) i = (i + 1) & (slots_.size() - 1);
        slots_[i] = s;
      }
  }
  std::size_t i = slot_of(key);
  while (slots_[i].used) {
    if (slots_[i].key == key) return slots_[i].at;
    i = (i + 1) & (slots_.size() - 1);
  }
  slots_[i] = Slot{key, static_cast<std::uint32_t>(pending_.size()), true};
  pending_.emplace_back().key = key;
  return pending_.size() - 1;
}

// Sentences are read in order, so a relation's proof of a sentence, when
// there is one, is almost always its latest; the knowledge-based relations
// added at the end may go back to earlier sentences.
std::uint32_t RelationSet::proof_of_sentence(const Pending& r, std::size_t sentence) const noexcept {
  if (r.proofs == 0 || sentence > r.latest_sentence) return kNone;
  for (std::uint32_t p = r.last; p != kNone; p = proofs_[p].previous)
    if (proofs_[p].sentence == sentence) return p;
  return kNone;
}

void RelationSet::add(const Finding& f, std::size_t position) {
  if (f.head.name.empty() || f.tail.name.empty() || f.head.rank == f.tail.rank) return;
  const OntologyTable& ontology = OntologyTable::instance();
  if (!ontology.allows(f.type, f.head.type, f.tail.type)) return;
  if (f.type == RelationType::LocatedIn && f.head.type == EntityType::Place &&
      f.tail.type == EntityType::Place && !may_contain(f.tail, f.head))
    return;
  const bool swap = ontology.symmetric(f.type) && f.tail.rank < f.head.rank;
  const EntityRef& head = swap ? f.tail : f.head;
  const EntityRef& tail = swap ? f.head : f.tail;
  const std::size_t before = pending_.size();
  Pending& r = pending_[find_or_add(key_of(head.rank, f.type, tail.rank))];
  if (pending_.size() != before) {
    r.head = head;
    r.tail = tail;
    r.type = f.type;
  }
  if (r.role.empty()) r.role = f.role;
  const Sentence& sentence = (*sentences_)[position];
  const std::uint32_t same = proof_of_sentence(r, sentence.index);
  if (same == kNone) {
    proofs_.push_back(
        Proof{static_cast<std::uint32_t>(position), sentence.index, f.trigger, f.role, f.titled, f.confidence, r.last});
    r.last = static_cast<std::uint32_t>(proofs_.size() - 1);
    ++r.proofs;
    r.latest_sentence = std::max(r.latest_sentence, sentence.index);
  } else if (f.confidence > proofs_[same].confidence) {
    Proof& p = proofs_[same];
    p.trigger = f.trigger;
    p.role = f.role;
    p.titled = f.titled;
    p.confidence = f.confidence;
  }
}

// Gathers what the relations will share into pieces_: the document id,
// each name and role, each titled trigger ("title:" and its role, side by
// side) and the text of each sentence that proves something, noting where
// each will be.
void RelationSet::gather_pieces(std::string_view document) {
  const std::vector<Sentence>& sentences = *sentences_;
  pieces_.clear();
  pieces_.push_back(document);
  std::size_t at = document.size();
  const auto place_name = [&](const EntityRef& e) {
    if (e.rank >= name_at_.size()) name_at_.resize(e.rank + 1, kNowhere);
    if (name_at_[e.rank] != kNowhere) return;
    name_at_[e.rank] = at;
    pieces_.push_back(e.name);
    at += e.name.size();
  };
  name_at_.clear();
  role_at_.resize(pending_.size());
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    const Pending& r = pending_[i];
    place_name(r.head);
    place_name(r.tail);
    if (r.role.empty()) continue;
    role_at_[i] = at;
    pieces_.push_back(r.role);
    at += r.role.size();
  }
  text_at_.assign(sentences.size(), kNowhere);
  title_at_.resize(proofs_.size());
  for (std::size_t i = 0; i < proofs_.size(); ++i) {
    const Proof& p = proofs_[i];
    if (text_at_[p.position] == kNowhere) {
      const std::string_view text = sentences[p.position].text;
      text_at_[p.position] = at;
      pieces_.push_back(text);
      at += text.size();
    }
    if (p.titled) {
      title_at_[i] = at;
      pieces_.push_back(kTitle);
      pieces_.push_back(p.role);
      at += kTitle.size() + p.role.size();
    }
  }
}

std::vector<Relation> RelationSet::take(std::string_view document) {
  gather_pieces(document);
  const SharedText shared = SharedText::concatenation(pieces_.begin(), pieces_.end());
  // Every relation takes at most three slices (head, tail, role) and every
  // piece of evidence at most three (document, text, title): counted at once.
  SharedText::Slicer cut(shared, 3 * (pending_.size() + proofs_.size()));
  const std::vector<Sentence>& sentences = *sentences_;
  // Keys are unique and hold the output order; sorting them with their
  // indexes beside them reads no relation while sorting.
  std::vector<std::pair<Key, std::uint32_t>>& order = order_;
  order.resize(pending_.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {pending_[i].key, i};
  std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Relation> out;
  out.reserve(order.size());
  std::vector<std::uint32_t>& chain = chain_;
  for (const auto& [key, index] : order) {
    const Pending& p = pending_[index];
    Relation& r = out.emplace_back();
    r.head = cut.slice(name_at_[p.head.rank], p.head.name.size());
    r.tail = cut.slice(name_at_[p.tail.rank], p.tail.name.size());
    r.head_type = p.head.type;
    r.tail_type = p.tail.type;
    r.type = p.type;
    if (!p.role.empty()) r.role = cut.slice(role_at_[index], p.role.size());
    chain.clear();
    for (std::uint32_t i = p.last; i != kNone; i = proofs_[i].previous) chain.push_back(i);
    // A relation has one proof per sentence, so the order is strict; the
    // chain runs from the latest sentence back unless the hierarchy added
    // an earlier one, and reversing it is then enough.
    if (chain.size() > 1) {
      const auto later = [&](std::uint32_t a, std::uint32_t b) { return proofs_[a].sentence > proofs_[b].sentence; };
      if (std::is_sorted(chain.begin(), chain.end(), later))
        std::reverse(chain.begin(), chain.end());
      else
        std::sort(chain.begin(), chain.end(), [&](std::uint32_t a, std::uint32_t b) { return later(b, a); });
    }
    r.evidence.reserve(chain.size());
    for (std::uint32_t at : chain) {
      const Proof& proof = proofs_[at];
      const Sentence& s = sentences[proof.position];
      r.evidence.emplace_back(cut.slice(0, document.size()), s.index,
                              cut.slice(text_at_[proof.position], std::string_view(s.text).size()), s.source,
                              proof.titled ? cut.slice(title_at_[at], kTitle.size() + proof.role.size())
                                           : SharedText::from_static(proof.trigger),
                              proof.confidence);
    }
    r.weight = static_cast<double>(r.evidence.size());
  }
  pending_.clear();
  proofs_.clear();
  slots_.clear();
  return out;
}

}  // namespace kg::relate
