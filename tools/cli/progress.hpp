// A one-line progress display on standard error for long runs: documents,
// megabytes, rate and time left. Silent unless stderr is a terminal.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>

namespace kg::cli {

class Progress {
 public:
  // `total_bytes` 0 means unknown (standard input): no time-left estimate.
  Progress(std::ostream& err, bool enabled, std::size_t total_bytes);
  ~Progress();

  // Records finished documents of `bytes` bytes in all; redraws at most 5 times a second.
  void advance(std::size_t documents, std::size_t bytes);

  // Clears the line (before a summary or an error is printed).
  void finish();

  std::size_t documents() const noexcept { return documents_; }
  std::size_t bytes() const noexcept { return bytes_; }
  double seconds() const;

 private:
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  std::size_t total_;
  std::size_t documents_ = 0;
  std::size_t bytes_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

// Tells whether progress should be shown on this stream: it is std::cerr and a terminal.
bool is_terminal(const std::ostream& err);

}  // namespace kg::cli
