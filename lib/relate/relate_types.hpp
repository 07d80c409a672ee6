// Internal vocabulary of the relation stage: an entity as a pattern sees it
// and a finding (a relation a pattern believes in, before evidence is
// attached). Not installed.
#pragma once

#include <string>

#include "kg/ontology.hpp"

namespace kg::relate {

// An entity end of a relation: canonical name plus the type the resolver settled.
struct EntityRef {
  std::string name;
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
};

// One relation a pattern found in one sentence.
struct Finding {
  EntityRef head;
  RelationType type = RelationType::CoOccurs;
  EntityRef tail;
  std::string role;     // worksFor/founded: the title as written
  std::string trigger;  // the word that signalled it, or the pattern's name
  double confidence = 1.0;
};

}  // namespace kg::relate
