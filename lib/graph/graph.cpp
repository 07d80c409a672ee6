// kg::Graph: merging extractions into one node per canonical name and one
// edge per (head, relation, tail), keeping counts and bounded samples. See
// graph_impl.hpp for why the state is kept apart from the View users see.
#include "kg/graph.hpp"

#include <algorithm>
#include <cmath>
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

// Evidence in document order: every field but the confidence, as views so
// that stored and plain evidence compare alike.
auto evidence_tie(const Evidence& e) noexcept {
  return std::make_tuple(std::string_view(e.document), e.sentence, e.source.byte_begin, e.source.byte_end,
                         e.source.char_begin, e.source.char_end, std::string_view(e.trigger),
                         std::string_view(e.text));
}

auto evidence_tie(const StoredEvidence& e) noexcept {
  return std::make_tuple(std::string_view(*e.document), e.sentence, e.source.byte_begin, e.source.byte_end,
                         e.source.char_begin, e.source.char_end, std::string_view(*e.trigger),
                         std::string_view(*e.text));
}

auto mention_tie(const MentionRef& m) noexcept {
  return std::tie(m.document, m.sentence, m.source.byte_begin, m.source.byte_end, m.source.char_begin,
                  m.source.char_end, m.surface);
}

// A clean confidence: NaN would break the strict weak order of EvidenceRank.
double clean_confidence(double c) noexcept {
  return std::isnan(c) ? 0.0 : std::clamp(c, 0.0, 1.0);
}

template <typename A, typename B>
bool rank_less(const A& a, const B& b) noexcept {
  const double ca = clean_confidence(a.confidence), cb = clean_confidence(b.confidence);
  if (ca != cb) return ca > cb;
  return evidence_tie(a) < evidence_tie(b);
}

StoredEvidence store(SharedStrings& strings, const Evidence& e) {
  StoredEvidence s;
  s.document = strings.acquire(e.document);
  s.text = strings.acquire(e.text);
  s.trigger = strings.acquire(e.trigger);
  s.sentence = e.sentence;
  s.source = e.source;
  s.confidence = clean_confidence(e.confidence);
  return s;
}

void release(SharedStrings& strings, const StoredEvidence& e) noexcept {
  strings.release(e.document);
  strings.release(e.text);
  strings.release(e.trigger);
}

// Sorts evidence best first and drops exact duplicates.
std::vector<const Evidence*> ranked(const std::vector<Evidence>& evidence) {
  std::vector<const Evidence*> order;
  order.reserve(evidence.size());
  for (const Evidence& e : evidence) order.push_back(&e);
  const auto rank = [](const Evidence* a, const Evidence* b) { return rank_less(*a, *b); };
  if (order.size() > 1) {
    std::sort(order.begin(), order.end(), rank);
    order.erase(std::unique(order.begin(), order.end(),
                            [&](const Evidence* a, const Evidence* b) { return !rank(a, b) && !rank(b, a); }),
                order.end());
  }
  return order;
}

// The add path serves both a borrowed extraction (copies what it keeps)
// and an owned one (moves what it keeps); it never copies what it drops.
template <bool kOwned, typename T>
decltype(auto) pass(T& value) {
  if constexpr (kOwned)
    return std::move(value);
  else
    return static_cast<const T&>(value);
}

template <bool kOwned>
using Source = std::conditional_t<kOwned, DocumentExtraction&, const DocumentExtraction&>;

void add_alias(std::vector<std::string>& aliases, const std::string& alias) {
  if (alias.empty()) return;
  const auto it = std::lower_bound(aliases.begin(), aliases.end(), alias);
  if (it == aliases.end() || *it != alias) aliases.insert(it, alias);
}

// Roles arrive one per relation; a merged edge shows them '|'-joined, and a
// joined role read back (from a graph written as fragments) is split again.
void add_roles(std::vector<std::string>& roles, std::string_view joined) {
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t bar = joined.find('|', start);
    if (bar == std::string_view::npos) bar = joined.size();
    if (bar > start) add_alias(roles, std::string(joined.substr(start, bar - start)));
    start = bar + 1;
  }
}

