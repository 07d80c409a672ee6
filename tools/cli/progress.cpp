#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace kg::cli {

bool is_terminal(const std::ostream& err) { return &err == &std::cerr && ::isatty(STDERR_FILENO) == 1; }

Progress::Progress(std::ostream& err, bool enabled, std::size_t total_bytes)
    : err_(err), enabled_(enabled), total_(total_bytes), start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

Progress::~Progress() { finish(); }

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::advance(std::size_t documents, std::size_t bytes) {
  documents_ += documents;
  bytes_ += bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  const double secs = seconds();
  const double mb = static_cast<double>(bytes_) / 1e6;
  const double rate = secs > 0 ? mb / secs : 0.0;
  char line[160];
  if (total_ > 0 && rate > 0) {
    const double left = (static_cast<double>(total_) / 1e6 - mb) / rate;
    std::snprintf(line, sizeof line, "\r%zu documents, %.1f/%.1f MB, %.1f MB/s, %.0f s left   ", documents_,
                  mb, static_cast<double>(total_) / 1e6, rate, left > 0 ? left : 0.0);
  } else {
    std::snprintf(line, sizeof line, "\r%zu documents, %.1f MB, %.1f MB/s   ", documents_, mb, rate);
  }
  err_ << line << std::flush;
  drawn_ = true;
}

void Progress::finish() {
  if (!drawn_) return;
  err_ << "\r\033[K" << std::flush;
  drawn_ = false;
}

}  // namespace kg::cli
