// Runs cleaner + splitter + recogniser + resolver over articles and writes a
// minimal GraphML (node keys label/type/level/aliases) that
// ../shared/eval/score.py reads, or with --mentions lists every mention with
// the rule that found it (for tuning), and reports recognition speed.
//
//   kg_bench_ner_eval ../shared/seeds/*.txt -o /tmp/ner.graphml
//   kg_bench_ner_eval --mentions ../shared/seeds/000_*.txt
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/entity.hpp"
#include "kg/mention.hpp"
#include "kg/sentence.hpp"

namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

struct Node {
  kg::EntityType type;
  kg::PlaceLevel level;
  std::set<std::string> aliases;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> files;
  std::string output = "-";
  bool list_mentions = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "-o" && i + 1 < argc) output = argv[++i];
    else if (a == "--mentions") list_mentions = true;
    else files.push_back(a);
  }
  const kg::Lexicon& lexicon = kg::Lexicon::builtin();
  const kg::Cleaner cleaner;
  const kg::SentenceSplitter splitter;
  const kg::Recognizer recognizer(lexicon);
  const kg::EntityResolver resolver(lexicon);
  std::map<std::pair<std::string, kg::EntityType>, Node> nodes;
  double seconds = 0;
  std::size_t bytes = 0;
  try {
    for (const std::string& f : files) {
      const kg::CleanDocument clean = cleaner.clean(kg::read_document(f));
      const auto sentences = splitter.split(clean);
      const auto t0 = std::chrono::steady_clock::now();
      std::vector<kg::Mention> mentions = recognizer.recognize(clean, sentences);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes += clean.text.size();
      if (list_mentions)
        for (const kg::Mention& m : mentions)
          std::cout << m.begin << '\t' << kg::to_string(m.type) << '\t' << m.name << '\t' << m.surface << '\t'
                    << m.rule << (m.role.empty() ? "" : "\t" + m.role) << '\n';
      const kg::Resolution r = resolver.resolve(clean, std::move(mentions));
      for (const kg::Entity& e : r.entities) {
        Node& n = nodes[{e.name, e.type}];
        n.type = e.type;
        n.level = e.level;
        n.aliases.insert(e.aliases.begin(), e.aliases.end());
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "kg_bench_ner_eval: " << e.what() << '\n';
    return 1;
  }
  std::ostringstream xml;
  xml << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
         "<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
         "<key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n"
         "<key id=\"level\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
         "<key id=\"aliases\" for=\"node\" attr.name=\"aliases\" attr.type=\"string\"/>\n"
         "<graph id=\"G\" edgedefault=\"directed\">\n";
  std::size_t id = 0;
  for (const auto& [key, n] : nodes) {
    std::string aliases;
    for (const std::string& a : n.aliases) aliases += (aliases.empty() ? "" : "|") + a;
    xml << "<node id=\"n" << id++ << "\"><data key=\"label\">" << xml_escape(key.first) << "</data><data key=\"type\">"
        << kg::to_string(n.type) << "</data><data key=\"level\">" << kg::to_string(n.level)
        << "</data><data key=\"aliases\">" << xml_escape(aliases) << "</data></node>\n";
  }
  xml << "</graph>\n</graphml>\n";
  if (!list_mentions) {
    if (output == "-") std::cout << xml.str();
    else std::ofstream(output) << xml.str();
  }
  std::cerr << "recognised " << bytes << " bytes in " << seconds << " s ("
            << (seconds > 0 ? bytes / seconds / 1e6 : 0) << " MB/s), " << nodes.size() << " entities\n";
  return 0;
}
