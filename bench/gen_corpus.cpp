// kg_bench_gen_corpus: writes a deterministic corpus of generated Chinese
// regional-AI news (see corpus.hpp) as a directory of .txt files or as one
// JSON Lines file, for benchmarks and load tests.
//
//   kg_bench_gen_corpus --bytes 64M --seed 7 -o corpus/          # 0000000.txt ...
//   kg_bench_gen_corpus --bytes 1G -o corpus.jsonl               # {"id","date","text"} a line
//   kg_bench_gen_corpus --bytes 1M -o - | head                   # JSON Lines on stdout
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "corpus.hpp"

namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: kg_bench_gen_corpus [--bytes N] [--seed N] [--traditional PCT] [--no-lexicon]\n"
    "                           [--format dir|jsonl] -o PATH\n"
    "\n"
    "Writes generated Chinese news about regional AI industry, the same bytes for the\n"
    "same options. PATH is a directory (one .txt file per article) or, when it ends in\n"
    ".jsonl or --format jsonl is given, one JSON Lines file (\"-\" for stdout).\n"
    "\n"
    "  --bytes N          article text to write, e.g. 16M, 1G (default 16M)\n"
    "  --seed N           random seed (default 1)\n"
    "  --traditional PCT  share of articles in traditional script (default 30)\n"
    "  --no-lexicon       use only the generator's own names, not the built-in lexicon\n"
    "                     (output then does not change when data/ changes)\n";

struct Args {
  kg::bench::CorpusOptions corpus;
  std::string out;
  bool jsonl = false;
};

std::uint64_t parse_number(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    const unsigned long long n = std::stoull(text, &used);
    if (used == text.size()) return n;
  } catch (const std::exception&) {
  }
  throw kg::Error(kg::ErrorCode::Usage, flag + ": expected a number, got '" + text + "'");
}

Args parse_args(const std::vector<std::string>& argv) {
  Args args;
  std::string format;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& flag = argv[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= argv.size()) throw kg::Error(kg::ErrorCode::Usage, flag + " needs a value");
      return argv[++i];
    };
    if (flag == "--bytes") args.corpus.target_bytes = kg::bench::parse_size(value());
    else if (flag == "--seed") args.corpus.seed = parse_number(flag, value());
    else if (flag == "--traditional") args.corpus.traditional_percent = static_cast<unsigned>(parse_number(flag, value()));
    else if (flag == "--no-lexicon") args.corpus.use_lexicon = false;
    else if (flag == "--format") format = value();
    else if (flag == "-o" || flag == "--out") args.out = value();
    else throw kg::Error(kg::ErrorCode::Usage, "unknown option '" + flag + "'");
  }
  if (args.out.empty()) throw kg::Error(kg::ErrorCode::Usage, "missing -o PATH");
  if (!format.empty() && format != "dir" && format != "jsonl")
    throw kg::Error(kg::ErrorCode::Usage, "--format must be dir or jsonl");
  args.jsonl = format == "jsonl" || (format.empty() && (args.out == "-" || args.out.ends_with(".jsonl")));
  if (args.corpus.traditional_percent > 100)
    throw kg::Error(kg::ErrorCode::Usage, "--traditional must be between 0 and 100");
  return args;
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw kg::Error(kg::ErrorCode::Io, path.string() + ": cannot write");
}

// Refuses a directory that already holds files, so that two corpora are never mixed.
void prepare_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw kg::Error(kg::ErrorCode::Io, dir.string() + ": cannot create directory: " + ec.message());
  if (!fs::is_empty(dir)) throw kg::Error(kg::ErrorCode::Io, dir.string() + ": directory is not empty");
}

void write_directory(kg::bench::CorpusGenerator& gen, const fs::path& dir) {
  prepare_directory(dir);
  char name[32];
  while (std::optional<kg::bench::Article> a = gen.next()) {
    std::snprintf(name, sizeof name, "%07zu.txt", gen.articles_generated() - 1);
    write_file(dir / name, a->text);
  }
}

void write_jsonl(kg::bench::CorpusGenerator& gen, std::ostream& out, const std::string& name) {
  while (std::optional<kg::bench::Article> a = gen.next()) out << kg::bench::to_jsonl(*a);
  out.flush();
  if (!out) throw kg::Error(kg::ErrorCode::Io, name + ": cannot write");
}

int run(const std::vector<std::string>& argv) {
  if (!argv.empty() && (argv[0] == "-h" || argv[0] == "--help")) {
    std::cout << kUsage;
    return 0;
  }
  const Args args = parse_args(argv);
  const auto start = std::chrono::steady_clock::now();
  const kg::Lexicon* lexicon = nullptr;
  if (args.corpus.use_lexicon) {
    auto [builtin, problem] = kg::bench::CorpusGenerator::builtin_lexicon_or_null();
    if (!builtin)
      std::fprintf(stderr, "kg_bench_gen_corpus: warning: built-in lexicon unusable, using own names: %s\n",
                   problem.c_str());
    lexicon = builtin;
  }
  kg::bench::CorpusGenerator gen(args.corpus, lexicon);
  if (args.jsonl && args.out == "-") {
    std::ios::sync_with_stdio(false);
    write_jsonl(gen, std::cout, "stdout");
  } else if (args.jsonl) {
    std::ofstream out(args.out, std::ios::binary);
    if (!out) throw kg::Error(kg::ErrorCode::Io, args.out + ": cannot open for writing");
    write_jsonl(gen, out, args.out);
  } else {
    write_directory(gen, args.out);
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::fprintf(stderr, "kg_bench_gen_corpus: %zu articles, %zu bytes of text in %.2f s (%.1f MB/s) -> %s\n",
               gen.articles_generated(), gen.bytes_generated(), seconds,
               static_cast<double>(gen.bytes_generated()) / 1e6 / seconds, args.out.c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const kg::Error& e) {
    std::fprintf(stderr, "kg_bench_gen_corpus: error: %s\n%s", e.what(),
                 e.code() == kg::ErrorCode::Usage ? kUsage : "");
    return e.code() == kg::ErrorCode::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kg_bench_gen_corpus: error: %s\n", e.what());
    return 1;
  }
}
