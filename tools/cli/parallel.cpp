// Running the pipeline over a stream of documents with N threads.
//
// Two ways out: extract_each lets the workers consume their extractions
// themselves, in any order (kg build merges into one graph whose result does
// not depend on the order of adds); extract_in_order has the workers render
// each extraction to text and the calling thread write the texts in input
// order (kg extract's fragments).
//
// In any order, the workers (the calling thread is one of them) take the
// next item from the input source themselves, under a lock, and read and
// process it outside the lock: no reading thread to wake for every
// document, and a document is allocated and freed on the one thread that
// processes it. In input order, the calling thread only reads (whole files,
// or the raw lines of JSON Lines files, which the workers parse) and hands
// the items to the workers through a bounded queue, so memory holds at most
// a few documents per thread.
//
// Errors do not depend on scheduling either: every failure is kept with its
// input position, no item is taken after the first failure seen, the items
// already taken (all before it) are finished, and the failure earliest in
// the input is thrown.
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "cli/commands.hpp"
#include "cli/input_source.hpp"
#include "cli/progress.hpp"
#include "kg/error.hpp"

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

// What the workers give back for one input item.
struct Outcome {
  std::string text;  // the rendered extractions (extract_in_order)
  std::size_t documents = 0;
  std::size_t bytes = 0;
};

// The bounded queue between the reader and the workers (input order mode),
// the finished items waiting for their turn and the failures.
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t window) : window_(window) {}

  // Reader: waits for room, then queues an item under the next number.
  // Returns false once an item has failed: reading should stop.
  bool push(InputItem item, const std::function<void(Outcome&)>& emit) {
    std::unique_lock lock(mutex_);
    while (!failed() && pushed_ - retired_ >= window_) wait_and_emit(lock, emit);
    if (failed()) return false;
    queue_.emplace_back(pushed_++, std::move(item));
    work_ready_.notify_one();
    return true;
  }

  // Worker: takes the next item; std::nullopt once closed and empty.
  std::optional<std::pair<std::size_t, InputItem>> take() {
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

  void fail(std::size_t seq, std::exception_ptr error) {
    std::lock_guard lock(mutex_);
    errors_.emplace(seq, std::move(error));
    // A failed item still waits for its turn, then is dropped.
    done_.emplace(seq, Outcome{});
    result_ready_.notify_all();
  }

  // Reader: reading itself failed (a missing file, a read error) at the
  // position of the next item.
  void fail_reading(std::exception_ptr error) {
    std::size_t seq;
    {
      std::lock_guard lock(mutex_);
      seq = pushed_++;
    }
    fail(seq, std::move(error));
  }

  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    work_ready_.notify_all();
  }

  // Reader, after the last push: waits until every queued item is retired,
  // emitting in order what comes before the first failure.
  void drain(const std::function<void(Outcome&)>& emit) {
    std::unique_lock lock(mutex_);
    while (retired_ < pushed_) wait_and_emit(lock, emit);
  }

  // The failure earliest in the input, or null.
  std::exception_ptr first_error() {
    std::lock_guard lock(mutex_);
    return errors_.empty() ? nullptr : errors_.begin()->second;
  }

 private:
  bool failed() const { return !errors_.empty(); }

  // Emits the finished item that is next in line, else waits for a worker
  // to finish something.
  void wait_and_emit(std::unique_lock<std::mutex>& lock, const std::function<void(Outcome&)>& emit) {
    auto next = done_.find(retired_);
    if (next == done_.end()) {
      result_ready_.wait(lock);
      return;
    }
    Outcome outcome = std::move(next->second);
    done_.erase(next);
    ++retired_;
    if (failed() && retired_ > errors_.begin()->first) return;  // past the failure: drop
    lock.unlock();
    emit(outcome);
    lock.lock();
  }

  std::size_t window_;
  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable result_ready_;
  std::deque<std::pair<std::size_t, InputItem>> queue_;
  std::map<std::size_t, Outcome> done_;
  std::map<std::size_t, std::exception_ptr> errors_;
  std::size_t pushed_ = 0;
  std::size_t retired_ = 0;  // finished and emitted, or failed
  bool closed_ = false;
};

