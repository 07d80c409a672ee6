// Running the pipeline over a stream of documents with N threads while
// keeping input order: the reader hands documents to workers through a
// bounded queue, and results are passed on strictly in sequence, so memory
// holds at most a few documents per thread and the output does not depend
// on scheduling.
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/commands.hpp"
#include "cli/progress.hpp"

namespace kg::cli {
namespace {

std::size_t total_input_bytes(const InputOptions& options) {
  std::size_t total = 0;
  for (const std::string& path : expand_inputs(options.inputs)) {
    std::error_code ec;
    if (path == "-") return 0;  // unknown size: no estimate
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec) total += static_cast<std::size_t>(size);
  }
  return total;
}

struct Outcome {
  DocumentExtraction extraction;
  std::exception_ptr error;
  std::size_t bytes = 0;
};

// The shared state between the reader, the workers and the in-order emitter.
class OrderedWork {
 public:
  explicit OrderedWork(std::size_t window) : window_(window) {}

  // Reader: waits for room, then queues a document under the next number.
  void push(RawDocument doc, const std::function<void(Outcome&)>& emit) {
    std::unique_lock lock(mutex_);
    while (pushed_ - emitted_ >= window_) drain_ready(lock, emit, true);
    queue_.emplace_back(pushed_++, std::move(doc));
    work_ready_.notify_one();
  }

  // Worker: takes the next document; std::nullopt once closed and empty.
  std::optional<std::pair<std::size_t, RawDocument>> take() {
    std::unique_lock lock(mutex_);
    work_ready_.wait(lock, [&] { return closed_ || !queue_.empty(); });
    if (queue_.empty()) return std::nullopt;
    auto item = std::move(queue_.front());
    queue_.pop_front();
    return item;
  }

  void finish(std::size_t seq, Outcome outcome) {
    std::lock_guard lock(mutex_);
    done_.emplace(seq, std::move(outcome));
    result_ready_.notify_all();
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    work_ready_.notify_all();
  }

  // Emitter: passes on every remaining result in order.
  void drain_all(const std::function<void(Outcome&)>& emit) {
    std::unique_lock lock(mutex_);
    while (emitted_ < pushed_) drain_ready(lock, emit, true);
  }

 private:
  // Emits results that are next in order; waits for one when `wait` is set.
  void drain_ready(std::unique_lock<std::mutex>& lock, const std::function<void(Outcome&)>& emit,
                   bool wait) {
    if (wait) result_ready_.wait(lock, [&] { return done_.count(emitted_) > 0; });
    for (auto it = done_.find(emitted_); it != done_.end(); it = done_.find(emitted_)) {
      Outcome outcome = std::move(it->second);
      done_.erase(it);
      ++emitted_;
      lock.unlock();
      emit(outcome);  // may throw: the caller stops the workers
      lock.lock();
    }
  }

  std::size_t window_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable result_ready_;
  std::deque<std::pair<std::size_t, RawDocument>> queue_;
  std::map<std::size_t, Outcome> done_;
  std::size_t pushed_ = 0;
  std::size_t emitted_ = 0;
  bool closed_ = false;
};

Outcome extract_one(const Pipeline& pipeline, const RawDocument& doc) {
  Outcome outcome;
  outcome.bytes = doc.bytes.size();
  try {
    outcome.extraction = pipeline.extract(doc);
  } catch (...) {
    outcome.error = std::current_exception();
  }
  return outcome;
}

}  // namespace

std::size_t extract_all(const Pipeline& pipeline, const InputOptions& options, Streams io,
                        const std::function<void(DocumentExtraction)>& sink) {
  const bool show = !options.quiet && is_terminal(io.err);
  Progress progress(io.err, show, show ? total_input_bytes(options) : 0);
  auto emit = [&](Outcome& outcome) {
    if (outcome.error) std::rethrow_exception(outcome.error);
    progress.advance(outcome.bytes);
    sink(std::move(outcome.extraction));
  };

  if (options.jobs <= 1) {
    for_each_document(options, io.in, [&](RawDocument doc) {
      Outcome outcome = extract_one(pipeline, doc);
      emit(outcome);
    });
    return progress.documents();
  }

  OrderedWork work(options.jobs * 4);
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < options.jobs; ++i)
    workers.emplace_back([&] {
      while (auto item = work.take()) work.finish(item->first, extract_one(pipeline, item->second));
    });
  auto stop_workers = [&] {
    work.close();
    for (std::thread& t : workers) t.join();
    workers.clear();
  };
  try {
    for_each_document(options, io.in, [&](RawDocument doc) { work.push(std::move(doc), emit); });
    work.close();
    work.drain_all(emit);
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
  return progress.documents();
}

}  // namespace kg::cli
