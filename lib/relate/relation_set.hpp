// Collects findings into one Relation per (head, type, tail), symmetric ones
// with head < tail, keeping one piece of evidence per sentence (the most
// confident). Not installed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kg/relation.hpp"
#include "relate/relate_types.hpp"
#include "relate/sentence_view.hpp"

namespace kg::relate {

class RelationSet {
 public:
  // Adds a finding with sentence `view` of document `document` as its
  // evidence; ignores what the ontology forbids (kg::relation_allows), place
  // containment against the levels, and relations of an entity with itself.
  // Both ends must carry their rank (EntityRef::rank).
  void add(const Finding& finding, const SentenceView& view, const std::string& document);

  // Hands over the relations ordered by (head, type, tail); weight is the
  // number of sentences of evidence. The set is empty afterwards.
  std::vector<Relation> take();

 private:
  // (head rank, type, tail rank) packed so that numeric order is the
  // output order: ranks follow the names' byte order.
  using Key = std::uint64_t;
  static Key key_of(std::uint32_t head, RelationType type, std::uint32_t tail) noexcept {
    return (static_cast<Key>(head) << 40) | (static_cast<Key>(type) << 32) | tail;
  }
  // Open addressing over (key, index into relations_): a document has a
  // few dozen to a few thousand relations, and a lookup allocates nothing.
  struct Slot {
    Key key = 0;
    std::uint32_t at = 0;
    bool used = false;
  };
  std::vector<Slot> slots_;
  std::vector<Relation> relations_;
  std::vector<Key> keys_;  // per relation

  std::size_t find_or_add(Key key);
};

}  // namespace kg::relate
