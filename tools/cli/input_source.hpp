// Input items pulled one at a time, for threads that take their own work.
// Internal to the tool.
#pragma once

#include <cstddef>
#include <fstream>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace kg::cli {

// An item as InputSource hands it out: a JSON Lines line or standard input
// already read, or a file still to read (`path`), so that a thread can take
// items under a shared lock and read the file after releasing it.
struct PendingItem {
  InputItem item;
  std::string path;  // non-empty: a file that load() reads into `item`
};

// The items of the inputs in order: files as they are, JSON Lines files
// (*.jsonl) a line at a time, "-" from standard input.
//
//   InputSource source(options, std::cin);
//   while (auto pending = source.next()) use(load(std::move(*pending)));
//
// Thread-safety: none; threads that share a source lock around next().
class InputSource {
 public:
  // Lists the inputs (directories expanded). Throws kg::Error for a
  // missing input.
  InputSource(const InputOptions& options, std::istream& in);

  // Returns the next item, std::nullopt after the last. Throws kg::Error
  // when a JSON Lines file or standard input cannot be opened or read.
  std::optional<PendingItem> next();

 private:
  void start_lines(std::istream& stream, const std::string& origin);

  std::istream& in_;
  std::vector<std::string> paths_;
  std::size_t next_path_ = 0;
  // The JSON Lines stream being read, its name and its last line number.
  std::istream* lines_ = nullptr;
  std::ifstream file_;
  std::string origin_;
  std::size_t line_number_ = 0;
};

// Returns the item, its file read when it names one. Throws kg::Error when
// the file cannot be read.
InputItem load(PendingItem&& pending);

}  // namespace kg::cli
