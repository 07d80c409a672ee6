// coOccurs: every pair of distinct entities named in one sentence, except a
// name and the names nested in it (中国电信珠海分公司 and 中国电信 say nothing
// new together). Sentences naming more than kMaxCoOccurring entities are
// skipped: they are lists (navigation, rankings), and their pairs would grow
// quadratically.
#include <algorithm>
#include <array>
#include <bitset>

#include "relate/patterns.hpp"

namespace kg::relate {
namespace {

// Distinct names of a sentence, by first item, compared by rank; at most
// kMaxCoOccurring + 1 of them, so they live on the stack.
class DistinctNames {
 public:
  // Returns the name's place among the distinct ones, adding it when new.
  std::size_t index_of(const EntityRef& e) {
    for (std::size_t i = 0; i < size_; ++i)
      if (names_[i]->rank == e.rank) return i;
    if (size_ < names_.size()) names_[size_] = &e;
    return size_++;
  }
  std::size_t size() const noexcept { return size_; }
  const EntityRef& operator[](std::size_t i) const noexcept { return *names_[i]; }

 private:
  std::array<const EntityRef*, kMaxCoOccurring + 1> names_{};
  std::size_t size_ = 0;
};

}  // namespace

void co_occurrence(const SentenceView& view, std::vector<Finding>& out) {
  DistinctNames distinct;
  for (const Item& it : view.items()) {
    distinct.index_of(it.entity);
    if (distinct.size() > kMaxCoOccurring) return;
  }
  if (distinct.size() < 2) return;
  // nested[i][j]: a name i item lies (at any depth) in a name j item, or the reverse.
  std::array<std::bitset<kMaxCoOccurring>, kMaxCoOccurring> nested{};
  for (const Item& it : view.items())
    for (std::size_t p = it.parent; p != kNoParent; p = view.item(p).parent) {
      const std::size_t a = distinct.index_of(it.entity), b = distinct.index_of(view.item(p).entity);
      nested[a].set(b);
      nested[b].set(a);
    }
  for (std::size_t i = 0; i < distinct.size(); ++i)
    for (std::size_t j = i + 1; j < distinct.size(); ++j)
      if (!nested[i][j]) out.push_back({distinct[i], RelationType::CoOccurs, distinct[j], {}, "sentence", 1.0});
}

}  // namespace kg::relate
