// Placing a document's mentions: a counting pass spreads them over their
// sentences in one array, each sentence's share is sorted by (begin, longest
// first), and nesting is found with one pass and a stack of open enclosing
// items, so everything is linear after the sorts. Names are numbered by one
// sort of the items by name.
#include "relate/sentence_view.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <tuple>

namespace kg::relate {
namespace {

std::string_view name_of(const Mention& m) noexcept {
  return m.name.empty() ? std::string_view(m.surface) : std::string_view(m.name);
}

bool placeable(const Mention& m, const std::vector<Sentence>& sentences) noexcept {
  if (m.sentence >= sentences.size() || name_of(m).empty()) return false;
  const Sentence& s = sentences[m.sentence];
  return m.begin >= s.begin && m.end <= s.end && m.end > m.begin;
}

// Orders items by (begin, longest first), keeping the given order of equal
// ones. The recogniser hands mentions over nearly in order, so insertion
// sort is linear in practice and needs no buffer; long runs out of order
// fall back to a merge sort.
void sort_by_position(std::vector<Item>::iterator begin, std::vector<Item>::iterator end) {
  const auto before = [](const Item& a, const Item& b) {
    return std::tuple(a.begin, b.end) < std::tuple(b.begin, a.end);
  };
  if (std::is_sorted(begin, end, before)) return;
  if (end - begin > 64) {
    std::stable_sort(begin, end, before);
    return;
  }
  for (auto i = begin + 1; i < end; ++i)
    for (auto j = i; j > begin && before(*j, *(j - 1)); --j) std::iter_swap(j, j - 1);
}

// Fills `items` with the items of all sentences, sentence by sentence, each
// sentence's in order of position; `work.first[s]` is where sentence s's
// items start.
void place_items(const std::vector<Sentence>& sentences, const Resolution& resolution, std::vector<Item>& items,
                 DocumentViews::Workspace& work) {
  std::vector<std::size_t>& first = work.first;
  first.assign(sentences.size() + 1, 0);
  for (const Mention& m : resolution.mentions)
    if (placeable(m, sentences)) ++first[m.sentence + 1];
  for (std::size_t s = 0; s < sentences.size(); ++s) first[s + 1] += first[s];
  items.assign(first.back(), Item{});
  std::vector<std::size_t>& next = work.next;
  next.assign(first.begin(), first.end() - 1);
  for (const Mention& m : resolution.mentions) {
    if (!placeable(m, sentences)) continue;
    const Sentence& s = sentences[m.sentence];
    Item& it = items[next[m.sentence]++];
    it.mention = &m;
    it.entity.name = name_of(m);
    it.entity.type = m.type;
    it.entity.level = m.level;
    it.begin = m.begin - s.begin;
    it.end = m.end - s.begin;
  }
  // Order each sentence's items and drop second mentions of the very same
  // span (the resolver should not produce them; a second reading would
  // double every pattern), closing the gaps as we go.
  std::size_t kept = 0;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const auto begin = items.begin() + static_cast<std::ptrdiff_t>(first[s]);
    const auto end = items.begin() + static_cast<std::ptrdiff_t>(first[s + 1]);
    sort_by_position(begin, end);
    const auto last = std::unique(begin, end, [](const Item& a, const Item& b) {
      return a.begin == b.begin && a.end == b.end;
    });
    first[s] = kept;
    kept = static_cast<std::size_t>(std::move(begin, last, items.begin() + static_cast<std::ptrdiff_t>(kept)) -
                                    items.begin());
  }
  first.back() = kept;
  items.resize(kept);
}

// A hash of a name, eight bytes at a time, inline: std::hash goes through
// a library call that costs more than the few words of a name need. Equal
// hashes are told apart by comparing the names.
std::size_t name_hash(std::string_view name) noexcept {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = name.size() * kMul;
  const auto mix = [&h](std::uint64_t word) {
    h = (h ^ word) * kMul;
    h ^= h >> 29;
  };
  std::size_t i = 0;
  for (; i + 8 <= name.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, name.data() + i, 8);
    mix(word);
  }
  if (i < name.size()) {
    std::uint64_t word = 0;
    if (name.size() >= 8) {  // the last eight bytes, overlapping the words before
      std::memcpy(&word, name.data() + name.size() - 8, 8);
    } else if (name.size() >= 4) {  // the first and the last four (a two-character name: six bytes)
      std::uint32_t head, tail;
      std::memcpy(&head, name.data(), 4);
      std::memcpy(&tail, name.data() + name.size() - 4, 4);
      word = static_cast<std::uint64_t>(tail) << 32 | head;
    } else  // one by one (a copy of unknown size is a library call)
      for (std::size_t k = i; k < name.size(); ++k) word = word << 8 | static_cast<unsigned char>(name[k]);
    mix(word);
  }
  return static_cast<std::size_t>(h ^ (h >> 32));
}

