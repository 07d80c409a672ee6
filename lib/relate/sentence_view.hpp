// A sentence as the relation patterns see it: its simplified-script text and
// its mentions, ordered by position, with nesting worked out once (the
// outermost mentions are the "top" items; a name's immediate inner names are
// its children). Offsets are bytes relative to the sentence. Not installed.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "kg/mention.hpp"
#include "kg/relation.hpp"
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
  std::size_t parent = kNoParent;  // index of the smallest enclosing item
  std::vector<std::size_t> children;  // immediate inner items, in order
};

class SentenceView {
 public:
  // Places `mentions` (all of this sentence, any order) in the sentence.
  // `folded` is the sentence's simplified-script text (same byte length).
  SentenceView(const Sentence& sentence, std::string_view folded,
               std::vector<Item> items);

  const Sentence& sentence() const noexcept { return *sentence_; }
  std::string_view text() const noexcept { return text_; }
  const std::vector<Item>& items() const noexcept { return items_; }
  const Item& item(std::size_t i) const { return items_[i]; }
  // Indexes of the outermost items, in order of position.
  const std::vector<std::size_t>& top() const noexcept { return top_; }

  // Returns the text between two byte offsets of the sentence ("" when b <= a).
  std::string_view between(std::size_t a, std::size_t b) const noexcept;

  // Returns evidence for this sentence of document `document`.
  Evidence evidence(const std::string& document, const std::string& trigger,
                    double confidence) const;

 private:
  const Sentence* sentence_;
  std::string_view text_;
  std::vector<Item> items_;
  std::vector<std::size_t> top_;
};

}  // namespace kg::relate
