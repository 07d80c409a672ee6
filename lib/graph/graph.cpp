// kg::Graph: merging extractions into one node per canonical name and one
// edge per (head, relation, tail), keeping counts and bounded samples. See
// graph_impl.hpp for why the state is kept apart from the View users see.
#include "kg/graph.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <numeric>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

#include "graph/graph_impl.hpp"
#include "kg/ontology.hpp"

namespace kg {
namespace graph {
namespace {

// Ties in the type vote go to the more specific type: a name that one
// document calls a University and another an Organization is a University.
constexpr EntityType kTypeSpecificity[] = {
    EntityType::Place,          EntityType::University, EntityType::Lab,
    EntityType::GovernmentBody, EntityType::Firm,       EntityType::Person,
    EntityType::Product,        EntityType::Programme,  EntityType::Organization,
};

std::size_t specificity_rank(EntityType type) noexcept {
  for (std::size_t i = 0; i < std::size(kTypeSpecificity); ++i)
    if (kTypeSpecificity[i] == type) return i;
  return std::size(kTypeSpecificity);
}

// Three-way comparisons, field by field, each field compared once.
int compare(std::string_view a, std::string_view b) noexcept {
  const int c = a.compare(b);
  return (c > 0) - (c < 0);
}
int compare(std::uint64_t a, std::uint64_t b) noexcept {
  return (a > b) - (a < b);
}

// Evidence in document order: every field but the confidence.
int compare_tie(const EvidenceKey& a, const EvidenceKey& b) noexcept {
  if (int c = compare(a.document, b.document)) return c;
  if (int c = compare(a.position.sentence, b.position.sentence)) return c;
  if (int c = compare(a.position.byte_begin, b.position.byte_begin)) return c;
  if (int c = compare(a.position.byte_end, b.position.byte_end)) return c;
  if (int c = compare(a.position.char_begin, b.position.char_begin)) return c;
  if (int c = compare(a.position.char_end, b.position.char_end)) return c;
  if (int c = compare(a.trigger, b.trigger)) return c;
  return compare(a.text, b.text);
}

// Mentions with their documents given apart: a single document's entity
// leaves MentionRef::document empty (Entity::document_of).
int compare_tie(std::string_view a_document, const MentionRef& a, std::string_view b_document,
                const MentionRef& b) noexcept {
  if (int c = compare(a_document, b_document)) return c;
  if (int c = compare(a.sentence, b.sentence)) return c;
  if (int c = compare(a.source.byte_begin, b.source.byte_begin)) return c;
  if (int c = compare(a.source.byte_end, b.source.byte_end)) return c;
  if (int c = compare(a.source.char_begin, b.source.char_begin)) return c;
  if (int c = compare(a.source.char_end, b.source.char_end)) return c;
  return compare(a.surface, b.surface);
}

bool mention_less(std::string_view a_document, const MentionRef& a, std::string_view b_document,
                  const MentionRef& b) noexcept {
  if (const int c = compare_tie(a_document, a, b_document, b)) return c < 0;
  return a.type < b.type;
}

// Linear probing over a power-of-two table of 64-bit slots that hold a
// 32-bit hash beside an index + 1, so that probes compare hashes without
// touching the items.
std::uint64_t make_slot(std::uint32_t hash, std::uint32_t index) noexcept {
  return (static_cast<std::uint64_t>(hash) << 32) | (index + 1);
}
std::uint32_t slot_hash(std::uint64_t slot) noexcept {
  return static_cast<std::uint32_t>(slot >> 32);
}
std::uint32_t slot_index(std::uint64_t slot) noexcept {
  return static_cast<std::uint32_t>(slot) - 1;
}

// Doubles a table of slots (at least 64), placing every slot again by its hash.
void grow_slots(std::vector<std::uint64_t>& slots) {
  const std::size_t size = std::max<std::size_t>(64, 2 * slots.size());
  std::vector<std::uint64_t> grown(size, 0);
  const std::size_t mask = size - 1;
  for (const std::uint64_t slot : slots) {
    if (slot == 0) continue;
    std::size_t i = slot_hash(slot) & mask;
    while (grown[i] != 0) i = (i + 1) & mask;
    grown[i] = slot;
  }
  slots = std::move(grown);
}

bool fits32(std::uint64_t v) noexcept {
  return v < StoredEvidence::kWide;
}

// Sorts evidence best first and drops exact duplicates.
void ranked(const std::vector<Evidence>& evidence, std::vector<const Evidence*>& order) {
  order.clear();
  for (const Evidence& e : evidence) order.push_back(&e);
  const auto rank = [](const Evidence* a, const Evidence* b) { return rank_less(key_of(*a), key_of(*b)); };
  // A relation's evidence usually comes ranked already (in sentence order,
  // equally confident): strictly ascending means sorted and distinct.
  const auto not_before = [&](const Evidence* a, const Evidence* b) { return !rank(a, b); };
  if (std::adjacent_find(order.begin(), order.end(), not_before) == order.end()) return;
  if (order.size() > 1) {
    std::sort(order.begin(), order.end(), rank);
    order.erase(std::unique(order.begin(), order.end(),
                            [&](const Evidence* a, const Evidence* b) { return !rank(a, b) && !rank(b, a); }),
                order.end());
  }
}

// Offers one evidence item (`key`; `store` makes its stored copy) to an
// edge's kept evidence. Returns false when it is not among the best
// `limit` (so that no item ranked after it is either).
template <typename Store>
bool keep_best(Graph::Impl& impl, EdgeState& edge, const EvidenceKey& key, Store store) {
  const std::size_t limit = impl.options.max_evidence;
  if (limit == 0) return false;
  const std::span<const StoredEvidence> kept = impl.edges.evidence(edge);
  const EvidenceStore& strings = impl.evidence;
  if (kept.size() >= limit && !rank_less(key, strings.key(kept.back()))) return false;
  const auto at =
      static_cast<std::size_t>(std::lower_bound(kept.begin(), kept.end(), key,
                                                [&](const StoredEvidence& k, const EvidenceKey& x) {
                                                  return rank_less(strings.key(k), x);
                                                }) -
                               kept.begin());
  if (at < kept.size() && !rank_less(key, strings.key(kept[at]))) return true;  // the same evidence again
  const StoredEvidence stored = store();
  if (edge.kept == 0 && edge.spill == 0) {  // the common case: a new edge
    edge.first = stored;
    edge.kept = 1;
    return true;
  }
  std::vector<StoredEvidence>& items = impl.edges.spill(edge);
  if (items.size() >= limit) {  // the last one leaves first, so the vector never outgrows the limit
    impl.evidence.release(items.back());
    items.pop_back();
  }
  items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), stored);
  edge.kept = static_cast<std::uint32_t>(items.size());
  impl.edges.unspill(edge);
  return true;
}

void add_alias(std::vector<std::string>& aliases, const std::string& alias) {
  if (alias.empty()) return;
  const auto it = std::lower_bound(aliases.begin(), aliases.end(), alias);
  if (it == aliases.end() || *it != alias) aliases.insert(it, alias);
}

// Roles arrive one per relation; a merged edge shows them '|'-joined, and a
// joined role read back (from a graph written as fragments) is split again.
std::uint32_t add_roles(RoleSets& sets, std::uint32_t set, std::string_view joined) {
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t bar = joined.find('|', start);
    if (bar == std::string_view::npos) bar = joined.size();
    if (bar > start) set = sets.with(set, joined.substr(start, bar - start));
    start = bar + 1;
  }
  return set;
}

// A document's entity votes for its type with the weight of its mentions,
// so that the resolver's decision for one document is the graph's decision
// for that document, and across documents the better-attested reading wins.
std::uint64_t vote_weight(const Entity& entity) noexcept {
  return std::max<std::size_t>(1, entity.mentions.size());
}

// ---- Preparing an extraction (no graph involved) ----------------------------

using Prepared = PreparedExtraction::Impl;

// A cheap hash for a document's own small table of names: the length and
// the first and last eight bytes (names are short; a collision costs one
// comparison). The full hash_bytes is computed once per distinct name.
std::uint64_t local_hash(std::string_view s) noexcept {
  std::uint64_t first = 0, last = 0;
  if (s.size() >= 8) {
    std::memcpy(&first, s.data(), 8);
    std::memcpy(&last, s.data() + s.size() - 8, 8);
  } else if (!s.empty()) {
    std::memcpy(&first, s.data(), s.size());
  }
  std::uint64_t h = (first * 0x9e3779b97f4a7c15ULL) ^ last ^ s.size();
  h *= 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}

