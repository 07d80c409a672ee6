// kg_bench_throughput: how fast each stage runs and what the whole path from
// files to GraphML costs, on a generated corpus (default) or on the sample
// articles repeated to a size.
//
//   kg_bench_throughput                          # 16 MB generated, seed 1
//   kg_bench_throughput --bytes 64M --seeds      # ../shared/seeds repeated to 64 MB
//   kg_bench_throughput --input corpus/ --jobs 2 --json out.json
//
// Two passes over the same corpus:
//   stages  one document at a time through Cleaner, SentenceSplitter,
//           Recognizer, EntityResolver, RelationExtractor and Graph::add
//           (what Pipeline::extract does), each timed on its own, then the
//           merged graph written as GraphML and as JSON-LD to a counting sink;
//   e2e     files on disk -> read_document -> Pipeline::extract -> Graph ->
//           write_file(.graphml), with one job and, with --jobs N, N jobs
//           (and whether both gave the same bytes).
// Throughput is in MB (10^6 bytes) of input per second. Memory is the
// process's peak resident set (VmHWM), reset before each pass where the
// kernel allows it. Allocations are counted by replacing operator new.
// It measures; it never asserts speed.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <new>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus.hpp"
#include "kg/kg.hpp"

// ---------------------------------------------------------------------------
// Allocation counting: every operator new in the process goes through here.

namespace {
std::atomic<std::uint64_t> g_alloc_count{0};
std::atomic<std::uint64_t> g_alloc_bytes{0};
}  // namespace

