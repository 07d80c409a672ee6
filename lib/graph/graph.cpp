// kg::Graph: merging extractions into one node per canonical name and one
// edge per (head, relation, tail). See graph_impl.hpp for why the state is
// kept apart from the View users see.
#include "kg/graph.hpp"

#include <algorithm>
#include <cmath>
#include <tuple>
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

auto evidence_tie(const Evidence& e) noexcept {
  return std::tie(e.document, e.sentence, e.source.byte_begin, e.source.byte_end, e.source.char_begin,
                  e.source.char_end, e.trigger, e.text);
}

auto mention_tie(const MentionRef& m) noexcept {
  return std::tie(m.document, m.sentence, m.source.byte_begin, m.source.byte_end, m.source.char_begin,
                  m.source.char_end, m.surface);
}

// A clean confidence: NaN would break the strict weak order of EvidenceLess.
double clean_confidence(double c) noexcept {
  return std::isnan(c) ? 0.0 : std::clamp(c, 0.0, 1.0);
}

// A document's entity votes for its type with the weight of its mentions,
// so that the resolver's decision for one document is the graph's decision
// for that document, and across documents the better-attested reading wins.
std::size_t vote_weight(const Entity& entity) noexcept {
  return std::max<std::size_t>(1, entity.mentions.size());
}

NodeState node_state_of(Entity&& entity, const std::string& document) {
  NodeState state;
  state.type_votes[entity.type] = vote_weight(entity);
  if (entity.level != PlaceLevel::None) state.level_votes[entity.level] = vote_weight(entity);
  if (!entity.code.empty()) state.codes.insert(std::move(entity.code));
  state.aliases = std::move(entity.aliases);
  state.aliases.erase(std::string());
  state.mentions = std::move(entity.mentions);
  state.documents = std::move(entity.documents);
  if (!document.empty()) state.documents.insert(document);
  state.documents.erase(std::string());
  return state;
}

// Roles arrive one per relation; a merged edge shows them '|'-joined, and a
// joined role read back (from a graph written as fragments) is split again.
void add_roles(std::set<std::string>& roles, const std::string& joined) {
  std::size_t start = 0;
  while (start <= joined.size()) {
    std::size_t bar = joined.find('|', start);
    if (bar == std::string::npos) bar = joined.size();
    if (bar > start) roles.insert(joined.substr(start, bar - start));
    start = bar + 1;
  }
}

std::pair<EdgeKey, EdgeState> edge_state_of(Relation&& relation) {
  EdgeKey key{std::move(relation.head), relation.type, std::move(relation.tail)};
  if (is_symmetric(relation.type) && key.tail < key.head) std::swap(key.head, key.tail);
  EdgeState state;
  add_roles(state.roles, relation.role);
  state.weight_micro = to_micro(relation.weight);
  for (Evidence& e : relation.evidence) {
    e.confidence = clean_confidence(e.confidence);
    state.evidence.insert(std::move(e));
  }
  return {std::move(key), std::move(state)};
}

std::string join_roles(const std::set<std::string>& roles) {
  std::string out;
  for (const std::string& role : roles) {
    if (!out.empty()) out += '|';
    out += role;
  }
  return out;
}

Entity entity_of(const std::string& name, const NodeState& state) {
  Entity e;
  e.name = name;
  e.type = winning_type(state.type_votes);
  e.level = e.type == EntityType::Place ? winning_level(state.level_votes) : PlaceLevel::None;
  if (!state.codes.empty()) e.code = *state.codes.begin();
  e.aliases = state.aliases;
  e.mentions = state.mentions;
  std::stable_sort(e.mentions.begin(), e.mentions.end(), MentionLess{});
  e.documents = state.documents;
  return e;
}

// Gives each key its hashed id (see disambiguate_ids for collisions).
std::vector<std::string> hashed_ids(char prefix, const std::vector<std::string>& keys) {
  std::vector<std::string> ids;
  ids.reserve(keys.size());
  for (const std::string& key : keys) ids.push_back(hashed_id(prefix, key));
  return disambiguate_ids(std::move(ids), keys);
}

bool entity_order(const Entity& a, const Entity& b) noexcept {
  return std::tie(a.type, a.name) < std::tie(b.type, b.name);
}

