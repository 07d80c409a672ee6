// A sentence as the relation patterns see it: its simplified-script text and
// its mentions, ordered by position, with nesting worked out once (the
// outermost mentions are the "top" items; a name's immediate inner names are
// its children). Offsets are bytes relative to the sentence. Not installed.
//
// All the sentences of a document share three arrays (DocumentViews): one
// for the items, one for the top and children lists, one for the views, so
// placing a document's mentions costs a handful of allocations however many
// sentences and mentions it has.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/entity.hpp"
#include "kg/mention.hpp"
#include "kg/sentence.hpp"
#include "relate/relate_types.hpp"

namespace kg::relate {

inline constexpr std::size_t kNoParent = static_cast<std::size_t>(-1);

// A mention placed in its sentence.
struct Item {
  const Mention* mention = nullptr;
  EntityRef entity;
  std::size_t begin = 0;  // bytes, relative to the sentence
  std::size_t end = 0;
  std::size_t parent = kNoParent;          // index of the smallest enclosing item
  std::span<const std::size_t> children;  // immediate inner items, in order
};

class SentenceView {
 public:
  // `text` is the sentence's simplified-script text (same byte length as
  // the sentence); `items` are its mentions placed and nested, `top` the
  // indexes of the outermost ones. The spans must outlive the view.
  SentenceView(const Sentence& sentence, std::string_view text, std::span<const Item> items,
               std::span<const std::size_t> top) noexcept
      : sentence_(&sentence), text_(text), items_(items), top_(top) {}

  const Sentence& sentence() const noexcept { return *sentence_; }
  std::string_view text() const noexcept { return text_; }
  std::span<const Item> items() const noexcept { return items_; }
  const Item& item(std::size_t i) const { return items_[i]; }
  // Indexes of the outermost items, in order of position.
  std::span<const std::size_t> top() const noexcept { return top_; }

  // Returns the text between two byte offsets of the sentence ("" when b <= a).
  std::string_view between(std::size_t a, std::size_t b) const noexcept {
    if (b <= a || a >= text_.size()) return {};
    return text_.substr(a, (b < text_.size() ? b : text_.size()) - a);
  }

 private:
  const Sentence* sentence_;
  std::string_view text_;
  std::span<const Item> items_;
  std::span<const std::size_t> top_;
};

// The views of all the sentences of one document, and the storage they view.
// Not copyable (the views point into the arrays); movable.
struct DocumentViews {
  std::vector<Item> items;           // sentence by sentence
  std::vector<std::size_t> links;    // per sentence: its top list, then each item's children
  std::vector<SentenceView> views;   // one per sentence, in order
  std::vector<std::string_view> names;  // distinct names in byte order: names[rank]

  // Buffers make_views works in. Handing make_views the same DocumentViews
  // for document after document reuses them (and the arrays above), so a
  // thread reading many documents stops allocating here; their contents mean
  // nothing between calls.
  struct Workspace {
    std::vector<std::size_t> first;        // per sentence: where its items start
    std::vector<std::size_t> next;         // per sentence: next free item while placing
    std::vector<std::size_t> open;         // enclosing items while nesting
    std::vector<std::size_t> child_count;  // per item
    std::vector<std::size_t> top_count;    // per sentence
    std::vector<std::size_t> slot;         // per item: next free entry of its children
    std::vector<std::size_t> top_at;       // per sentence: where its top list starts
    std::vector<std::uint32_t> table;      // open addressing over distinct names
    std::vector<std::uint32_t> order;      // distinct names, sorted
    std::vector<std::uint32_t> rank;       // rank of each distinct name
    std::vector<std::uint64_t> prefix;     // per distinct name: its first eight bytes, for sorting
    std::vector<std::string_view> seen;    // distinct names, in order of first appearance
    std::vector<const Entity*> entity_of;  // per distinct name
  } work;

  static constexpr std::uint32_t kNoRank = UINT32_MAX;
  // Returns the rank of `name` (names[rank] == name); kNoRank when the
  // document does not name it. One probe of the table make_views built,
  // instead of a binary search over the names.
  std::uint32_t rank_of(std::string_view name) const noexcept;

  DocumentViews() = default;
  DocumentViews(DocumentViews&&) = default;
  DocumentViews& operator=(DocumentViews&&) = default;
  DocumentViews(const DocumentViews&) = delete;
  DocumentViews& operator=(const DocumentViews&) = delete;
};

// Places the resolved mentions in their sentences: each gets the type and
// level of its entity and the rank of its name (EntityRef::rank). Mentions
// outside their sentence, empty ones and second mentions of the very same
// span are left out.
DocumentViews make_views(const CleanDocument& doc, const std::vector<Sentence>& sentences,
                         const Resolution& resolution);
// The same into `out`, whose previous contents are replaced and whose
// buffers are reused (the extractor keeps one per thread).
void make_views(const CleanDocument& doc, const std::vector<Sentence>& sentences, const Resolution& resolution,
                DocumentViews& out);

}  // namespace kg::relate
