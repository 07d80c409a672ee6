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
// Memory goes to edges (most of them coOccurs pairs), so an edge is one
// flat 80-byte record: names and strings are 32-bit ids, roles an id of an
// interned set, and the common single evidence item is stored inline; only
// edges with more evidence own a vector. Nothing is sorted while merging:
// the View (canonical order, ids) is computed when something reads the
// graph and cached until the next change; the Boost adjacency_list, which
// copies every entity and relation, only when bgl_view, find, entities or
// relations ask for it.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <iterator>
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

// A fast 64-bit hash of bytes for the graph's own tables (never written out).
std::uint64_t hash_bytes(std::string_view bytes) noexcept;

using StringId = std::uint32_t;
inline constexpr StringId kNoString = UINT32_MAX;

// Strings that many evidence items share (a sentence is the evidence of
// every pair of entities it relates; document ids and triggers repeat),
// stored once under a 32-bit id and freed when the last item using them is
// dropped (the id is then reused).
class StringPool {
 public:
  // Returns the id of `text`, counting one more user.
  StringId acquire(std::string_view text);
  // Same, trying `hint` first: the id an earlier acquire of (probably) the
  // same text returned. A stale or wrong hint only costs the normal lookup.
  StringId acquire(std::string_view text, StringId hint);
  // Same, with hash_of(text) computed by the caller.
  StringId acquire(std::string_view text, std::uint32_t hash, StringId hint);
  // The hash the pool files `text` under.
  static std::uint32_t hash_of(std::string_view text) noexcept { return static_cast<std::uint32_t>(hash_bytes(text) >> 32); }
  // Counts one more user of an id already held.
  void retain(StringId id) noexcept { ++entries_[id].users; }
  // Counts one user less; frees the string after its last user.
  void release(StringId id);
  std::string_view view(StringId id) const noexcept { return entries_[id].text; }
  // Returns the number of distinct strings in use.
  std::size_t size() const noexcept { return live_; }

 private:
  struct Entry {
    std::string text;
    std::uint32_t users = 0;  // 0: free
    std::uint32_t hash = 0;
  };
  StringId find(std::string_view text, std::uint32_t hash) noexcept;
  StringId insert(std::string_view text, std::uint32_t hash);
  void grow();
  void unlink(StringId id) noexcept;

  std::vector<Entry> entries_;  // by id
  std::vector<StringId> free_;  // ids of free entries
  // Open addressing with linear probing: (hash << 32) | (id + 1); 0 is empty.
  std::vector<std::uint64_t> slots_;
  std::size_t live_ = 0;
};

// Where an evidence item is: sentence index and source span, as 64-bit numbers.
struct Position {
  std::uint64_t sentence = 0, byte_begin = 0, byte_end = 0, char_begin = 0, char_end = 0;
};

// Evidence as an edge keeps it: 40 bytes. Strings are ids in the graph's
// StringPool; numbers are 32-bit, except in the (4 GiB files) case where
// one does not fit: then `sentence` is kWide and `byte_begin` indexes the
// EvidenceStore's table of wide positions.
struct StoredEvidence {
  StringId document = 0;
  StringId text = 0;
  StringId trigger = 0;
  std::uint32_t sentence = 0;
  std::uint32_t byte_begin = 0, byte_end = 0, char_begin = 0, char_end = 0;
  double confidence = 1.0;  // clean: in [0, 1], never NaN

  static constexpr std::uint32_t kWide = UINT32_MAX;
};

// Evidence seen through views: what the orders compare, for plain and
// stored evidence alike.
struct EvidenceKey {
  double confidence;
  std::string_view document;
  Position position;
  std::string_view trigger;
  std::string_view text;
};

// A clean confidence: NaN would break the strict weak order of EvidenceRank.
double clean_confidence(double c) noexcept;

