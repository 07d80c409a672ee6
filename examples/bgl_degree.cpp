// Using Boost.Graph algorithms on a kg graph through the opt-in view:
// lists each entity with its number of relations (in + out), busiest first.
#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

#include <kg/graph_bgl.hpp>
#include <kg/kg.hpp>

int main() {
  kg::Pipeline pipeline;
  kg::Graph graph = pipeline.build_from_text(
      "阿里云在杭州发布通义千问。之江实验室与浙江大学在杭州共建联合研究中心。阿里云与浙江大学签约合作。",
      "bgl-demo");
  const kg::BglGraph& g = kg::bgl_view(graph);

  std::vector<std::pair<std::size_t, std::string>> degrees;
  for (auto [v, end] = boost::vertices(g); v != end; ++v)
    degrees.emplace_back(boost::in_degree(*v, g) + boost::out_degree(*v, g), g[*v].name);
  std::sort(degrees.begin(), degrees.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (const auto& [degree, name] : degrees) std::cout << degree << ' ' << name << '\n';
  return 0;
}