// Compares two short strings eight bytes at a time, inline (names are a
// few dozen bytes: a call to memcmp would cost more than the comparison).
bool same_bytes(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  const char* p = a.data();
  const char* q = b.data();
  std::size_t n = a.size();
  if (n < 8) {
    for (std::size_t i = 0; i < n; ++i)
      if (p[i] != q[i]) return false;
    return true;
  }
  std::uint64_t x, y;
  for (; n > 8; n -= 8, p += 8, q += 8) {
    std::memcpy(&x, p, 8);
    std::memcpy(&y, q, 8);
    if (x != y) return false;
  }
  // The last eight bytes, overlapping those compared already.
  std::memcpy(&x, a.data() + a.size() - 8, 8);
  std::memcpy(&y, b.data() + b.size() - 8, 8);
  return x == y;
}

// Returns the index of `text` in the prepared names, adding it when new.
std::uint32_t prepared_name(Prepared& p, std::string_view text) {
  if (2 * (p.names.size() + 1) > p.name_slots.size()) {
    const std::size_t size = std::max<std::size_t>(64, 2 * p.name_slots.size());
    p.name_slots.assign(size, 0);
    for (std::uint32_t i = 0; i < p.names.size(); ++i) {
      std::size_t at = p.names[i].local_hash & (size - 1);
      while (p.name_slots[at] != 0) at = (at + 1) & (size - 1);
      p.name_slots[at] = i + 1;
    }
  }
  const std::uint64_t hash = local_hash(text);
  const std::size_t mask = p.name_slots.size() - 1;
  std::size_t at = hash & mask;
  for (; p.name_slots[at] != 0; at = (at + 1) & mask) {
    const Prepared::Name& name = p.names[p.name_slots[at] - 1];
    if (name.local_hash == hash && same_bytes(name.text, text)) return p.name_slots[at] - 1;
  }
  const auto index = static_cast<std::uint32_t>(p.names.size());
  p.names.push_back({text, hash_bytes(text), hash});
  p.name_slots[at] = index + 1;
  return index;
}

// The entity's aliases with its name, sorted, distinct and non-empty (the
// set is sorted and distinct already: the name is merged in).
void prepare_aliases(Prepared& p, const Entity& entity) {
  bool name_placed = false;
  for (const std::string& alias : entity.aliases) {
    if (alias.empty()) continue;
    if (!name_placed && !(alias < entity.name)) {
      if (alias != entity.name) p.aliases.push_back(&entity.name);
      name_placed = true;
    }
    p.aliases.push_back(&alias);
  }
  if (!name_placed) p.aliases.push_back(&entity.name);
}

void prepare_mentions(Prepared& p, const Entity& entity) {
  const std::size_t begin = p.mentions.size();
  for (const MentionRef& m : entity.mentions) p.mentions.push_back(&m);
  const auto less = [](const MentionRef* a, const MentionRef* b) { return MentionLess{}(*a, *b); };
  // Mentions come in document order, which is usually already this order.
  const auto first = p.mentions.begin() + static_cast<std::ptrdiff_t>(begin);
  if (!std::is_sorted(first, p.mentions.end(), less)) std::sort(first, p.mentions.end(), less);
}

// Counts the entity's distinct non-empty document ids (normally its own set
// is just {document}) and finds the smallest.
void prepare_documents(Prepared::Node& node, const Entity& entity, const std::string& document) {
  std::uint32_t count = 0;
  const std::string* smallest = nullptr;
  for (const std::string& d : entity.documents)
    if (!d.empty()) {
      ++count;
      if (smallest == nullptr) smallest = &d;
    }
  if (!document.empty() && !std::binary_search(entity.documents.begin(), entity.documents.end(), document)) {
    ++count;
    if (smallest == nullptr || document < *smallest) smallest = &document;
  }
  node.document_count = count;
  node.smallest_document = smallest;
}

void prepare_entities(Prepared& p) {
  for (const Entity& entity : p.x->entities) {
    if (entity.name.empty()) continue;
    Prepared::Node node{};
    node.entity = &entity;
    node.name = prepared_name(p, entity.name);
    prepare_aliases(p, entity);
    node.aliases_end = static_cast<std::uint32_t>(p.aliases.size());
    prepare_mentions(p, entity);
    node.mentions_end = static_cast<std::uint32_t>(p.mentions.size());
    prepare_documents(node, entity, p.x->document);
    p.nodes.push_back(node);
  }
}

// Returns the pool's hash of an evidence text, hashing each sentence of a
// document once (a sentence quoted again is recognised by comparing it).
std::uint32_t text_hash(Prepared& p, const Evidence& e) {
  constexpr std::size_t kMaxSentences = 1u << 14;
  if (e.sentence >= kMaxSentences) return StringPool::hash_of(e.text);
  if (p.text_hashes.size() <= e.sentence) p.text_hashes.resize(e.sentence + 1, {nullptr, 0});
  auto& [text, hash] = p.text_hashes[e.sentence];
  if (text == nullptr || *text != e.text) {
    text = &e.text;
    hash = StringPool::hash_of(e.text);
  }
  return hash;
}

// Ranks a relation's evidence best first, exact duplicates dropped.
void prepare_evidence(Prepared& p, const std::vector<Evidence>& evidence) {
  if (evidence.size() == 1) {  // the common case, without sorting
    const Evidence& e = evidence.front();
    p.evidence.push_back({&e, key_of(e), text_hash(p, e)});
    return;
  }
  ranked(evidence, p.ranking);
  for (const Evidence* e : p.ranking) p.evidence.push_back({e, key_of(*e), text_hash(p, *e)});
}

void prepare_relations(Prepared& p) {
  // A document's relations come grouped by head: a head equal to the last
  // one is not looked up again.
  const SharedText* last_head = nullptr;
  std::uint32_t last_head_index = 0;
  for (const Relation& relation : p.x->relations) {
    if (relation.head.empty() || relation.tail.empty() || relation.head == relation.tail) continue;
    Prepared::Edge edge{};
    edge.relation = &relation;
    if (last_head == nullptr || !same_bytes(*last_head, relation.head)) {
      last_head = &relation.head;
      last_head_index = prepared_name(p, relation.head);
    }
    edge.head = last_head_index;
    edge.tail = prepared_name(p, relation.tail);
    if (is_symmetric(relation.type) && relation.tail < relation.head) std::swap(edge.head, edge.tail);
    edge.weight_micro = to_micro(relation.weight);
    prepare_evidence(p, relation.evidence);
    edge.evidence_end = static_cast<std::uint32_t>(p.evidence.size());
    p.edges.push_back(edge);
  }
}

void prepare(Prepared& p) {
  p.document_hash = hash_bytes(p.x->document);
  prepare_entities(p);
  prepare_relations(p);
}

// Prepared extractions' state, kept per thread for reuse: a document's
// vectors are about the size of the last one's.
// A PreparedExtraction destroyed after its thread's spares (a static one at
// exit) is freed instead: this flag, trivially destructible, outlives them.
thread_local bool spares_gone = false;

struct SparePrepared {
  std::vector<std::unique_ptr<Prepared>> items;
  ~SparePrepared() { spares_gone = true; }
};

SparePrepared& spare_prepared() {
  thread_local SparePrepared spare;
  return spare;
}

std::unique_ptr<Prepared> new_prepared() {
  if (spares_gone) return std::make_unique<Prepared>();
  std::vector<std::unique_ptr<Prepared>>& spare = spare_prepared().items;
  if (spare.empty()) return std::make_unique<Prepared>();
  std::unique_ptr<Prepared> p = std::move(spare.back());
  spare.pop_back();
  return p;
}

void recycle_prepared(std::unique_ptr<Prepared> p) noexcept {
  p->clear();
  if (spares_gone) return;
  std::vector<std::unique_ptr<Prepared>>& spare = spare_prepared().items;
  constexpr std::size_t kKept = 4;
  if (spare.size() >= kKept) return;
  try {
    spare.push_back(std::move(p));
  } catch (...) {  // no room to keep it: it is freed
  }
}

// ---- Adding a prepared extraction (exclusive access) ------------------------

// Takes a string the graph keeps: moved out of an owned extraction, else copied.
template <typename T>
T take(const T& value, bool movable) {
  if (movable) return std::move(const_cast<T&>(value));
  return value;
}

