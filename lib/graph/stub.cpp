// TEMPORARY stub of the graph; replaced by the graph and writers work.
#include "kg/graph.hpp"

namespace kg {

struct Graph::Impl {
  std::size_t documents = 0;
};
Graph::Graph() : impl_(std::make_unique<Impl>()) {}
Graph::~Graph() = default;
Graph::Graph(const Graph& o) : impl_(std::make_unique<Impl>(*o.impl_)) {}
Graph& Graph::operator=(const Graph& o) {
  impl_ = std::make_unique<Impl>(*o.impl_);
  return *this;
}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
void Graph::add(const DocumentExtraction&) { ++impl_->documents; }
void Graph::merge(const Graph& o) { impl_->documents += o.impl_->documents; }
std::size_t Graph::node_count() const noexcept { return 0; }
std::size_t Graph::edge_count() const noexcept { return 0; }
std::size_t Graph::document_count() const noexcept { return impl_->documents; }
std::vector<Entity> Graph::entities() const { return {}; }
std::vector<Relation> Graph::relations() const { return {}; }
const Entity* Graph::find(std::string_view) const { return nullptr; }
std::string Graph::node_id(const Entity& e) { return "n" + e.name; }

}  // namespace kg