// Orders evidence by document, sentence and offsets, then by every other
// field: the order in which kept evidence is listed.
bool evidence_less(const EvidenceKey& a, const EvidenceKey& b) noexcept;
// Orders evidence best first: higher confidence, then evidence_less. A total
// order over every field, so equal evidence is an exact duplicate and the
// kept evidence of an edge does not depend on the order of merges.
bool rank_less(const EvidenceKey& a, const EvidenceKey& b) noexcept;
EvidenceKey key_of(const Evidence& e) noexcept;

// The strings and wide positions kept evidence refers to.
class EvidenceStore {
 public:
  // Stores a copy of `e`, its strings acquired (hints as StringPool::acquire).
  StoredEvidence store(const Evidence& e, StringId document_hint = kNoString, StringId text_hint = kNoString,
                       StringId trigger_hint = kNoString);
  // Same, with StringPool::hash_of(e.text) computed by the caller.
  StoredEvidence store(const Evidence& e, std::uint32_t text_hash, StringId document_hint, StringId text_hint,
                       StringId trigger_hint);
  // Copies an item kept by another store into this one.
  StoredEvidence store_from(const EvidenceStore& other, const StoredEvidence& e);
  // Drops an item: its strings lose a user.
  void release(const StoredEvidence& e);
  Position position(const StoredEvidence& e) const noexcept;
  EvidenceKey key(const StoredEvidence& e) const noexcept;
  Evidence to_evidence(const StoredEvidence& e) const;
  std::string_view text(StringId id) const noexcept { return strings.view(id); }

  StringPool strings;

 private:
  std::vector<Position> wide_;
  std::vector<std::uint32_t> free_wide_;
};

// Orders plain evidence as evidence_less does (for sets and sorting).
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

using NameId = std::uint32_t;
inline constexpr std::size_t kEntityTypeCount = static_cast<std::size_t>(EntityType::Person) + 1;
inline constexpr std::size_t kPlaceLevelCount = static_cast<std::size_t>(PlaceLevel::Zone) + 1;
inline constexpr std::uint32_t kNoPosition = UINT32_MAX;

// Every name the graph has seen (nodes and relation ends), each stored once.
class NameTable {
 public:
  NameTable() = default;
  NameTable(const NameTable& other) = default;
  NameTable& operator=(const NameTable&) = delete;

  // Returns the id of `name`, adding it when new.
  NameId intern(std::string_view name);
  // Same, with hash_bytes(name) computed by the caller.
  NameId intern(std::string_view name, std::uint64_t hash);
  // Returns the id of `name`, or kNoPosition when it was never seen.
  NameId find(std::string_view name) const noexcept;
  // Asks the memory ahead for the slot of a name of hash_bytes `hash` (a hint, as EdgeTable's).
  void prefetch(std::uint64_t hash) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[(hash >> 32) & (slots_.size() - 1)]);
  }
  const std::string& name(NameId id) const noexcept { return names_[id]; }
  std::size_t size() const noexcept { return names_.size(); }

 private:
  NameId find(std::string_view name, std::uint64_t hash) const noexcept;
  void grow();
  std::deque<std::string> names_;  // a deque: its strings never move
  // Open addressing with linear probing: (hash << 32) | (id + 1); 0 is empty.
  std::vector<std::uint64_t> slots_;
};

// Sets of roles (a worksFor edge seen with several roles), each stored
// once: an edge holds the id of its set.
class RoleSets {
 public:
  static constexpr std::uint32_t kNone = 0;
  // Returns the id of `set` with `role` added; `role` holds no '|'.
  std::uint32_t with(std::uint32_t set, std::string_view role);
  // Returns the id of `set` with every role of `roles` (holding no '|') added.
  std::uint32_t with_all(std::uint32_t set, const std::vector<std::string>& roles);
  // Returns the roles of a set: sorted, distinct.
  const std::vector<std::string>& roles(std::uint32_t set) const noexcept { return sets_[set]; }
  // Returns the roles '|'-joined.
  const std::string& joined(std::uint32_t set) const noexcept { return joined_[set]; }

 private:
  std::uint32_t intern(std::vector<std::string> roles);
  std::vector<std::vector<std::string>> sets_{{}};  // by id; id 0 is the empty set
  std::vector<std::string> joined_{{}};
  std::unordered_map<std::string, std::uint32_t> ids_;  // by joined roles
};

