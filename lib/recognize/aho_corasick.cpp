#include "recognize/aho_corasick.hpp"

#include <algorithm>
#include <numeric>

namespace kg::recognize {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// A trie used only while building: children in ascending symbol order as a
// first-child / next-sibling list; a node's patterns are a run of `order`.
struct TrieNode {
  std::uint32_t first_child = kNone;
  std::uint32_t last_child = kNone;
  std::uint32_t next_sibling = kNone;
  std::uint32_t ids_begin = 0;  // into the sorted pattern order
  std::uint32_t ids_count = 0;
  std::uint32_t symbol = 0;
};

// Builds the trie from the patterns (as symbol strings) in sorted order, so
// every node's children are appended in ascending symbol order and no map is
// needed. Returns the nodes; `order` receives the pattern ids sorted by
// symbol string (ties by id).
std::vector<TrieNode> build_trie(const std::vector<std::vector<std::uint32_t>>& patterns,
                                 std::vector<std::uint32_t>& order) {
  order.resize(patterns.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return patterns[a] < patterns[b]; });
  std::vector<TrieNode> trie(1);
  std::vector<std::uint32_t> path = {0};  // nodes along the previous pattern
  const std::vector<std::uint32_t>* previous = nullptr;
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const std::vector<std::uint32_t>& p = patterns[order[k]];
    if (p.empty()) continue;
    std::size_t common = 0;
    if (previous != nullptr)
      while (common < p.size() && common < previous->size() && p[common] == (*previous)[common]) ++common;
    path.resize(common + 1);
    for (std::size_t i = common; i < p.size(); ++i) {
      const std::uint32_t parent = path.back();
      const auto child = static_cast<std::uint32_t>(trie.size());
      trie.emplace_back();
      trie[child].symbol = p[i];
      if (trie[parent].first_child == kNone) trie[parent].first_child = child;
      else trie[trie[parent].last_child].next_sibling = child;
      trie[parent].last_child = child;
      path.push_back(child);
    }
    TrieNode& end = trie[path.back()];
    if (end.ids_count == 0) end.ids_begin = k;
    ++end.ids_count;
    previous = &p;
  }
  return trie;
}

// The free slots of the double array: finds the first free slot at or after
// a position in near-constant time (next-pointers with path compression).
class FreeSlots {
 public:
  explicit FreeSlots(std::size_t size) : next_(size) { std::iota(next_.begin(), next_.end(), std::size_t{0}); }
  void grow(std::size_t size) {
    const std::size_t old = next_.size();
    if (size <= old) return;
    next_.resize(size);
    std::iota(next_.begin() + static_cast<std::ptrdiff_t>(old), next_.end(), old);
  }
  void take(std::size_t slot) { next_[slot] = slot + 1; }
  std::size_t first_at_or_after(std::size_t slot) {
    if (slot >= next_.size()) grow(slot + 1);
    std::size_t root = slot;
    while (root < next_.size() && next_[root] != root) root = next_[root];
    if (root >= next_.size()) grow(root + 1);
    while (slot != root) {
      const std::size_t up = next_[slot];
      next_[slot] = root;
      slot = up;
    }
    return root;
  }

 private:
  std::vector<std::size_t> next_;  // next_[i] == i: free
};

}  // namespace

AhoCorasick::AhoCorasick(const std::vector<std::string>& patterns) {
  const std::vector<std::string_view> views(patterns.begin(), patterns.end());
  build(views);
}

AhoCorasick::AhoCorasick(std::span<const std::string_view> patterns) { build(patterns); }

