// kg/graph.hpp - the seventh stage: the merged knowledge graph.
//
// kg::Graph merges per-document extractions: one node per entity (keyed by
// canonical name), one edge per (head, relation, tail) with its weight
// summed. Its memory grows with the number of distinct entities and
// relations, not with the corpus: a node keeps counts of its mentions and
// documents and a bounded sample of each, an edge keeps its evidence count
// and its best few evidence sentences (kg::GraphOptions says how many).
// Merging is associative and its result does not depend on the order of
// adds: the samples are chosen by total orders (the K smallest of a union
// are the K smallest of the parts' K smallest), and the accessors and
// writers list nodes and edges in a canonical order, so the same documents
// give byte-identical files however they were sharded. kg/graph_bgl.hpp
// gives a Boost.Graph copy for BGL algorithms.
//
//   kg::Graph g;
//   g.add(pipeline.extract(doc1));
//   g.add(pipeline.extract(doc2));
//   std::cout << g.node_count() << " entities\n";
//
// Thread-safety: const methods may run concurrently; add/merge need
// exclusive access. Graph::prepare does the part of an add that needs no
// access to the graph, so that threads merging into one graph under a lock
// hold it briefly.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/entity.hpp"
#include "kg/extraction.hpp"
#include "kg/relation.hpp"

namespace kg {

// How much of the evidence a graph keeps. Each bound is a count of items
// (0 keeps none); the counts (mention_count, document_count,
// evidence_count) are always exact. Graphs merged together should share
// their options: a graph merged into one with smaller bounds is cut down to
// them, and only graphs with equal options merge associatively.
struct GraphOptions {
  // Evidence items per edge: the most confident, then the earliest by
  // document, sentence and offset. GraphML shows the first; JSON-LD lists all.
  std::size_t max_evidence = 8;
  // Sample mentions per node: the earliest by document, sentence and offset.
  std::size_t max_mentions = 8;
  // Document ids per node: the smallest in byte order.
  std::size_t max_documents = 8;
};

// One document's extraction made ready to merge into a graph: its names
// hashed and deduplicated, its mentions sorted, its evidence ranked. Making
// it reads nothing of any graph, so several threads prepare documents at
// once and need a graph to themselves (a lock) only for Graph::add, which
// then has little left to do.
//
//   kg::PreparedExtraction p = kg::Graph::prepare(pipeline.extract(doc));
//   std::lock_guard lock(graph_mutex);
//   graph.add(std::move(p));
//
// Thread-safety: a plain value (move-only); prepare() is thread-safe.
class PreparedExtraction {
 public:
  PreparedExtraction() noexcept;
  ~PreparedExtraction();
  PreparedExtraction(PreparedExtraction&&) noexcept;
  PreparedExtraction& operator=(PreparedExtraction&&) noexcept;

  struct Impl;

 private:
  friend class Graph;
  explicit PreparedExtraction(std::unique_ptr<Impl> impl) noexcept;
  std::unique_ptr<Impl> impl_;
};

class Graph {
 public:
  Graph();
  explicit Graph(const GraphOptions& options);
  ~Graph();
  Graph(const Graph&);
  Graph& operator=(const Graph&);
  // A moved-from graph is empty and may be used again.
  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;

  // Merges one document's entities and relations. An entity's type is the
  // vote of all documents (each weighted by its mentions, ties to the more
  // specific type); aliases are unioned, mention and document counts summed
  // and their samples kept within the options' bounds. Relations are keyed
  // by (head, type, tail), symmetric ones with head < tail; their weights
  // and distinct evidence counts are summed, their best evidence kept.
  // Self-loops and empty names are ignored. Each document is meant to be
  // added once: one added twice counts twice (only the graph's document id
  // list and exact duplicate evidence in the samples are deduplicated).
  void add(const DocumentExtraction& extraction);
  // Same, taking the extraction's strings and vectors instead of copying them.
  void add(DocumentExtraction&& extraction);
  // Same, for an extraction prepared by prepare(); the same result as adding
  // the extraction itself. An empty (moved-from) PreparedExtraction adds nothing.
  void add(PreparedExtraction&& prepared);

  // Prepares an extraction for add(), taking its strings and vectors. Reads
  // no graph: it may run on any thread while another thread adds.
  static PreparedExtraction prepare(DocumentExtraction&& extraction);

  // Merges another graph into this one (associative and commutative).
  void merge(const Graph& other);

  const GraphOptions& options() const noexcept;

  std::size_t node_count() const noexcept;
  // Counts the edges the graph shows: relations whose ends are both nodes
  // and whose types kg::relation_allows for the ends' final types.
  std::size_t edge_count() const noexcept;
  std::size_t document_count() const noexcept;

  // Counts the entities of each type, as entities() would list them,
  // without copying them out: (type, count) pairs in enum order, types
  // without entities left out.
  std::vector<std::pair<EntityType, std::size_t>> entity_type_counts() const;
  // Counts the relations of each type, as relations() would list them; the
  // same form.
  std::vector<std::pair<RelationType, std::size_t>> relation_type_counts() const;

  // Returns the ids of the documents merged in, sorted. (The one list that
  // grows with the corpus: ids are short, a few dozen bytes a document.)
  std::vector<std::string> documents() const;

  // Returns the entities in canonical order (by type, then name), each with
  // its sample of mentions sorted by document, sentence and offset, its
  // sample of document ids, and the full mention_count and document_count.
  std::vector<Entity> entities() const;

  // Returns the relations in canonical order (by head, type, tail), each
  // with its kept evidence sorted by document and sentence and the full
  // evidence_count. A worksFor edge seen with several roles shows them
  // '|'-joined in `role`.
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
