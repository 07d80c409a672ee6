// A byte-level Aho-Corasick automaton: one pass over a text reports every
// occurrence of every pattern. It is the recogniser's single scan over the
// folded text; all lexicon keys, organisation heads and protected phrases are
// patterns of one automaton, told apart by the caller's payload.
//
// Children are stored in one flat array sorted by (node, byte) so the whole
// automaton is a handful of contiguous vectors; a dense 256-entry table for
// the root skips the common "no pattern starts here" case in one load.
#pragma once

#include <array>
#include <cstdint>
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
  AhoCorasick() : AhoCorasick(std::vector<std::string>{}) {}

  // Returns every occurrence of every pattern, ordered by end then by length
  // (longest first).
  std::vector<Match> find_all(std::string_view text) const;

  std::size_t states() const noexcept { return nodes_.size(); }

 private:
  struct Node {
    std::uint32_t first_child = 0;  // index into edges_
    std::uint32_t child_count = 0;
    std::uint32_t fail = 0;
    std::uint32_t output = 0;      // index into outputs_ chain head, or kNone
    std::uint32_t dict_suffix = 0;  // nearest proper suffix state with output, or kNone
  };
  struct Edge {
    unsigned char byte;
    std::uint32_t target;
  };
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;

  std::uint32_t child(std::uint32_t node, unsigned char byte) const noexcept;
  std::uint32_t step(std::uint32_t state, unsigned char byte) const noexcept;

  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::vector<std::uint32_t> outputs_;  // pattern ids; per node a run ending in kNone
  std::vector<std::uint32_t> lengths_;  // byte length per pattern
  std::array<std::uint32_t, 256> root_next_{};
};

}  // namespace kg::recognize