void* operator new(std::size_t size) {
  g_alloc_count.fetch_add(1, std::memory_order_relaxed);
  g_alloc_bytes.fetch_add(size, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return operator new(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return operator new(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using json = nlohmann::json;

constexpr const char* kUsage =
    "usage: kg_bench_throughput [--bytes N] [--seed N] [--no-lexicon] [--seeds [DIR]]\n"
    "                           [--input DIR|FILE.jsonl] [--jobs N] [--only stages|e2e]\n"
    "                           [--json FILE] [--workdir DIR] [--keep] [--commit TEXT]\n"
    "\n"
    "Measures every stage and the end-to-end path from files to GraphML; prints a table.\n"
    "\n"
    "  --bytes N      corpus size, e.g. 16M (default 16M)\n"
    "  --seed N       generator seed (default 1)\n"
    "  --no-lexicon   generate with the generator's own names only\n"
    "  --seeds [DIR]  use the sample articles (default ../shared/seeds) repeated to --bytes\n"
    "  --input PATH   use these files (directory or JSON Lines) as they are\n"
    "  --jobs N       also run the end-to-end pass with N threads (default 1)\n"
    "  --only WHAT    run only the 'stages' or the 'e2e' pass\n"
    "  --json FILE    write the figures as JSON\n"
    "  --workdir DIR  where the corpus files and graph go (default: a temporary directory)\n"
    "  --keep         keep the working directory\n"
    "  --from-memory  end to end from the corpus in memory instead of files (for\n"
    "                 corpora larger than the disk; the graph still goes to a file)\n"
    "  --commit TEXT  recorded in the JSON (run.sh passes the git commit)\n";

struct Args {
  kg::bench::CorpusOptions corpus;
  std::string seeds_dir;  // non-empty: repeat these files
  std::string input;      // non-empty: read these files
  unsigned jobs = 1;
  bool run_stages = true;
  bool run_e2e = true;
  std::string json_path;
  std::string workdir;
  bool keep = false;
  bool from_memory = false;
  std::string commit;
};

Args parse_args(const std::vector<std::string>& argv) {
  Args args;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& flag = argv[i];
    auto value = [&]() -> const std::string& {
      if (i + 1 >= argv.size()) throw kg::Error(kg::ErrorCode::Usage, flag + " needs a value");
      return argv[++i];
    };
    auto number = [&]() { return static_cast<std::uint64_t>(kg::bench::parse_size(value())); };
    if (flag == "--bytes") args.corpus.target_bytes = kg::bench::parse_size(value());
    else if (flag == "--seed") args.corpus.seed = number();
    else if (flag == "--no-lexicon") args.corpus.use_lexicon = false;
    else if (flag == "--seeds") {
      args.seeds_dir = (i + 1 < argv.size() && argv[i + 1].rfind("--", 0) != 0) ? argv[++i]
                                                                                 : KG_SHARED_DIR "/seeds";
    } else if (flag == "--input") args.input = value();
    else if (flag == "--jobs") args.jobs = static_cast<unsigned>(number());
    else if (flag == "--only") {
      const std::string what = value();
      if (what != "stages" && what != "e2e") throw kg::Error(kg::ErrorCode::Usage, "--only takes stages or e2e");
      args.run_stages = what == "stages";
      args.run_e2e = what == "e2e";
    } else if (flag == "--json") args.json_path = value();
    else if (flag == "--workdir") args.workdir = value();
    else if (flag == "--keep") args.keep = true;
    else if (flag == "--from-memory") args.from_memory = true;
    else if (flag == "--commit") args.commit = value();
    else throw kg::Error(kg::ErrorCode::Usage, "unknown option '" + flag + "'");
  }
  if (args.jobs == 0) throw kg::Error(kg::ErrorCode::Usage, "--jobs must be at least 1");
  return args;
}

// ---------------------------------------------------------------------------
// Measuring

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Reads a "VmXXX:   1234 kB" line of /proc/self/status, in bytes (0 if absent).
std::size_t proc_status_bytes(const char* key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  const std::string prefix = std::string(key) + ":";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::stoull(line.substr(prefix.size())) * 1024;
  return 0;
}

// Resets the peak resident set to the current one (Linux >= 4.0); returns
// false where the kernel does not allow it, and peaks then include earlier passes.
bool reset_peak_rss() {
  std::ofstream out("/proc/self/clear_refs");
  out << "5";
  out.flush();
  return static_cast<bool>(out);
}

struct AllocSnapshot {
  std::uint64_t count = g_alloc_count.load(std::memory_order_relaxed);
  std::uint64_t bytes = g_alloc_bytes.load(std::memory_order_relaxed);
};

// Accumulated cost of one stage.
struct StageCost {
  std::string name;
  double seconds = 0;
  std::uint64_t allocs = 0;
  std::uint64_t alloc_bytes = 0;
};

// Runs `work`, adding its time and allocations to `cost`.
template <typename Work>
auto timed(StageCost& cost, Work&& work) {
  const AllocSnapshot before;
  const auto start = Clock::now();
  auto result = work();
  cost.seconds += seconds_since(start);
  const AllocSnapshot after;
  cost.allocs += after.count - before.count;
  cost.alloc_bytes += after.bytes - before.bytes;
  return result;
}

// An output stream buffer that keeps only the size (and, when asked, an
// FNV-1a hash) of what it is given, so export cost is measured without disk
// or memory growth.
class CountingBuffer : public std::streambuf {
 public:
  explicit CountingBuffer(bool hashing = false) : hashing_(hashing) { setp(buffer_, buffer_ + sizeof buffer_); }
  std::uint64_t size() const { return size_ + static_cast<std::uint64_t>(pptr() - pbase()); }
  std::uint64_t hash() {
    drain();
    return hash_;
  }

 protected:
  int_type overflow(int_type c) override {
    drain();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }

 private:
  void drain() {
    if (hashing_)
      for (const char* p = pbase(); p != pptr(); ++p) hash_ = (hash_ ^ static_cast<unsigned char>(*p)) * 0x100000001B3ULL;
    size_ += static_cast<std::uint64_t>(pptr() - pbase());
    setp(buffer_, buffer_ + sizeof buffer_);
  }
  char buffer_[1 << 16];
  std::uint64_t size_ = 0;
  std::uint64_t hash_ = 0xCBF29CE484222325ULL;
  bool hashing_;
};

std::uint64_t hash_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  CountingBuffer sink(true);
  std::ostream out(&sink);
  out << in.rdbuf();
  return sink.hash();
}

// ---------------------------------------------------------------------------
// Corpora

// A restartable sequence of documents.
class Corpus {
 public:
  virtual ~Corpus() = default;
  virtual void restart() = 0;
  virtual std::optional<kg::RawDocument> next() = 0;
  virtual std::string describe() const = 0;
};

class GeneratedCorpus : public Corpus {
 public:
  GeneratedCorpus(kg::bench::CorpusOptions options, const kg::Lexicon* lexicon)
      : options_(options), lexicon_(lexicon) {
    restart();
  }
  void restart() override { generator_ = std::make_unique<kg::bench::CorpusGenerator>(options_, lexicon_); }
  std::optional<kg::RawDocument> next() override {
    std::optional<kg::bench::Article> a = generator_->next();
    if (!a) return std::nullopt;
    return kg::make_document(a->id + ".txt", std::move(a->text));
  }
  std::string describe() const override {
    return "generated (seed " + std::to_string(options_.seed) + (options_.use_lexicon && lexicon_ ? ", lexicon names" : ", own names") + ")";
  }

 private:
  kg::bench::CorpusOptions options_;
  const kg::Lexicon* lexicon_;
  std::unique_ptr<kg::bench::CorpusGenerator> generator_;
};

// The files of a directory read again and again, each copy with its own id,
// until `bytes` are reached.
class RepeatedFiles : public Corpus {
 public:
  RepeatedFiles(const std::string& dir, std::size_t bytes) : dir_(dir), target_(bytes) {
    for (const std::string& path : kg::expand_inputs({dir})) files_.push_back(kg::read_document(path));
    if (files_.empty()) throw kg::Error(kg::ErrorCode::Io, dir + ": no input files");
  }
  void restart() override { index_ = produced_ = 0; }
  std::optional<kg::RawDocument> next() override {
    if (produced_ >= target_) return std::nullopt;
    kg::RawDocument doc = files_[index_ % files_.size()];
    doc.id = std::to_string(index_ / files_.size()) + "-" + doc.id;
    ++index_;
    produced_ += doc.bytes.size();
    return doc;
  }
  std::string describe() const override { return dir_ + " repeated (" + std::to_string(files_.size()) + " files)"; }

 private:
  std::string dir_;
  std::size_t target_;
  std::vector<kg::RawDocument> files_;
  std::size_t index_ = 0, produced_ = 0;
};

// Reads JSON Lines articles ({"id", "text"} a line) with nlohmann::json, so
// the benchmark does not depend on the library's own reader.
std::vector<kg::RawDocument> read_jsonl(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw kg::Error(kg::ErrorCode::Io, path + ": cannot open");
  std::vector<kg::RawDocument> docs;
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      const json j = json::parse(line);
      docs.push_back(kg::make_document(j.at("id").get<std::string>(), j.at("text").get<std::string>()));
    } catch (const json::exception& e) {
      throw kg::Error(kg::ErrorCode::Format, path + " line " + std::to_string(number) + ": " + e.what());
    }
  }
  return docs;
}

