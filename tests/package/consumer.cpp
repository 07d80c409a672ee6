// Links the installed kg and extracts from a sentence: proves the headers,
// the library, its dependencies and the compiled-in data all install.
#include <iostream>

#include <kg/kg.hpp>

int main() {
  kg::Pipeline pipeline;
  const kg::Graph graph = pipeline.build_from_text("清华大学位于北京市海淀区。", "package-test");
  std::cout << "kg " << kg::version() << ": " << graph.node_count() << " entities\n";
  for (const kg::Entity& e : graph.entities()) std::cout << e.name << '\n';
  return graph.node_count() > 0 ? 0 : 1;
}
