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
  std::vector<std::string> inputs;    // files, directories, "-"
  std::string encoding;               // --encoding
  std::string format_in;              // --format-in: auto, text, html, markdown
  std::vector<std::string> keep;      // --keep STEP: cleaning steps switched off
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

// One unit of input: a whole document (a file, standard input), or one
// line of a JSON Lines file still to parse, so that the parsing can run on
// a worker thread.
struct InputItem {
  RawDocument document;
  std::string jsonl_line;
  std::string origin;           // the JSON Lines file's name
  std::size_t line_number = 0;  // its line; 0 when `document` is the item
};

// Calls `visit` for every input item, in order: files as they are, JSON
// Lines files (*.jsonl) a line at a time, "-" from standard input. Stops
// early when `visit` returns false. One item is held at a time.
void for_each_input_item(const InputOptions& options, std::istream& in,
                         const std::function<bool(InputItem)>& visit);

// The documents of an item (a JSON Lines line is parsed here); throws
// kg::Error naming the file and line for a malformed line.
std::vector<RawDocument> documents_of(InputItem& item);

// Calls `visit` for every document of the inputs, in order.
void for_each_document(const InputOptions& options, std::istream& in,
                       const std::function<void(RawDocument)>& visit);

// Runs the pipeline over every document of the inputs with `options.jobs`
// threads. `consume` is called on the worker threads, concurrently and in
// no particular order, so it must lock what it shares. When documents fail,
// the error of the first failing one in input order is thrown after the
// workers have stopped. Returns the number of documents.
std::size_t extract_each(const Pipeline& pipeline, const InputOptions& options, Streams io,
                         const std::function<void(DocumentExtraction&&)>& consume);

// Same, for output that must follow the input order: `render` turns each
// extraction into text on the worker threads, and `write` receives the
// texts on the calling thread in input order.
std::size_t extract_in_order(const Pipeline& pipeline, const InputOptions& options, Streams io,
                             const std::function<std::string(const DocumentExtraction&)>& render,
                             const std::function<void(const std::string&)>& write);

int run_build(const InputOptions& input, const std::vector<std::string>& outputs, const std::string& format,
              bool co_occurrence, const GraphOptions& bounds, Streams io);
int run_extract(const InputOptions& input, const std::string& output, Streams io);
int run_merge(const std::vector<std::string>& fragments, const std::vector<std::string>& outputs,
              const std::string& format, bool quiet, const GraphOptions& bounds, Streams io);
int run_clean(const InputOptions& input, bool explain, Streams io);
int run_explain(const std::string& name, const InputOptions& input, Streams io);

}  // namespace kg::cli
