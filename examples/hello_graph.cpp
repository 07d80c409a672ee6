// The smallest program that uses kg: text in, entities and relations out,
// and the graph written as GraphML next to the program.
//
//   ./kg_example_hello            prints the entities and relations
//   ./kg_example_hello out.graphml  also writes the graph
#include <iostream>

#include <kg/kg.hpp>

int main(int argc, char** argv) {
  const char* article =
      "2024年5月8日,华为在深圳市南山区发布盘古大模型5.0。"
      "腾讯与华为签约共建深圳人工智能开放创新平台。"
      "深圳市科技创新委员会副主任黄志明说,南山区将出台《南山区智能芯片产业扶持计划》。";
  try {
    kg::Pipeline pipeline;  // the built-in lexicon and every cleaning step
    kg::Graph graph = pipeline.build_from_text(article, "hello");

    for (const kg::Entity& e : graph.entities()) std::cout << e.name << " [" << kg::to_string(e.type) << "]\n";
    for (const kg::Relation& r : graph.relations()) {
      if (r.type == kg::RelationType::CoOccurs) continue;
      std::cout << r.head << " -" << kg::to_string(r.type) << "-> " << r.tail << '\n';
    }
    if (argc > 1) kg::write_file(graph, argv[1]);
  } catch (const kg::Error& e) {
    std::cerr << "hello: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