std::shared_ptr<const View> build_view(const Graph::Impl& impl) {
  auto view = std::make_shared<View>();
  std::vector<Entity> entities;
  entities.reserve(impl.nodes.size());
  for (const auto& [name, state] : impl.nodes) entities.push_back(entity_of(name, state));
  std::sort(entities.begin(), entities.end(), entity_order);

  // Sized once and filled by move: add_vertex and add_edge take their
  // bundles by const reference and would copy every mention and evidence.
  view->bgl = BglGraph(entities.size());
  for (std::size_t i = 0; i < entities.size(); ++i) view->bgl[i] = std::move(entities[i]);
  // Pointers into the vertex storage are taken only once it has stopped growing.
  std::vector<std::string> names;
  for (auto v : boost::make_iterator_range(boost::vertices(view->bgl))) {
    names.push_back(view->bgl[v].name);
    view->by_name.emplace(view->bgl[v].name, v);
  }
  view->node_ids = hashed_ids('n', names);

  // An alias shared by several nodes finds the one first in name order.
  for (const auto& [name, v] : view->by_name)
    for (const std::string& alias : view->bgl[v].aliases) {
      auto [it, inserted] = view->by_alias.emplace(alias, v);
      if (!inserted && name < view->bgl[it->second].name) it->second = v;
    }

  std::vector<std::string> keys;
  for (const auto& [key, state] : impl.edges) {
    const auto head = view->by_name.find(key.head);
    const auto tail = view->by_name.find(key.tail);
    if (head == view->by_name.end() || tail == view->by_name.end()) continue;
    Relation r;
    r.head = key.head;
    r.tail = key.tail;
    r.head_type = view->bgl[head->second].type;
    r.tail_type = view->bgl[tail->second].type;
    r.type = key.type;
    if (!relation_allows(r.type, r.head_type, r.tail_type)) continue;
    r.role = join_roles(state.roles);
    r.weight = from_micro(state.weight_micro);
    r.evidence.assign(state.evidence.begin(), state.evidence.end());
    const auto edge = boost::add_edge(head->second, tail->second, view->bgl).first;
    view->bgl[edge] = std::move(r);
    view->edges.push_back(edge);
    keys.push_back(edge_hash_key(key));
  }
  view->edge_ids = hashed_ids('e', keys);
  return view;
}

}  // namespace

