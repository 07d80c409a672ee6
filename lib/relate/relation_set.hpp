// Collects findings into one Relation per (head, type, tail), symmetric ones
// with head < tail, keeping one piece of evidence per sentence (the most
// confident). Not installed.
//
// Findings only view text, and most of them repeat a relation already
// found or lose to a more confident reading of the same sentence, so the
// set keeps compact records while the document is read and builds the
// strings of each relation and its evidence once, in take().
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/relation.hpp"
#include "kg/sentence.hpp"
#include "relate/relate_types.hpp"

namespace kg::relate {

class RelationSet {
 public:
  // A set expecting about `relations` relations (a hint: it grows as needed).
  RelationSet() = default;

  // Empties the set for a new document of `sentences` expecting about
  // `relations` relations, keeping the memory it has (the extractor keeps
  // one set per thread, so reading a document allocates nothing here).
  // The sentences must outlive the set's use for this document.
  void reset(std::size_t relations, const std::vector<Sentence>& sentences);

  // Adds a finding with the sentence at `position` (of those given to
  // reset) as its evidence; ignores what the ontology forbids
  // (kg::relation_allows), place containment against the levels, and
  // relations of an entity with itself. Both ends must carry their rank
  // (EntityRef::rank). What the finding views must outlive the set; its
  // trigger must view static storage (a literal, the built-in tables)
  // unless it is titled.
  void add(const Finding& finding, std::size_t position);

  // Hands over the relations ordered by (head, type, tail), with evidence
  // from document `document` ordered by sentence; weight is the number of
  // sentences of evidence. The names, roles, document id, sentences' texts
  // and titled triggers of all the relations share one buffer. The set is empty
  // afterwards.
  std::vector<Relation> take(std::string_view document);

 private:
  // (head rank, type, tail rank) packed so that numeric order is the
  // output order: ranks follow the names' byte order.
  using Key = std::uint64_t;
  static Key key_of(std::uint32_t head, RelationType type, std::uint32_t tail) noexcept {
    return (static_cast<Key>(head) << 40) | (static_cast<Key>(type) << 32) | tail;
  }
  static constexpr std::uint32_t kNone = UINT32_MAX;

  // One relation while the document is read.
  struct Pending {
    Key key = 0;
    EntityRef head;
    EntityRef tail;
    RelationType type = RelationType::CoOccurs;
    std::string_view role;           // the first finding's that had one
    std::uint32_t last = kNone;      // its most recent proof
    std::uint32_t proofs = 0;
    std::size_t latest_sentence = 0;  // the highest sentence index among its proofs
  };
  // One piece of evidence while the document is read; the proofs of a
  // relation are chained from the most recent back.
  struct Proof {
    std::uint32_t position = 0;  // of the sentence in sentences_
    std::size_t sentence = 0;    // its Sentence::index
    std::string_view trigger;
    std::string_view role;  // for a trigger "title:" + role
    bool titled = false;
    double confidence = 1.0;
    std::uint32_t previous = kNone;
  };
  // Open addressing over (key, index into pending_): a document has a few
  // dozen to a few thousand relations, and a lookup allocates nothing.
  struct Slot {
    Key key = 0;
    std::uint32_t at = 0;
    bool used = false;
  };
  std::vector<Slot> slots_;
  std::vector<Pending> pending_;
  std::vector<Proof> proofs_;
  std::vector<std::pair<Key, std::uint32_t>> order_;  // take(): (key, index) in output order
  std::vector<std::uint32_t> chain_;  // take(): one relation's proofs
  const std::vector<Sentence>* sentences_ = nullptr;
  // take(): the pieces of the shared buffer, and where each sentence's text is in it.
  std::vector<std::string_view> pieces_;
  std::vector<std::size_t> text_at_;
  std::vector<std::size_t> title_at_;  // per proof: its "title:" trigger, when titled
  std::vector<std::size_t> name_at_;   // per name rank
  std::vector<std::size_t> role_at_;   // per relation with a role

  std::size_t slot_of(Key key) const noexcept;
  std::size_t find_or_add(Key key);
  void gather_pieces(std::string_view document);
  std::uint32_t proof_of_sentence(const Pending& r, std::size_t sentence) const noexcept;
};

}  // namespace kg::relate
