// kg build, kg extract and kg merge: articles to a graph, articles to
// fragments, fragments to a graph.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>
#include <utility>

#include "cli/commands.hpp"
#include "kg/error.hpp"
#include "kg/fragment.hpp"
#include "kg/writers.hpp"

namespace kg::cli {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// What the run saw, for the closing summary.
struct Tally {
  std::size_t documents = 0;
  std::size_t bytes = 0;
  std::map<std::string, std::size_t> cleaning;
  void add(const DocumentExtraction& x) {
    ++documents;
    bytes += x.bytes;
    for (const auto& [step, n] : x.cleaning) cleaning[step] += n;
  }
};

void print_counts(std::ostream& out, const char* title, const std::map<std::string, std::size_t>& counts) {
  out << title;
  if (counts.empty()) out << " none";
  for (const auto& [name, n] : counts) out << "  " << name << ' ' << n;
  out << '\n';
}

void print_summary(std::ostream& out, const Graph& graph, const Tally& tally, double secs) {
  // Counted in the graph: copying out every entity and relation would cost
  // as much as writing the file again on a large graph.
  std::map<std::string, std::size_t> by_type;
  for (const auto& [type, n] : graph.entity_type_counts()) by_type[std::string(to_string(type))] = n;
  std::map<std::string, std::size_t> by_relation;
  for (const auto& [type, n] : graph.relation_type_counts()) by_relation[std::string(to_string(type))] = n;
  char line[200];
  // Small inputs in kB, so a handful of articles does not read "0.0 MB/s".
  const bool small = tally.bytes < 1000000;
  const double size = static_cast<double>(tally.bytes) / (small ? 1e3 : 1e6);
  std::snprintf(line, sizeof line, "documents read: %zu (%.1f %s) in %.2f s (%.1f %s/s)\n", tally.documents,
                size, small ? "kB" : "MB", secs, secs > 0 ? size / secs : 0.0, small ? "kB" : "MB");
  out << line;
  out << "entities: " << graph.node_count() << '\n';
  print_counts(out, "  by type:", by_type);
  out << "relations: " << graph.edge_count() << '\n';
  print_counts(out, "  by type:", by_relation);
  if (!tally.cleaning.empty()) print_counts(out, "cleaning changes:", tally.cleaning);
}

// Runs `write` into a temporary file beside `path` and renames it to `path`
// at the end, so a failed run (an exception from `write` included) leaves no
// half-written file.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
  const std::string temp = path + ".tmp";
  std::ofstream file(temp, std::ios::binary);
  if (!file) throw Error(ErrorCode::Io, path + ": cannot open for writing");
  try {
    write(file);
  } catch (...) {
    file.close();
    std::remove(temp.c_str());
    throw;
  }
  file.close();
  if (!file || std::rename(temp.c_str(), path.c_str()) != 0) {
    std::remove(temp.c_str());
    throw Error(ErrorCode::Io, path + ": cannot write");
  }
}

// Writes the graph to one -o file (atomically), "-" meaning `out`.
void write_output(const Graph& graph, const std::string& path, const std::string& format, std::ostream& out,
                  const WriteOptions& options = {}) {
  if (path == "-") {
    const OutputFormat f = parse_output_format(format.empty() ? "graphml" : format);
    if (f == OutputFormat::GraphML)
      write_graphml(graph, out, options);
    else
      write_jsonld(graph, out, options);
  } else if (path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0) {
    write_atomically(path, [&](std::ostream& file) { write_graph_fragments(graph, file, options); });
  } else {
    write_file(graph, path, format.empty() ? format_for_path(path) : parse_output_format(format), options);
  }
}