// Files as they are: a directory (recursively) or JSON Lines files.
class InputFiles : public Corpus {
 public:
  explicit InputFiles(const std::string& path) : path_(path), paths_(kg::expand_inputs({path})) {}
  void restart() override {
    index_ = 0;
    pending_.clear();
  }
  std::optional<kg::RawDocument> next() override {
    while (pending_.empty()) {
      if (index_ >= paths_.size()) return std::nullopt;
      const std::string& path = paths_[index_++];
      if (path.ends_with(".jsonl")) {
        std::vector<kg::RawDocument> docs = read_jsonl(path);
        pending_.assign(std::make_move_iterator(docs.rbegin()), std::make_move_iterator(docs.rend()));
      } else {
        pending_.push_back(kg::read_document(path));
      }
    }
    kg::RawDocument doc = std::move(pending_.back());
    pending_.pop_back();
    return doc;
  }
  std::string describe() const override { return path_; }
  const std::vector<std::string>& paths() const { return paths_; }

 private:
  std::string path_;
  std::vector<std::string> paths_;
  std::size_t index_ = 0;
  std::vector<kg::RawDocument> pending_;
};

// Writes every document as a .txt file, so the end-to-end pass reads files.
std::vector<std::string> materialise(Corpus& corpus, const fs::path& dir) {
  fs::create_directories(dir);
  std::vector<std::string> paths;
  corpus.restart();
  char name[32];
  while (std::optional<kg::RawDocument> doc = corpus.next()) {
    std::snprintf(name, sizeof name, "%07zu.txt", paths.size());
    const fs::path path = dir / name;
    std::ofstream out(path, std::ios::binary);
    out.write(doc->bytes.data(), static_cast<std::streamsize>(doc->bytes.size()));
    if (!out) throw kg::Error(kg::ErrorCode::Io, path.string() + ": cannot write");
    paths.push_back(path.string());
  }
  return paths;
}

