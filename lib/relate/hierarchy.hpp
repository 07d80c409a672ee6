// Document-level relations from knowledge: a place is in the nearest of its
// ancestors (the lexicon's and the recogniser's parent field) that the same
// document mentions; a city is in a named region (粤港澳大湾区) the document
// mentions; an organisation is part of (or in) the parent the lexicon gives
// it when the document mentions that too. Not installed.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
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

// What the document says of one of its names.
struct SeenName {
  EntityRef entity;
  std::string_view parent;             // from the recogniser, when it knew one
  std::span<const std::size_t> views;  // sentences naming it, ascending
};

// The working memory hierarchy_relations reuses from one document to the
// next (the extractor keeps one per thread); its contents mean nothing
// between calls.
struct HierarchyMemory {
  std::vector<SeenName> seen;         // by rank
  std::vector<std::size_t> views;     // the sentences of all names, name by name
  std::vector<std::size_t> count;     // per rank, then running totals
  std::vector<std::size_t> last_view; // per rank: the last sentence counted
  std::vector<std::size_t> next;      // per rank: next free entry of `views`
  std::vector<PlacedFinding> found;
};

// Returns the findings; they live in `memory` until its next use.
std::span<const PlacedFinding> hierarchy_relations(const DocumentViews& doc, const Lexicon& lexicon,
                                                   const Tables& tables, HierarchyMemory& memory);

}  // namespace kg::relate