void AhoCorasick::build(std::span<const std::string_view> patterns) {
  // The alphabet: every character some pattern uses gets a symbol, 1, 2, ...
  symbols_.assign(kKeyCount, 0);
  std::uint32_t symbol_count = 0;
  std::vector<std::vector<std::uint32_t>> spelled(patterns.size());
  lengths_.reserve(patterns.size());
  for (std::size_t k = 0; k < patterns.size(); ++k) {
    const std::string_view p = patterns[k];
    lengths_.push_back(static_cast<std::uint32_t>(p.size()));
    for (std::size_t i = 0; i < p.size();) {
      std::size_t length = 1;
      std::uint32_t four = 0;
      const std::uint32_t key = char_key(p, i, length, four);
      i += length;
      std::uint32_t symbol = 0;
      if (key == kFourByte) {
        std::uint32_t& s = four_byte_symbols_[four];
        if (s == 0) s = ++symbol_count;
        symbol = s;
      } else if (symbols_[key] == kWideSymbol) {
        symbol = wide_symbols_[key];
      } else if (symbols_[key] != 0) {
        symbol = symbols_[key];
      } else {
        symbol = ++symbol_count;
        if (symbol < kWideSymbol) {
          symbols_[key] = static_cast<std::uint16_t>(symbol);
        } else {
          symbols_[key] = kWideSymbol;
          wide_symbols_[key] = symbol;
        }
      }
      spelled[k].push_back(symbol);
    }
  }
  const std::uint32_t alphabet = symbol_count + 1;  // symbols are 1..symbol_count

  std::vector<std::uint32_t> order;
  const std::vector<TrieNode> trie = build_trie(spelled, order);
  state_count_ = trie.size();

  // Place the trie in the double array breadth first: each node's children
  // go to the first base whose slots are all free.
  std::vector<std::uint32_t> slot_of(trie.size(), kNone);
  std::vector<std::uint32_t> bfs = {0};
  bfs.reserve(trie.size());
  slot_of[0] = 0;
  slots_.assign(trie.size() + 2 * alphabet, Slot{});
  slots_[0].check = kRoot;
  FreeSlots free_slots(slots_.size());
  free_slots.take(0);
  std::uint32_t max_base = 0;
  std::size_t used_end = 1;
  std::vector<std::uint32_t> labels;  // the symbols of a node's children
  for (std::size_t q = 0; q < bfs.size(); ++q) {
    const std::uint32_t n = bfs[q];
    const std::uint32_t s = slot_of[n];
    labels.clear();
    for (std::uint32_t c = trie[n].first_child; c != kNone; c = trie[c].next_sibling) labels.push_back(trie[c].symbol);
    if (labels.empty()) continue;  // base 0: a leaf's lookups land on slots whose parent is never s
    std::uint32_t base = 0;
    for (std::size_t f = free_slots.first_at_or_after(labels.front());; f = free_slots.first_at_or_after(f + 1)) {
      while (f + alphabet >= slots_.size()) {
        slots_.resize(slots_.size() * 2);
        free_slots.grow(slots_.size());
      }
      base = static_cast<std::uint32_t>(f - labels.front());
      const bool fits = std::all_of(labels.begin() + 1, labels.end(),
                                    [&](std::uint32_t b) { return slots_[base + b].check == kFree; });
      if (fits) break;
    }
    slots_[s].base = base;
    max_base = std::max(max_base, base);
    for (std::uint32_t c = trie[n].first_child; c != kNone; c = trie[c].next_sibling) {
      const std::uint32_t t = base + trie[c].symbol;
      slots_[t].check = s;
      free_slots.take(t);
      used_end = std::max<std::size_t>(used_end, t + 1);
      slot_of[c] = t;
      bfs.push_back(c);
    }
  }
  slots_.resize(std::max<std::size_t>(max_base + alphabet + 1, used_end));
  root_next_.assign(alphabet, 0);
  for (std::uint32_t b = 0; b < alphabet; ++b) {
    const std::uint32_t t = slots_[0].base + b;
    root_next_[b] = trie[0].first_child != kNone && slots_[t].check == 0 ? t : 0;
  }

  // Failure links and flattened outputs, breadth first: a node's failure
  // state is shallower, so its outputs are already final.
  outputs_.assign(1, 0);
  std::vector<std::uint32_t> run;
  for (const std::uint32_t n : bfs) {
    const std::uint32_t s = slot_of[n];
    if (n != 0) {
      run.assign(order.begin() + trie[n].ids_begin, order.begin() + trie[n].ids_begin + trie[n].ids_count);
      std::sort(run.begin(), run.end());
      if (const std::uint32_t fo = slots_[slots_[s].fail].output; fo != 0)
        run.insert(run.end(), outputs_.begin() + fo + 1, outputs_.begin() + fo + 1 + outputs_[fo]);
      if (!run.empty()) {
        slots_[s].output = static_cast<std::uint32_t>(outputs_.size());
        outputs_.push_back(static_cast<std::uint32_t>(run.size()));
        outputs_.insert(outputs_.end(), run.begin(), run.end());
      }
    }
    for (std::uint32_t c = trie[n].first_child; c != kNone; c = trie[c].next_sibling) {
      const std::uint32_t t = slot_of[c];
      slots_[t].fail = n == 0 ? 0 : step(slots_[s].fail, trie[c].symbol);
    }
  }
}

std::vector<AhoCorasick::Match> AhoCorasick::find_all(std::string_view text) const {
  std::vector<Match> out;
  for_each_match(text, [&](std::size_t begin, std::size_t end, std::uint32_t id) { out.push_back({begin, end, id}); });
  return out;
}

}  // namespace kg::recognize