// Adds sorted, distinct aliases to the node's sorted, distinct ones.
void add_aliases(NodeState& node, std::span<const std::string* const> aliases) {
  std::size_t at = 0;
  for (const std::string* alias : aliases) {
    int c = 1;
    while (at < node.aliases.size() && (c = node.aliases[at].compare(*alias)) < 0) ++at;
    if (at < node.aliases.size() && c == 0) {
      ++at;
      continue;
    }
    node.aliases.insert(node.aliases.begin() + static_cast<std::ptrdiff_t>(at), *alias);
    ++at;
  }
}

// A single document's mentions name their document through the entity
// (Entity::document_of); the samples the graph keeps carry it themselves.
void add_mentions(NodeState& node, const Entity& entity, std::span<const MentionRef* const> mentions,
                  std::size_t limit, bool movable) {
  node.mention_count += mentions.size();
  if (mentions.empty() || limit == 0) return;
  const MentionRef& first = *mentions.front();
  if (node.mentions.size() >= limit) {
    const MentionRef& last = node.mentions.back();
    if (!mention_less(entity.document_of(first), first, last.document, last)) return;
  }
  const std::size_t take_count = std::min(limit, mentions.size());
  std::vector<MentionRef> sample;
  sample.reserve(take_count);
  for (std::size_t i = 0; i < take_count; ++i) {
    const std::string& document = entity.document_of(*mentions[i]);
    sample.push_back(take(*mentions[i], movable));
    if (sample.back().document.empty()) sample.back().document = document;
  }
  keep_first(node.mentions, std::move(sample), limit, MentionLess{}, false);
}

void add_documents(NodeState& node, const Prepared::Node& prepared, const std::string& document,
                   std::size_t limit) {
  node.document_count += prepared.document_count;
  const std::string* smallest = prepared.smallest_document;
  if (smallest == nullptr || limit == 0) return;
  if (node.documents.size() >= limit && !(*smallest < node.documents.back())) return;
  if (prepared.document_count == 1) {  // the usual case: keep_first of one id, without building vectors
    const auto at = std::lower_bound(node.documents.begin(), node.documents.end(), *smallest);
    if (at != node.documents.end() && *at == *smallest) return;
    node.documents.insert(at, *smallest);
    if (node.documents.size() > limit) node.documents.pop_back();
    return;
  }
  const Entity& entity = *prepared.entity;
  std::vector<std::string> ids;
  for (const std::string& d : entity.documents)
    if (!d.empty()) ids.push_back(d);
  if (!document.empty() && !std::binary_search(entity.documents.begin(), entity.documents.end(), document))
    ids.insert(std::lower_bound(ids.begin(), ids.end(), document), document);
  keep_first(node.documents, std::move(ids), limit, std::less<>{}, true);
}

void add_node(Graph::Impl& impl, Prepared& p, const Prepared::Node& prepared, std::uint32_t aliases_begin,
              std::uint32_t mentions_begin) {
  const Entity& entity = *prepared.entity;
  NodeState& node = impl.node(p.ids[prepared.name]);
  const std::uint64_t weight = vote_weight(entity);
  node.type_votes[static_cast<std::size_t>(entity.type)] += weight;
  if (entity.level != PlaceLevel::None) node.level_votes[static_cast<std::size_t>(entity.level)] += weight;
  if (!entity.code.empty() && (node.code.empty() || entity.code < node.code)) node.code = entity.code;
  add_aliases(node, std::span(p.aliases).subspan(aliases_begin, prepared.aliases_end - aliases_begin));
  add_mentions(node, entity, std::span(p.mentions).subspan(mentions_begin, prepared.mentions_end - mentions_begin),
               impl.options.max_mentions, p.movable);
  add_documents(node, prepared, p.x->document, impl.options.max_documents);
}

std::size_t trigger_slot(std::string_view trigger) noexcept {
  const std::size_t first = trigger.empty() ? 0 : static_cast<unsigned char>(trigger.back());
  return (trigger.size() * 7 + first) & 15;
}

// Stores a document's evidence item, trying the ids its document, sentence
// and trigger had last time first (they repeat across a document's
// relations).
StoredEvidence store_with_hints(Graph::Impl& impl, const Prepared::RankedEvidence& ranked) {
  const Evidence& e = *ranked.evidence;
  AddScratch& s = impl.scratch;
  constexpr std::size_t kMaxSentences = 1u << 14;
  const bool by_sentence = e.sentence < kMaxSentences;
  if (by_sentence && s.text_by_sentence.size() <= e.sentence)
    s.text_by_sentence.resize(e.sentence + 1, kNoString);
  const std::size_t t = trigger_slot(e.trigger);
  const StoredEvidence stored =
      impl.evidence.store(e, ranked.text_hash, s.document,
                          by_sentence ? s.text_by_sentence[e.sentence] : kNoString, s.triggers[t]);
  s.document = stored.document;
  if (by_sentence) s.text_by_sentence[e.sentence] = stored.text;
  s.triggers[t] = stored.trigger;
  return stored;
}

void add_edge(Graph::Impl& impl, Prepared& p, const Prepared::Edge& prepared, std::uint32_t evidence_begin) {
  const Relation& relation = *prepared.relation;
  EdgeState& edge = impl.edges[impl.edge(p.ids[prepared.head], relation.type, p.ids[prepared.tail])];
  if (!relation.role.empty()) edge.roles = add_roles(impl.roles, edge.roles, relation.role);
  edge.weight_micro += prepared.weight_micro;
  // The distinct evidence is counted; the best of it kept.
  edge.evidence_count += prepared.evidence_end - evidence_begin;
  for (std::uint32_t i = evidence_begin; i < prepared.evidence_end; ++i) {
    const Prepared::RankedEvidence& e = p.evidence[i];
    if (!keep_best(impl, edge, e.key, [&] { return store_with_hints(impl, e); })) break;
  }
}

constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
  }
  return hash;
}

constexpr char kHex[] = "0123456789abcdef";

std::string hex_id(char prefix, std::uint64_t hash) {
  std::string id(17, prefix);
  for (int i = 16; i >= 1; --i, hash >>= 4) id[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return id;
}

}  // namespace

bool any_equal(const std::vector<std::uint64_t>& hashes) {
  if (hashes.size() < 2) return false;
  // About one hash per bucket, by the top bits: equal hashes share a bucket,
  // so one counting pass and the sort of tiny buckets replace sorting all.
  const unsigned bits = std::min<unsigned>(static_cast<unsigned>(std::bit_width(hashes.size())) - 1, 24);
  const unsigned shift = 64 - std::max(bits, 1u);
  std::vector<std::uint32_t> bucket_end((std::size_t{1} << std::max(bits, 1u)) + 1, 0);
  for (std::uint64_t h : hashes) ++bucket_end[(h >> shift) + 1];
  for (std::size_t b = 1; b < bucket_end.size(); ++b) bucket_end[b] += bucket_end[b - 1];
  std::vector<std::uint64_t> bucketed(hashes.size());
  std::vector<std::uint32_t> next(bucket_end.begin(), bucket_end.end() - 1);
  for (std::uint64_t h : hashes) bucketed[next[h >> shift]++] = h;
  for (std::size_t b = 0; b + 1 < bucket_end.size(); ++b) {
    const auto first = bucketed.begin() + bucket_end[b], last = bucketed.begin() + bucket_end[b + 1];
    if (last - first < 2) continue;
    std::sort(first, last);
    if (std::adjacent_find(first, last) != last) return true;
  }
  return false;
}

