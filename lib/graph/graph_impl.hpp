// The state behind kg::Graph. Internal: not installed; the writers and the
// fragment reader include it.
//
// The merge state is bounded by the graph, not the corpus: per node vote
// counts, the distinct aliases, two counts and two bounded samples; per
// edge its roles, weight, evidence count and a bounded sample of evidence.
// Every part combines by a commutative, associative operation (sums,
// unions, "the K first of a union under a total order"), so the result
// never depends on the order or grouping of the merges.
//
// Names are interned once (NameId) so that edges are keyed by integers and
// a relation's ends cost one hash lookup each. Nothing is sorted while
// merging: the View (canonical order, ids) is computed when something reads
// the graph and cached until the next change; the Boost adjacency_list,
// which copies every entity and relation, only when bgl_view, find,
// entities or relations ask for it.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kg/graph.hpp"
#include "kg/graph_bgl.hpp"

namespace kg::graph {

// Strings that many evidence items share (a sentence is the evidence of
// every pair of entities it relates; document ids and triggers repeat),
// stored once and freed when the last item using them is dropped.
class SharedStrings {
 public:
  // Returns the stored copy of `text`, counting one more user.
  const std::string* acquire(std::string_view text);
  // Counts one user less; frees the string after its last user.
  void release(const std::string* text) noexcept;
  std::size_t size() const noexcept { return counts_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept;
  };
  std::unordered_map<std::string, std::size_t, Hash, std::equal_to<>> counts_;
};

// Evidence as an edge keeps it, its strings in the graph's SharedStrings.
struct StoredEvidence {
  const std::string* document = nullptr;
  const std::string* text = nullptr;
  const std::string* trigger = nullptr;
  std::size_t sentence = 0;
  SourceSpan source;
  double confidence = 1.0;
};

Evidence to_evidence(const StoredEvidence& e);

// Orders evidence by document, sentence and offsets, then by every other
// field: the order in which kept evidence is listed.
struct EvidenceLess {
  bool operator()(const Evidence& a, const Evidence& b) const noexcept;
  bool operator()(const StoredEvidence& a, const StoredEvidence& b) const noexcept;
};

// Orders evidence best first: higher confidence, then EvidenceLess. A total
// order over every field, so equal evidence is an exact duplicate and the
// kept evidence of an edge does not depend on the order of merges.
struct EvidenceRank {
  bool operator()(const Evidence& a, const Evidence& b) const noexcept;
  bool operator()(const StoredEvidence& a, const StoredEvidence& b) const noexcept;
  bool operator()(const Evidence& a, const StoredEvidence& b) const noexcept;
  bool operator()(const StoredEvidence& a, const Evidence& b) const noexcept;
};

// Orders mentions by document, sentence and offsets, then by every other field.
struct MentionLess {
  bool operator()(const MentionRef& a, const MentionRef& b) const noexcept;
};

// Weights are summed as integers in millionths so that the sum does not
// depend on the grouping of the adds (floating-point addition would).
std::int64_t to_micro(double weight) noexcept;
double from_micro(std::int64_t micro) noexcept;

using NameId = std::uint32_t;
inline constexpr std::size_t kEntityTypeCount = static_cast<std::size_t>(EntityType::Person) + 1;
inline constexpr std::size_t kPlaceLevelCount = static_cast<std::size_t>(PlaceLevel::Zone) + 1;
inline constexpr std::uint32_t kNoPosition = UINT32_MAX;

// Every name the graph has seen (nodes and relation ends), each stored once.
class NameTable {
 public:
  NameTable() = default;
  NameTable(const NameTable& other);
  NameTable& operator=(const NameTable&) = delete;

  // Returns the id of `name`, adding it when new.
  NameId intern(std::string_view name);
  // Returns the id of `name`, or kNoPosition when it was never seen.
  NameId find(std::string_view name) const;
  const std::string& name(NameId id) const noexcept { return names_[id]; }
  std::size_t size() const noexcept { return names_.size(); }