// A document's entity votes for its type with the weight of its mentions,
// so that the resolver's decision for one document is the graph's decision
// for that document, and across documents the better-attested reading wins.
std::uint64_t vote_weight(const Entity& entity) noexcept {
  return std::max<std::size_t>(1, entity.mentions.size());
}

template <bool kOwned, typename E>
void add_mentions(NodeState& node, E& entity, std::size_t limit) {
  node.mention_count += entity.mentions.size();
  if (entity.mentions.empty() || limit == 0) return;
  const auto first = std::min_element(entity.mentions.begin(), entity.mentions.end(), MentionLess{});
  if (node.mentions.size() >= limit && !MentionLess{}(*first, node.mentions.back())) return;
  std::vector<const MentionRef*> order;
  order.reserve(entity.mentions.size());
  for (const MentionRef& m : entity.mentions) order.push_back(&m);
  const std::size_t take = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(),
                    [](const MentionRef* a, const MentionRef* b) { return MentionLess{}(*a, *b); });
  std::vector<MentionRef> sample;
  sample.reserve(take);
  for (std::size_t i = 0; i < take; ++i) sample.push_back(pass<kOwned>(const_cast<MentionRef&>(*order[i])));
  keep_first(node.mentions, std::move(sample), limit, MentionLess{}, false);
}

void add_documents(NodeState& node, const Entity& entity, const std::string& document, std::size_t limit) {
  // Normally the entity's own set is just {document}.
  std::size_t count = 0;
  const std::string* smallest = nullptr;
  for (const std::string& d : entity.documents)
    if (!d.empty()) {
      ++count;
      if (smallest == nullptr) smallest = &d;
    }
  const bool extra = !document.empty() && entity.documents.count(document) == 0;
  if (extra) {
    ++count;
    if (smallest == nullptr || document < *smallest) smallest = &document;
  }
  node.document_count += count;
  if (smallest == nullptr || limit == 0) return;
  if (node.documents.size() >= limit && !(*smallest < node.documents.back())) return;
  std::vector<std::string> ids;
  for (const std::string& d : entity.documents)
    if (!d.empty()) ids.push_back(d);
  if (extra) ids.insert(std::lower_bound(ids.begin(), ids.end(), document), document);
  keep_first(node.documents, std::move(ids), limit, std::less<>{}, true);
}

template <bool kOwned, typename E>
void add_entity(Graph::Impl& impl, E& entity, const std::string& document) {
  if (entity.name.empty()) return;
  NodeState& node = impl.node(impl.names.intern(entity.name));
  const std::uint64_t weight = vote_weight(entity);
  node.type_votes[static_cast<std::size_t>(entity.type)] += weight;
  if (entity.level != PlaceLevel::None) node.level_votes[static_cast<std::size_t>(entity.level)] += weight;
  if (!entity.code.empty() && (node.code.empty() || entity.code < node.code)) node.code = entity.code;
  add_alias(node.aliases, entity.name);
  for (const std::string& alias : entity.aliases) add_alias(node.aliases, alias);
  add_mentions<kOwned>(node, entity, impl.options.max_mentions);
  add_documents(node, entity, document, impl.options.max_documents);
}

// Counts a relation's distinct evidence and keeps the best of it.
void add_evidence(Graph::Impl& impl, EdgeState& edge, const std::vector<Evidence>& evidence) {
  if (evidence.empty()) return;
  if (evidence.size() == 1) {  // the common case, without a vector
    const Evidence* only = &evidence.front();
    edge.evidence_count += 1;
    keep_best_evidence(impl.evidence_strings, edge.evidence, {&only, 1}, impl.options.max_evidence);
    return;
  }
  const std::vector<const Evidence*> order = ranked(evidence);
  edge.evidence_count += order.size();
  keep_best_evidence(impl.evidence_strings, edge.evidence, order, impl.options.max_evidence);
}

