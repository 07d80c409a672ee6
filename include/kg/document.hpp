// kg/document.hpp - the first stage: bytes as they came, with a name.
//
// A RawDocument is the untouched input (a file, a pipe, a JSON Lines record,
// a string in memory) plus the metadata known before reading it. Decoding,
// format detection and cleaning happen in kg::Cleaner (kg/clean_text.hpp).
//
//   kg::RawDocument doc = kg::read_document("articles/a.txt");
//   kg::RawDocument mem = kg::make_document("demo", "华为在深圳发布新产品。");
//
// Thread-safety: plain value type; the read functions share no state.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

struct RawDocument {
  std::string id;     // stable identifier: the file name for files, given otherwise
  std::string path;   // where it was read from ("-" for standard input, "" in memory)
  std::string bytes;  // the original bytes, in whatever encoding they came
  // Metadata known up front (from JSON Lines: url, date, source).
  std::map<std::string, std::string> attributes;
};

// Reads a whole file (regular file, pipe or process substitution) into a
// document whose id is the file's name. Throws kg::Error (Io) naming the path
// when it is missing, a directory or unreadable.
RawDocument read_document(const std::string& path);

// Reads a whole stream into a document with the given id and path.
// Throws kg::Error (Io) when the stream fails.
RawDocument read_document(std::istream& in, std::string id, std::string path = "-");

// Wraps bytes already in memory as a document.
RawDocument make_document(std::string id, std::string bytes);

// Expands inputs for the command line: files as given, directories
// recursively to their *.txt, *.html, *.htm, *.md and *.jsonl files in sorted
// order, "-" kept as is. Throws kg::Error (Io) for a path that does not exist.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs);

// Parses JSON Lines articles (one object a line: id, text, optional url, date,
// source) into documents. Throws kg::Error (Format) naming `origin` and the
// line number for a malformed line. Lines are numbered from `first_line`
// (for a caller that hands over a stream one line at a time); an article
// without an id is named "origin:line".
std::vector<RawDocument> parse_jsonl_documents(std::string_view jsonl, const std::string& origin,
                                               std::size_t first_line = 1);

}  // namespace kg