 private:
  std::deque<std::string> names_;  // a deque: its strings never move, so the views stay valid
  std::unordered_map<std::string_view, NameId> ids_;
};

struct NodeState {
  bool present = false;  // false for a name only seen as a relation's end
  std::array<std::uint64_t, kEntityTypeCount> type_votes{};
  std::array<std::uint64_t, kPlaceLevelCount> level_votes{};
  std::string code;                    // the smallest seen
  std::vector<std::string> aliases;    // sorted, distinct
  std::vector<MentionRef> mentions;    // the first max_mentions by MentionLess, sorted
  std::uint64_t mention_count = 0;
  std::vector<std::string> documents;  // the smallest max_documents, sorted, distinct
  std::uint64_t document_count = 0;
};

struct EdgeKey {
  NameId head = 0;
  NameId tail = 0;
  RelationType type = RelationType::CoOccurs;
  friend bool operator==(const EdgeKey&, const EdgeKey&) = default;
};

struct EdgeKeyHash {
  std::size_t operator()(const EdgeKey& k) const noexcept;
};

struct EdgeState {
  std::vector<std::string> roles;  // sorted, distinct
  std::int64_t weight_micro = 0;
  std::uint64_t evidence_count = 0;
  std::vector<StoredEvidence> evidence;  // the first max_evidence by EvidenceRank, best first
};

// The edges by key: an open-addressed index over a deque of entries, so
// that a lookup touches one slot and one entry rather than a chain of
// separately allocated nodes, and growing never moves an entry.
class EdgeTable {
 public:
  using Entry = std::pair<EdgeKey, EdgeState>;

  // Returns the state of `key`, added empty when new.
  EdgeState& operator[](const EdgeKey& key);
  std::size_t size() const noexcept { return entries_.size(); }
  void reserve(std::size_t n);
  std::deque<Entry>::const_iterator begin() const noexcept { return entries_.begin(); }
  std::deque<Entry>::const_iterator end() const noexcept { return entries_.end(); }

 private:
  void rebuild_index(std::size_t slot_count);
  std::deque<Entry> entries_;
  std::vector<std::uint32_t> slots_;  // entry index + 1; 0 is empty; a power of two in size
};

// An edge's state as another graph or a fragment line gives it.
struct EdgeSample {
  std::vector<std::string> roles;
  std::int64_t weight_micro = 0;
  std::uint64_t evidence_count = 0;
  std::vector<Evidence> evidence;  // any order
};

// Merges `more` into `kept`, both sorted by `less`, keeping the first
// `limit` (and, when `distinct`, dropping items equal to one kept).
template <typename T, typename Less>
void keep_first(std::vector<T>& kept, std::vector<T>&& more, std::size_t limit, Less less, bool distinct);

// Adds `more` (sorted, distinct) to the sorted, distinct `kept`.
void add_sorted_strings(std::vector<std::string>& kept, std::vector<std::string>&& more);

// Moves another state's votes, names, counts and samples in.
void absorb(NodeState& into, NodeState&& other, const GraphOptions& options);

// Merges `more` (sorted by EvidenceRank, distinct) into an edge's kept
// evidence, keeping the first `limit`; strings of dropped items are released.
void keep_best_evidence(SharedStrings& strings, std::vector<StoredEvidence>& kept,
                        std::span<const Evidence* const> more, std::size_t limit);

// The graph as users see it, computed from the merge state: positions are
// indexes in canonical order (nodes by type then name, edges by head name,
// type, tail name).
struct View {
  struct Edge {
    const EdgeKey* key;
    const EdgeState* state;
    std::uint32_t source;  // node positions
    std::uint32_t target;
  };
  std::vector<NameId> nodes;               // by position
  std::vector<EntityType> types;           // by position: the vote's winner
  std::vector<PlaceLevel> levels;          // by position: places only
  std::vector<std::string> node_ids;       // by position
  std::vector<std::uint32_t> position_of;  // by NameId; kNoPosition for names that are no node
  std::vector<Edge> edges;                 // the edges shown, in canonical order
  std::vector<std::string> edge_ids;       // parallel to `edges`
  std::vector<std::uint32_t> first_edge;   // by position: a node's outgoing edges are
  std::vector<std::uint32_t> end_edge;     //   edges[first_edge[p], end_edge[p])
};

// The graph copied out as plain values, for bgl_view, find, entities and relations.
struct Materialized {
  BglGraph bgl;  // vertex i is View position i; edges in View order
  std::unordered_map<std::string_view, BglGraph::vertex_descriptor> by_alias;
};

// Chooses the winner of a vote: most votes, ties to the first type in a
// fixed order of specificity (the catch-all Organization last); Organization
// when nothing voted.
EntityType winning_type(const std::array<std::uint64_t, kEntityTypeCount>& votes) noexcept;
PlaceLevel winning_level(const std::array<std::uint64_t, kPlaceLevelCount>& votes) noexcept;

// Returns "n"/"e" + 16 hex digits of the 64-bit FNV-1a hash of `key`.
std::string hashed_id(char prefix, std::string_view key);
std::string edge_hash_key(std::string_view head, RelationType type, std::string_view tail);

// Makes ids unique: among keys that share an id (a hash collision, which
// practically never happens) the first key in byte order keeps it and the
// next get "-2", "-3", ... appended. `keys` is parallel to `ids`.
std::vector<std::string> disambiguate_ids(std::vector<std::string> ids, const std::vector<std::string>& keys);

}  // namespace kg::graph