namespace {

// Gives each hash its id; only when two hashes collide are the keys spelt
// out and the collision settled as disambiguate_ids does.
template <typename KeyOf>
std::vector<StableId> ids_of(const std::vector<std::uint64_t>& hashes, KeyOf key_of) {
  std::vector<StableId> ids(hashes.size());
  for (std::size_t i = 0; i < hashes.size(); ++i) ids[i].hash = hashes[i];
  if (!any_equal(hashes)) return ids;
  std::vector<std::uint64_t> sorted = hashes;
  std::sort(sorted.begin(), sorted.end());
  std::vector<std::size_t> colliding;
  for (std::size_t i = 0; i < hashes.size(); ++i) {
    const auto [lo, hi] = std::equal_range(sorted.begin(), sorted.end(), hashes[i]);
    if (hi - lo > 1) colliding.push_back(i);
  }
  std::vector<std::string> keys(hashes.size());
  for (std::size_t i : colliding) keys[i] = key_of(i);
  std::sort(colliding.begin(), colliding.end(), [&](std::size_t a, std::size_t b) {
    return hashes[a] != hashes[b] ? hashes[a] < hashes[b] : keys[a] < keys[b];
  });
  for (std::size_t k = 1, run = 1; k < colliding.size(); ++k) {
    run = hashes[colliding[k]] == hashes[colliding[k - 1]] ? run + 1 : 1;
    if (run > 1) ids[colliding[k]].suffix = static_cast<std::uint32_t>(run);
  }
  return ids;
}

// The FNV-1a hash of an edge's key, continued from `head_hash`, the hash of
// the head's name alone (its node id's hash): FNV-1a reads bytes in order,
// so hashing the key from the start would pass the same state on.
std::uint64_t edge_hash_after_head(std::uint64_t head_hash, RelationType type, std::string_view tail) noexcept {
  // U+001F (unit separator) cannot occur in a sanitised name.
  std::uint64_t h = fnv1a(head_hash, "\x1f");
  h = fnv1a(h, to_string(type));
  h = fnv1a(h, "\x1f");
  return fnv1a(h, tail);
}

void place_nodes(const Graph::Impl& impl, View& view) {
  const std::size_t n = impl.names.size();
  std::vector<NameId> present;
  present.reserve(impl.node_count);
  for (NameId id = 0; id < impl.nodes.size(); ++id)
    if (impl.nodes[id].present) present.push_back(id);
  std::vector<EntityType> type_of(n, EntityType::Organization);
  for (NameId id : present) type_of[id] = winning_type(impl.nodes[id].type_votes);
  std::sort(present.begin(), present.end(), [&](NameId a, NameId b) {
    if (type_of[a] != type_of[b]) return type_of[a] < type_of[b];
    return impl.names.name(a) < impl.names.name(b);
  });
  view.nodes = std::move(present);
  view.position_of.assign(n, kNoPosition);
  view.types.reserve(view.nodes.size());
  view.levels.reserve(view.nodes.size());
  std::vector<std::uint64_t> hashes;
  hashes.reserve(view.nodes.size());
  for (std::uint32_t p = 0; p < view.nodes.size(); ++p) {
    const NameId id = view.nodes[p];
    const EntityType type = type_of[id];
    view.position_of[id] = p;
    view.types.push_back(type);
    ++view.nodes_by_type[static_cast<std::size_t>(type)];
    view.levels.push_back(type == EntityType::Place ? winning_level(impl.nodes[id].level_votes)
                                                    : PlaceLevel::None);
    hashes.push_back(fnv1a(kFnvBasis, impl.names.name(id)));
  }
  view.node_ids = ids_of(hashes, [&](std::size_t p) { return impl.names.name(view.nodes[p]); });
}

void place_edges(const Graph::Impl& impl, View& view) {
  const auto& names = impl.names;
  // Names ranked once, so that sorting the edges compares integers.
  std::vector<NameId> by_name(names.size());
  std::iota(by_name.begin(), by_name.end(), NameId{0});
  std::sort(by_name.begin(), by_name.end(),
            [&](NameId a, NameId b) { return names.name(a) < names.name(b); });
  std::vector<std::uint32_t> rank(names.size());
  for (std::uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
  // Each edge shown, with its place before the sort (where its hash is).
  struct Placed {
    View::Edge edge;
    std::uint32_t before;
  };
  // Below 2^28 names, an edge is sorted as one 64-bit key (head rank, type,
  // tail rank) with its index and place: 16 bytes, its ends' positions
  // found again from the ranks. With more names the tuple is compared.
  const bool keyed_sort = names.size() < (1u << 28);
  struct Keyed {
    std::uint64_t key;
    EdgeIndex index;
    std::uint32_t before;
  };
  std::vector<Keyed> keyed;
  std::vector<Placed> placed;
  // The sort keys and the edges' hashes are taken in the one pass over the
  // records in storage order, and carried through the sort: after it, each
  // record would be a cache miss.
  std::vector<std::uint64_t> hash_before;
  hash_before.reserve(impl.edges.size());
  if (keyed_sort)
    keyed.reserve(impl.edges.size());
  else
    placed.reserve(impl.edges.size());
  for (EdgeIndex i = 0; i < impl.edges.size(); ++i) {
    const EdgeState& e = impl.edges[i];
    const std::uint32_t source = view.position_of[e.head];
    const std::uint32_t target = view.position_of[e.tail];
    if (source == kNoPosition || target == kNoPosition) continue;
    if (!relation_allows(e.type, view.types[source], view.types[target])) continue;
    const auto before = static_cast<std::uint32_t>(hash_before.size());
    hash_before.push_back(edge_hash_after_head(view.node_ids[source].hash, e.type, names.name(e.tail)));
    ++view.edges_by_type[static_cast<std::size_t>(e.type)];
    if (keyed_sort)
      keyed.push_back({(static_cast<std::uint64_t>(rank[e.head]) << 36) |
                           (static_cast<std::uint64_t>(e.type) << 28) | rank[e.tail],
                       i, before});
    else
      placed.push_back({{i, source, target}, before});
  }
  const std::size_t shown = hash_before.size();
  view.edges.resize(shown);
  std::vector<std::uint64_t> hashes(shown);
  if (keyed_sort) {
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    constexpr std::uint64_t kRankMask = (1u << 28) - 1;
    for (std::size_t i = 0; i < shown; ++i) {
      const Keyed& k = keyed[i];
      view.edges[i] = {k.index, view.position_of[by_name[k.key >> 36]], view.position_of[by_name[k.key & kRankMask]]};
      hashes[i] = hash_before[k.before];
    }
  } else {
    const auto order_key = [&](const Placed& p) {
      const EdgeState& e = impl.edges[p.edge.index];
      return std::tuple(rank[e.head], e.type, rank[e.tail]);
    };
    std::sort(placed.begin(), placed.end(),
              [&](const Placed& a, const Placed& b) { return order_key(a) < order_key(b); });
    for (std::size_t i = 0; i < shown; ++i) {
      view.edges[i] = placed[i].edge;
      hashes[i] = hash_before[placed[i].before];
    }
  }
  view.edge_ids = ids_of(hashes, [&](std::size_t i) {
    const EdgeState& e = impl.edges[view.edges[i].index];
    return edge_hash_key(names.name(e.head), e.type, names.name(e.tail));
  });
  view.first_edge.assign(view.nodes.size(), 0);
  view.end_edge.assign(view.nodes.size(), 0);
  for (auto i = static_cast<std::uint32_t>(view.edges.size());
       i-- > 0;) {  // backwards: first_edge ends at the first
    const std::uint32_t p = view.edges[i].source;
    if (view.end_edge[p] == 0) view.end_edge[p] = i + 1;
    view.first_edge[p] = i;
  }
}

std::shared_ptr<const View> build_view(const Graph::Impl& impl) {
  auto view = std::make_shared<View>();
  place_nodes(impl, *view);
  place_edges(impl, *view);
  return view;
}

std::shared_ptr<const Materialized> build_copy(const Graph::Impl& impl, const View& view) {
  auto copy = std::make_shared<Materialized>();
  // Sized once and filled by move: add_vertex and add_edge take their
  // bundles by const reference and would copy every mention and evidence.
  copy->bgl = BglGraph(view.nodes.size());
  for (std::uint32_t p = 0; p < view.nodes.size(); ++p) copy->bgl[p] = entity_at(impl, view, p);
  for (std::size_t i = 0; i < view.edges.size(); ++i) {
    const auto edge = boost::add_edge(view.edges[i].source, view.edges[i].target, copy->bgl).first;
    copy->bgl[edge] = relation_at(impl, view, i);
  }
  // An alias shared by several nodes finds the one first in name order.
  for (auto v : boost::make_iterator_range(boost::vertices(copy->bgl))) {
    const Entity& e = copy->bgl[v];
    for (const std::string& alias : e.aliases) {
      auto [it, inserted] = copy->by_alias.emplace(alias, v);
      if (!inserted && e.name < copy->bgl[it->second].name) it->second = v;
    }
  }
  return copy;
}

}  // namespace

std::uint64_t hash_bytes(std::string_view bytes) noexcept {
  // Eight bytes at a time, each word mixed in by a multiply; the splitmix64
  // finaliser spreads every bit to the 32 bits the tables use.
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
  while (n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
    h = (h ^ word) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    h = (h ^ word) * 0x94d049bb133111ebULL;
  }
  h ^= h >> 30;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 27;
  h *= 0x94d049bb133111ebULL;
  h ^= h >> 31;
  return h;
}

double clean_confidence(double c) noexcept {
  return std::isnan(c) ? 0.0 : std::clamp(c, 0.0, 1.0);
}

bool evidence_less(const EvidenceKey& a, const EvidenceKey& b) noexcept {
  if (const int c = compare_tie(a, b)) return c < 0;
  return a.confidence < b.confidence;
}

bool rank_less(const EvidenceKey& a, const EvidenceKey& b) noexcept {
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  return compare_tie(a, b) < 0;
}

EvidenceKey key_of(const Evidence& e) noexcept {
  return {clean_confidence(e.confidence),
          e.document,
          {e.sentence, e.source.byte_begin, e.source.byte_end, e.source.char_begin, e.source.char_end},
          e.trigger,
          e.text};
}

bool EvidenceLess::operator()(const Evidence& a, const Evidence& b) const noexcept {
  // The raw confidence, as before cleaning: the order of plain values.
  EvidenceKey ka = key_of(a), kb = key_of(b);
  ka.confidence = a.confidence;
  kb.confidence = b.confidence;
  return evidence_less(ka, kb);
}

// ---- StringPool ---------------------------------------------------------

StringId StringPool::find(std::string_view text, std::uint32_t hash) noexcept {
  if (slots_.empty()) return kNoString;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask; slots_[i] != 0; i = (i + 1) & mask) {
    if (slot_hash(slots_[i]) != hash) continue;
    const StringId id = slot_index(slots_[i]);
    if (entries_[id].text == text) return id;
  }
  return kNoString;
}

