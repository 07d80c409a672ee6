// kg_bench_clean: cleaning throughput, and a look at what cleaning does.
//
//   kg_bench_clean [FILE...]            throughput over the files (default: ../shared/seeds)
//   kg_bench_clean --print FILE         the clean text
//   kg_bench_clean --explain FILE       what each step changed
//   kg_bench_clean --dump FILE...       everything cleaning produces (text,
//                                       folded, every offset, explanation),
//                                       to compare two builds byte for byte
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/error.hpp"

namespace {

// Writes every observable part of a cleaned document: a change to any offset
// or character shows up as a difference.
void dump(std::ostream& out, const kg::CleanDocument& c) {
  out << kg::explain_cleaning(c) << "text:\n" << c.text << "\nfolded:\n" << c.folded << "\nmap " << c.offsets.size()
      << ":";
  for (std::size_t i = 0; i < c.offsets.size(); ++i) {
    const kg::SourceSpan s = c.offsets.to_source(i, i + 1);
    out << ' ' << s.byte_begin << '-' << s.byte_end << '/' << s.char_begin << '-' << s.char_end;
  }
  out << "\nend " << c.offsets.to_source(c.offsets.size(), c.offsets.size()).byte_begin << "\n\n";
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    // The changes are recorded to be shown, not for the timing.
    kg::CleanOptions options;
    options.record_changes = !args.empty() && (args[0] == "--print" || args[0] == "--explain" || args[0] == "--dump");
    const kg::Cleaner cleaner(options);
    if (args.size() == 2 && (args[0] == "--print" || args[0] == "--explain")) {
      const kg::CleanDocument c = cleaner.clean(kg::read_document(args[1]));
      std::cout << (args[0] == "--print" ? c.text : kg::explain_cleaning(c));
      return 0;
    }
    if (!args.empty() && args[0] == "--dump") {
      for (const std::string& path : kg::expand_inputs(std::vector<std::string>(args.begin() + 1, args.end())))
        dump(std::cout, cleaner.clean(kg::read_document(path)));
      return 0;
    }
    if (args.empty()) args.push_back(KG_SHARED_DIR "/seeds");
    std::vector<kg::RawDocument> docs;
    std::size_t bytes = 0;
    for (const std::string& path : kg::expand_inputs(args)) {
      docs.push_back(kg::read_document(path));
      bytes += docs.back().bytes.size();
    }
    if (docs.empty()) {
      std::cerr << "no input\n";
      return 1;
    }
    cleaner.clean(docs.front());  // build the tables outside the timing
    const std::size_t rounds = std::max<std::size_t>(1, (64u << 20) / std::max<std::size_t>(bytes, 1));
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpu_start = std::clock();
    std::size_t out = 0;
    for (std::size_t r = 0; r < rounds; ++r)
      for (const kg::RawDocument& d : docs) out += cleaner.clean(d).text.size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // CPU time too: on a shared, loaded machine it moves far less than the clock.
    const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
    const double mb = static_cast<double>(bytes * rounds) / 1e6;
    std::cout << "cleaned " << docs.size() << " documents x " << rounds << " rounds = " << mb << " MB in " << seconds
              << " s: " << mb / seconds << " MB/s; CPU " << cpu << " s: " << mb / cpu << " MB/s (output "
              << out / rounds << " bytes per round)\n";
    return 0;
  } catch (const kg::Error& e) {
    std::cerr << "kg_bench_clean: error: " << e.what() << '\n';
    return 1;
  }
}
