// Recall (and precision where the labels are complete enough) of the
// recogniser on CLUENER2020 dev: name -> Person, company -> Firm,
// government -> GovernmentBody, address -> Place. A gold span counts as found
// when a mention of the mapped type covers exactly the same characters
// (strict) or overlaps it (loose). Precision is over mentions of the mapped
// type; CLUENER labels only some entity kinds, so it is a lower bound.
//
//   kg_bench_cluener [../shared/data/cluener/dev.json]
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "kg/clean_text.hpp"
#include "kg/mention.hpp"
#include "kg/sentence.hpp"

namespace {

struct Count {
  std::size_t gold = 0, strict = 0, loose = 0, predicted = 0, predicted_correct = 0;
};

// Byte offset of every character start, plus the end.
std::vector<std::size_t> char_offsets(const std::string& s) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size(); i += kg::utf8::sequence_length(static_cast<unsigned char>(s[i])))
    out.push_back(i);
  out.push_back(s.size());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : std::string(KG_SHARED_DIR) + "/data/cluener/dev.json";
  std::ifstream in(path);
  if (!in) {
    std::cerr << "kg_bench_cluener: cannot open " << path << '\n';
    return 1;
  }
  const std::map<std::string, kg::EntityType> mapping = {{"name", kg::EntityType::Person},
                                                         {"company", kg::EntityType::Firm},
                                                         {"government", kg::EntityType::GovernmentBody},
                                                         {"address", kg::EntityType::Place}};
  const kg::Recognizer recognizer(kg::Lexicon::builtin());
  const kg::Cleaner cleaner;
  const kg::SentenceSplitter splitter;
  std::map<std::string, Count> counts;
  std::size_t records = 0, bytes = 0;
  double seconds = 0;
  while (true) {
    in >> std::ws;
    if (in.eof()) break;
    nlohmann::json rec;
    try {
      in >> rec;
    } catch (const std::exception& e) {
      std::cerr << "kg_bench_cluener: " << path << ": " << e.what() << '\n';
      return 1;
    }
    ++records;
    const std::string text = rec.at("text");
    kg::CleanDocument doc;  // the sentences are clean already: no cleaning, identity offsets
    doc.id = "dev";
    doc.text = text;
    doc.folded = kg::fold_to_simplified(text);
    doc.offsets = kg::OffsetMap::identity(text);
    const auto sentences = splitter.split(doc);
    const auto t0 = std::chrono::steady_clock::now();
    const std::vector<kg::Mention> mentions = recognizer.recognize(doc, sentences);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    bytes += text.size();
    const auto offsets = char_offsets(text);
    std::map<kg::EntityType, std::vector<std::pair<std::size_t, std::size_t>>> gold_spans;
    for (const auto& [label, type] : mapping) {
      if (!rec.contains("label") || !rec["label"].contains(label)) continue;
      for (const auto& [surface, spans] : rec["label"][label].items())
        for (const auto& sp : spans) {
          const std::size_t b = offsets.at(sp.at(0).get<std::size_t>());
          const std::size_t e = offsets.at(sp.at(1).get<std::size_t>() + 1);
          gold_spans[type].emplace_back(b, e);
          Count& c = counts[label];
          ++c.gold;
          bool strict = false, loose = false;
          for (const kg::Mention& m : mentions) {
            if (m.type != type) continue;
            strict |= m.begin == b && m.end == e;
            loose |= m.begin < e && b < m.end;
          }
          c.strict += strict;
          c.loose += loose;
        }
    }
    for (const auto& [label, type] : mapping) {
      Count& c = counts[label];
      for (const kg::Mention& m : mentions) {
        if (m.type != type) continue;
        ++c.predicted;
        for (const auto& [b, e] : gold_spans[type])
          if (m.begin == b && m.end == e) {
            ++c.predicted_correct;
            break;
          }
      }
    }
  }
  std::cout << "CLUENER2020 " << path << ": " << records << " sentences\n";
  std::cout << "label       gold  recall(strict)  recall(overlap)  precision(strict)\n";
  for (const auto& [label, c] : counts) {
    auto pct = [](std::size_t a, std::size_t b) { return b ? 100.0 * a / b : 0.0; };
    std::printf("%-10s %5zu  %13.1f%%  %14.1f%%  %16.1f%%\n", label.c_str(), c.gold, pct(c.strict, c.gold),
                pct(c.loose, c.gold), pct(c.predicted_correct, c.predicted));
  }
  std::cout << "recognition: " << bytes << " bytes in " << seconds << " s (" << (bytes / seconds / 1e6)
            << " MB/s)\n";
  return 0;
}