bool EvidenceLess::operator()(const Evidence& a, const Evidence& b) const noexcept {
  const auto ta = evidence_tie(a);
  const auto tb = evidence_tie(b);
  if (ta != tb) return ta < tb;
  return a.confidence < b.confidence;
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

void NodeState::absorb(NodeState&& other) {
  for (const auto& [type, n] : other.type_votes) type_votes[type] += n;
  for (const auto& [level, n] : other.level_votes) level_votes[level] += n;
  codes.merge(other.codes);  // splices nodes: no copies
  aliases.merge(other.aliases);
  mentions.insert(mentions.end(), std::make_move_iterator(other.mentions.begin()),
                  std::make_move_iterator(other.mentions.end()));
  documents.merge(other.documents);
}

void EdgeState::absorb(EdgeState&& other) {
  roles.merge(other.roles);
  weight_micro += other.weight_micro;
  evidence.merge(other.evidence);
}

EntityType winning_type(const std::map<EntityType, std::size_t>& votes) noexcept {
  EntityType best = EntityType::Organization;
  std::size_t best_votes = 0;
  for (const auto& [type, n] : votes) {
    const bool better =
        n > best_votes || (n == best_votes && specificity_rank(type) < specificity_rank(best));
    if (better) {
      best = type;
      best_votes = n;
    }
  }
  return best;
}

PlaceLevel winning_level(const std::map<PlaceLevel, std::size_t>& votes) noexcept {
  PlaceLevel best = PlaceLevel::None;
  std::size_t best_votes = 0;
  for (const auto& [level, n] : votes)  // ascending: ties go to the broader level
    if (n > best_votes) {
      best = level;
      best_votes = n;
    }
  return best;
}

std::string hashed_id(char prefix, std::string_view key) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;  // FNV-1a 64-bit offset basis
  for (unsigned char c : key) {
    hash ^= c;
    hash *= 0x100000001b3ULL;  // FNV-1a 64-bit prime
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(17, prefix);
  for (int i = 16; i >= 1; --i, hash >>= 4) id[static_cast<std::size_t>(i)] = kHex[hash & 0xF];
  return id;
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

std::string edge_hash_key(const EdgeKey& key) {
  // U+001F (unit separator) cannot occur in a sanitised name.
  std::string s = key.head;
  s += '\x1f';
  s += to_string(key.type);
  s += '\x1f';
  s += key.tail;
  return s;
}

Graph::Impl& mutable_impl(Graph& graph) noexcept {
  // The Impl object is owned non-const by the Graph; only its accessor is const.
  return const_cast<Graph::Impl&>(graph.impl());
}

}  // namespace graph

Graph::Impl::Impl(const Impl& other) : nodes(other.nodes), edges(other.edges), documents(other.documents) {
  std::lock_guard lock(other.mutex_);
  cached_ = other.cached_;  // immutable once built: safe to share
}

void Graph::Impl::merge_node(std::string name, graph::NodeState state) {
  if (name.empty()) return;
  invalidate();
  state.aliases.insert(name);
  const auto it = nodes.find(name);
  if (it == nodes.end())
    nodes.emplace(std::move(name), std::move(state));
  else
    it->second.absorb(std::move(state));
}

void Graph::Impl::merge_edge(graph::EdgeKey key, graph::EdgeState state) {
  if (key.head.empty() || key.tail.empty() || key.head == key.tail) return;
  invalidate();
  const auto it = edges.find(key);
  if (it == edges.end())
    edges.emplace(std::move(key), std::move(state));
  else
    it->second.absorb(std::move(state));
}

void Graph::Impl::add_document(const std::string& id) {
  if (id.empty()) return;
  invalidate();
  documents.insert(id);
}

const graph::View& Graph::Impl::view() const {
  std::lock_guard lock(mutex_);
  if (!cached_) cached_ = graph::build_view(*this);
  return *cached_;
}

Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::~Graph() = default;
Graph::Graph(const Graph& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Graph& Graph::operator=(const Graph& other) {
  if (this != &other) impl_ = std::make_unique<Impl>(*other.impl_);
  return *this;
}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;

void Graph::add(const DocumentExtraction& extraction) {
  add(DocumentExtraction(extraction));
}

void Graph::add(DocumentExtraction&& extraction) {
  ensure_impl();
  impl_->add_document(extraction.document);
  for (Entity& entity : extraction.entities) {
    std::string name = entity.name;
    impl_->merge_node(std::move(name), graph::node_state_of(std::move(entity), extraction.document));
  }
  for (Relation& relation : extraction.relations) {
    auto [key, state] = graph::edge_state_of(std::move(relation));
    impl_->merge_edge(std::move(key), std::move(state));
  }
}

void Graph::merge(const Graph& other) {
  ensure_impl();
  if (!other.impl_) return;
  if (&other == this) {
    const Graph copy(other);
    merge(copy);
    return;
  }
  for (const std::string& id : other.impl_->documents) impl_->add_document(id);
  for (const auto& [name, state] : other.impl_->nodes) impl_->merge_node(name, state);
  for (const auto& [key, state] : other.impl_->edges) impl_->merge_edge(key, state);
}

std::size_t Graph::node_count() const noexcept {
  return impl_ ? impl_->nodes.size() : 0;
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
  return {impl_->documents.begin(), impl_->documents.end()};
}

std::vector<Entity> Graph::entities() const {
  if (!impl_) return {};
  const graph::View& view = impl_->view();
  std::vector<Entity> out;
  out.reserve(boost::num_vertices(view.bgl));
  for (auto v : boost::make_iterator_range(boost::vertices(view.bgl))) out.push_back(view.bgl[v]);
  return out;
}

std::vector<Relation> Graph::relations() const {
  if (!impl_) return {};
  const graph::View& view = impl_->view();
  std::vector<Relation> out;
  out.reserve(view.edges.size());
  for (const auto& e : view.edges) out.push_back(view.bgl[e]);
  return out;
}

const Entity* Graph::find(std::string_view name) const {
  if (!impl_) return nullptr;
  const graph::View& view = impl_->view();
  const std::string key(name);
  if (auto it = view.by_name.find(key); it != view.by_name.end()) return &view.bgl[it->second];
  if (auto it = view.by_alias.find(key); it != view.by_alias.end()) return &view.bgl[it->second];
  return nullptr;
}

std::string Graph::node_id(const Entity& entity) {
  return graph::hashed_id('n', entity.name);
}

std::string Graph::node_id_of(std::string_view name) const {
  if (!impl_) return {};
  const graph::View& view = impl_->view();
  const auto it = view.by_name.find(std::string(name));
  return it == view.by_name.end() ? std::string() : view.node_ids[it->second];
}

void Graph::ensure_impl() {
  // A moved-from Graph is valid and empty, and may be added to again.
  if (!impl_) impl_ = std::make_unique<Impl>();
}

const graph::View& graph::view_of(const Graph& g) {
  static const Graph::Impl kEmpty;
  return (g.has_impl() ? g.impl() : kEmpty).view();
}

const BglGraph& bgl_view(const Graph& graph) {
  return graph::view_of(graph).bgl;
}

}  // namespace kg
