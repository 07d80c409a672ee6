// Reading articles for the subcommands: files, directories, standard input
// and JSON Lines, one document at a time.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "kg/error.hpp"

namespace kg::cli {
namespace {

InputFormat parse_format_in(const std::string& name) {
  if (name.empty() || name == "auto") return InputFormat::Auto;
  if (name == "text") return InputFormat::Text;
  if (name == "html") return InputFormat::Html;
  if (name == "markdown") return InputFormat::Markdown;
  throw Error(ErrorCode::Usage, "unknown input format '" + name + "' (auto, text, html, markdown)");
}

bool is_jsonl(const std::string& path) {
  return path.size() > 6 && path.compare(path.size() - 6, 6, ".jsonl") == 0;
}

// Streams a JSON Lines file article by article, so a large file is never
// held whole.
void for_each_jsonl_article(std::istream& in, const std::string& origin,
                            const std::function<void(RawDocument)>& visit) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::vector<RawDocument> docs = parse_jsonl_documents(line, origin, number);
    for (RawDocument& doc : docs) visit(std::move(doc));
  }
  if (in.bad()) throw Error(ErrorCode::Io, origin + ": read failed");
}

}  // namespace

PipelineOptions pipeline_options(const InputOptions& options) {
  PipelineOptions p;
  p.clean.encoding = options.encoding;
  p.clean.format = parse_format_in(options.format_in);
  for (const std::string& step : options.keep) {
    CleanStep s;
    if (!parse_clean_step(step, s))
      throw Error(ErrorCode::Usage, "unknown cleaning step '" + step + "'");
    p.clean.keep(s);
  }
  p.lexicon_files = options.lexicons;
  return p;
}

void for_each_document(const InputOptions& options, std::istream& in,
                       const std::function<void(RawDocument)>& visit) {
  for (const std::string& path : expand_inputs(options.inputs)) {
    if (path == "-") {
      // Standard input is one article, unless it starts like JSON Lines:
      // then it is streamed line by line and never held whole.
      if (in.peek() == '{') for_each_jsonl_article(in, "stdin", visit);
      else visit(read_document(in, "stdin", "-"));
    } else if (is_jsonl(path)) {
      std::ifstream file(path, std::ios::binary);
      if (!file) throw Error(ErrorCode::Io, path + ": cannot open for reading");
      for_each_jsonl_article(file, path, visit);
    } else {
      visit(read_document(path));
    }
  }
}

}  // namespace kg::cli
