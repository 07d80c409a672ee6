// Which evidence a writer shows when it has room for one. Internal.
#pragma once

#include <algorithm>

#include "kg/relation.hpp"

namespace kg::output {

// Returns the evidence with the highest confidence, the earliest (by
// document, sentence, offset: the graph's order) among equals; nullptr when
// the relation has none.
inline const Evidence* representative_evidence(const Relation& r) noexcept {
  if (r.evidence.empty()) return nullptr;
  // max_element keeps the first of equal elements.
  return &*std::max_element(r.evidence.begin(), r.evidence.end(),
                            [](const Evidence& a, const Evidence& b) { return a.confidence < b.confidence; });
}

}  // namespace kg::output
