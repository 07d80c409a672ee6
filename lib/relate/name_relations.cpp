// Relations stated by names. A name's immediate inner names (the view's
// children) say where it is and whose it is: 中国电信珠海分公司 holds 中国电信
// at its head (partOf) and 珠海 inside (locatedIn). Only immediate children
// count, so 香港科技大学(广州) is in 广州 but not, through 香港科技大学, in 香港.
#include <array>
#include <span>
#include <string>

#include "relate/patterns.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

// Drops a trailing parenthetical: "行动计划(2024-2025)" -> "行动计划".
std::string_view without_parenthetical(std::string_view name) {
  if (has_suffix(name, ")") || has_suffix(name, "）")) {
    const std::size_t open = std::min(name.rfind('('), name.rfind("（"));
    if (open != std::string_view::npos && open > 0) return name.substr(0, open);
  }
  return name;
}

// Tells whether a programme's name is that of a policy document (as opposed
// to an event or a project), which a government issues rather than organises.
bool is_policy_name(std::string_view name) {
  static constexpr std::array<std::string_view, 22> kSuffixes{
      "意见", "方案", "计划", "规划", "政策", "措施", "条例", "办法", "通知", "规定", "纲要",
      "决定", "细则", "指南", "指引", "清单", "法", "标准", "目录", "白皮书", "若干规定", "行动"};
  name = without_parenthetical(name);
  for (std::string_view s : kSuffixes)
    if (has_suffix(name, s)) return true;
  return false;
}

// Tells whether `rest` (the part of a firm's name after an inner firm's
// name) is only a legal form or a generic word, so that both name one firm
// (华为技术有限公司 is 华为, not a branch of it).
bool only_legal_form(std::string_view rest) {
  static constexpr std::array<std::string_view, 20> kWords{
      "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "股份公司", "集团公司",
      "信息技术", "网络技术", "智能科技", "公司", "集团", "科技", "技术", "网络", "信息",
      "控股", "智能", "(中国)", "（中国）", "中国"};
  rest = trim_space(rest);
  while (!rest.empty()) {
    bool stripped = false;
    for (std::string_view w : kWords)
      if (has_prefix(rest, w)) {
        rest.remove_prefix(w.size());
        stripped = true;
        break;
      }
    if (!stripped) return false;
  }
  return true;
}

Finding make(const EntityRef& head, RelationType type, const EntityRef& tail, double confidence) {
  return Finding{head, type, tail, {}, "name", confidence};
}

// What an item's own inner names say about it.
void inner_relations(const SentenceView& view, const Item& outer, std::vector<Finding>& out) {
  const EntityRef& e = outer.entity;
  for (std::size_t ci : outer.children) {
    const Item& child = view.item(ci);
    const EntityRef& c = child.entity;
    if (c.name == e.name) continue;
    // At the head of the name, quotes and brackets aside (《河北区…措施》).
    const bool at_head = trim_space_quotes(view.between(outer.begin, child.begin)).empty();
    if (c.type == EntityType::Place) {
      if (c.level == PlaceLevel::Country) continue;  // 中国电信, 中国工程院: a national name, not a seat
      if (is_organisation(e.type) || e.type == EntityType::Place)
        out.push_back(make(e, RelationType::LocatedIn, c, 0.85));
      else if (e.type == EntityType::Programme && at_head && is_policy_name(e.name))
        out.push_back(make(c, RelationType::Issues, e, 0.7));
    } else if (is_organisation(c.type) && at_head) {
      if (is_organisation(e.type)) {
        if (!only_legal_form(view.between(child.end, outer.end)))
          out.push_back(make(e, RelationType::PartOf, c, 0.8));
      } else if (e.type == EntityType::Product) {
        out.push_back(make(c, RelationType::Develops, e, 0.7));
      } else if (e.type == EntityType::Programme) {
        if (is_policy_name(e.name))
          out.push_back(make(c, RelationType::Issues, e, 0.7));
        else
          out.push_back(make(c, RelationType::Organizes, e, 0.6));
      }
    }
  }
}

// Places written one after another, larger first (广州市海珠区, 天津市河北区张兴庄).
void adjacent_places(const SentenceView& view, std::span<const std::size_t> siblings,
                     std::vector<Finding>& out) {
  for (std::size_t k = 1; k < siblings.size(); ++k) {
    const Item& a = view.item(siblings[k - 1]);
    const Item& b = view.item(siblings[k]);
    if (a.entity.type != EntityType::Place || b.entity.type != EntityType::Place) continue;
    if (!trim_space(view.between(a.end, b.begin)).empty()) continue;
    if (place_rank(a.entity.level) < place_rank(b.entity.level) && a.entity.name != b.entity.name)
      out.push_back(make(b.entity, RelationType::LocatedIn, a.entity, 0.9));
  }
}

}  // namespace

void name_relations(const SentenceView& view, std::vector<Finding>& out) {
  adjacent_places(view, view.top(), out);
  for (const Item& item : view.items()) {
    inner_relations(view, item, out);
    adjacent_places(view, item.children, out);
  }
}

}  // namespace kg::relate
