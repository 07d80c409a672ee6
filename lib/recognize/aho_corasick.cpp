#include "recognize/aho_corasick.hpp"

#include <algorithm>
#include <deque>
#include <map>

namespace kg::recognize {

namespace {

// A pointer-free trie used only while building.
struct BuildNode {
  std::map<unsigned char, std::uint32_t> next;
  std::vector<std::uint32_t> patterns;
};

}  // namespace

AhoCorasick::AhoCorasick(const std::vector<std::string>& patterns) {
  std::vector<BuildNode> trie(1);
  lengths_.reserve(patterns.size());
  for (std::uint32_t id = 0; id < patterns.size(); ++id) {
    const std::string& p = patterns[id];
    lengths_.push_back(static_cast<std::uint32_t>(p.size()));
    if (p.empty()) continue;
    std::uint32_t node = 0;
    for (unsigned char b : p) {
      auto it = trie[node].next.find(b);
      if (it == trie[node].next.end()) {
        trie.emplace_back();
        it = trie[node].next.emplace(b, static_cast<std::uint32_t>(trie.size() - 1)).first;
      }
      node = it->second;
    }
    trie[node].patterns.push_back(id);
  }

  // Breadth-first numbering keeps each node's children contiguous.
  nodes_.resize(trie.size());
  std::vector<std::uint32_t> order;
  order.reserve(trie.size());
  order.push_back(0);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::uint32_t n = order[i];
    nodes_[n].first_child = static_cast<std::uint32_t>(edges_.size());
    nodes_[n].child_count = static_cast<std::uint32_t>(trie[n].next.size());
    for (const auto& [b, t] : trie[n].next) {
      edges_.push_back({b, t});
      order.push_back(t);
    }
  }

  // Failure links and output chains, in breadth-first order.
  for (std::uint32_t n : order) {
    Node& node = nodes_[n];
    node.output = kNone;
    if (!trie[n].patterns.empty()) {
      node.output = static_cast<std::uint32_t>(outputs_.size());
      std::vector<std::uint32_t> ids = trie[n].patterns;
      outputs_.insert(outputs_.end(), ids.begin(), ids.end());
      outputs_.push_back(kNone);
    }
  }
  nodes_[0].fail = 0;
  nodes_[0].dict_suffix = kNone;
  for (std::uint32_t n : order) {
    for (std::uint32_t e = nodes_[n].first_child; e < nodes_[n].first_child + nodes_[n].child_count; ++e) {
      const unsigned char b = edges_[e].byte;
      const std::uint32_t t = edges_[e].target;
      std::uint32_t f = nodes_[n].fail;
      std::uint32_t link = 0;
      if (n != 0) {
        while (true) {
          const std::uint32_t c = child(f, b);
          if (c != kNone) {
            link = c;
            break;
          }
          if (f == 0) break;
          f = nodes_[f].fail;
        }
      }
      nodes_[t].fail = link;
      nodes_[t].dict_suffix = nodes_[link].output != kNone ? link : nodes_[link].dict_suffix;
      if (link == 0 && nodes_[0].output == kNone) nodes_[t].dict_suffix = kNone;
    }
  }
  for (int b = 0; b < 256; ++b) {
    const std::uint32_t c = child(0, static_cast<unsigned char>(b));
    root_next_[b] = c == kNone ? 0 : c;
  }
}

std::uint32_t AhoCorasick::child(std::uint32_t node, unsigned char byte) const noexcept {
  const Node& n = nodes_[node];
  const Edge* first = edges_.data() + n.first_child;
  const Edge* last = first + n.child_count;
  if (n.child_count <= 8) {
    for (const Edge* e = first; e != last; ++e)
      if (e->byte == byte) return e->target;
    return kNone;
  }
  const Edge* it = std::lower_bound(first, last, byte,
                                    [](const Edge& e, unsigned char b) { return e.byte < b; });
  return it != last && it->byte == byte ? it->target : kNone;
}

std::uint32_t AhoCorasick::step(std::uint32_t state, unsigned char byte) const noexcept {
  while (state != 0) {
    const std::uint32_t c = child(state, byte);
    if (c != kNone) return c;
    state = nodes_[state].fail;
  }
  return root_next_[byte];
}

std::vector<AhoCorasick::Match> AhoCorasick::find_all(std::string_view text) const {
  std::vector<Match> out;
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    state = step(state, static_cast<unsigned char>(text[i]));
    if (state == 0) continue;
    const std::size_t end = i + 1;
    for (std::uint32_t s = nodes_[state].output != kNone ? state : nodes_[state].dict_suffix; s != kNone && s != 0;
         s = nodes_[s].dict_suffix) {
      for (std::uint32_t o = nodes_[s].output; outputs_[o] != kNone; ++o) {
        const std::uint32_t id = outputs_[o];
        out.push_back({end - lengths_[id], end, id});
      }
    }
  }
  return out;
}

}  // namespace kg::recognize
