// TEMPORARY stub of relation extraction; replaced by the relation work (issue 5).
#include "kg/relation.hpp"

namespace kg {

RelationExtractor::RelationExtractor(const Lexicon& lexicon) : lexicon_(&lexicon) {}

std::vector<Relation> RelationExtractor::extract(const CleanDocument&, const std::vector<Sentence>&,
                                                 const Resolution&) const {
  return {};
}

}  // namespace kg
