// coOccurs: every pair of distinct entities named in one sentence, except a
// name and the names nested in it (中国电信珠海分公司 and 中国电信 say nothing
// new together). Sentences naming more than kMaxCoOccurring entities are
// skipped: they are lists (navigation, rankings), and their pairs would grow
// quadratically.
#include <algorithm>
#include <map>
#include <set>

#include "relate/patterns.hpp"

namespace kg::relate {

std::vector<Finding> co_occurrence(const SentenceView& view) {
  std::map<std::string, const EntityRef*> distinct;
  for (const Item& it : view.items()) distinct.emplace(it.entity.name, &it.entity);
  if (distinct.size() < 2 || distinct.size() > kMaxCoOccurring) return {};
  std::set<std::pair<std::string, std::string>> nested;
  for (const Item& it : view.items())
    for (std::size_t p = it.parent; p != kNoParent; p = view.item(p).parent) {
      const std::string& a = view.item(p).entity.name;
      nested.emplace(std::min(a, it.entity.name), std::max(a, it.entity.name));
    }
  std::vector<Finding> out;
  for (auto i = distinct.begin(); i != distinct.end(); ++i)
    for (auto j = std::next(i); j != distinct.end(); ++j) {
      if (nested.count({i->first, j->first})) continue;
      out.push_back({*i->second, RelationType::CoOccurs, *j->second, {}, "sentence", 1.0});
    }
  return out;
}

}  // namespace kg::relate
