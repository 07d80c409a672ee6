// Reading articles for the subcommands: files, directories, standard input
// and JSON Lines, one document at a time.
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/input_source.hpp"
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

InputSource::InputSource(const InputOptions& options, std::istream& in)
    : in_(in), paths_(expand_inputs(options.inputs)) {}

std::optional<PendingItem> InputSource::next() {
  for (;;) {
    if (lines_ != nullptr) {
      // JSON Lines are streamed line by line, so a large file is never held
      // whole; the lines are parsed by whoever processes the items.
      std::string line;
      while (std::getline(*lines_, line)) {
        ++line_number_;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        PendingItem pending;
        pending.item.jsonl_line = std::move(line);
        pending.item.origin = origin_;
        pending.item.line_number = line_number_;
        return pending;
      }
      if (lines_->bad()) throw Error(ErrorCode::Io, origin_ + ": read failed");
      lines_ = nullptr;
      if (file_.is_open()) file_.close();
    }
    if (next_path_ == paths_.size()) return std::nullopt;
    const std::string& path = paths_[next_path_++];
    if (path == "-") {
      // Standard input is one article, unless it starts like JSON Lines:
      // then it is streamed line by line and never held whole.
      if (in_.peek() == '{') {
        start_lines(in_, "stdin");
        continue;
      }
      PendingItem pending;
      pending.item.document = read_document(in_, "stdin", "-");
      return pending;
    }
    if (is_jsonl(path)) {
      file_.clear();
      file_.open(path, std::ios::binary);
      if (!file_) throw Error(ErrorCode::Io, path + ": cannot open for reading");
      start_lines(file_, path);
      continue;
    }
    PendingItem pending;
    pending.path = path;
    return pending;
  }
}

void InputSource::start_lines(std::istream& stream, const std::string& origin) {
  lines_ = &stream;
  origin_ = origin;
  line_number_ = 0;
}

InputItem load(PendingItem&& pending) {
  if (!pending.path.empty()) pending.item.document = read_document(pending.path);
  return std::move(pending.item);
}

void for_each_input_item(const InputOptions& options, std::istream& in,
                         const std::function<bool(InputItem)>& visit) {
  InputSource source(options, in);
  while (std::optional<PendingItem> pending = source.next())
    if (!visit(load(std::move(*pending)))) return;
}

void for_each_document(const InputOptions& options, std::istream& in,
                       const std::function<void(RawDocument)>& visit) {
  for_each_input_item(options, in, [&](InputItem item) {
    for (RawDocument& doc : documents_of(item)) visit(std::move(doc));
    return true;
  });
}

}  // namespace kg::cli