StringId StringPool::acquire(std::string_view text) {
  return acquire(text, hash_of(text), kNoString);
}

StringId StringPool::acquire(std::string_view text, StringId hint) {
  if (hint < entries_.size() && entries_[hint].users > 0 && entries_[hint].text == text) {
    ++entries_[hint].users;
    return hint;
  }
  return acquire(text);
}

StringId StringPool::acquire(std::string_view text, std::uint32_t hash, StringId hint) {
  if (hint < entries_.size() && entries_[hint].users > 0 && entries_[hint].text == text) {
    ++entries_[hint].users;
    return hint;
  }
  if (const StringId id = find(text, hash); id != kNoString) {
    ++entries_[id].users;
    return id;
  }
  return insert(text, hash);
}

StringId StringPool::insert(std::string_view text, std::uint32_t hash) {
  if (2 * (live_ + 1) > slots_.size()) grow();
  StringId id;
  if (!free_.empty()) {
    id = free_.back();
    free_.pop_back();
  } else {
    id = static_cast<StringId>(entries_.size());
    entries_.emplace_back();
  }
  Entry& entry = entries_[id];
  entry.text.assign(text);
  entry.users = 1;
  entry.hash = hash;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = make_slot(hash, id);
  ++live_;
  return id;
}

void StringPool::grow() {
  const std::size_t size = std::max<std::size_t>(64, 2 * slots_.size());
  slots_.assign(size, 0);
  const std::size_t mask = size - 1;
  for (StringId id = 0; id < entries_.size(); ++id) {
    if (entries_[id].users == 0) continue;
    std::size_t i = entries_[id].hash & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = make_slot(entries_[id].hash, id);
  }
}

void StringPool::release(StringId id) {
  Entry& entry = entries_[id];
  if (--entry.users != 0) return;
  unlink(id);
  std::string().swap(entry.text);
  free_.push_back(id);
  --live_;
}

void StringPool::unlink(StringId id) noexcept {
  // Backward-shift deletion: later members of the probe run move up so that
  // no lookup stops early at the hole.
  const std::size_t mask = slots_.size() - 1;
  std::size_t hole = entries_[id].hash & mask;
  while (slots_[hole] == 0 || slot_index(slots_[hole]) != id) hole = (hole + 1) & mask;
  for (std::size_t i = (hole + 1) & mask; slots_[i] != 0; i = (i + 1) & mask) {
    const std::size_t home = slot_hash(slots_[i]) & mask;
    // Moves up unless its home lies cyclically in (hole, i].
    const bool stays = hole <= i ? (hole < home && home <= i) : (hole < home || home <= i);
    if (stays) continue;
    slots_[hole] = slots_[i];
    hole = i;
  }
  slots_[hole] = 0;
}

// ---- EvidenceStore ------------------------------------------------------

StoredEvidence EvidenceStore::store(const Evidence& e, StringId document_hint, StringId text_hint,
                                    StringId trigger_hint) {
  return store(e, StringPool::hash_of(e.text), document_hint, text_hint, trigger_hint);
}

StoredEvidence EvidenceStore::store(const Evidence& e, std::uint32_t text_hash, StringId document_hint,
                                    StringId text_hint, StringId trigger_hint) {
  StoredEvidence s;
  s.document = strings.acquire(e.document, document_hint);
  s.text = strings.acquire(e.text, text_hash, text_hint);
  s.trigger = strings.acquire(e.trigger, trigger_hint);
  s.confidence = clean_confidence(e.confidence);
  const Position p{e.sentence, e.source.byte_begin, e.source.byte_end, e.source.char_begin,
                   e.source.char_end};
  if (fits32(p.sentence) && fits32(p.byte_begin) && fits32(p.byte_end) && fits32(p.char_begin) &&
      fits32(p.char_end)) {
    s.sentence = static_cast<std::uint32_t>(p.sentence);
    s.byte_begin = static_cast<std::uint32_t>(p.byte_begin);
    s.byte_end = static_cast<std::uint32_t>(p.byte_end);
    s.char_begin = static_cast<std::uint32_t>(p.char_begin);
    s.char_end = static_cast<std::uint32_t>(p.char_end);
    return s;
  }
  s.sentence = StoredEvidence::kWide;
  if (!free_wide_.empty()) {
    s.byte_begin = free_wide_.back();
    free_wide_.pop_back();
    wide_[s.byte_begin] = p;
  } else {
    s.byte_begin = static_cast<std::uint32_t>(wide_.size());
    wide_.push_back(p);
  }
  return s;
}

StoredEvidence EvidenceStore::store_from(const EvidenceStore& other, const StoredEvidence& e) {
  return store(other.to_evidence(e));
}

void EvidenceStore::release(const StoredEvidence& e) {
  strings.release(e.document);
  strings.release(e.text);
  strings.release(e.trigger);
  if (e.sentence == StoredEvidence::kWide) free_wide_.push_back(e.byte_begin);
}

Position EvidenceStore::position(const StoredEvidence& e) const noexcept {
  if (e.sentence == StoredEvidence::kWide) return wide_[e.byte_begin];
  return {e.sentence, e.byte_begin, e.byte_end, e.char_begin, e.char_end};
}

EvidenceKey EvidenceStore::key(const StoredEvidence& e) const noexcept {
  return {e.confidence, strings.view(e.document), position(e), strings.view(e.trigger), strings.view(e.text)};
}

Evidence EvidenceStore::to_evidence(const StoredEvidence& s) const {
  const Position p = position(s);
  Evidence e;
  e.document = strings.view(s.document);
  e.sentence = p.sentence;
  e.text = strings.view(s.text);
  e.source = {p.byte_begin, p.byte_end, p.char_begin, p.char_end};
  e.trigger = strings.view(s.trigger);
  e.confidence = s.confidence;
  return e;
}

// ---- NameTable ------------------------------------------------------------

NameId NameTable::find(std::string_view name, std::uint64_t hash64) const noexcept {
  if (slots_.empty()) return kNoPosition;
  const auto hash = static_cast<std::uint32_t>(hash64 >> 32);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask; slots_[i] != 0; i = (i + 1) & mask)
    if (slot_hash(slots_[i]) == hash && names_[slot_index(slots_[i])] == name) return slot_index(slots_[i]);
  return kNoPosition;
}

NameId NameTable::find(std::string_view name) const noexcept {
  return find(name, hash_bytes(name));
}

NameId NameTable::intern(std::string_view name) {
  return intern(name, hash_bytes(name));
}

