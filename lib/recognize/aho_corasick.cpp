#include "recognize/aho_corasick.hpp"

#include <algorithm>
#include <numeric>

namespace kg::recognize {

namespace {

constexpr std::uint32_t kNone = 0xFFFFFFFFu;

// A trie used only while building: children in ascending byte order as a
// first-child / next-sibling list; a node's patterns are a run of `order`.
struct TrieNode {
  std::uint32_t first_child = kNone;
  std::uint32_t last_child = kNone;
  std::uint32_t next_sibling = kNone;
  std::uint32_t ids_begin = 0;  // into the sorted pattern order
  std::uint32_t ids_count = 0;
  unsigned char byte = 0;
};

// Builds the trie from the patterns in sorted order, so every node's children
// are appended in ascending byte order and no map is needed. Returns the
// nodes; `order` receives the pattern ids sorted by text (ties by id).
std::vector<TrieNode> build_trie(std::span<const std::string_view> patterns, std::vector<std::uint32_t>& order) {
  order.resize(patterns.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return patterns[a] < patterns[b]; });
  std::vector<TrieNode> trie(1);
  std::vector<std::uint32_t> path = {0};  // nodes along the previous pattern
  std::string_view previous;
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const std::string_view p = patterns[order[k]];
    if (p.empty()) continue;
    std::size_t common = 0;
    while (common < p.size() && common < previous.size() && p[common] == previous[common]) ++common;
    path.resize(common + 1);
    for (std::size_t i = common; i < p.size(); ++i) {
      const std::uint32_t parent = path.back();
      const auto child = static_cast<std::uint32_t>(trie.size());
      trie.emplace_back();
      trie[child].byte = static_cast<unsigned char>(p[i]);
      if (trie[parent].first_child == kNone) trie[parent].first_child = child;
      else trie[trie[parent].last_child].next_sibling = child;
      trie[parent].last_child = child;
      path.push_back(child);
    }
    TrieNode& end = trie[path.back()];
    if (end.ids_count == 0) end.ids_begin = k;
    ++end.ids_count;
    previous = p;
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
  lengths_.reserve(patterns.size());
  for (std::string_view p : patterns) lengths_.push_back(static_cast<std::uint32_t>(p.size()));
  std::vector<std::uint32_t> order;
  const std::vector<TrieNode> trie = build_trie(patterns, order);
  state_count_ = trie.size();

  // Place the trie in the double array breadth first: each node's children
  // go to the first base whose slots are all free.
  std::vector<std::uint32_t> slot_of(trie.size(), kNone);
  std::vector<std::uint32_t> bfs = {0};
  bfs.reserve(trie.size());
  slot_of[0] = 0;
  slots_.assign(trie.size() + 512, Slot{});
  slots_[0].check = kRoot;
  FreeSlots free_slots(slots_.size());
  free_slots.take(0);
  std::uint32_t max_base = 0;
  std::size_t used_end = 1;
  std::vector<unsigned char> bytes;
  for (std::size_t q = 0; q < bfs.size(); ++q) {
    const std::uint32_t n = bfs[q];
    const std::uint32_t s = slot_of[n];
    bytes.clear();
    for (std::uint32_t c = trie[n].first_child; c != kNone; c = trie[c].next_sibling) bytes.push_back(trie[c].byte);
    if (bytes.empty()) continue;  // base 0: a leaf's lookups land on slots whose parent is never s
    std::uint32_t base = 0;
    for (std::size_t f = free_slots.first_at_or_after(bytes.front());; f = free_slots.first_at_or_after(f + 1)) {
      while (f + 256 >= slots_.size()) {
        slots_.resize(slots_.size() * 2);
        free_slots.grow(slots_.size());
      }
      base = static_cast<std::uint32_t>(f - bytes.front());
      const bool fits = std::all_of(bytes.begin() + 1, bytes.end(),
                                    [&](unsigned char b) { return slots_[base + b].check == kFree; });
      if (fits) break;
    }
    slots_[s].base = base;
    max_base = std::max(max_base, base);
    for (std::uint32_t c = trie[n].first_child; c != kNone; c = trie[c].next_sibling) {
      const std::uint32_t t = base + trie[c].byte;
      slots_[t].check = s;
      free_slots.take(t);
      used_end = std::max<std::size_t>(used_end, t + 1);
      slot_of[c] = t;
      bfs.push_back(c);
    }
  }
  slots_.resize(std::max<std::size_t>(max_base + 257, used_end));
  for (int b = 0; b < 256; ++b) {
    const std::uint32_t t = slots_[0].base + static_cast<std::uint32_t>(b);
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
      slots_[t].fail = n == 0 ? 0 : step(slots_[s].fail, trie[c].byte);
    }
  }
}

std::vector<AhoCorasick::Match> AhoCorasick::find_all(std::string_view text) const {
  std::vector<Match> out;
  for_each_match(text, [&](std::size_t begin, std::size_t end, std::uint32_t id) { out.push_back({begin, end, id}); });
  return out;
}

}  // namespace kg::recognize
