// kg_bench_fold: the fold table against ICU's Traditional-Simplified
// transliterator, for speed and for agreement, on the samples (or FILEs).
//
//   kg_bench_fold [FILE...]
#include <chrono>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "common/utf8.hpp"
#include "ingest/fold_table.hpp"
#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/error.hpp"

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) args.push_back(KG_SHARED_DIR "/seeds");
    std::string text;
    for (const std::string& path : kg::expand_inputs(args)) text += kg::read_document(path).bytes;

    auto start = std::chrono::steady_clock::now();
    const kg::ingest::FoldTable& table = kg::ingest::FoldTable::instance();
    std::cout << "table: " << table.size() << " mappings, built in " << seconds_since(start) * 1e3 << " ms\n";

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> icu(
        icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) throw kg::Error(kg::ErrorCode::Internal, "no ICU transliterator");

    // Speed: the table over many copies, ICU over a few.
    std::string big;
    while (big.size() < (32u << 20)) big += text;
    start = std::chrono::steady_clock::now();
    const std::string folded = kg::fold_to_simplified(big);
    const double table_s = seconds_since(start);
    start = std::chrono::steady_clock::now();
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    icu->transliterate(u);
    std::string by_icu;
    u.toUTF8String(by_icu);
    const double icu_s = seconds_since(start);
    const double mb_big = static_cast<double>(big.size()) / 1e6, mb = static_cast<double>(text.size()) / 1e6;
    std::cout << "speed: table " << mb_big / table_s << " MB/s, ICU transliterator " << mb / icu_s << " MB/s ("
              << (mb_big / table_s) / (mb / icu_s) << "x)\n";

    // Agreement, character by character, where ICU kept the text aligned.
    const std::string mine = kg::fold_to_simplified(text);
    std::u32string a, b;
    for (std::size_t i = 0; i < mine.size();) a += kg::utf8::next(mine, i);
    for (std::size_t i = 0; i < by_icu.size();) b += kg::utf8::next(by_icu, i);
    std::size_t same = 0, han = 0, differ = 0;
    if (a.size() != b.size()) std::cout << "note: ICU output has " << b.size() << " chars, table " << a.size() << "\n";
    std::string examples;
    for (std::size_t k = 0; k < std::min(a.size(), b.size()); ++k) {
      if (!kg::utf8::is_han(a[k]) && !kg::utf8::is_han(b[k])) continue;
      ++han;
      if (a[k] == b[k]) {
        ++same;
      } else {
        ++differ;
        if (differ <= 10) examples += kg::utf8::encode(a[k]) + "/" + kg::utf8::encode(b[k]) + " ";
      }
    }
    std::cout << "agreement on " << han << " Han characters: " << same << " same, " << differ << " differ ("
              << 100.0 * static_cast<double>(same) / static_cast<double>(std::max<std::size_t>(han, 1)) << "%)";
    if (!examples.empty()) std::cout << "; table/ICU: " << examples;
    std::cout << "\n";
    return folded.size() == big.size() ? 0 : 1;
  } catch (const kg::Error& e) {
    std::cerr << "kg_bench_fold: error: " << e.what() << '\n';
    return 1;
  }
}