NameId NameTable::intern(std::string_view name, std::uint64_t hash64) {
  if (const NameId id = find(name, hash64); id != kNoPosition) return id;
  if (2 * (names_.size() + 1) > slots_.size()) grow();
  const auto id = static_cast<NameId>(names_.size());
  names_.emplace_back(name);
  const auto hash = static_cast<std::uint32_t>(hash64 >> 32);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = make_slot(hash, id);
  return id;
}

void NameTable::grow() {
  grow_slots(slots_);
}

// ---- DocumentSet ----------------------------------------------------------

void DocumentSet::insert(std::string_view id, std::uint64_t hash64) {
  if (2 * (ends_.size() + 1) > slots_.size()) grow();
  const auto hash = static_cast<std::uint32_t>(hash64 >> 32);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash & mask;
  for (; slots_[i] != 0; i = (i + 1) & mask)
    if (slot_hash(slots_[i]) == hash && (*this)[slot_index(slots_[i])] == id) return;
  slots_[i] = make_slot(hash, static_cast<std::uint32_t>(ends_.size()));
  text_.append(id);
  ends_.push_back(text_.size());
}

void DocumentSet::grow() {
  grow_slots(slots_);
}

// ---- RoleSets -------------------------------------------------------------

std::uint32_t RoleSets::with(std::uint32_t set, std::string_view role) {
  const std::vector<std::string>& current = sets_[set];
  const auto it = std::lower_bound(current.begin(), current.end(), role);
  if (it != current.end() && *it == role) return set;
  std::vector<std::string> roles = current;
  roles.insert(roles.begin() + (it - current.begin()), std::string(role));
  return intern(std::move(roles));
}

std::uint32_t RoleSets::with_all(std::uint32_t set, const std::vector<std::string>& roles) {
  for (const std::string& role : roles)
    if (!role.empty()) set = with(set, role);
  return set;
}

std::uint32_t RoleSets::intern(std::vector<std::string> roles) {
  std::string joined;
  for (const std::string& role : roles) {
    if (!joined.empty()) joined += '|';
    joined += role;
  }
  const auto [it, inserted] = ids_.emplace(joined, static_cast<std::uint32_t>(sets_.size()));
  if (inserted) {
    sets_.push_back(std::move(roles));
    joined_.push_back(std::move(joined));
  }
  return it->second;
}

// ---- EdgeTable ------------------------------------------------------------

namespace {
std::size_t edge_key_hash(NameId head, RelationType type, NameId tail) noexcept {
  // The splitmix64 finaliser: every bit of the key reaches the low bits the
  // table indexes by.
  std::uint64_t x = ((static_cast<std::uint64_t>(head) << 32) | tail) ^
                    (static_cast<std::uint64_t>(type) * 0x9e3779b97f4a7c15ULL);
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return static_cast<std::size_t>(x);
}
}  // namespace

EdgeTable::EdgeTable(const EdgeTable& other)
    : size_(other.size_), slots_(other.slots_), spills_(other.spills_), free_spills_(other.free_spills_) {
  chunks_.reserve(other.chunks_.size());
  for (const auto& chunk : other.chunks_) {
    chunks_.push_back(std::make_unique<EdgeState[]>(kChunkMask + 1));
    std::copy(chunk.get(), chunk.get() + kChunkMask + 1, chunks_.back().get());
  }
}

EdgeIndex EdgeTable::find_or_add(NameId head, RelationType type, NameId tail) {
  if (2 * (size_ + 1) > slots_.size()) rebuild_index(std::max<std::size_t>(64, 2 * slots_.size()));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = edge_key_hash(head, type, tail) & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) {
      const auto index = static_cast<EdgeIndex>(size_);
      if ((index & kChunkMask) == 0) chunks_.push_back(std::make_unique<EdgeState[]>(kChunkMask + 1));
      EdgeState& e = (*this)[index];
      e.head = head;
      e.tail = tail;
      e.type = type;
      ++size_;
      slots_[i] = index + 1;
      return index;
    }
    const EdgeState& e = (*this)[slot - 1];
    if (e.head == head && e.tail == tail && e.type == type) return slot - 1;
  }
}

void EdgeTable::prefetch_slot(NameId head, RelationType type, NameId tail) const noexcept {
  if (slots_.empty()) return;
  __builtin_prefetch(&slots_[edge_key_hash(head, type, tail) & (slots_.size() - 1)]);
}

void EdgeTable::prefetch_record(NameId head, RelationType type, NameId tail) const noexcept {
  if (slots_.empty()) return;
  const std::uint32_t slot = slots_[edge_key_hash(head, type, tail) & (slots_.size() - 1)];
  if (slot != 0) __builtin_prefetch(&(*this)[slot - 1]);
}

void EdgeTable::reserve(std::size_t n) {
  std::size_t slots = 64;
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) rebuild_index(slots);
}

void EdgeTable::rebuild_index(std::size_t slot_count) {
  slots_.assign(slot_count, 0);
  const std::size_t mask = slot_count - 1;
  for (EdgeIndex e = 0; e < size_; ++e) {
    const EdgeState& edge = (*this)[e];
    std::size_t i = edge_key_hash(edge.head, edge.type, edge.tail) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = e + 1;
  }
}

std::vector<StoredEvidence>& EdgeTable::spill(EdgeState& e) {
  if (e.spill != 0) return spills_[e.spill - 1];
  std::uint32_t index;
  if (!free_spills_.empty()) {
    index = free_spills_.back();
    free_spills_.pop_back();
  } else {
    index = static_cast<std::uint32_t>(spills_.size());
    spills_.emplace_back();
  }
  std::vector<StoredEvidence>& items = spills_[index];
  items.reserve(2);
  if (e.kept == 1) items.push_back(e.first);
  e.spill = index + 1;
  return items;
}

void EdgeTable::unspill(EdgeState& e) {
  if (e.spill == 0) return;
  std::vector<StoredEvidence>& items = spills_[e.spill - 1];
  if (items.size() > 1) return;
  e.kept = static_cast<std::uint32_t>(items.size());
  if (e.kept == 1) e.first = items.front();
  std::vector<StoredEvidence>().swap(items);
  free_spills_.push_back(e.spill - 1);
  e.spill = 0;
}

bool MentionLess::operator()(const MentionRef& a, const MentionRef& b) const noexcept {
  return mention_less(a.document, a, b.document, b);
}

std::int64_t to_micro(double weight) noexcept {
  if (std::isnan(weight)) return 0;
  constexpr double kLimit = 1e12;  // far beyond any count, far below int64 overflow
  return std::llround(std::clamp(weight, -kLimit, kLimit) * 1e6);
}

double from_micro(std::int64_t micro) noexcept {
  return static_cast<double>(micro) / 1e6;
}

void add_sorted_strings(std::vector<std::string>& kept, std::vector<std::string>&& more) {
  for (std::string& s : more) add_alias(kept, s);
}

void absorb(NodeState& into, NodeState&& other, const GraphOptions& options) {
  for (std::size_t t = 0; t < kEntityTypeCount; ++t) into.type_votes[t] += other.type_votes[t];
  for (std::size_t l = 0; l < kPlaceLevelCount; ++l) into.level_votes[l] += other.level_votes[l];
  if (!other.code.empty() && (into.code.empty() || other.code < into.code)) into.code = std::move(other.code);
  add_sorted_strings(into.aliases, std::move(other.aliases));
  into.mention_count += other.mention_count;
  keep_first(into.mentions, std::move(other.mentions), options.max_mentions, MentionLess{}, false);
  into.document_count += other.document_count;
  keep_first(into.documents, std::move(other.documents), options.max_documents, std::less<>{}, true);
}

EntityType winning_type(const std::array<std::uint64_t, kEntityTypeCount>& votes) noexcept {
  EntityType best = EntityType::Organization;
  std::uint64_t best_votes = 0;
  for (std::size_t t = 0; t < kEntityTypeCount; ++t) {
    const std::uint64_t n = votes[t];
    const auto type = static_cast<EntityType>(t);
    if (n == 0) continue;
    const bool better =
        n > best_votes || (n == best_votes && specificity_rank(type) < specificity_rank(best));
    if (better) {
      best = type;
      best_votes = n;
    }
  }
  return best;
}

PlaceLevel winning_level(const std::array<std::uint64_t, kPlaceLevelCount>& votes) noexcept {
  PlaceLevel best = PlaceLevel::None;
  std::uint64_t best_votes = 0;
  for (std::size_t l = 0; l < kPlaceLevelCount; ++l)  // ascending: ties go to the broader level
    if (votes[l] > best_votes) {
      best = static_cast<PlaceLevel>(l);
      best_votes = votes[l];
    }
  return best;
}