// The ids of the documents merged in, each stored once: one buffer of
// text and an open-addressed index, so that adding a document allocates
// nothing but the occasional growth (the one list that grows with the corpus).
class DocumentSet {
 public:
  // Adds `id` (hash_bytes(id) is `hash`) unless present.
  void insert(std::string_view id, std::uint64_t hash);
  void insert(std::string_view id) { insert(id, hash_bytes(id)); }
  std::size_t size() const noexcept { return ends_.size(); }
  std::string_view operator[](std::size_t i) const noexcept {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }

  // Iterates the ids in the order they were added, as string_views.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = const std::string_view*;
    using reference = std::string_view;
    const_iterator() = default;
    const_iterator(const DocumentSet* set, std::size_t i) : set_(set), i_(i) {}
    std::string_view operator*() const noexcept { return (*set_)[i_]; }
    const_iterator& operator++() noexcept {
      ++i_;
      return *this;
    }
    const_iterator operator++(int) noexcept {
      const_iterator old = *this;
      ++i_;
      return old;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept { return a.i_ == b.i_; }

   private:
    const DocumentSet* set_ = nullptr;
    std::size_t i_ = 0;
  };
  const_iterator begin() const noexcept { return {this, 0}; }
  const_iterator end() const noexcept { return {this, size()}; }

 private:
  void grow();
  std::string text_;                 // the ids one after the other
  std::vector<std::size_t> ends_;    // by index: where each id ends in text_
  std::vector<std::uint64_t> slots_; // (32-bit hash << 32) | (index + 1); 0 is empty
};

struct NodeState {
  bool present = false;  // false for a name only seen as a relation's end
  std::array<std::uint64_t, kEntityTypeCount> type_votes{};
  std::array<std::uint64_t, kPlaceLevelCount> level_votes{};
  std::string code;                  // the smallest seen
  std::vector<std::string> aliases;  // sorted, distinct
  std::vector<MentionRef> mentions;  // the first max_mentions by MentionLess, sorted
  std::uint64_t mention_count = 0;
  std::vector<std::string> documents;  // the smallest max_documents, sorted, distinct
  std::uint64_t document_count = 0;
};

using EdgeIndex = std::uint32_t;

// One edge: its key (head, type, tail), roles, weight, evidence count and
// kept evidence (the first max_evidence by EvidenceRank, best first).
struct EdgeState {
  NameId head = 0;
  NameId tail = 0;
  RelationType type = RelationType::CoOccurs;
  std::uint32_t roles = RoleSets::kNone;
  std::uint32_t kept = 0;   // evidence items kept
  std::uint32_t spill = 0;  // 0: the kept item (if any) is `first`; else 1 + index of its vector
  std::int64_t weight_micro = 0;
  std::uint64_t evidence_count = 0;
  StoredEvidence first;
};

// The edges by key: an open-addressed index over chunked storage, so that
// a lookup touches one slot and one record and growing never moves a record.
class EdgeTable {
 public:
  EdgeTable() = default;
  EdgeTable(const EdgeTable& other);
  EdgeTable& operator=(const EdgeTable&) = delete;

  // Returns the index of the edge (head, type, tail), added empty when new.
  EdgeIndex find_or_add(NameId head, RelationType type, NameId tail);
  // Ask the memory ahead for the slot of an edge, then (the slot at hand)
  // for its record, so that a batch of lookups waits for its cache misses
  // once rather than one after another. Hints only: no effect on results.
  void prefetch_slot(NameId head, RelationType type, NameId tail) const noexcept;
  void prefetch_record(NameId head, RelationType type, NameId tail) const noexcept;
  EdgeState& operator[](EdgeIndex i) noexcept { return chunks_[i >> kChunkBits][i & kChunkMask]; }
  const EdgeState& operator[](EdgeIndex i) const noexcept { return chunks_[i >> kChunkBits][i & kChunkMask]; }
  std::size_t size() const noexcept { return size_; }
  void reserve(std::size_t n);