template <bool kOwned, typename R>
void add_relation(Graph::Impl& impl, R& relation) {
  if (relation.head.empty() || relation.tail.empty() || relation.head == relation.tail) return;
  NameId head = impl.names.intern(relation.head);
  NameId tail = impl.names.intern(relation.tail);
  if (is_symmetric(relation.type) && relation.tail < relation.head) std::swap(head, tail);
  EdgeState* edge = impl.edge(head, relation.type, tail);
  add_roles(edge->roles, relation.role);
  edge->weight_micro += to_micro(relation.weight);
  add_evidence(impl, *edge, relation.evidence);
}

template <bool kOwned>
void add_extraction(Graph::Impl& impl, Source<kOwned> extraction) {
  impl.add_document(extraction.document);
  for (auto& entity : extraction.entities) add_entity<kOwned>(impl, entity, extraction.document);
  for (auto& relation : extraction.relations) add_relation<kOwned>(impl, relation);
}

std::string join_roles(const std::vector<std::string>& roles) {
  std::string out;
  for (const std::string& role : roles) {
    if (!out.empty()) out += '|';
    out += role;
  }
  return out;
}

constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ULL;

std::uint64_t fnv1a(std::uint64_t hash, std::string_view bytes) noexcept {
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
  }
  return hash;
}

std::string hex_id(char prefix, std::uint64_t hash) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(17, prefix);
  for (int i = 16; i >= 1; --i, hash >>= 4) id[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return id;
}

// Gives each hash its id; only when two hashes collide are the keys spelt
// out and the collision settled by disambiguate_ids.
template <typename KeyOf>
std::vector<std::string> ids_of(char prefix, const std::vector<std::uint64_t>& hashes, KeyOf key_of) {
  std::vector<std::string> ids;
  ids.reserve(hashes.size());
  for (std::uint64_t h : hashes) ids.push_back(hex_id(prefix, h));
  std::vector<std::uint64_t> sorted = hashes;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) return ids;
  std::vector<std::string> keys;
  keys.reserve(hashes.size());
  for (std::size_t i = 0; i < hashes.size(); ++i) keys.push_back(key_of(i));
  return disambiguate_ids(std::move(ids), keys);
}

std::uint64_t edge_hash(std::string_view head, RelationType type, std::string_view tail) noexcept {
  // U+001F (unit separator) cannot occur in a sanitised name.
  std::uint64_t h = fnv1a(kFnvBasis, head);
  h = fnv1a(h, "\x1f");
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
  std::vector<std::uint64_t> hashes;
  hashes.reserve(view.nodes.size());
  for (std::uint32_t p = 0; p < view.nodes.size(); ++p) {
    const NameId id = view.nodes[p];
    const EntityType type = type_of[id];
    view.position_of[id] = p;
    view.types.push_back(type);
    view.levels.push_back(type == EntityType::Place ? winning_level(impl.nodes[id].level_votes) : PlaceLevel::None);
    hashes.push_back(fnv1a(kFnvBasis, impl.names.name(id)));
  }
  view.node_ids = ids_of('n', hashes, [&](std::size_t p) { return impl.names.name(view.nodes[p]); });
}

