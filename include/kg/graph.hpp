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
  // A moved-from graph is empty and may be used again.
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  // Merges one document's entities and relations. An entity's type is the
  // vote of all documents (each weighted by its mentions, ties to the more
  // specific type); aliases, mentions and documents are unioned. Relations
  // are keyed by (head, type, tail), symmetric ones with head < tail; their
  // evidence is unioned and their weights summed. Self-loops and empty names
  // are ignored.
  void add(const DocumentExtraction& extraction);
  // Same, taking the extraction's strings and vectors instead of copying them.
  void add(DocumentExtraction&& extraction);

  // Merges another graph into this one (associative and commutative).
  void merge(const Graph& other);

  std::size_t node_count() const noexcept;
  // Counts the edges the graph shows: relations whose ends are both nodes
  // and whose types kg::relation_allows for the ends' final types.
  std::size_t edge_count() const noexcept;
  std::size_t document_count() const noexcept;

  // Returns the ids of the documents merged in, sorted.
  std::vector<std::string> documents() const;

  // Returns the entities in canonical order (by type, then name), each with
  // its mentions sorted by document, sentence and offset.
  std::vector<Entity> entities() const;

  // Returns the relations in canonical order (by head, type, tail), each
  // with all its evidence sorted by document and sentence. A worksFor edge
  // seen with several roles shows them '|'-joined in `role`.
  std::vector<Relation> relations() const;

  // Finds an entity by canonical name or alias (an alias of several nodes
  // finds the first by name); nullptr when absent. The pointer is valid
  // until the graph changes.
  const Entity* find(std::string_view name) const;

  // Returns the stable node id of an entity: "n" + 16 hex digits of the
  // 64-bit FNV-1a hash of its canonical name.
  static std::string node_id(const Entity& entity);

  // Returns the id the writers give the node named `name` in this graph:
  // node_id() unless two names of the graph share a hash, in which case the
  // later name in byte order gets a "-2" ("-3", ...) suffix; "" when absent.
  std::string node_id_of(std::string_view name) const;

  struct Impl;
  // For kg/graph_bgl.hpp and the writers only.
  const Impl& impl() const noexcept { return *impl_; }
  bool has_impl() const noexcept { return impl_ != nullptr; }

 private:
  void ensure_impl();
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
