// Document-level relations from knowledge: a place is in the nearest of its
// ancestors (the lexicon's and the recogniser's parent field) that the same
// document mentions; a city is in a named region (粤港澳大湾区) the document
// mentions; an organisation is part of (or in) the parent the lexicon gives
// it when the document mentions that too. Not installed.
#pragma once

#include <cstddef>
#include <vector>

#include "kg/lexicon.hpp"
#include "relate/relate_types.hpp"
#include "relate/sentence_view.hpp"
#include "relate/triggers.hpp"

namespace kg::relate {

struct PlacedFinding {
  Finding finding;
  std::size_t view = 0;  // index of the sentence view whose text is the evidence
};

std::vector<PlacedFinding> hierarchy_relations(const DocumentViews& doc, const Lexicon& lexicon,
                                               const Tables& tables);

}  // namespace kg::relate
