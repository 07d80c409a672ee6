// coOccurs: every pair of distinct entities named in one sentence, except a
// name and the names nested in it (中国电信珠海分公司 and 中国电信 say nothing
// new together). Sentences naming more than kMaxCoOccurring entities are
// skipped: they are lists (navigation, rankings), and their pairs would grow
// quadratically.
#include <algorithm>
#include <string_view>
#include <utility>

#include "relate/patterns.hpp"

namespace kg::relate {

std::vector<Finding> co_occurrence(const SentenceView& view) {
  // Distinct names, by first item; a handful per sentence, so vectors beat maps.
  std::vector<const EntityRef*> distinct;
  for (const Item& it : view.items()) {
    const bool seen = std::any_of(distinct.begin(), distinct.end(),
                                  [&](const EntityRef* e) { return e->name == it.entity.name; });
    if (!seen) distinct.push_back(&it.entity);
    if (distinct.size() > kMaxCoOccurring) return {};
  }
  if (distinct.size() < 2) return {};
  std::vector<std::pair<std::string_view, std::string_view>> nested;
  for (const Item& it : view.items())
    for (std::size_t p = it.parent; p != kNoParent; p = view.item(p).parent)
      nested.emplace_back(view.item(p).entity.name, it.entity.name);
  auto is_nested = [&](std::string_view a, std::string_view b) {
    return std::any_of(nested.begin(), nested.end(), [&](const auto& n) {
      return (n.first == a && n.second == b) || (n.first == b && n.second == a);
    });
  };
  std::vector<Finding> out;
  for (std::size_t i = 0; i < distinct.size(); ++i)
    for (std::size_t j = i + 1; j < distinct.size(); ++j) {
      if (is_nested(distinct[i]->name, distinct[j]->name)) continue;
      out.push_back({*distinct[i], RelationType::CoOccurs, *distinct[j], {}, "sentence", 1.0});
    }
  return out;
}

}  // namespace kg::relate