// ---------------------------------------------------------------------------
// The stage pass

// Documents a stage threw on: counted and the first one named, so that one
// bad document does not stop a benchmark (and the failure is reported).
class Failures {
 public:
  void note(const std::string& document, const char* what) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (count_++ == 0) first_ = document + ": " + what;
  }
  std::size_t count() const { return count_; }
  const std::string& first() const { return first_; }
  json to_json() const { return {{"count", count_}, {"first", first_}}; }

 private:
  std::mutex mutex_;
  std::size_t count_ = 0;
  std::string first_;
};

struct StageReport {
  Failures failures;
  std::size_t documents = 0;
  std::size_t bytes = 0;
  std::size_t sentences = 0, mentions = 0, entities = 0, relations = 0;
  std::vector<StageCost> stages;  // per document stages, then graph merge, then exports
  std::uint64_t graphml_bytes = 0, jsonld_bytes = 0;
  std::size_t nodes = 0, edges = 0;
  std::size_t peak_rss = 0;
  double setup_seconds = 0;
};

void run_stages(Corpus& corpus, const kg::Lexicon& lexicon, StageReport& r) {
  const auto setup_start = Clock::now();
  const kg::Cleaner cleaner;
  const kg::SentenceSplitter splitter;
  const kg::Recognizer recognizer(lexicon);
  const kg::EntityResolver resolver(lexicon);
  const kg::RelationExtractor extractor(lexicon);
  r.setup_seconds = seconds_since(setup_start);

  StageCost clean{"decode+clean"}, split{"sentence split"}, recognize{"recognize"}, resolve{"resolve"},
      relate{"relations"}, merge{"graph merge"}, graphml{"GraphML export"}, jsonld{"JSON-LD export"};
  kg::Graph graph;
  corpus.restart();
  auto one_document = [&](const kg::RawDocument* doc) {
    const kg::CleanDocument cleaned = timed(clean, [&] { return cleaner.clean(*doc); });
    const std::vector<kg::Sentence> sentences = timed(split, [&] { return splitter.split(cleaned); });
    std::vector<kg::Mention> mentions = timed(recognize, [&] { return recognizer.recognize(cleaned, sentences); });
    r.mentions += mentions.size();
    kg::Resolution resolution = timed(resolve, [&] { return resolver.resolve(cleaned, std::move(mentions)); });
    std::vector<kg::Relation> relations =
        timed(relate, [&] { return extractor.extract(cleaned, sentences, resolution); });
    r.documents += 1;
    r.bytes += doc->bytes.size();
    r.sentences += sentences.size();
    r.entities += resolution.entities.size();
    r.relations += relations.size();
    timed(merge, [&] {
      // What Pipeline::extract assembles, then the merge.
      kg::DocumentExtraction x;
      x.document = doc->id;
      x.attributes = cleaned.attributes;
      x.attributes["encoding"] = cleaned.encoding;
      x.entities = std::move(resolution.entities);
      x.relations = std::move(relations);
      x.bytes = doc->bytes.size();
      x.sentences = sentences.size();
      x.cleaning = cleaned.counts;
      graph.add(std::move(x));  // as kg build does: the graph takes the strings
      return 0;
    });
  };
  while (std::optional<kg::RawDocument> doc = corpus.next()) {
    try {
      one_document(&*doc);
    } catch (const std::exception& e) {
      r.failures.note(doc->id, e.what());
    }
  }
  r.graphml_bytes = timed(graphml, [&] {
    CountingBuffer sink;
    std::ostream out(&sink);
    kg::write_graphml(graph, out);
    out.flush();
    return sink.size();
  });
  r.jsonld_bytes = timed(jsonld, [&] {
    CountingBuffer sink;
    std::ostream out(&sink);
    kg::write_jsonld(graph, out);
    out.flush();
    return sink.size();
  });
  // Counted after the exports, which would otherwise find the graph's
  // sorted view already built by the counts.
  r.nodes = graph.node_count();
  r.edges = graph.edge_count();
  r.stages = {clean, split, recognize, resolve, relate, merge, graphml, jsonld};
  r.peak_rss = proc_status_bytes("VmHWM");
}