namespace kg {

struct Graph::Impl {
  GraphOptions options;
  graph::NameTable names;
  std::vector<graph::NodeState> nodes;  // by NameId
  std::size_t node_count = 0;
  graph::EdgeTable edges;
  graph::SharedStrings evidence_strings;  // what the edges' StoredEvidence point to
  std::unordered_set<std::string> documents;

  explicit Impl(const GraphOptions& opts = {}) : options(opts) {}
  Impl(const Impl& other);
  Impl& operator=(const Impl&) = delete;

  // Returns the state of the node named by `id`, made present; each call
  // invalidates the cached views.
  graph::NodeState& node(graph::NameId id);
  // Returns the state of an edge, made when new; nullptr for a self-loop.
  graph::EdgeState* edge(graph::NameId head, RelationType type, graph::NameId tail);

  // Merges state in (by value: callers that are done with a state move it in).
  void merge_node(std::string_view name, graph::NodeState state);
  void merge_edge(std::string_view head, RelationType type, std::string_view tail, graph::EdgeSample sample);
  // Returns an edge's state as a sample, its evidence copied out.
  graph::EdgeSample sample_of(const graph::EdgeState& state) const;
  void add_document(std::string_view id);

  // Returns the View / the Materialized copy, computing it on first use (thread-safe).
  const graph::View& view() const;
  const graph::Materialized& materialized() const;

  void invalidate() noexcept {
    cached_view_.reset();
    cached_copy_.reset();
  }

 private:
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const graph::View> cached_view_;
  mutable std::shared_ptr<const graph::Materialized> cached_copy_;
};

namespace graph {
// Gives the fragment reader write access to a graph it has just made.
Graph::Impl& mutable_impl(Graph& graph) noexcept;
// Returns the state of a graph (an empty one for a moved-from graph).
const Graph::Impl& impl_of(const Graph& graph);
// Returns the View of a graph (an empty one for a moved-from graph).
const View& view_of(const Graph& graph);
// Returns the node at `position` of a view / the i-th edge as plain values.
Entity entity_at(const Graph::Impl& impl, const View& view, std::uint32_t position);
Relation relation_at(const Graph::Impl& impl, const View& view, std::size_t edge);

template <typename T, typename Less>
void keep_first(std::vector<T>& kept, std::vector<T>&& more, std::size_t limit, Less less, bool distinct) {
  if (more.empty()) return;
  // The common case while merging documents in order: nothing new makes the cut.
  if (kept.size() >= limit && (limit == 0 || !less(more.front(), kept.back()))) return;
  std::vector<T> out;
  out.reserve(std::min(limit, kept.size() + more.size()));
  auto a = kept.begin(), b = more.begin();
  const auto push = [&](T&& item) {
    if (distinct && !out.empty() && !less(out.back(), item)) return;  // equal to the last kept
    out.push_back(std::move(item));
  };
  while (out.size() < limit && (a != kept.end() || b != more.end())) {
    if (b == more.end() || (a != kept.end() && !less(*b, *a)))
      push(std::move(*a++));
    else
      push(std::move(*b++));
  }
  kept = std::move(out);
}

}  // namespace graph

}  // namespace kg
