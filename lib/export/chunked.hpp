// Formatting a file's items on several threads, written in order.
// Internal: not installed.
//
// The writers format each node and edge from the graph alone, so items can
// be formatted anywhere: workers format contiguous chunks of them into
// buffers of their own, and the calling thread hands the buffers to the
// stream in item order. The bytes are those of formatting every item in
// order on one thread; only a bounded window of chunks is held at a time.
#pragma once

#include <cstddef>
#include <functional>
#include <iosfwd>

#include "export/text_out.hpp"

namespace kg::output {

// Formats the items [begin, end) into the buffer; called from several threads at once.
using FormatItems = std::function<void(TextOut& out, std::size_t begin, std::size_t end)>;

// Returns how many items a chunk holds when `count` items are formatted on
// `threads` threads: enough chunks for the threads to share the work
// evenly, each large enough that handing it over costs little.
std::size_t items_per_chunk(std::size_t count, unsigned threads) noexcept;

// Writes items [0, count) to `out` in order, formatted by `format` in chunks
// on `threads` threads (on the calling thread alone when threads <= 1 or
// the items fit one chunk). An exception from `format` is rethrown here,
// after every worker has stopped.
void write_chunked(std::ostream& out, std::size_t count, unsigned threads, const FormatItems& format);

}  // namespace kg::output