std::string hashed_id(char prefix, std::string_view key) {
  return hex_id(prefix, fnv1a(kFnvBasis, key));
}

char* write_id(char* out, char prefix, const StableId& id) noexcept {
  *out++ = prefix;
  std::uint64_t hash = id.hash;
  for (int i = 15; i >= 0; --i, hash >>= 4) out[i] = kHex[hash & 0xF];
  out += 16;
  if (id.suffix != 0) {
    *out++ = '-';
    char digits[10];
    int n = 0;
    for (std::uint32_t v = id.suffix; v != 0; v /= 10) digits[n++] = static_cast<char>('0' + v % 10);
    while (n > 0) *out++ = digits[--n];
  }
  return out;
}

std::string id_text(char prefix, const StableId& id) {
  char buffer[StableId::kMaxSize];
  return std::string(buffer, write_id(buffer, prefix, id));
}

std::vector<std::string> disambiguate_ids(std::vector<std::string> ids,
                                          const std::vector<std::string>& keys) {
  std::unordered_map<std::string, std::vector<std::size_t>> by_id;
  for (std::size_t i = 0; i < ids.size(); ++i) by_id[ids[i]].push_back(i);
  for (auto& [id, members] : by_id) {
    if (members.size() < 2) continue;
    std::sort(members.begin(), members.end(),
              [&](std::size_t a, std::size_t b) { return keys[a] < keys[b]; });
    for (std::size_t k = 1; k < members.size(); ++k) ids[members[k]] = id + "-" + std::to_string(k + 1);
  }
  return ids;
}

std::string edge_hash_key(std::string_view head, RelationType type, std::string_view tail) {
  std::string s(head);
  s += '\x1f';
  s += to_string(type);
  s += '\x1f';
  s += tail;
  return s;
}

Graph::Impl& mutable_impl(Graph& graph) noexcept {
  // The Impl object is owned non-const by the Graph; only its accessor is const.
  return const_cast<Graph::Impl&>(graph.impl());
}

const Graph::Impl& impl_of(const Graph& g) {
  static const Graph::Impl kEmpty;
  return g.has_impl() ? g.impl() : kEmpty;
}

const View& view_of(const Graph& g) {
  return impl_of(g).view();
}

Entity entity_at(const Graph::Impl& impl, const View& view, std::uint32_t position) {
  const NameId id = view.nodes[position];
  const NodeState& s = impl.nodes[id];
  Entity e;
  e.name = impl.names.name(id);
  e.type = view.types[position];
  e.level = view.levels[position];
  e.code = s.code;
  e.aliases.assign(s.aliases.begin(), s.aliases.end());
  e.mentions = s.mentions;
  e.documents.assign(s.documents.begin(), s.documents.end());
  e.mention_count = s.mention_count;
  e.document_count = s.document_count;
  return e;
}

Relation relation_at(const Graph::Impl& impl, const View& view, std::size_t i) {
  const View::Edge& edge = view.edges[i];
  const EdgeState& state = impl.edges[edge.index];
  Relation r;
  r.head = impl.names.name(state.head);
  r.tail = impl.names.name(state.tail);
  r.head_type = view.types[edge.source];
  r.tail_type = view.types[edge.target];
  r.type = state.type;
  r.role = impl.roles.joined(state.roles);
  r.weight = from_micro(state.weight_micro);
  r.evidence = impl.evidence_of(state);
  r.evidence_count = state.evidence_count;
  return r;
}

}  // namespace graph

Graph::Impl::Impl(const Impl& other)
    : options(other.options),
      names(other.names),
      nodes(other.nodes),
      node_count(other.node_count),
      edges(other.edges),
      roles(other.roles),
      evidence(other.evidence),
      documents(other.documents) {}

graph::NodeState& Graph::Impl::node(graph::NameId id) {
  if (id >= nodes.size()) nodes.resize(std::max<std::size_t>(id + 1, nodes.size() * 2));
  graph::NodeState& state = nodes[id];
  if (!state.present) {
    state.present = true;
    ++node_count;
  }
  return state;
}

void Graph::Impl::merge_node(std::string_view name, graph::NodeState state) {
  if (name.empty()) return;
  invalidate();
  // Samples read from a file may come unsorted or too long: put them in order first.
  std::sort(state.aliases.begin(), state.aliases.end());
  state.aliases.erase(std::unique(state.aliases.begin(), state.aliases.end()), state.aliases.end());
  std::erase(state.aliases, std::string());
  state.aliases.insert(std::lower_bound(state.aliases.begin(), state.aliases.end(), name), std::string(name));
  state.aliases.erase(std::unique(state.aliases.begin(), state.aliases.end()), state.aliases.end());
  if (!std::is_sorted(state.mentions.begin(), state.mentions.end(), graph::MentionLess{}))
    std::sort(state.mentions.begin(), state.mentions.end(), graph::MentionLess{});
  std::sort(state.documents.begin(), state.documents.end());
  state.documents.erase(std::unique(state.documents.begin(), state.documents.end()), state.documents.end());
  std::erase(state.documents, std::string());
  state.present = true;
  graph::absorb(node(names.intern(name)), std::move(state), options);
}

void Graph::Impl::merge_edge(std::string_view head, RelationType type, std::string_view tail,
                             graph::EdgeSample sample) {
  if (head.empty() || tail.empty() || head == tail) return;
  invalidate();
  if (is_symmetric(type) && tail < head) std::swap(head, tail);
  graph::EdgeState& state = edges[edge(names.intern(head), type, names.intern(tail))];
  state.roles = roles.with_all(state.roles, sample.roles);
  state.weight_micro += sample.weight_micro;
  state.evidence_count += sample.evidence_count;
  std::vector<const Evidence*> order;
  graph::ranked(sample.evidence, order);
  for (const Evidence* e : order)
    if (!graph::keep_best(*this, state, graph::key_of(*e), [&] { return evidence.store(*e); })) break;
}

void Graph::Impl::merge_edge_from(const Impl& other, const graph::EdgeState& e) {
  std::string_view head = other.names.name(e.head), tail = other.names.name(e.tail);
  if (head.empty() || tail.empty() || head == tail) return;
  invalidate();
  if (is_symmetric(e.type) && tail < head) std::swap(head, tail);
  graph::EdgeState& state = edges[edge(names.intern(head), e.type, names.intern(tail))];
  state.roles = roles.with_all(state.roles, other.roles.roles(e.roles));
  state.weight_micro += e.weight_micro;
  state.evidence_count += e.evidence_count;
  // The other edge's kept evidence is already best first and distinct.
  for (const graph::StoredEvidence& s : other.edges.evidence(e))
    if (!graph::keep_best(*this, state, other.evidence.key(s),
                          [&] { return evidence.store_from(other.evidence, s); }))
      break;
}

void Graph::Impl::add_document(std::string_view id) {
  if (id.empty()) return;
  invalidate();
  documents.insert(id);
}

void Graph::Impl::add_prepared(PreparedExtraction::Impl& p) {
  invalidate();
  const DocumentExtraction& x = *p.x;
  if (!x.document.empty()) documents.insert(x.document, p.document_hash);
  // On a large graph the lookups below miss the cache; those of a document
  // are independent, so their memory is asked for first, all at once. (A
  // small graph stays in the cache: there, asking would only cost.)
  constexpr std::size_t kLarge = 1u << 15;
  const bool large = names.size() >= kLarge || edges.size() >= kLarge;
  if (large)
    for (const PreparedExtraction::Impl::Name& name : p.names) names.prefetch(name.hash);
  p.ids.resize(p.names.size());
  for (std::size_t i = 0; i < p.names.size(); ++i) p.ids[i] = names.intern(p.names[i].text, p.names[i].hash);
  if (large) {
    for (const PreparedExtraction::Impl::Node& node : p.nodes)
      if (p.ids[node.name] < nodes.size()) __builtin_prefetch(&nodes[p.ids[node.name]]);
    for (const PreparedExtraction::Impl::Edge& edge : p.edges)
      edges.prefetch_slot(p.ids[edge.head], edge.relation->type, p.ids[edge.tail]);
    for (const PreparedExtraction::Impl::Edge& edge : p.edges)
      edges.prefetch_record(p.ids[edge.head], edge.relation->type, p.ids[edge.tail]);
  }
  std::uint32_t aliases = 0, mentions = 0;
  for (const PreparedExtraction::Impl::Node& node : p.nodes) {
    graph::add_node(*this, p, node, aliases, mentions);
    aliases = node.aliases_end;
    mentions = node.mentions_end;
  }
  std::uint32_t evidence = 0;
  for (const PreparedExtraction::Impl::Edge& edge : p.edges) {
    graph::add_edge(*this, p, edge, evidence);
    evidence = edge.evidence_end;
  }
}

