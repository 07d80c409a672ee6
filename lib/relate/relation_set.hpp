// Collects findings into one Relation per (head, type, tail), symmetric ones
// with head < tail, keeping one piece of evidence per sentence (the most
// confident). Not installed.
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "kg/relation.hpp"
#include "relate/relate_types.hpp"

namespace kg::relate {

class RelationSet {
 public:
  // Adds a finding with its evidence; ignores what the ontology forbids
  // (kg::relation_allows) and relations of an entity with itself.
  void add(const Finding& finding, Evidence evidence);

  // Tells whether (head, type, tail) has been found (either order when symmetric).
  bool contains(const std::string& head, RelationType type, const std::string& tail) const;

  // Returns the relations ordered by (head, type, tail); weight is the
  // number of sentences of evidence.
  std::vector<Relation> relations() const;

 private:
  std::map<std::tuple<std::string, int, std::string>, Relation> relations_;
};

}  // namespace kg::relate
