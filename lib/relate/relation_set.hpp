// Collects findings into one Relation per (head, type, tail), symmetric ones
// with head < tail, keeping one piece of evidence per sentence (the most
// confident). Not installed.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "kg/relation.hpp"
#include "relate/relate_types.hpp"
#include "relate/sentence_view.hpp"

namespace kg::relate {

class RelationSet {
 public:
  // Adds a finding with sentence `view` of document `document` as its
  // evidence; ignores what the ontology forbids (kg::relation_allows), place
  // containment against the levels, and relations of an entity with itself.
  void add(const Finding& finding, const SentenceView& view, const std::string& document);

  // Returns the relations ordered by (head, type, tail); weight is the
  // number of sentences of evidence.
  std::vector<Relation> relations() const;

 private:
  // Keys view the names held by the relations themselves (a deque keeps
  // them in place), so a lookup allocates nothing.
  using Key = std::tuple<std::string_view, int, std::string_view>;
  std::deque<Relation> store_;
  std::map<Key, std::size_t> index_;
};

}  // namespace kg::relate
