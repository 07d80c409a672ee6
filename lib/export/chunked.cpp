#include "export/chunked.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

namespace kg::output {
namespace {

// Chunks handed out but not yet written, per thread: enough that a worker
// rarely waits for the writer, few enough to bound the memory.
constexpr std::size_t kWindowPerThread = 4;

// The chunks of one write: workers take the next chunk number (at most
// `window` ahead of the writer), format it into the slot it maps to, and
// mark it ready; the writer writes ready slots in chunk order and frees them.
class ChunkQueue {
 public:
  ChunkQueue(std::size_t count, std::size_t chunk, std::size_t window)
      : count_(count), chunk_(chunk), chunks_((count + chunk - 1) / chunk), slots_(window) {
    for (Slot& slot : slots_) slot.out = std::make_unique<TextOut>();
  }

  void work(const FormatItems& format) {
    for (;;) {
      std::size_t k;
      {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return failed_ || next_ == chunks_ || next_ < written_ + slots_.size(); });
        if (failed_ || next_ == chunks_) return;
        k = next_++;
      }
      Slot& slot = slots_[k % slots_.size()];
      try {
        slot.out->clear();
        const std::size_t begin = k * chunk_;
        format(*slot.out, begin, std::min(count_, begin + chunk_));
      } catch (...) {
        fail(std::current_exception());
        return;
      }
      {
        std::lock_guard lock(mutex_);
        slot.ready = true;
      }
      ready_.notify_one();
    }
  }

  // Writes every chunk in order; rethrows a worker's exception.
  void write_all(std::ostream& out) {
    for (std::size_t k = 0; k < chunks_; ++k) {
      Slot& slot = slots_[k % slots_.size()];
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return failed_ || slot.ready; });
        if (failed_) return;
      }
      const std::string_view bytes = slot.out->contents();
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      {
        std::lock_guard lock(mutex_);
        slot.ready = false;
        ++written_;
      }
      room_.notify_all();
    }
  }

  void fail(std::exception_ptr error) {
    {
      std::lock_guard lock(mutex_);
      if (!error_) error_ = error;
      failed_ = true;
    }
    room_.notify_all();
    ready_.notify_all();
  }

  std::exception_ptr error() const { return error_; }

 private:
  struct Slot {
    std::unique_ptr<TextOut> out;
    bool ready = false;
  };
  const std::size_t count_, chunk_, chunks_;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::size_t next_ = 0;     // the next chunk to format
  std::size_t written_ = 0;  // chunks written
  bool failed_ = false;
  std::exception_ptr error_;
};

}  // namespace

std::size_t items_per_chunk(std::size_t count, unsigned threads) noexcept {
  // About sixteen chunks a thread, of 16 to 1024 items (a node or edge is a
  // few hundred bytes): small graphs are still split, large ones in chunks
  // of a few hundred kilobytes.
  const std::size_t even = count / (16 * std::max(threads, 1u));
  return std::clamp<std::size_t>(even, 16, 1024);
}

void write_chunked(std::ostream& out, std::size_t count, unsigned threads, const FormatItems& format) {
  if (count == 0) return;
  const std::size_t chunk = items_per_chunk(count, threads);
  if (threads <= 1 || count <= chunk) {
    TextOut serial(out);
    format(serial, 0, count);
    serial.finish();
    return;
  }
  ChunkQueue queue(count, chunk, kWindowPerThread * threads);
  {
    std::vector<std::jthread> workers;
    workers.reserve(threads);
    try {
      for (unsigned t = 0; t < threads; ++t) workers.emplace_back([&] { queue.work(format); });
      queue.write_all(out);
    } catch (...) {
      queue.fail(std::current_exception());
    }
  }  // the workers are joined here
  if (queue.error()) std::rethrow_exception(queue.error());
}

}  // namespace kg::output