// ---------------------------------------------------------------------------
// The end-to-end pass

struct EndToEnd {
  std::shared_ptr<Failures> failures = std::make_shared<Failures>();
  unsigned jobs = 1;
  double seconds = 0;
  double extract_seconds = 0;  // reading, extracting and merging
  double write_seconds = 0;    // writing the .graphml file
  std::size_t documents = 0, bytes = 0;
  std::uint64_t output_bytes = 0, output_hash = 0;
  std::size_t peak_rss = 0;
};

// Hands out documents to the end-to-end workers: files read from disk, or
// (with --from-memory) documents taken straight from the corpus, so that a
// corpus larger than the disk can be streamed.
class DocumentFeed {
 public:
  explicit DocumentFeed(const std::vector<std::string>& paths) : paths_(&paths) {}
  explicit DocumentFeed(Corpus& corpus) : corpus_(&corpus) { corpus.restart(); }

  std::optional<kg::RawDocument> next() {
    if (paths_) {
      const std::size_t i = next_path_++;
      if (i >= paths_->size()) return std::nullopt;
      return kg::read_document((*paths_)[i]);
    }
    std::lock_guard<std::mutex> lock(mutex_);
    return corpus_->next();
  }

 private:
  const std::vector<std::string>* paths_ = nullptr;
  std::atomic<std::size_t> next_path_{0};
  Corpus* corpus_ = nullptr;
  std::mutex mutex_;
};

// Documents -> Graph -> .graphml, with `jobs` threads extracting and merging
// into one graph under a lock, as `kg build --jobs` does (merging does not
// depend on order, so the file is the same bytes for any number of jobs).
EndToEnd run_end_to_end(const kg::Pipeline& pipeline, DocumentFeed& feed, unsigned jobs, const fs::path& output) {
  EndToEnd e;
  e.jobs = jobs;
  const auto start = Clock::now();
  kg::Graph graph;
  std::mutex graph_mutex;
  std::vector<std::size_t> bytes(jobs, 0), documents(jobs, 0);
  auto worker = [&](unsigned id) {
    while (std::optional<kg::RawDocument> doc = feed.next()) {
      bytes[id] += doc->bytes.size();
      documents[id] += 1;
      try {
        kg::DocumentExtraction extraction = pipeline.extract(*doc);
        std::lock_guard<std::mutex> lock(graph_mutex);
        graph.add(std::move(extraction));
      } catch (const std::exception& ex) {
        e.failures->note(doc->id, ex.what());
      }
    }
  };
  if (jobs == 1) {
    worker(0);
  } else {
    std::vector<std::thread> threads;
    for (unsigned id = 0; id < jobs; ++id) threads.emplace_back(worker, id);
    for (std::thread& t : threads) t.join();
  }
  e.extract_seconds = seconds_since(start);
  const auto write_start = Clock::now();
  kg::write_file(graph, output.string());
  e.write_seconds = seconds_since(write_start);
  e.seconds = seconds_since(start);
  for (std::size_t b : bytes) e.bytes += b;
  for (std::size_t d : documents) e.documents += d;
  e.output_bytes = fs::file_size(output);
  e.output_hash = hash_file(output);
  e.peak_rss = proc_status_bytes("VmHWM");
  return e;
}

// ---------------------------------------------------------------------------
// Reporting

double mb(double bytes) { return bytes / 1e6; }
double mib(double bytes) { return bytes / (1024.0 * 1024.0); }