void PreparedExtraction::Impl::clear() noexcept {
  owned = DocumentExtraction{};
  x = nullptr;
  movable = false;
  document_hash = 0;
  names.clear();
  std::fill(name_slots.begin(), name_slots.end(), 0u);
  ids.clear();
  nodes.clear();
  aliases.clear();
  mentions.clear();
  edges.clear();
  evidence.clear();
  ranking.clear();
  text_hashes.clear();
}

PreparedExtraction::PreparedExtraction() noexcept = default;
PreparedExtraction::PreparedExtraction(std::unique_ptr<Impl> impl) noexcept : impl_(std::move(impl)) {}
PreparedExtraction::~PreparedExtraction() {
  if (impl_) graph::recycle_prepared(std::move(impl_));
}
PreparedExtraction::PreparedExtraction(PreparedExtraction&& other) noexcept = default;
PreparedExtraction& PreparedExtraction::operator=(PreparedExtraction&& other) noexcept {
  if (this != &other) {
    if (impl_) graph::recycle_prepared(std::move(impl_));
    impl_ = std::move(other.impl_);
  }
  return *this;
}

std::vector<Evidence> Graph::Impl::evidence_of(const graph::EdgeState& e) const {
  std::vector<Evidence> out;
  const auto kept = edges.evidence(e);
  out.reserve(kept.size());
  for (const graph::StoredEvidence& s : kept) out.push_back(evidence.to_evidence(s));
  std::sort(out.begin(), out.end(), graph::EvidenceLess{});
  return out;
}

void Graph::Impl::listed_evidence(const graph::EdgeState& e,
                                  std::vector<const graph::StoredEvidence*>& out) const {
  out.clear();
  for (const graph::StoredEvidence& s : edges.evidence(e)) out.push_back(&s);
  if (out.size() > 1)
    std::sort(out.begin(), out.end(), [&](const graph::StoredEvidence* a, const graph::StoredEvidence* b) {
      return graph::evidence_less(evidence.key(*a), evidence.key(*b));
    });
}

const graph::View& Graph::Impl::view() const {
  std::lock_guard lock(mutex_);
  if (!cached_view_) cached_view_ = graph::build_view(*this);
  return *cached_view_;
}

const graph::Materialized& Graph::Impl::materialized() const {
  const graph::View& v = view();
  std::lock_guard lock(mutex_);
  if (!cached_copy_) cached_copy_ = graph::build_copy(*this, v);
  return *cached_copy_;
}

Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::Graph(const GraphOptions& options) : impl_(std::make_unique<Impl>(options)) {}
Graph::~Graph() = default;
Graph::Graph(const Graph& other) : impl_(std::make_unique<Impl>(graph::impl_of(other))) {}
Graph& Graph::operator=(const Graph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(graph::impl_of(other));
  return *this;
}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

void Graph::add(const DocumentExtraction& extraction) {
  // Prepared in place: the graph copies only what it keeps.
  std::unique_ptr<PreparedExtraction::Impl> p = graph::new_prepared();
  p->x = &extraction;
  graph::prepare(*p);
  add(PreparedExtraction(std::move(p)));
}

void Graph::add(DocumentExtraction&& extraction) {
  add(prepare(std::move(extraction)));
}

void Graph::add(PreparedExtraction&& prepared) {
  ensure_impl();
  if (prepared.impl_) impl_->add_prepared(*prepared.impl_);
}

PreparedExtraction Graph::prepare(DocumentExtraction&& extraction) {
  std::unique_ptr<PreparedExtraction::Impl> p = graph::new_prepared();
  p->owned = std::move(extraction);
  p->x = &p->owned;
  p->movable = true;
  graph::prepare(*p);
  return PreparedExtraction(std::move(p));
}

void Graph::merge(const Graph& other) {
  ensure_impl();
  if (!other.impl_) return;
  if (&other == this) {
    const Graph copy(other);
    merge(copy);
    return;
  }
  const Impl& from = *other.impl_;
  for (const std::string_view id : from.documents) impl_->add_document(id);
  for (graph::NameId id = 0; id < from.nodes.size(); ++id)
    if (from.nodes[id].present) impl_->merge_node(from.names.name(id), from.nodes[id]);
  for (graph::EdgeIndex i = 0; i < from.edges.size(); ++i) impl_->merge_edge_from(from, from.edges[i]);
}

const GraphOptions& Graph::options() const noexcept {
  static const GraphOptions kDefaults;
  return impl_ ? impl_->options : kDefaults;
}

std::size_t Graph::node_count() const noexcept {
  return impl_ ? impl_->node_count : 0;
}

std::size_t Graph::edge_count() const noexcept {
  // Edges whose ends are missing or whose types the ontology forbids are not
  // part of the graph; only the View knows which those are.
  if (!impl_) return 0;
  try {
    return impl_->view().edges.size();
  } catch (...) {  // allocation failure while building the view
    return 0;
  }
}

std::size_t Graph::document_count() const noexcept {
  return impl_ ? impl_->documents.size() : 0;
}

std::vector<std::pair<EntityType, std::size_t>> Graph::entity_type_counts() const {
  std::vector<std::pair<EntityType, std::size_t>> out;
  if (!impl_) return out;
  const graph::View& view = impl_->view();
  for (std::size_t t = 0; t < view.nodes_by_type.size(); ++t)
    if (view.nodes_by_type[t] != 0) out.emplace_back(static_cast<EntityType>(t), view.nodes_by_type[t]);
  return out;
}

std::vector<std::pair<RelationType, std::size_t>> Graph::relation_type_counts() const {
  std::vector<std::pair<RelationType, std::size_t>> out;
  if (!impl_) return out;
  const graph::View& view = impl_->view();
  for (std::size_t t = 0; t < view.edges_by_type.size(); ++t)
    if (view.edges_by_type[t] != 0) out.emplace_back(static_cast<RelationType>(t), view.edges_by_type[t]);
  return out;
}

std::vector<std::string> Graph::documents() const {
  if (!impl_) return {};
  std::vector<std::string> out(impl_->documents.begin(), impl_->documents.end());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<Entity> Graph::entities() const {
  if (!impl_) return {};
  const graph::View& view = impl_->view();
  std::vector<Entity> out;
  out.reserve(view.nodes.size());
  for (std::uint32_t p = 0; p < view.nodes.size(); ++p) out.push_back(graph::entity_at(*impl_, view, p));
  return out;
}

std::vector<Relation> Graph::relations() const {
  if (!impl_) return {};
  const graph::View& view = impl_->view();
  std::vector<Relation> out;
  out.reserve(view.edges.size());
  for (std::size_t i = 0; i < view.edges.size(); ++i) out.push_back(graph::relation_at(*impl_, view, i));
  return out;
}

const Entity* Graph::find(std::string_view name) const {
  if (!impl_) return nullptr;
  const graph::View& view = impl_->view();
  const graph::Materialized& copy = impl_->materialized();
  const graph::NameId id = impl_->names.find(name);
  if (id != graph::kNoPosition && view.position_of[id] != graph::kNoPosition)
    return &copy.bgl[view.position_of[id]];
  if (auto it = copy.by_alias.find(name); it != copy.by_alias.end()) return &copy.bgl[it->second];
  return nullptr;
}

std::string Graph::node_id(const Entity& entity) {
  return graph::hashed_id('n', entity.name);
}

std::string Graph::node_id_of(std::string_view name) const {
  if (!impl_) return {};
  const graph::View& view = impl_->view();
  const graph::NameId id = impl_->names.find(name);
  if (id == graph::kNoPosition || view.position_of[id] == graph::kNoPosition) return {};
  return graph::id_text('n', view.node_ids[view.position_of[id]]);
}

void Graph::ensure_impl() {
  // A moved-from Graph is valid and empty, and may be added to again.
  if (!impl_) impl_ = std::make_unique<Impl>();
}

const BglGraph& bgl_view(const Graph& graph) {
  return graph::impl_of(graph).materialized().bgl;
}

}  // namespace kg