  // Returns an edge's kept evidence, best first.
  std::span<const StoredEvidence> evidence(const EdgeState& e) const noexcept {
    if (e.spill == 0) return {&e.first, e.kept};
    return spills_[e.spill - 1];
  }
  // Returns the vector holding an edge's kept evidence, moving an inline item into one first.
  std::vector<StoredEvidence>& spill(EdgeState& e);
  // Moves the kept evidence back inline when one item or none is left.
  void unspill(EdgeState& e);

 private:
  static constexpr unsigned kChunkBits = 12;
  static constexpr std::uint32_t kChunkMask = (1u << kChunkBits) - 1;
  void rebuild_index(std::size_t slot_count);

  std::vector<std::unique_ptr<EdgeState[]>> chunks_;
  std::size_t size_ = 0;
  std::vector<std::uint32_t> slots_;  // edge index + 1; 0 is empty; a power of two in size
  std::vector<std::vector<StoredEvidence>> spills_;
  std::vector<std::uint32_t> free_spills_;
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

// Scratch state of Graph::add, kept between calls so that it allocates
// once: string ids stored recently (tried first as hints: a document's
// evidence shares its id, sentences and a few triggers) and a buffer.
struct AddScratch {
  StringId document = kNoString;
  std::vector<StringId> text_by_sentence;  // by sentence index, bounded
  std::array<StringId, 16> triggers;       // by a hash of the trigger
  std::vector<const Evidence*> ranked;
  std::vector<const MentionRef*> mentions;
  std::string head;  // the last relation's head and its id
  NameId head_id = kNoPosition;
  AddScratch() { triggers.fill(kNoString); }
};

// A node's or edge's id: "n"/"e" + 16 hex digits of a hash, and "-N" when
// N-1 earlier keys (in byte order) share the hash.
struct StableId {
  std::uint64_t hash = 0;
  std::uint32_t suffix = 0;  // 0: none; else N >= 2
  static constexpr std::size_t kMaxSize = 1 + 16 + 1 + 10;
};
// Writes an id at `out` (room for StableId::kMaxSize); returns the end.
char* write_id(char* out, char prefix, const StableId& id) noexcept;
std::string id_text(char prefix, const StableId& id);

// The graph as users see it, computed from the merge state: positions are
// indexes in canonical order (nodes by type then name, edges by head name,
// type, tail name).
struct View {
  struct Edge {
    EdgeIndex index;       // in the EdgeTable
    std::uint32_t source;  // node positions
    std::uint32_t target;
  };
  std::vector<NameId> nodes;               // by position
  std::vector<EntityType> types;           // by position: the vote's winner
  std::vector<PlaceLevel> levels;          // by position: places only
  std::vector<StableId> node_ids;          // by position
  std::vector<std::uint32_t> position_of;  // by NameId; kNoPosition for names that are no node
  std::vector<Edge> edges;                 // the edges shown, in canonical order
  std::vector<StableId> edge_ids;          // parallel to `edges`
  std::vector<std::uint32_t> first_edge;   // by position: a node's outgoing edges are
  std::vector<std::uint32_t> end_edge;     //   edges[first_edge[p], end_edge[p])
  std::array<std::size_t, kEntityTypeCount> nodes_by_type{};
  std::array<std::size_t, static_cast<std::size_t>(RelationType::CoOccurs) + 1> edges_by_type{};
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

// Returns whether two of `hashes` are equal (ids collide); without sorting them all.
bool any_equal(const std::vector<std::uint64_t>& hashes);

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
  graph::RoleSets roles;
  graph::EvidenceStore evidence;  // what the edges' StoredEvidence refer to
  graph::DocumentSet documents;
  graph::AddScratch scratch;

  explicit Impl(const GraphOptions& opts = {}) : options(opts) {}
  Impl(const Impl& other);
  Impl& operator=(const Impl&) = delete;