void print_stage_table(const StageReport& r, std::ostream& out) {
  char line[256];
  out << "\nStage pass: " << r.documents << " articles, " << mb(r.bytes) << " MB, " << r.sentences << " sentences, "
      << r.mentions << " mentions, " << r.entities << " entities (per doc), " << r.relations
      << " relations (per doc)\n";
  std::snprintf(line, sizeof line, "%-16s %9s %10s %12s %7s %13s %12s\n", "stage", "seconds", "MB/s in",
                "articles/s", "share", "allocs/art.", "alloc B/B in");
  out << line;
  double total = 0;
  for (const StageCost& s : r.stages) total += s.seconds;
  for (const StageCost& s : r.stages) {
    std::snprintf(line, sizeof line, "%-16s %9.3f %10.1f %12.0f %6.1f%% %13.1f %12.2f\n", s.name.c_str(), s.seconds,
                  mb(r.bytes) / s.seconds, r.documents / s.seconds, 100.0 * s.seconds / total,
                  static_cast<double>(s.allocs) / r.documents, static_cast<double>(s.alloc_bytes) / r.bytes);
    out << line;
  }
  std::snprintf(line, sizeof line, "%-16s %9.3f %10.1f %12.0f\n", "sum of stages", total, mb(r.bytes) / total,
                r.documents / total);
  out << line;
  std::snprintf(line, sizeof line,
                "graph: %zu nodes, %zu edges; GraphML %.2f MB, JSON-LD %.2f MB; setup %.3f s; peak RSS %.1f MiB\n",
                r.nodes, r.edges, mb(r.graphml_bytes), mb(r.jsonld_bytes), r.setup_seconds, mib(r.peak_rss));
  out << line;
  if (r.failures.count() > 0)
    out << "FAILED on " << r.failures.count() << " documents (left out of the counts), first: " << r.failures.first()
        << "\n";
}

void print_e2e(const EndToEnd& e, std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line,
                "e2e %u job%s: %8.3f s  %7.1f MB/s  %8.0f articles/s  (extract %.3f s, write %.3f s = %.1f%%)  "
                "GraphML %.2f MB  peak RSS %.1f MiB\n",
                e.jobs, e.jobs == 1 ? " " : "s", e.seconds, mb(e.bytes) / e.seconds, e.documents / e.seconds,
                e.extract_seconds, e.write_seconds, 100.0 * e.write_seconds / e.seconds, mb(e.output_bytes),
                mib(e.peak_rss));
  out << line;
  if (e.failures->count() > 0)
    out << "  FAILED on " << e.failures->count() << " documents, first: " << e.failures->first() << "\n";
}

json stage_json(const StageReport& r) {
  json j = {{"documents", r.documents}, {"bytes", r.bytes},       {"sentences", r.sentences},
            {"mentions", r.mentions},   {"entities", r.entities}, {"relations", r.relations},
            {"nodes", r.nodes},         {"edges", r.edges},       {"graphml_bytes", r.graphml_bytes},
            {"jsonld_bytes", r.jsonld_bytes}, {"setup_seconds", r.setup_seconds}, {"peak_rss_bytes", r.peak_rss}};
  for (const StageCost& s : r.stages)
    j["stages"].push_back({{"stage", s.name},
                           {"seconds", s.seconds},
                           {"mb_per_s", mb(r.bytes) / s.seconds},
                           {"articles_per_s", r.documents / s.seconds},
                           {"allocs", s.allocs},
                           {"alloc_bytes", s.alloc_bytes}});
  return j;
}

