// kg/extraction.hpp - what one document yields: its entities and relations.
//
// A DocumentExtraction is the unit of map-reduce: `kg extract` writes one per
// line as JSON (kg/fragment.hpp), and kg::Graph::add merges them. It holds no
// pointers, so documents can be processed on any thread or host.
//
//   kg::DocumentExtraction x = pipeline.extract(doc);
//   graph.add(x);
//
// Thread-safety: plain value type.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "kg/entity.hpp"
#include "kg/relation.hpp"

namespace kg {

struct DocumentExtraction {
  std::string document;  // document id
  std::map<std::string, std::string> attributes;  // title, date, url, encoding, ...
  std::vector<Entity> entities;
  std::vector<Relation> relations;
  std::size_t bytes = 0;      // size of the original input
  std::size_t sentences = 0;  // sentences read
  std::map<std::string, std::size_t> cleaning;  // changes per cleaning step
};

}  // namespace kg
