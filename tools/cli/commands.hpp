// The subcommands of kg and the pieces they share. Internal to the tool.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>
#include <string>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/extraction.hpp"
#include "kg/graph.hpp"
#include "kg/pipeline.hpp"

namespace kg::cli {

// Where the articles come from and how to read them (shared by build,
// extract, clean and explain).
struct InputOptions {
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string encoding;             // --encoding
  std::string format_in;            // --format-in: auto, text, html, markdown
  std::vector<std::string> keep;    // --keep STEP: cleaning steps switched off
  std::vector<std::string> lexicons;  // --lexicon FILE
  unsigned jobs = 1;                  // --jobs N
  bool quiet = false;                 // --quiet: no progress, no summary
};

struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

// Turns the input options into pipeline options; throws kg::Error (Usage)
// for an unknown step or format name.
PipelineOptions pipeline_options(const InputOptions& options);

// Calls `visit` for every document of the inputs, in order: files as they
// are, JSON Lines files (*.jsonl) one article per line, "-" from standard
// input. Only one document is held in memory at a time by this reader.
void for_each_document(const InputOptions& options, std::istream& in,
                       const std::function<void(RawDocument)>& visit);

// Runs the pipeline over every document of the inputs with `options.jobs`
// threads and hands each extraction to `sink` in input order. Returns the
// number of documents.
std::size_t extract_all(const Pipeline& pipeline, const InputOptions& options, Streams io,
                        const std::function<void(DocumentExtraction)>& sink);

int run_build(const InputOptions& input, const std::vector<std::string>& outputs,
              const std::string& format, bool co_occurrence, const GraphOptions& bounds, Streams io);
int run_extract(const InputOptions& input, const std::string& output, Streams io);
int run_merge(const std::vector<std::string>& fragments, const std::vector<std::string>& outputs,
              const std::string& format, bool quiet, const GraphOptions& bounds, Streams io);
int run_clean(const InputOptions& input, bool explain, Streams io);
int run_explain(const std::string& name, const InputOptions& input, Streams io);

}  // namespace kg::cli