void place_edges(const Graph::Impl& impl, View& view) {
  for (const auto& [key, state] : impl.edges) {
    const std::uint32_t source = view.position_of[key.head];
    const std::uint32_t target = view.position_of[key.tail];
    if (source == kNoPosition || target == kNoPosition) continue;
    if (!relation_allows(key.type, view.types[source], view.types[target])) continue;
    view.edges.push_back({&key, &state, source, target});
  }
  const auto& names = impl.names;
  // Names ranked once, so that sorting the edges compares integers.
  std::vector<NameId> by_name(names.size());
  std::iota(by_name.begin(), by_name.end(), NameId{0});
  std::sort(by_name.begin(), by_name.end(), [&](NameId a, NameId b) { return names.name(a) < names.name(b); });
  std::vector<std::uint32_t> rank(names.size());
  for (std::uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
  std::sort(view.edges.begin(), view.edges.end(), [&](const View::Edge& a, const View::Edge& b) {
    return std::tuple(rank[a.key->head], a.key->type, rank[a.key->tail]) <
           std::tuple(rank[b.key->head], b.key->type, rank[b.key->tail]);
  });
  std::vector<std::uint64_t> hashes;
  hashes.reserve(view.edges.size());
  for (const View::Edge& e : view.edges)
    hashes.push_back(edge_hash(names.name(e.key->head), e.key->type, names.name(e.key->tail)));
  view.edge_ids = ids_of('e', hashes, [&](std::size_t i) {
    const EdgeKey& k = *view.edges[i].key;
    return edge_hash_key(names.name(k.head), k.type, names.name(k.tail));
  });
  view.first_edge.assign(view.nodes.size(), 0);
  view.end_edge.assign(view.nodes.size(), 0);
  for (auto i = static_cast<std::uint32_t>(view.edges.size()); i-- > 0;) {  // backwards: first_edge ends at the first
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

bool EvidenceLess::operator()(const Evidence& a, const Evidence& b) const noexcept {
  const auto ta = evidence_tie(a);
  const auto tb = evidence_tie(b);
  if (ta != tb) return ta < tb;
  return a.confidence < b.confidence;
}

bool EvidenceLess::operator()(const StoredEvidence& a, const StoredEvidence& b) const noexcept {
  const auto ta = evidence_tie(a);
  const auto tb = evidence_tie(b);
  if (ta != tb) return ta < tb;
  return a.confidence < b.confidence;
}

bool EvidenceRank::operator()(const Evidence& a, const Evidence& b) const noexcept {
  return rank_less(a, b);
}
bool EvidenceRank::operator()(const StoredEvidence& a, const StoredEvidence& b) const noexcept {
  return rank_less(a, b);
}
bool EvidenceRank::operator()(const Evidence& a, const StoredEvidence& b) const noexcept {
  return rank_less(a, b);
}
bool EvidenceRank::operator()(const StoredEvidence& a, const Evidence& b) const noexcept {
  return rank_less(a, b);
}

std::size_t SharedStrings::Hash::operator()(std::string_view s) const noexcept {
  // Sentences are long: hashing their ends and length tells them apart as
  // well as hashing all of them, for a fraction of the work.
  constexpr std::size_t kEnd = 48;
  if (s.size() <= 2 * kEnd) return std::hash<std::string_view>{}(s);
  const std::size_t head = std::hash<std::string_view>{}(s.substr(0, kEnd));
  const std::size_t tail = std::hash<std::string_view>{}(s.substr(s.size() - kEnd));
  return head ^ (tail * 0x9e3779b97f4a7c15ULL) ^ s.size();
}

const std::string* SharedStrings::acquire(std::string_view text) {
  auto it = counts_.find(text);
  if (it == counts_.end()) it = counts_.emplace(std::string(text), 0).first;
  ++it->second;
  return &it->first;
}

void SharedStrings::release(const std::string* text) noexcept {
  if (text == nullptr) return;
  const auto it = counts_.find(std::string_view(*text));
  if (it != counts_.end() && --it->second == 0) counts_.erase(it);
}

Evidence to_evidence(const StoredEvidence& s) {
  Evidence e;
  e.document = *s.document;
  e.sentence = s.sentence;
  e.text = *s.text;
  e.source = s.source;
  e.trigger = *s.trigger;
  e.confidence = s.confidence;
  return e;
}

void keep_best_evidence(SharedStrings& strings, std::vector<StoredEvidence>& kept,
                        std::span<const Evidence* const> more, std::size_t limit) {
  // One at a time, in place: `more` is short and usually does not make the cut.
  for (const Evidence* e : more) {
    if (kept.size() >= limit && (limit == 0 || !rank_less(*e, kept.back()))) return;  // nor will the rest
    const auto at = std::lower_bound(kept.begin(), kept.end(), *e,
                                     [](const StoredEvidence& k, const Evidence& x) { return rank_less(k, x); });
    if (at != kept.end() && !rank_less(*e, *at)) continue;  // the same evidence again
    kept.insert(at, store(strings, *e));
    if (kept.size() > limit) {
      release(strings, kept.back());
      kept.pop_back();
    }
  }
}

bool MentionLess::operator()(const MentionRef& a, const MentionRef& b) const noexcept {
  const auto ta = mention_tie(a);
  const auto tb = mention_tie(b);
  if (ta != tb) return ta < tb;
  return a.type < b.type;
}

std::int64_t to_micro(double weight) noexcept {
  if (std::isnan(weight)) return 0;
  constexpr double kLimit = 1e12;  // far beyond any count, far below int64 overflow
  return std::llround(std::clamp(weight, -kLimit, kLimit) * 1e6);
}

double from_micro(std::int64_t micro) noexcept {
  return static_cast<double>(micro) / 1e6;
}

NameTable::NameTable(const NameTable& other) : names_(other.names_) {
  ids_.reserve(names_.size());
  for (NameId id = 0; id < names_.size(); ++id) ids_.emplace(names_[id], id);
}

NameId NameTable::intern(std::string_view name) {
  if (const auto it = ids_.find(name); it != ids_.end()) return it->second;
  const auto id = static_cast<NameId>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(names_.back(), id);
  return id;
}

NameId NameTable::find(std::string_view name) const {
  const auto it = ids_.find(name);
  return it == ids_.end() ? kNoPosition : it->second;
}

std::size_t EdgeKeyHash::operator()(const EdgeKey& k) const noexcept {
  // The splitmix64 finaliser: every bit of the key reaches the low bits the
  // table indexes by.
  std::uint64_t x = ((static_cast<std::uint64_t>(k.head) << 32) | k.tail) ^
                    (static_cast<std::uint64_t>(k.type) * 0x9e3779b97f4a7c15ULL);
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return static_cast<std::size_t>(x);
}

EdgeState& EdgeTable::operator[](const EdgeKey& key) {
  if (2 * (entries_.size() + 1) > slots_.size()) rebuild_index(std::max<std::size_t>(64, 2 * slots_.size()));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = EdgeKeyHash{}(key) & mask;; i = (i + 1) & mask) {
    const std::uint32_t slot = slots_[i];
    if (slot == 0) {
      entries_.emplace_back(key, EdgeState{});
      slots_[i] = static_cast<std::uint32_t>(entries_.size());
      return entries_.back().second;
    }
    if (entries_[slot - 1].first == key) return entries_[slot - 1].second;
  }
}

void EdgeTable::reserve(std::size_t n) {
  std::size_t slots = 64;
  while (slots < 2 * n) slots *= 2;
  if (slots > slots_.size()) rebuild_index(slots);
}

void EdgeTable::rebuild_index(std::size_t slot_count) {
  slots_.assign(slot_count, 0);
  const std::size_t mask = slot_count - 1;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    std::size_t i = EdgeKeyHash{}(entries_[e].first) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = static_cast<std::uint32_t>(e + 1);
  }
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
  e.aliases.insert(s.aliases.begin(), s.aliases.end());
  e.mentions = s.mentions;
  e.documents.insert(s.documents.begin(), s.documents.end());
  e.mention_count = s.mention_count;
  e.document_count = s.document_count;
  return e;
}

Relation relation_at(const Graph::Impl& impl, const View& view, std::size_t i) {
  const View::Edge& edge = view.edges[i];
  Relation r;
  r.head = impl.names.name(edge.key->head);
  r.tail = impl.names.name(edge.key->tail);
  r.head_type = view.types[edge.source];
  r.tail_type = view.types[edge.target];
  r.type = edge.key->type;
  r.role = join_roles(edge.state->roles);
  r.weight = from_micro(edge.state->weight_micro);
  r.evidence.reserve(edge.state->evidence.size());
  for (const StoredEvidence& e : edge.state->evidence) r.evidence.push_back(to_evidence(e));
  std::sort(r.evidence.begin(), r.evidence.end(), EvidenceLess{});
  r.evidence_count = edge.state->evidence_count;
  return r;
}

}  // namespace graph

