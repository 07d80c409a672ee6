// kg/graph.hpp - the seventh stage: the merged knowledge graph.
//
// kg::Graph merges per-document extractions: one node per entity (keyed by
// canonical name), one edge per (head, relation, tail) with its evidence
// accumulated and its weight summed. Merging is associative and its result
// does not depend on the order of adds: the accessors and writers list nodes
// and edges in a canonical order, so the same documents give byte-identical
// files however they were sharded. Internally a Boost.Graph adjacency_list;
// kg/graph_bgl.hpp gives read-only access for BGL algorithms.
//
//   kg::Graph g;
//   g.add(pipeline.extract(doc1));
//   g.add(pipeline.extract(doc2));
//   std::cout << g.node_count() << " entities\n";
//
// Thread-safety: const methods may run concurrently; add/merge need exclusive access.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/entity.hpp"
#include "kg/extraction.hpp"
#include "kg/relation.hpp"

namespace kg {

class Graph {
 public:
  Graph();
  ~Graph();
  Graph(const Graph&);
  Graph& operator=(const Graph&);
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  // Merges one document's entities and relations.
  void add(const DocumentExtraction& extraction);

  // Merges another graph into this one.
  void merge(const Graph& other);

  std::size_t node_count() const noexcept;
  std::size_t edge_count() const noexcept;
  std::size_t document_count() const noexcept;

  // Returns the entities in canonical order (by type, then name).
  std::vector<Entity> entities() const;

  // Returns the relations in canonical order (by head, type, tail), each
  // with all its evidence sorted by document and sentence.
  std::vector<Relation> relations() const;

  // Finds an entity by canonical name or alias; nullptr when absent.
  const Entity* find(std::string_view name) const;

  // Returns the stable node id of an entity ("n" + hash of its name).
  static std::string node_id(const Entity& entity);

  struct Impl;
  // For kg/graph_bgl.hpp only.
  const Impl& impl() const noexcept { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