  // Returns the state of the node named by `id`, made present. Callers
  // invalidate the cached views first.
  graph::NodeState& node(graph::NameId id);
  // Returns the index of an edge, made when new. Callers invalidate first.
  graph::EdgeIndex edge(graph::NameId head, RelationType type, graph::NameId tail) {
    return edges.find_or_add(head, type, tail);
  }

  // Merges state in (by value: callers that are done with a state move it in).
  void merge_node(std::string_view name, graph::NodeState state);
  void merge_edge(std::string_view head, RelationType type, std::string_view tail, graph::EdgeSample sample);
  // Merges the edge `e` of `other` in.
  void merge_edge_from(const Impl& other, const graph::EdgeState& e);
  void add_document(std::string_view id);
  // Merges a prepared extraction in (the part of Graph::add under exclusive access).
  void add_prepared(PreparedExtraction::Impl& prepared);

  // Returns an edge's kept evidence as plain values, in document order.
  std::vector<Evidence> evidence_of(const graph::EdgeState& e) const;
  // Returns the kept evidence of an edge in document order (the order the writers list it).
  void listed_evidence(const graph::EdgeState& e, std::vector<const graph::StoredEvidence*>& out) const;

  // Returns the View / the Materialized copy, computing it on first use (thread-safe).
  const graph::View& view() const;
  const graph::Materialized& materialized() const;

  void invalidate() noexcept {
    if (cached_view_) cached_view_.reset();
    if (cached_copy_) cached_copy_.reset();
  }

 private:
  mutable std::mutex mutex_;
  mutable std::shared_ptr<const graph::View> cached_view_;
  mutable std::shared_ptr<const graph::Materialized> cached_copy_;
};

// What Graph::prepare makes of an extraction: views into it, in the order
// the add needs them. Kept per thread and reused (see graph.cpp), so that
// preparing allocates nothing once the vectors have grown.
struct PreparedExtraction::Impl {
  struct Name {
    std::string_view text;
    std::uint64_t hash;        // hash_bytes(text), for the graph's table
    std::uint64_t local_hash;  // for `name_slots`
  };
  struct Node {
    const Entity* entity;
    std::uint32_t name;            // in `names`
    std::uint32_t aliases_end;     // its aliases: `aliases` from the previous node's end
    std::uint32_t mentions_end;    // its mentions, sorted: likewise in `mentions`
    std::uint32_t document_count;  // distinct non-empty ids: the entity's and the extraction's
    const std::string* smallest_document;  // nullptr when none
  };
  struct Edge {
    const Relation* relation;
    std::uint32_t head;  // in `names`; symmetric relations with head < tail
    std::uint32_t tail;
    std::int64_t weight_micro;
    std::uint32_t evidence_end;  // its evidence, ranked and distinct: likewise in `evidence`
  };
  struct RankedEvidence {
    const Evidence* evidence;
    graph::EvidenceKey key;
    std::uint32_t text_hash;  // StringPool::hash_of(evidence->text)
  };

  DocumentExtraction owned;                 // the extraction, when prepare() took it
  const DocumentExtraction* x = nullptr;    // `owned` or a caller's
  bool movable = false;                     // may the graph take x's strings
  std::uint64_t document_hash = 0;
  std::vector<Name> names;                  // distinct: entity names and relation ends
  std::vector<std::uint32_t> name_slots;    // open addressing over `names`: index + 1; 0 is empty
  std::vector<graph::NameId> ids;           // by name: its id in the graph being added to
  std::vector<Node> nodes;
  std::vector<const std::string*> aliases;  // per node: sorted, distinct, non-empty, its name included
  std::vector<const MentionRef*> mentions;  // per node: sorted by MentionLess
  std::vector<Edge> edges;
  std::vector<RankedEvidence> evidence;
  std::vector<const Evidence*> ranking;     // scratch of the evidence ranking
  // By sentence index: the last evidence text hashed for it and its hash
  // (a document's evidence quotes each of its sentences many times).
  std::vector<std::pair<const SharedText*, std::uint32_t>> text_hashes;

  // Forgets the extraction, keeping the vectors' capacity.
  void clear() noexcept;
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