Graph::Impl::Impl(const Impl& other)
    : options(other.options),
      names(other.names),
      nodes(other.nodes),
      node_count(other.node_count),
      documents(other.documents) {
  // The edges' evidence points into the other graph's strings: store it anew.
  edges.reserve(other.edges.size());
  for (const auto& [key, state] : other.edges) {
    graph::EdgeState& copy = edges[key];
    copy.roles = state.roles;
    copy.weight_micro = state.weight_micro;
    copy.evidence_count = state.evidence_count;
    copy.evidence.reserve(state.evidence.size());
    for (const graph::StoredEvidence& e : state.evidence)
      copy.evidence.push_back(graph::store(evidence_strings, graph::to_evidence(e)));
  }
}

graph::NodeState& Graph::Impl::node(graph::NameId id) {
  invalidate();
  if (id >= nodes.size()) nodes.resize(std::max<std::size_t>(id + 1, nodes.size() * 2));
  graph::NodeState& state = nodes[id];
  if (!state.present) {
    state.present = true;
    ++node_count;
  }
  return state;
}

graph::EdgeState* Graph::Impl::edge(graph::NameId head, RelationType type, graph::NameId tail) {
  if (head == tail) return nullptr;
  invalidate();
  return &edges[graph::EdgeKey{head, tail, type}];
}

