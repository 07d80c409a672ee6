// A byte-level Aho-Corasick automaton: one pass over a text reports every
// occurrence of every pattern. It is the recogniser's single scan over the
// folded text; all lexicon keys, organisation heads and protected phrases are
// patterns of one automaton, told apart by the caller's payload.
//
// The goto function is a double-array trie: the child of state s on byte b is
// slot base(s) + b when that slot's check is s, so a transition is two loads
// and no search. A dense 256-entry table for the root skips the common
// "no pattern starts here" case in one load. Each state's outputs (its own
// pattern and those of its dictionary suffixes, longest first) are flattened
// at build time, so reporting a match walks no links.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kg::recognize {

class AhoCorasick {
 public:
  struct Match {
    std::size_t begin;
    std::size_t end;
    std::uint32_t pattern;  // index in the order patterns were added
  };

  // Builds the automaton; pattern i is reported with index i. Empty patterns
  // are ignored.
  explicit AhoCorasick(const std::vector<std::string>& patterns);
  explicit AhoCorasick(std::span<const std::string_view> patterns);
  AhoCorasick() : AhoCorasick(std::span<const std::string_view>{}) {}

  // Calls on_match(begin, end, pattern) for every occurrence of every
  // pattern, ordered by end then by length (longest first).
  template <class OnMatch>
  void for_each_match(std::string_view text, OnMatch&& on_match) const;

  // Returns every occurrence, in the order for_each_match reports them.
  std::vector<Match> find_all(std::string_view text) const;

  std::size_t states() const noexcept { return state_count_; }

 private:
  struct Slot {
    std::uint32_t base = 0;    // children of this state are at base + byte
    std::uint32_t check = kFree;  // the parent state of this slot, kFree when unused
    std::uint32_t fail = 0;
    std::uint32_t output = 0;  // index into outputs_: a count, then that many pattern ids; 0 = none
  };
  static constexpr std::uint32_t kFree = 0xFFFFFFFFu;
  static constexpr std::uint32_t kRoot = 0xFFFFFFFEu;  // check value of the root slot

  void build(std::span<const std::string_view> patterns);

  std::uint32_t step(std::uint32_t state, unsigned char byte) const noexcept {
    while (state != 0) {
      const std::uint32_t t = slots_[state].base + byte;
      if (slots_[t].check == state) return t;
      state = slots_[state].fail;
    }
    return root_next_[byte];
  }

  std::vector<Slot> slots_;             // size >= every base + 256, so lookups need no bounds check
  std::vector<std::uint32_t> outputs_;  // [0] unused; runs of count, ids...
  std::vector<std::uint32_t> lengths_;  // byte length per pattern
  std::array<std::uint32_t, 256> root_next_{};
  std::size_t state_count_ = 0;
};

template <class OnMatch>
void AhoCorasick::for_each_match(std::string_view text, OnMatch&& on_match) const {
  const Slot* slots = slots_.data();
  const std::uint32_t* outputs = outputs_.data();
  const std::uint32_t* lengths = lengths_.data();
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    state = step(state, static_cast<unsigned char>(text[i]));
    const std::uint32_t out = slots[state].output;
    if (out == 0) continue;
    const std::size_t end = i + 1;
    const std::uint32_t* id = outputs + out + 1;
    for (const std::uint32_t* last = id + outputs[out]; id != last; ++id) on_match(end - lengths[*id], end, *id);
  }
}

}  // namespace kg::recognize
