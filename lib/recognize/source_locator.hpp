// Internal: source spans for the mentions of one document, the answers of
// OffsetMap::to_source, found with fewer searches.
//
// OffsetMap::Scanner gallops through the runs and the original's character
// starts twice per span, from wherever its last answer was. The mentions of
// a document come by position, and between two of them the original is
// close by, so the index of a character start can be guessed from the last
// one found (at the document's average bytes per character) and reached
// from the guess in a few steps; the character span of a copied byte then
// gives the likely character indices, checked with two loads. Every answer
// is checked or searched, never assumed: the spans are exactly
// OffsetMap::to_source's.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/span.hpp"

namespace kg::recognize {

class SourceLocator {
 public:
  explicit SourceLocator(const OffsetMap& map) noexcept
      : map_(map),
        runs_(map.runs().data()),
        run_count_(map.runs().size()),
        starts_(map.char_starts().data()),
        start_count_(map.char_starts().size()),
        chars_per_byte_(map.original_size() == 0 ? 0 : (std::uint64_t{start_count_} << 16) / map.original_size()) {}

  // Where derived bytes [begin, end) came from; the same as map.to_source().
  SourceSpan to_source(std::size_t begin, std::size_t end) {
    if (begin >= end || end > map_.size() || run_count_ == 0 || runs_[0].out_begin != 0)
      return map_.to_source(begin, end);  // the rare shapes: the general search
    SourceSpan s;
    std::size_t next_begin = 0, next_end = 0;
    s.byte_begin = origin_of(begin, next_begin).first;
    s.byte_end = std::max<std::size_t>(origin_of(end - 1, next_end).second, s.byte_begin);
    // A copied byte's span starts at starts_[next - 1] and ends at starts_[next]
    // (or the original's end): those indices are the likely answers.
    s.char_begin = index_not_below(s.byte_begin, next_begin == 0 ? 0 : next_begin - 1);
    s.char_end = s.byte_end == s.byte_begin ? s.char_begin : index_not_below(s.byte_end, next_end);
    return s;
  }

 private:
  // The index of the run holding derived byte `at`: the last whose out_begin
  // is not above it. Near the last answer a few steps find it.
  std::size_t run_of(std::size_t at) {
    for (int step = 0; step < 8; ++step) {
      if (runs_[run_].out_begin > at) --run_;  // runs_[0].out_begin == 0 stops this
      else if (run_ + 1 < run_count_ && runs_[run_ + 1].out_begin <= at) ++run_;
      else return run_;
    }
    run_ = static_cast<std::size_t>(std::upper_bound(runs_, runs_ + run_count_, at,
                                                     [](std::size_t a, const OffsetMap::Run& r) {
                                                       return a < r.out_begin;
                                                     }) -
                                    runs_) -
           1;
    return run_;
  }

  // Original range of derived byte `at`, as OffsetMap::origin_of gives it;
  // `next` receives the index of the first character start above the byte
  // (copied runs; 0 otherwise).
  std::pair<std::uint32_t, std::uint32_t> origin_of(std::size_t at, std::size_t& next) {
    const OffsetMap::Run& r = runs_[run_of(at)];
    next = 0;
    if (!r.copied) return {r.source_begin, r.source_end};
    const std::uint32_t p = r.source_begin + static_cast<std::uint32_t>(at - r.out_begin);
    next = index_above(p);
    const std::uint32_t first = next == 0 ? p : starts_[next - 1];
    return {first, next == start_count_ ? map_.original_size() : starts_[next]};
  }

  // The index of the first character start above original byte p
  // (upper_bound): guessed from the last answer at the document's average
  // bytes per character, then galloped to from the guess (a few steps when
  // the guess is close) and searched in the bracket found.
  std::size_t index_above(std::uint32_t p) {
    const std::size_t n = start_count_;
    std::size_t guess = last_next_;
    if (p >= last_p_) guess += static_cast<std::size_t>((std::uint64_t{p - last_p_} * chars_per_byte_) >> 16);
    guess = std::min(guess, n);
    std::size_t lo = 0, hi = 0;  // the answer lies in [lo, hi]
    std::size_t step = 1;
    if (guess < n && starts_[guess] <= p) {
      lo = guess + 1;
      while (lo + step - 1 < n && starts_[lo + step - 1] <= p) {
        lo += step;
        step <<= 1;
      }
      hi = std::min(n, lo + step - 1);
    } else {
      hi = guess;
      while (hi >= step && starts_[hi - step] > p) {
        hi -= step;
        step <<= 1;
      }
      lo = hi >= step ? hi - step + 1 : 0;
    }
    last_next_ = static_cast<std::size_t>(std::upper_bound(starts_ + lo, starts_ + hi, p) - starts_);
    last_p_ = p;
    return last_next_;
  }

  // The index of the first character start not below `byte` (lower_bound):
  // `guess` when two comparisons confirm it, else searched.
  std::size_t index_not_below(std::size_t byte, std::size_t guess) const {
    const std::size_t n = start_count_;
    if (guess <= n && (guess == n || starts_[guess] >= byte) && (guess == 0 || starts_[guess - 1] < byte)) return guess;
    return static_cast<std::size_t>(std::lower_bound(starts_, starts_ + n, byte) - starts_);
  }

  const OffsetMap& map_;
  // The map's runs and character starts, as pointers and counts: fewer
  // loads than through the vectors on every step.
  const OffsetMap::Run* runs_;
  std::size_t run_count_;
  const std::uint32_t* starts_;
  std::size_t start_count_;
  std::uint64_t chars_per_byte_;  // character starts per original byte, times 2^16
  std::size_t run_ = 0;        // the run of the last byte looked up
  std::uint32_t last_p_ = 0;   // the last original byte looked up, and
  std::size_t last_next_ = 0;  // the index of the first character start above it
};

}  // namespace kg::recognize