void Graph::Impl::merge_node(std::string_view name, graph::NodeState state) {
  if (name.empty()) return;
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
  if (is_symmetric(type) && tail < head) std::swap(head, tail);
  const graph::NameId h = names.intern(head);
  const graph::NameId t = names.intern(tail);
  graph::EdgeState& state = *edge(h, type, t);
  std::erase(sample.roles, std::string());
  graph::add_sorted_strings(state.roles, std::move(sample.roles));
  state.weight_micro += sample.weight_micro;
  state.evidence_count += sample.evidence_count;
  graph::keep_best_evidence(evidence_strings, state.evidence, graph::ranked(sample.evidence),
                            options.max_evidence);
}

graph::EdgeSample Graph::Impl::sample_of(const graph::EdgeState& state) const {
  graph::EdgeSample sample;
  sample.roles = state.roles;
  sample.weight_micro = state.weight_micro;
  sample.evidence_count = state.evidence_count;
  for (const graph::StoredEvidence& e : state.evidence) sample.evidence.push_back(graph::to_evidence(e));
  return sample;
}

void Graph::Impl::add_document(std::string_view id) {
  if (id.empty()) return;
  invalidate();
  if (documents.find(std::string(id)) == documents.end()) documents.emplace(id);
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
  ensure_impl();
  graph::add_extraction<false>(*impl_, extraction);
}

void Graph::add(DocumentExtraction&& extraction) {
  ensure_impl();
  graph::add_extraction<true>(*impl_, extraction);
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
  for (const std::string& id : from.documents) impl_->add_document(id);
  for (graph::NameId id = 0; id < from.nodes.size(); ++id)
    if (from.nodes[id].present) impl_->merge_node(from.names.name(id), from.nodes[id]);
  for (const auto& [key, state] : from.edges)
    impl_->merge_edge(from.names.name(key.head), key.type, from.names.name(key.tail), from.sample_of(state));
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
  return view.node_ids[view.position_of[id]];
}

void Graph::ensure_impl() {
  // A moved-from Graph is valid and empty, and may be added to again.
  if (!impl_) impl_ = std::make_unique<Impl>();
}

const BglGraph& bgl_view(const Graph& graph) {
  return graph::impl_of(graph).materialized().bgl;
}

}  // namespace kg