json e2e_json(const EndToEnd& e) {
  return {{"jobs", e.jobs},
          {"seconds", e.seconds},
          {"extract_seconds", e.extract_seconds},
          {"write_seconds", e.write_seconds},
          {"documents", e.documents},
          {"bytes", e.bytes},
          {"mb_per_s", mb(e.bytes) / e.seconds},
          {"articles_per_s", e.documents / e.seconds},
          {"output_bytes", e.output_bytes},
          {"output_fnv1a", e.output_hash},
          {"peak_rss_bytes", e.peak_rss}};
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

// ---------------------------------------------------------------------------

std::unique_ptr<Corpus> open_corpus(const Args& args, const kg::Lexicon* lexicon) {
  if (!args.input.empty()) return std::make_unique<InputFiles>(args.input);
  if (!args.seeds_dir.empty()) return std::make_unique<RepeatedFiles>(args.seeds_dir, args.corpus.target_bytes);
  return std::make_unique<GeneratedCorpus>(args.corpus, lexicon);
}

fs::path make_workdir(const Args& args) {
  if (!args.workdir.empty()) {
    fs::create_directories(args.workdir);
    return args.workdir;
  }
  return fs::temp_directory_path() / ("kg-bench-" + std::to_string(::getpid()));
}

int run(const std::vector<std::string>& argv) {
  if (!argv.empty() && (argv[0] == "-h" || argv[0] == "--help")) {
    std::cout << kUsage;
    return 0;
  }
  const Args args = parse_args(argv);
  json report = {{"commit", args.commit},
                 {"cores", std::thread::hardware_concurrency()},
                 {"load_average_before", load_average()}};

  const auto load_start = Clock::now();
  const kg::Lexicon& lexicon = kg::Lexicon::builtin();
  const kg::Pipeline pipeline;
  const double load_seconds = seconds_since(load_start);
  const std::size_t baseline_rss = proc_status_bytes("VmRSS");
  report["load_seconds"] = load_seconds;
  report["baseline_rss_bytes"] = baseline_rss;

  std::unique_ptr<Corpus> corpus = open_corpus(args, &lexicon);
  report["corpus"] = corpus->describe();
  std::cout << "kg_bench_throughput: corpus " << corpus->describe() << "; pipeline loaded in " << load_seconds
            << " s, RSS " << mib(baseline_rss) << " MiB; load average " << load_average() << "\n";

  if (args.run_e2e) {
    const fs::path workdir = make_workdir(args);
    // Removes a temporary working directory even when a pass throws.
    struct Cleanup {
      fs::path dir;
      ~Cleanup() {
        std::error_code ignored;
        if (!dir.empty()) fs::remove_all(dir, ignored);
      }
    } cleanup{!args.keep && args.workdir.empty() ? workdir : fs::path()};
    fs::create_directories(workdir);
    std::vector<std::string> paths;
    if (auto* files = dynamic_cast<InputFiles*>(corpus.get()); files && !args.input.ends_with(".jsonl")) {
      paths = files->paths();
    } else if (!args.from_memory) {
      paths = materialise(*corpus, workdir / "corpus");
    }
    report["e2e_source"] = paths.empty() ? "memory" : "files";
    std::vector<unsigned> job_counts = {1};
    if (args.jobs > 1) job_counts.push_back(args.jobs);
    std::vector<EndToEnd> runs;
    for (unsigned jobs : job_counts) {
      const bool reset = reset_peak_rss();
      std::unique_ptr<DocumentFeed> feed =
          paths.empty() ? std::make_unique<DocumentFeed>(*corpus) : std::make_unique<DocumentFeed>(paths);
      runs.push_back(run_end_to_end(pipeline, *feed, jobs, workdir / ("graph-" + std::to_string(jobs) + ".graphml")));
      print_e2e(runs.back(), std::cout);
      json j = e2e_json(runs.back());
      j["failures"] = runs.back().failures->to_json();
      j["peak_rss_is_per_pass"] = reset;
      report["e2e"].push_back(j);
    }
    if (runs.size() > 1) {
      const bool same = runs[0].output_hash == runs[1].output_hash && runs[0].output_bytes == runs[1].output_bytes;
      const double speedup = runs[0].seconds / runs[1].seconds;
      std::cout << "e2e " << args.jobs << " jobs vs 1: speed-up " << speedup << "x, output "
                << (same ? "byte-identical" : "DIFFERENT") << "\n";
      report["e2e_speedup"] = speedup;
      report["e2e_identical"] = same;
    }
  }

  if (args.run_stages) {
    const bool reset = reset_peak_rss();
    StageReport stages;
    run_stages(*corpus, lexicon, stages);
    print_stage_table(stages, std::cout);
    report["stage_pass"] = stage_json(stages);
    report["stage_pass"]["failures"] = stages.failures.to_json();
    report["stage_pass"]["peak_rss_is_per_pass"] = reset;
  }
  report["load_average_after"] = load_average();

  if (!args.json_path.empty()) {
    std::ofstream out(args.json_path);
    out << report.dump(2) << '\n';
    if (!out) throw kg::Error(kg::ErrorCode::Io, args.json_path + ": cannot write");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const kg::Error& e) {
    std::fprintf(stderr, "kg_bench_throughput: error: %s\n%s", e.what(),
                 e.code() == kg::ErrorCode::Usage ? kUsage : "");
    return e.code() == kg::ErrorCode::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kg_bench_throughput: error: %s\n", e.what());
    return 1;
  }
}