// The first eight bytes of a name as a number that orders like the bytes
// (big-endian, zero after the end): when two names' prefixes differ, they
// order the names as std::string_view's comparison does.
std::uint64_t byte_order_prefix(std::string_view name) noexcept {
  std::uint64_t key = 0;
  const std::size_t n = name.size() < 8 ? name.size() : 8;
  for (std::size_t k = 0; k < 8; ++k)
    key = key << 8 | (k < n ? static_cast<unsigned char>(name[k]) : 0u);
  return key;
}

// Numbers the distinct names in byte order (EntityRef::rank) and gives
// each item the type and level of the entity of its name, when there is one.
// A document repeats its names, so they are told apart with a hash table
// first and only the distinct ones are sorted.
void rank_names(std::vector<Item>& items, const Resolution& resolution, std::vector<std::string_view>& sorted,
                DocumentViews::Workspace& work) {
  constexpr std::uint32_t kEmpty = UINT32_MAX;
  std::size_t size = 16;
  while (size < items.size() * 2) size *= 2;
  std::vector<std::uint32_t>& table = work.table;  // distinct name index, by hash
  table.assign(size, kEmpty);
  std::vector<std::string_view>& names = work.seen;
  names.clear();
  const auto slot_of = [&](std::string_view name) {
    std::size_t i = name_hash(name) & (size - 1);
    while (table[i] != kEmpty && names[table[i]] != name) i = (i + 1) & (size - 1);
    return i;
  };
  for (Item& it : items) {
    const std::size_t i = slot_of(it.entity.name);
    if (table[i] == kEmpty) {
      table[i] = static_cast<std::uint32_t>(names.size());
      names.push_back(it.entity.name);
    }
    it.entity.rank = table[i];  // for now the order of first appearance
  }
  std::vector<std::uint32_t>& order = work.order;
  order.resize(names.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  // Most names differ in their first eight bytes: compared as numbers,
  // those settle the order without a library call; the rest fall back to
  // comparing the whole names.
  std::vector<std::uint64_t>& prefix = work.prefix;
  prefix.resize(names.size());
  for (std::uint32_t i = 0; i < names.size(); ++i) prefix[i] = byte_order_prefix(names[i]);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return prefix[a] != prefix[b] ? prefix[a] < prefix[b] : names[a] < names[b];
  });
  std::vector<std::uint32_t>& rank = work.rank;
  rank.resize(names.size());
  sorted.resize(names.size());
  for (std::uint32_t r = 0; r < order.size(); ++r) {
    rank[order[r]] = r;
    sorted[r] = names[order[r]];
  }
  std::vector<const Entity*>& entity_of = work.entity_of;
  entity_of.assign(names.size(), nullptr);
  for (const Entity& e : resolution.entities) {
    const std::size_t i = slot_of(e.name);
    if (table[i] != kEmpty && !entity_of[table[i]]) entity_of[table[i]] = &e;
  }
  for (Item& it : items) {
    if (const Entity* e = entity_of[it.entity.rank]) {
      it.entity.type = e->type;
      it.entity.level = e->level;
    }
    it.entity.rank = rank[it.entity.rank];
  }
}