// Runs `process` on every input item with `jobs` threads, the calling
// thread included (one job: no other thread), each taking the next item
// itself.
void run_unordered(const InputOptions& options, std::istream& in,
                   const std::function<Outcome(InputItem&)>& process) {
  InputSource source(options, in);
  std::mutex mutex;  // guards the source and everything below
  std::size_t taken = 0;
  bool stop = false;  // the source is exhausted or an item failed
  std::map<std::size_t, std::exception_ptr> errors;
  auto fail = [&](std::size_t seq, std::exception_ptr error) {
    std::lock_guard lock(mutex);
    errors.emplace(seq, std::move(error));
    stop = true;
  };
  auto work = [&] {
    for (;;) {
      std::optional<PendingItem> pending;
      std::size_t seq;
      {
        std::lock_guard lock(mutex);
        if (stop) return;
        seq = taken++;
        try {
          pending = source.next();
        } catch (...) {
          errors.emplace(seq, std::current_exception());
          stop = true;
          return;
        }
        if (!pending) {
          stop = true;
          return;
        }
      }
      try {
        InputItem item = load(std::move(*pending));
        process(item);
      } catch (...) {
        fail(seq, std::current_exception());
      }
    }
  };
  std::vector<std::thread> helpers;
  try {
    for (unsigned i = 1; i < options.jobs; ++i) helpers.emplace_back(work);
  } catch (...) {  // no thread to start: stop those started
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    for (std::thread& t : helpers) t.join();
    throw;
  }
  work();
  for (std::thread& t : helpers) t.join();
  if (!errors.empty()) std::rethrow_exception(errors.begin()->second);
}

// Runs `process` on every input item with `jobs` workers; `emit` runs on
// the calling thread, in input order.
void run_in_order(const InputOptions& options, std::istream& in, const std::function<Outcome(InputItem&)>& process,
                  const std::function<void(Outcome&)>& emit) {
  if (options.jobs <= 1) {
    for_each_input_item(options, in, [&](InputItem item) {
      Outcome outcome = process(item);
      emit(outcome);
      return true;
    });
    return;
  }
  WorkQueue work(options.jobs * 4);
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < options.jobs; ++i)
    workers.emplace_back([&] {
      while (auto item = work.take()) {
        try {
          work.finish(item->first, process(item->second));
        } catch (...) {
          work.fail(item->first, std::current_exception());
        }
      }
    });
  auto stop_workers = [&] {
    work.close();
    for (std::thread& t : workers) t.join();
    workers.clear();
  };
  try {
    try {
      for_each_input_item(options, in, [&](InputItem item) { return work.push(std::move(item), emit); });
    } catch (const Error&) {
      work.fail_reading(std::current_exception());
    }
    work.close();
    work.drain(emit);
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
  if (std::exception_ptr error = work.first_error()) std::rethrow_exception(error);
}

// A thread-safe progress line.
class SharedProgress {
 public:
  SharedProgress(const InputOptions& options, Streams io)
      : show_(!options.quiet && is_terminal(io.err)),
        progress_(io.err, show_, show_ ? total_input_bytes(options) : 0) {}
  void advance(std::size_t documents, std::size_t bytes) {
    std::lock_guard lock(mutex_);
    progress_.advance(documents, bytes);
  }
  std::size_t documents() {
    std::lock_guard lock(mutex_);
    return progress_.documents();
  }

 private:
  bool show_;
  std::mutex mutex_;
  Progress progress_;
};

// Extracts every document of an item (a JSON Lines line may hold several),
// handing each extraction to `use` along with the item's outcome.
template <class Use>
Outcome extract_item(const Pipeline& pipeline, InputItem& item, Use&& use) {
  Outcome outcome;
  for (RawDocument& doc : documents_of(item)) {
    outcome.bytes += doc.bytes.size();
    ++outcome.documents;
    use(outcome, pipeline.extract(doc));
  }
  return outcome;
}

}  // namespace

std::size_t extract_each(const Pipeline& pipeline, const InputOptions& options, Streams io,
                         const std::function<void(DocumentExtraction&&)>& consume) {
  SharedProgress progress(options, io);
  auto process = [&](InputItem& item) {
    Outcome outcome =
        extract_item(pipeline, item, [&](Outcome&, DocumentExtraction&& x) { consume(std::move(x)); });
    progress.advance(outcome.documents, outcome.bytes);
    return outcome;
  };
  run_unordered(options, io.in, process);
  return progress.documents();
}

std::size_t extract_in_order(const Pipeline& pipeline, const InputOptions& options, Streams io,
                             const std::function<std::string(const DocumentExtraction&)>& render,
                             const std::function<void(const std::string&)>& write) {
  SharedProgress progress(options, io);
  auto process = [&](InputItem& item) {
    return extract_item(pipeline, item,
                        [&](Outcome& outcome, DocumentExtraction&& x) { outcome.text += render(x); });
  };
  auto emit = [&](Outcome& outcome) {
    progress.advance(outcome.documents, outcome.bytes);
    write(outcome.text);
  };
  run_in_order(options, io.in, process, emit);
  return progress.documents();
}

}  // namespace kg::cli