// Writes the graph to every -o file or, without -o, to stdout, using `jobs`
// threads: one file is formatted on all of them, several files are written
// at the same time (the writers only read the graph). The bytes never
// depend on `jobs`; a failure is reported for the first failing file in the
// order given.
void write_outputs(const Graph& graph, const std::vector<std::string>& outputs, const std::string& format,
                   std::ostream& out, unsigned jobs = 1) {
  const WriteOptions all_threads{jobs};
  if (outputs.empty()) return write_output(graph, "-", format, out, all_threads);
  if (jobs <= 1 || outputs.size() == 1) {
    for (const std::string& path : outputs) write_output(graph, path, format, out, all_threads);
    return;
  }
  std::vector<std::exception_ptr> errors(outputs.size());
  std::atomic<std::size_t> next{0};
  auto writer = [&] {
    for (std::size_t i = next++; i < outputs.size(); i = next++) {
      if (outputs[i] == "-") continue;  // the shared stream: written below, on this thread
      try {
        write_output(graph, outputs[i], format, out);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 1; t < std::min<std::size_t>(jobs, outputs.size()); ++t) threads.emplace_back(writer);
  writer();
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    if (outputs[i] != "-") continue;
    try {
      write_output(graph, "-", format, out);
    } catch (...) {
      errors[i] = std::current_exception();
    }
  }
  for (const std::exception_ptr& error : errors)
    if (error) std::rethrow_exception(error);
}

// Checks every output name before any work, so a typo fails fast.
void check_outputs(const std::vector<std::string>& outputs, const std::string& format, bool allow_jsonl) {
  for (const std::string& path : outputs) {
    if (path == "-" || !format.empty()) continue;
    if (allow_jsonl && path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0) continue;
    (void)format_for_path(path);
  }
}

}  // namespace

int run_build(const InputOptions& input, const std::vector<std::string>& outputs, const std::string& format,
              bool co_occurrence, const GraphOptions& bounds, Streams io) {
  check_outputs(outputs, format, true);
  const auto start = Clock::now();
  PipelineOptions options = pipeline_options(input);
  options.co_occurrence = co_occurrence;
  const Pipeline pipeline(options);
  Graph graph(bounds);
  Tally tally;
  std::mutex tally_mutex;
  std::mutex graph_mutex;
  extract_each(pipeline, input, io, [&](DocumentExtraction&& x) {
    {
      // Not under the graph's lock, which the other workers wait for.
      std::lock_guard lock(tally_mutex);
      tally.add(x);
    }
    // Hashing, sorting and ranking need no lock; the add that is left does.
    PreparedExtraction prepared = Graph::prepare(std::move(x));
    std::lock_guard lock(graph_mutex);
    graph.add(std::move(prepared));
  });
  write_outputs(graph, outputs, format, io.out, input.jobs);
  if (!input.quiet) {
    // The summary goes where it does not mix with a graph on stdout.
    std::ostream& report = outputs.empty() ? io.err : io.out;
    print_summary(report, graph, tally, seconds_since(start));
    for (const std::string& path : outputs) report << "wrote " << path << '\n';
  }
  return 0;
}

int run_extract(const InputOptions& input, const std::string& output, Streams io) {
  const Pipeline pipeline(pipeline_options(input));
  auto extract_to = [&](std::ostream& out) {
    extract_in_order(
        pipeline, input, io,
        [](const DocumentExtraction& x) {
          std::ostringstream line;
          write_fragment(x, line);
          return std::move(line).str();
        },
        [&](const std::string& lines) { out << lines; });
  };
  if (output == "-")
    extract_to(io.out);
  else
    write_atomically(output, extract_to);
  return 0;
}

int run_merge(const std::vector<std::string>& fragments, const std::vector<std::string>& outputs,
              const std::string& format, bool quiet, const GraphOptions& bounds, Streams io) {
  check_outputs(outputs, format == "jsonl" ? "" : format, true);
  const auto start = Clock::now();
  Graph graph(bounds);
  for (const std::string& path : fragments) {
    if (path == "-") {
      graph.merge(read_fragments(io.in, "stdin", bounds));
      continue;
    }
    std::ifstream file(path, std::ios::binary);
    if (!file) throw Error(ErrorCode::Io, path + ": cannot open for reading");
    graph.merge(read_fragments(file, path, bounds));
  }
  if (outputs.empty() && format == "jsonl") {
    write_graph_fragments(graph, io.out);
  } else {
    write_outputs(graph, outputs, format == "jsonl" ? "" : format, io.out);
  }
  if (!quiet) {
    std::ostream& report = outputs.empty() ? io.err : io.out;
    Tally tally;
    tally.documents = graph.document_count();
    print_summary(report, graph, tally, seconds_since(start));
  }
  return 0;
}

}  // namespace kg::cli
