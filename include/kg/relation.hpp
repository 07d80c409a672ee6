// kg/relation.hpp - the sixth stage: typed, directed relations with evidence.
//
// The RelationExtractor reads each sentence's resolved mentions and finds
// the relations of the ontology: locatedIn from the place hierarchy and from
// names, partOf for branches, worksFor with role from titles and apposition,
// founded, organizes, issues, develops, partnersWith, memberOf,
// participatesIn from trigger words, and coOccurs between entities of one
// sentence. Every relation carries the sentence it came from.
//
//   kg::RelationExtractor rx(kg::Lexicon::builtin());
//   for (const kg::Relation& r : rx.extract(clean, sentences, resolution))
//     std::cout << r.head << ' ' << kg::to_string(r.type) << ' ' << r.tail << '\n';
//
// Thread-safety: const methods only; share freely.
#pragma once

#include <cstddef>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/entity.hpp"
#include "kg/lexicon.hpp"
#include "kg/ontology.hpp"
#include "kg/sentence.hpp"
#include "kg/shared_text.hpp"
#include "kg/span.hpp"

namespace kg {

// Why we believe a relation: one sentence of one document.
//
// The strings are kg::SharedText: they read like std::string_view (and
// convert to it), and copies share their characters. One extraction holds
// its document id and the text of its sentences in one shared buffer, so
// the evidence of all its relations costs no copy of a sentence; a piece
// of evidence kept alone keeps that buffer alive. Assigning a std::string
// or a string literal to a field copies it into a buffer of its own.
struct Evidence {
  SharedText document;       // document id
  std::size_t sentence = 0;  // Sentence::index
  SharedText text;           // the sentence as written
  SourceSpan source;         // the sentence's place in the original file
  SharedText trigger;        // the word that signalled it ("落户", "name", "hierarchy")
  double confidence = 1.0;   // 0..1
};

// A relation between two entities. The strings are kg::SharedText, as in
// Evidence: an extraction's relations share one buffer with their evidence.
struct Relation {
  SharedText head;  // canonical entity names
  SharedText tail;
  EntityType head_type = EntityType::Organization;
  EntityType tail_type = EntityType::Organization;
  RelationType type = RelationType::CoOccurs;
  SharedText role;      // worksFor only
  double weight = 1.0;  // coOccurs: number of sentences; others: evidence count
  std::vector<Evidence> evidence;
  // In a merged graph (kg::Graph) `evidence` is a bounded sample (see
  // kg::GraphOptions) and this is the number of distinct evidence items; 0
  // in a single document's extraction, where `evidence` holds everything.
  std::size_t evidence_count = 0;
};

class RelationExtractor {
 public:
  explicit RelationExtractor(const Lexicon& lexicon);

  // Returns the relations of a document; symmetric ones with head < tail;
  // one Relation per (head, type, tail) with all its evidence.
  std::vector<Relation> extract(const CleanDocument& doc,
                                const std::vector<Sentence>& sentences,
                                const Resolution& resolution) const;

 private:
  const Lexicon* lexicon_;
};

}  // namespace kg
