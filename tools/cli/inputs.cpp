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

// Streams a JSON Lines file line by line, so a large file is never held
// whole; the lines are parsed by whoever processes the items. Returns false
// when `visit` asked to stop.
bool for_each_jsonl_line(std::istream& in, const std::string& origin,
                         const std::function<bool(InputItem)>& visit) {
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    InputItem item;
    item.jsonl_line = std::move(line);
    item.origin = origin;
    item.line_number = number;
    if (!visit(std::move(item))) return false;
  }
  if (in.bad()) throw Error(ErrorCode::Io, origin + ": read failed");
  return true;
}

}  // namespace

PipelineOptions pipeline_options(const InputOptions& options) {
  PipelineOptions p;
  p.clean.encoding = options.encoding;
  p.clean.format = parse_format_in(options.format_in);
  for (const std::string& step : options.keep) {
    CleanStep s;
    if (!parse_clean_step(step, s)) throw Error(ErrorCode::Usage, "unknown cleaning step '" + step + "'");
    p.clean.keep(s);
  }
  p.lexicon_files = options.lexicons;
  return p;
}

std::vector<RawDocument> documents_of(InputItem& item) {
  if (item.line_number > 0) return parse_jsonl_documents(item.jsonl_line, item.origin, item.line_number);
  std::vector<RawDocument> one;
  one.push_back(std::move(item.document));
  return one;
}

void for_each_input_item(const InputOptions& options, std::istream& in,
                         const std::function<bool(InputItem)>& visit) {
  auto whole = [&](RawDocument doc) {
    InputItem item;
    item.document = std::move(doc);
    return visit(std::move(item));
  };
  for (const std::string& path : expand_inputs(options.inputs)) {
    bool go_on = true;
    if (path == "-") {
      // Standard input is one article, unless it starts like JSON Lines:
      // then it is streamed line by line and never held whole.
      if (in.peek() == '{')
        go_on = for_each_jsonl_line(in, "stdin", visit);
      else
        go_on = whole(read_document(in, "stdin", "-"));
    } else if (is_jsonl(path)) {
      std::ifstream file(path, std::ios::binary);
      if (!file) throw Error(ErrorCode::Io, path + ": cannot open for reading");
      go_on = for_each_jsonl_line(file, path, visit);
    } else {
      go_on = whole(read_document(path));
    }
    if (!go_on) return;
  }
}

void for_each_document(const InputOptions& options, std::istream& in,
                       const std::function<void(RawDocument)>& visit) {
  for_each_input_item(options, in, [&](InputItem item) {
    for (RawDocument& doc : documents_of(item)) visit(std::move(doc));
    return true;
  });
}

}  // namespace kg::cli
