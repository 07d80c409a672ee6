// Nesting is found with one pass over the items sorted by (begin, longest
// first) and a stack of open enclosing items, so it is linear after sorting.
#include "relate/sentence_view.hpp"

#include <algorithm>
#include <tuple>

namespace kg::relate {

SentenceView::SentenceView(const Sentence& sentence, std::string_view folded,
                           std::vector<Item> items)
    : sentence_(&sentence), text_(folded), items_(std::move(items)) {
  std::stable_sort(items_.begin(), items_.end(), [](const Item& a, const Item& b) {
    return std::tuple(a.begin, b.end) < std::tuple(b.begin, a.end);
  });
  // Two mentions of the very same span: keep the first only (the resolver
  // should not produce them; a second reading would double every pattern).
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Item& a, const Item& b) {
                             return a.begin == b.begin && a.end == b.end;
                           }),
               items_.end());
  std::vector<std::size_t> open;
  for (std::size_t i = 0; i < items_.size(); ++i) {
    Item& it = items_[i];
    it.parent = kNoParent;
    it.children.clear();
    while (!open.empty() && items_[open.back()].end <= it.begin) open.pop_back();
    // Crossing spans are not nesting: treat the later one as a sibling.
    while (!open.empty() && items_[open.back()].end < it.end) open.pop_back();
    if (open.empty()) {
      top_.push_back(i);
    } else {
      it.parent = open.back();
      items_[open.back()].children.push_back(i);
    }
    open.push_back(i);
  }
}

std::string_view SentenceView::between(std::size_t a, std::size_t b) const noexcept {
  if (b <= a || a >= text_.size()) return {};
  return text_.substr(a, std::min(b, text_.size()) - a);
}

Evidence SentenceView::evidence(const std::string& document, const std::string& trigger,
                                double confidence) const {
  Evidence e;
  e.document = document;
  e.sentence = sentence_->index;
  e.text = sentence_->text;
  e.source = sentence_->source;
  e.trigger = trigger;
  e.confidence = confidence;
  return e;
}

}  // namespace kg::relate