// Sets the parents of one sentence's items (indexes relative to the sentence).
void nest(std::span<Item> items, std::vector<std::size_t>& open) {
  open.clear();
  for (std::size_t i = 0; i < items.size(); ++i) {
    Item& it = items[i];
    while (!open.empty() && items[open.back()].end <= it.begin) open.pop_back();
    // Crossing spans are not nesting: treat the later one as a sibling.
    while (!open.empty() && items[open.back()].end < it.end) open.pop_back();
    it.parent = open.empty() ? kNoParent : open.back();
    open.push_back(i);
  }
}

}  // namespace

std::uint32_t DocumentViews::rank_of(std::string_view name) const noexcept {
  const std::vector<std::uint32_t>& table = work.table;
  if (table.empty()) return kNoRank;
  const std::size_t mask = table.size() - 1;
  for (std::size_t i = name_hash(name) & mask; table[i] != UINT32_MAX; i = (i + 1) & mask)
    if (work.seen[table[i]] == name) return work.rank[table[i]];
  return kNoRank;
}

DocumentViews make_views(const CleanDocument& doc, const std::vector<Sentence>& sentences,
                         const Resolution& resolution) {
  DocumentViews out;
  make_views(doc, sentences, resolution, out);
  return out;
}

void make_views(const CleanDocument& doc, const std::vector<Sentence>& sentences, const Resolution& resolution,
                DocumentViews& out) {
  DocumentViews::Workspace& work = out.work;
  place_items(sentences, resolution, out.items, work);
  rank_names(out.items, resolution, out.names, work);
  const std::vector<std::size_t>& first = work.first;
  // Every item is either at the top of its sentence or a child of one
  // other item, so the lists together hold one entry per item: per sentence
  // the top list, then each item's children, in order.
  std::vector<std::size_t>& child_count = work.child_count;
  child_count.assign(out.items.size(), 0);
  std::vector<std::size_t>& top_count = work.top_count;
  top_count.assign(sentences.size(), 0);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::span<Item> items(out.items.data() + first[s], first[s + 1] - first[s]);
    nest(items, work.open);
    for (const Item& it : items)
      if (it.parent == kNoParent) ++top_count[s];
      else ++child_count[first[s] + it.parent];
  }
  out.links.resize(out.items.size());
  std::vector<std::size_t>& slot = work.slot;  // next free entry of each item's children
  slot.resize(out.items.size());
  std::size_t at = 0;
  std::vector<std::size_t>& top_at = work.top_at;
  top_at.resize(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    top_at[s] = at;
    at += top_count[s];
    for (std::size_t i = first[s]; i < first[s + 1]; ++i) {
      slot[i] = at;
      at += child_count[i];
    }
  }
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    std::size_t top = top_at[s];
    for (std::size_t i = first[s]; i < first[s + 1]; ++i) {
      const std::size_t parent = out.items[i].parent;
      out.links[parent == kNoParent ? top++ : slot[first[s] + parent]++] = i - first[s];
    }
  }
  for (std::size_t i = 0; i < out.items.size(); ++i)
    out.items[i].children = std::span<const std::size_t>(out.links.data() + slot[i] - child_count[i], child_count[i]);
  const std::string& folded = doc.folded.size() == doc.text.size() ? doc.folded : doc.text;
  out.views.clear();
  out.views.reserve(sentences.size());
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const Sentence& sentence = sentences[s];
    std::string_view text = sentence.text;
    if (sentence.begin <= sentence.end && sentence.end <= folded.size())
      text = std::string_view(folded).substr(sentence.begin, sentence.end - sentence.begin);
    out.views.emplace_back(sentence, text,
                           std::span<const Item>(out.items.data() + first[s], first[s + 1] - first[s]),
                           std::span<const std::size_t>(out.links.data() + top_at[s], top_count[s]));
  }
}

}  // namespace kg::relate
