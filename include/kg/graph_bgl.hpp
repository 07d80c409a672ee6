// kg/graph_bgl.hpp - opt-in, read-only Boost.Graph copy of a kg::Graph,
// for people who want BGL algorithms (centrality, components). The copy is
// made on the first call after a change (a kg::Graph does not keep one
// while merging) and cached. Including it brings Boost headers in; the
// core headers never do.
//
//   const kg::BglGraph& g = kg::bgl_view(graph);
//   std::vector<int> component(boost::num_vertices(g));
//   boost::connected_components(g, component.data());   // needs undirected copy
//
// Thread-safety: read-only view; valid until the kg::Graph changes.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include "kg/entity.hpp"
#include "kg/graph.hpp"
#include "kg/relation.hpp"

namespace kg {

using BglGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Entity, Relation>;

// Returns the graph as an adjacency list: vertices in canonical order (by
// type, then name; vertex index i is the i-th of Graph::entities()), edges
// only those Graph::relations() lists, bundles as those functions give them.
const BglGraph& bgl_view(const Graph& graph);

}  // namespace kg
