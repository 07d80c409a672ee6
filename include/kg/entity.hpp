// kg/entity.hpp - the fifth stage: one entity per real thing.
//
// The EntityResolver turns a document's mentions into entities: surface
// forms in either script, with or without 市/省, abbreviations declared in
// the text (X（以下简称“Y”）) and those in the lexicon's alias table become
// one entity whose canonical name is in simplified script. Every mention is
// kept as evidence of where the entity was seen.
//
//   kg::EntityResolver resolver(kg::Lexicon::builtin());
//   kg::Resolution r = resolver.resolve(clean, mentions);
//   for (const kg::Entity& e : r.entities) std::cout << e.name << '\n';
//
// Thread-safety: const methods only; share freely.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/lexicon.hpp"
#include "kg/mention.hpp"
#include "kg/ontology.hpp"
#include "kg/span.hpp"

namespace kg {

// Where an entity was seen. Entity::document_of(mention) gives its document id.
struct MentionRef {
  // Id of the document; empty in a single document's results (a
  // kg::Resolution, a kg::DocumentExtraction), where every mention of an
  // entity is in the entity's one document and is not copied for each.
  std::string document;
  std::size_t sentence = 0;
  SourceSpan source;
  std::string surface;
  EntityType type = EntityType::Organization;  // the type this mention suggested
};

// One real thing. `aliases` and `documents` are sorted, distinct lists
// (std::binary_search finds a name in them; kg::insert_sorted adds one).
struct Entity {
  std::string name;  // canonical name: the identity key of the graph
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
  std::string code;                   // GB/T 2260 code for divisions
  std::vector<std::string> aliases;   // every surface form seen, canonical name included; sorted, distinct
  std::vector<MentionRef> mentions;   // in document order
  std::vector<std::string> documents; // ids of documents it was seen in; sorted, distinct
  // In a merged graph (kg::Graph) `mentions` and `documents` are bounded
  // samples (see kg::GraphOptions) and these are the full counts; 0 in a
  // single document's extraction, where the vectors hold everything.
  std::size_t mention_count = 0;
  std::size_t document_count = 0;

  // Returns the id of the document one of this entity's mentions was seen
  // in: the mention's own `document`, or when that is empty (a single
  // document's entity) the entity's document.
  const std::string& document_of(const MentionRef& mention) const noexcept {
    return mention.document.empty() && !documents.empty() ? documents.front() : mention.document;
  }
};

// Inserts `value` into a sorted, distinct list (Entity::aliases,
// Entity::documents) where it belongs; does nothing when it is there.
inline void insert_sorted(std::vector<std::string>& list, std::string value) {
  const auto at = std::lower_bound(list.begin(), list.end(), value);
  if (at == list.end() || *at != value) list.insert(at, std::move(value));
}

// Mentions with their canonical names settled, and the entities they denote.
struct Resolution {
  std::vector<Mention> mentions;  // `name` is the entity's canonical name
  std::vector<Entity> entities;   // sorted by name
};

class EntityResolver {
 public:
  explicit EntityResolver(const Lexicon& lexicon);

  // Merges a document's mentions into entities.
  Resolution resolve(const CleanDocument& doc, std::vector<Mention> mentions) const;

 private:
  const Lexicon* lexicon_;
};

}  // namespace kg
