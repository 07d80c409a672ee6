// The state behind kg::Graph. Internal: not installed; the writers and the
// fragment reader include it.
//
// The graph keeps its merge state (votes, sets, fixed-point weights) in
// ordered maps, because every part of that state combines by a commutative,
// associative operation (sums of integers, set unions, appends that are
// sorted on output). The user-visible graph (resolved types, sorted
// mentions and evidence, ids, the Boost adjacency_list) is a View computed
// from that state on first use and cached until the next change.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "kg/graph.hpp"
#include "kg/graph_bgl.hpp"

namespace kg::graph {

// Orders evidence by document, sentence and offsets, then by every other
// field, so equal evidence is stored once and the order never depends on
// the order of adds.
struct EvidenceLess {
  bool operator()(const Evidence& a, const Evidence& b) const noexcept;
};

// Orders mentions by document, sentence and offsets, then by every other field.
struct MentionLess {
  bool operator()(const MentionRef& a, const MentionRef& b) const noexcept;
};

// Weights are summed as integers in millionths so that the sum does not
// depend on the grouping of the adds (floating-point addition would).
std::int64_t to_micro(double weight) noexcept;
double from_micro(std::int64_t micro) noexcept;

struct NodeState {
  std::map<EntityType, std::size_t> type_votes;
  std::map<PlaceLevel, std::size_t> level_votes;
  std::set<std::string> codes;
  std::set<std::string> aliases;
  std::vector<MentionRef> mentions;  // appended; sorted in the View
  std::set<std::string> documents;

  // Moves another state's votes, names, mentions and documents in.
  void absorb(NodeState&& other);
};

struct EdgeKey {
  std::string head;
  RelationType type = RelationType::CoOccurs;
  std::string tail;

  friend auto operator<=>(const EdgeKey&, const EdgeKey&) = default;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

struct EdgeState {
  std::set<std::string> roles;
  std::int64_t weight_micro = 0;
  std::set<Evidence, EvidenceLess> evidence;

  // Moves another state's roles, weight and evidence in.
  void absorb(EdgeState&& other);
};

// The graph as users see it, computed from the merge state.
struct View {
  BglGraph bgl;                                  // vertices in canonical order (type, name)
  std::vector<std::string> node_ids;             // by vertex index
  std::vector<BglGraph::edge_descriptor> edges;  // canonical order (head, type, tail)
  std::vector<std::string> edge_ids;             // parallel to `edges`
  std::unordered_map<std::string, BglGraph::vertex_descriptor> by_name;
  std::unordered_map<std::string, BglGraph::vertex_descriptor> by_alias;
};

// Chooses the winner of a vote: most votes, ties to the first type in a
// fixed order of specificity (the catch-all Organization last).
EntityType winning_type(const std::map<EntityType, std::size_t>& votes) noexcept;
PlaceLevel winning_level(const std::map<PlaceLevel, std::size_t>& votes) noexcept;

// Returns "n"/"e" + 16 hex digits of the 64-bit FNV-1a hash of `key`.
std::string hashed_id(char prefix, std::string_view key);
std::string edge_hash_key(const EdgeKey& key);

// Makes ids unique: among keys that share an id (a hash collision, which
// practically never happens) the first key in byte order keeps it and the
// next get "-2", "-3", ... appended. `keys` is parallel to `ids`.
std::vector<std::string> disambiguate_ids(std::vector<std::string> ids, const std::vector<std::string>& keys);

}  // namespace kg::graph

namespace kg {

struct Graph::Impl {
  std::map<std::string, graph::NodeState> nodes;
  std::map<graph::EdgeKey, graph::EdgeState> edges;
  std::set<std::string> documents;

  Impl() = default;
  Impl(const Impl& other);
  Impl& operator=(const Impl&) = delete;

  // Merges state in; each call invalidates the cached View.
  // (By value: callers that are done with a state move it in.)
  void merge_node(std::string name, graph::NodeState state);
  void merge_edge(graph::EdgeKey key, graph::EdgeState state);
  void add_document(const std::string& id);

  // Returns the View, computing it on first use (thread-safe).
  const graph::View& view() const;

 private:
  void invalidate() noexcept { cached_.reset(); }
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const graph::View> cached_;
};

namespace graph {
// Gives the fragment reader write access to a graph it has just made.
Graph::Impl& mutable_impl(Graph& graph) noexcept;
// Returns the View of a graph (an empty one for a moved-from graph).
const View& view_of(const Graph& graph);
}  // namespace graph

}  // namespace kg
