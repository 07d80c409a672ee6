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

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/lexicon.hpp"
#include "kg/mention.hpp"
#include "kg/ontology.hpp"
#include "kg/span.hpp"

namespace kg {

// Where an entity was seen.
struct MentionRef {
  std::string document;
  std::size_t sentence = 0;
  SourceSpan source;
  std::string surface;
  EntityType type = EntityType::Organization;  // the type this mention suggested
};

struct Entity {
  std::string name;  // canonical name: the identity key of the graph
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
  std::string code;                 // GB/T 2260 code for divisions
  std::set<std::string> aliases;    // every surface form seen, canonical name included
  std::vector<MentionRef> mentions;  // in document order
  std::set<std::string> documents;  // ids of documents it was seen in
  // In a merged graph (kg::Graph) `mentions` and `documents` are bounded
  // samples (see kg::GraphOptions) and these are the full counts; 0 in a
  // single document's extraction, where the vectors hold everything.
  std::size_t mention_count = 0;
  std::size_t document_count = 0;
};

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
