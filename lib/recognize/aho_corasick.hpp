// An Aho-Corasick automaton over UTF-8 characters: one pass over a text
// reports every occurrence of every pattern. It is the recogniser's single
// scan over the folded text; all lexicon keys, organisation heads and
// protected phrases are patterns of one automaton, told apart by the
// caller's payload.
//
// The automaton steps once per character, not once per byte: each character
// of the text is looked up in a table of the characters the patterns use
// (its symbol), and a character no pattern uses sends the automaton straight
// back to the root, without walking failure links. Chinese text is three
// bytes a character and most of its characters are in no pattern, so this
// does a fraction of a byte automaton's work. Text and patterns are cut into
// characters the same way (a byte that starts no well-formed sequence is a
// character of its own), so for patterns that are valid UTF-8 the matches are
// exactly the places where the pattern's bytes occur in the text.
//
// The goto function is a double-array trie: the child of state s on symbol c
// is slot base(s) + c when that slot's check is s, so a transition is two
// loads and no search. The root's children are a dense table. Each state's
// outputs (its own pattern and those of its dictionary suffixes, longest
// first) are flattened at build time, so reporting a match walks no links.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
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
    std::uint32_t base = 0;       // children of this state are at base + symbol
    std::uint32_t check = kFree;  // the parent state of this slot, kFree when unused
    std::uint32_t fail = 0;
    std::uint32_t output = 0;  // index into outputs_: a count, then that many pattern ids; 0 = none
  };
  static constexpr std::uint32_t kFree = 0xFFFFFFFFu;
  static constexpr std::uint32_t kRoot = 0xFFFFFFFEu;  // check value of the root slot

  // Where each kind of character has its row in symbols_ (see char_key).
  static constexpr std::uint32_t kTwoByteKeys = 0x80;                 // 128 ASCII characters first
  static constexpr std::uint32_t kThreeByteKeys = kTwoByteKeys + 0x800;
  static constexpr std::uint32_t kStrayKeys = kThreeByteKeys + 0x10000;
  static constexpr std::uint32_t kKeyCount = kStrayKeys + 0x100;
  static constexpr std::uint32_t kFourByte = 0xFFFFFFFFu;  // char_key's answer for a 4-byte character

  // Reads the character at byte i: returns its key in symbols_ (or kFourByte
  // with its 21 bits in `four`) and sets `length` to its byte length.
  static std::uint32_t char_key(std::string_view s, std::size_t i, std::size_t& length, std::uint32_t& four) noexcept;

  // The symbol of the character at byte i (0: no pattern uses it); advances i.
  std::uint32_t symbol_at(std::string_view text, std::size_t& i) const noexcept {
    std::size_t length = 1;
    std::uint32_t four = 0;
    const std::uint32_t key = char_key(text, i, length, four);
    i += length;
    if (key != kFourByte) return symbol_of_key(key);
    const auto it = four_byte_symbols_.find(four);
    return it == four_byte_symbols_.end() ? 0 : it->second;
  }

  // symbol_at for the two common cases, ASCII and a well-formed three-byte
  // character, read as one little-endian word of the four bytes at i: one
  // mask and compare tells a valid three-byte sequence (1110xxxx 10xxxxxx
  // 10xxxxxx) instead of four tests. Anything else, and the last three
  // bytes of the text, go through symbol_at.
  std::uint32_t fast_symbol_at(std::string_view text, std::size_t& i) const noexcept {
    if constexpr (std::endian::native == std::endian::little) {
      if (i + 4 <= text.size()) {
        std::uint32_t w;
        std::memcpy(&w, text.data() + i, 4);
        if ((w & 0x80u) == 0) {
          i += 1;
          return symbol_of_key(w & 0x7Fu);
        }
        if ((w & 0x00C0C0F0u) == 0x008080E0u) {
          i += 3;
          return symbol_of_key(kThreeByteKeys + (((w & 0x0Fu) << 12) | ((w >> 2) & 0xFC0u) | ((w >> 16) & 0x3Fu)));
        }
      }
    }
    return symbol_at(text, i);
  }

  std::uint32_t symbol_of_key(std::uint32_t key) const noexcept {
    const std::uint16_t small = symbols_[key];
    return small != kWideSymbol ? small : wide_symbols_.find(key)->second;
  }

  void build(std::span<const std::string_view> patterns);

  std::uint32_t step(std::uint32_t state, std::uint32_t symbol) const noexcept {
    while (state != 0) {
      const std::uint32_t t = slots_[state].base + symbol;
      if (slots_[t].check == state) return t;
      state = slots_[state].fail;
    }
    return root_next_[symbol];
  }

  // Character key -> symbol, 0 when no pattern uses it. Sixteen bits keep
  // the table small enough to stay in cache between documents; in the
  // unlikely case of more than 65,534 distinct characters the rest are
  // marked kWideSymbol and looked up in wide_symbols_.
  static constexpr std::uint16_t kWideSymbol = 0xFFFF;
  std::vector<std::uint16_t> symbols_;
  std::unordered_map<std::uint32_t, std::uint32_t> wide_symbols_;
  std::unordered_map<std::uint32_t, std::uint32_t> four_byte_symbols_;
  std::vector<Slot> slots_;              // size >= every base + symbol count, so lookups need no bounds check
  std::vector<std::uint32_t> outputs_;   // [0] unused; runs of count, ids...
  std::vector<std::uint32_t> lengths_;   // byte length per pattern
  std::vector<std::uint32_t> root_next_;  // symbol -> child of the root (0: none)
  std::size_t state_count_ = 0;
};

inline std::uint32_t AhoCorasick::char_key(std::string_view s, std::size_t i, std::size_t& length,
                                           std::uint32_t& four) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  length = 1;
  if (b0 < 0x80) return b0;
  auto tail = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]) ^ 0x80u; };  // < 0x40 when a continuation
  const std::size_t left = s.size() - i;
  if ((b0 & 0xF0) == 0xE0 && left >= 3 && tail(1) < 0x40 && tail(2) < 0x40) {
    length = 3;
    return kThreeByteKeys + (((b0 & 0x0Fu) << 12) | (tail(1) << 6) | tail(2));
  }
  if ((b0 & 0xE0) == 0xC0 && left >= 2 && tail(1) < 0x40) {
    length = 2;
    return kTwoByteKeys + (((b0 & 0x1Fu) << 6) | tail(1));
  }
  if ((b0 & 0xF8) == 0xF0 && left >= 4 && tail(1) < 0x40 && tail(2) < 0x40 && tail(3) < 0x40) {
    length = 4;
    four = ((b0 & 0x07u) << 18) | (tail(1) << 12) | (tail(2) << 6) | tail(3);
    return kFourByte;
  }
  return kStrayKeys + b0;
}

template <class OnMatch>
void AhoCorasick::for_each_match(std::string_view text, OnMatch&& on_match) const {
  const Slot* slots = slots_.data();
  const std::uint32_t* outputs = outputs_.data();
  const std::uint32_t* lengths = lengths_.data();
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::uint32_t symbol = fast_symbol_at(text, i);
    if (symbol == 0) {
      state = 0;  // no pattern holds this character: every partial match ends here
      continue;
    }
    state = step(state, symbol);
    const std::uint32_t out = slots[state].output;
    if (out == 0) continue;
    const std::size_t end = i;
    const std::uint32_t* id = outputs + out + 1;
    for (const std::uint32_t* last = id + outputs[out]; id != last; ++id) on_match(end - lengths[*id], end, *id);
  }
}

}  // namespace kg::recognize
