// worksFor and founded from titles. Chinese news names people after their
// employer and title ("ORG [unit] TITLE NAME"), chains several such pairs
// with 、 or commas ("ORG1 TITLE1、ORG2 TITLE2 NAME"), lists several names
// after one title, or puts the title in brackets after the name. The text
// between the employer and the title (an unrecognised department, 信息技术
// 发展处) is allowed when it is short and unbroken.
#include <algorithm>
#include <string>

#include "relate/patterns.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

constexpr std::size_t kMaxUnitChars = 14;  // an unrecognised department between employer and title

struct Employment {
  EntityRef employer;
  std::string_view title;  // views the sentence
  bool founder = false;
  double confidence = 0.9;
};

bool is_separator(char32_t c) { return is_list_mark(c) || c == U',' || c == U'，' || c == U'；' || c == U';'; }

// Drops trailing spaces, colons and one bracketed remark ("投资总监(人工智能方向) ").
std::string_view trim_title_tail(std::string_view s) {
  s = trim_space(s);
  if (has_suffix(s, ":") || has_suffix(s, "：")) s = trim_space(s.substr(0, s.size() - (has_suffix(s, ":") ? 1 : 3)));
  if (has_suffix(s, ")") || has_suffix(s, "）")) {
    const std::size_t a = s.rfind('('), b = s.rfind("（");
    const std::size_t open = a == std::string_view::npos ? b : (b == std::string_view::npos ? a : std::max(a, b));
    if (open != std::string_view::npos && !longer_than(s.substr(open), 12)) s = trim_space(s.substr(0, open));
  }
  return s;
}

// Drops a bracketed remark anywhere in a title ("协理副校长(知识转移)" -> "协理副校长").
bool unit_is_plain(std::string_view unit) {
  if (longer_than(unit, kMaxUnitChars)) return false;
  for (std::size_t i = 0; i < unit.size();) {
    const char32_t c = utf8::next(unit, i);
    if (is_clause_break(c) || is_separator(c) || is_quote(c) || c == U'与' || c == U'和') return false;
  }
  return true;
}

// The items written right against each other that end with item `k` of the
// top list (广州日报新花城, 深创投大湾区): the employer may be any of them.
// Returns the place in the top list where the run starts.
std::size_t run_start(const SentenceView& view, std::size_t k) {
  const auto top = view.top();
  while (k > 0 && trim_space(view.between(view.item(top[k - 1]).end, view.item(top[k]).begin)).empty()) --k;
  return k;
}

// The organisation at the head of a unit's name when the unit is a
// department of it (中山大学中文系, 某研究所全国重点实验室): people of the
// unit work for the organisation too. Hospitals and institutes attached to
// a university (…附属…医疗中心) are employers in their own right.
const Item* parent_of_unit(const SentenceView& view, const Item& unit) {
  static constexpr std::string_view kUnitSuffixes[] = {
      "处", "科", "系", "室", "部", "组", "委员会", "办公室", "学院", "研究生院", "事业部", "学域"};
  for (std::size_t ci : unit.children) {
    const Item& c = view.item(ci);
    if (!is_organisation(c.entity.type) || c.begin != unit.begin) continue;
    const std::string_view rest = view.between(c.end, unit.end);
    if (contains(rest, "附属")) return nullptr;
    for (std::string_view s : kUnitSuffixes)
      if (has_suffix(rest, s)) return &c;
  }
  return nullptr;
}

// The place a party committee or government governs (珠海市委, 某区人民政府).
const Item* place_governed(const SentenceView& view, const Item& body) {
  static constexpr std::string_view kSuffixes[] = {"市委", "省委", "区委", "县委", "州委",
                                                   "市政府", "省政府", "区政府", "县政府", "人民政府"};
  if (body.entity.type != EntityType::GovernmentBody) return nullptr;
  bool governs = false;
  for (std::string_view s : kSuffixes) governs = governs || has_suffix(body.entity.name, s);
  if (!governs) return nullptr;
  for (std::size_t ci : body.children)
    if (view.item(ci).entity.type == EntityType::Place && view.item(ci).begin == body.begin) return &view.item(ci);
  return nullptr;
}

// Employers named by the run of items ending at top[k], with `title` and the
// unrecognised unit text between them; appends them to `out` and returns
// how many.
std::size_t employers_in_run(const SentenceView& view, std::size_t k, const RoleMatch& role,
                             std::string_view title, std::string_view unit, std::vector<Employment>& out) {
  const std::size_t before = out.size();
  const auto top = view.top();
  const std::size_t start = run_start(view, k);
  const double confidence = unit.empty() ? 0.9 : 0.75;
  for (std::size_t r = start; r <= k; ++r) {
    const Item& item = view.item(top[r]);
    const EntityRef& e = item.entity;
    const bool last = r == k;
    if (is_organisation(e.type)) {
      const double c = last ? confidence : confidence - 0.1;
      out.push_back({e, title, role.founder, c});
      if (const Item* parent = parent_of_unit(view, item)) out.push_back({parent->entity, title, false, c - 0.1});
      if (const Item* place = place_governed(view, item)) out.push_back({place->entity, title, false, c - 0.1});
    } else if (e.type == EntityType::Place && last && role.government && unit.empty()) {
      out.push_back({e, title, false, confidence});  // 广州市副市长
    }
  }
  // A place's party committee or government leads the place itself (珠海市委常委).
  if (role.government && out.size() == before && start == k) {
    const EntityRef& e = view.item(top[k]).entity;
    if (e.type == EntityType::Place) out.push_back({e, title, false, 0.7});
  }
  return out.size() - before;
}

// Employers written before the person at top[k]: the nearest "ORG TITLE",
// then earlier ones chained by separators; appends them to `out`.
void employers_before(const SentenceView& view, const Tables& tables, std::size_t k,
                      const Antecedents& recent, std::vector<Employment>& out) {
  const auto top = view.top();
  const Item& person = view.item(top[k]);
  std::size_t right = person.begin;
  bool first = true;
  while (true) {
    const bool has_prev = k > 0;
    const std::size_t left = has_prev ? view.item(top[k - 1]).end : 0;
    std::string_view gap = view.between(left, right);
    if (!first) {  // an earlier link of the chain must end with a separator
      gap = trim_space(gap);
      if (gap.empty() || !is_separator(last_char(gap))) break;
      std::size_t at = 0;
      last_char(gap, &at);
      gap = gap.substr(0, at);
    }
    gap = trim_title_tail(gap);
    const std::optional<RoleMatch> role = tables.role_suffix(gap);
    std::string_view title = role ? gap.substr(role->begin) : std::string_view{};
    std::string_view unit = role ? gap.substr(0, role->begin) : gap;
    if (!role && first && !person.mention->role.empty() && has_suffix(gap, person.mention->role)) {
      title = gap.substr(gap.size() - person.mention->role.size());
      unit = gap.substr(0, gap.size() - title.size());
    }
    if (title.empty()) break;
    unit = trim_space(unit);
    if (has_suffix(unit, "的")) unit.remove_suffix(3);
    if (first && !unit.empty()) {  // 该中心CEO马霖, 其副院长梁俊
      if (auto a = resolve_anaphor_suffix(unit, Candidates{recent, view.items(), left})) {
        RoleMatch r = role.value_or(RoleMatch{});
        out.push_back({*a, title, r.founder, 0.6});
        break;
      }
    }
    if (!has_prev || !unit_is_plain(unit)) break;
    const Item& prev = view.item(top[k - 1]);
    if (prev.entity.type == EntityType::Person) break;
    if (employers_in_run(view, k - 1, role.value_or(RoleMatch{}), title, unit, out) == 0) break;
    // Continue the chain before the run.
    k = run_start(view, k - 1);
    right = view.item(top[k]).begin;
    first = false;
  }
}

// "NAME（ORG TITLE）": the employer in brackets right after the name;
// appends them to `out`.
void employers_in_brackets(const SentenceView& view, const Tables& tables, std::size_t k,
                           std::vector<Employment>& out) {
  const auto top = view.top();
  const Item& person = view.item(top[k]);
  std::string_view after = view.text().substr(person.end);
  if (!(has_prefix(after, "(") || has_prefix(after, "（"))) return;
  const std::size_t close = std::min(after.find(')'), after.find("）"));
  if (close == std::string_view::npos || longer_than(after.substr(0, close), 40)) return;
  const std::size_t close_at = person.end + close;
  for (std::size_t j = k + 1; j < top.size() && view.item(top[j]).end <= close_at; ++j) {
    const bool last_inside = j + 1 == top.size() || view.item(top[j + 1]).end > close_at;
    if (!last_inside) continue;
    std::string_view gap = trim_title_tail(view.between(view.item(top[j]).end, close_at));
    const std::optional<RoleMatch> role = tables.role_suffix(gap);
    if (!role) continue;
    std::string_view unit = trim_space(gap.substr(0, role->begin));
    if (!unit_is_plain(unit)) continue;
    employers_in_run(view, j, *role, gap.substr(role->begin), unit, out);
  }
}

// Tells whether the person at top[k] follows the one at top[k-1] in a list (A、B、C).
bool continues_list(const SentenceView& view, std::size_t k) {
  const auto top = view.top();
  if (k == 0) return false;
  const Item& prev = view.item(top[k - 1]);
  if (prev.entity.type != EntityType::Person) return false;
  const std::string_view gap = trim_space(view.between(prev.end, view.item(top[k]).begin));
  return gap == "、" || gap == "," || gap == "，" || gap == "/" || gap.empty();
}

void emit(const EntityRef& person, const Employment& e, std::vector<Finding>& out) {
  out.push_back({person, RelationType::WorksFor, e.employer, e.title, {}, e.confidence, true});
  if (e.founder) out.push_back({person, RelationType::Founded, e.employer, e.title, {}, e.confidence, true});
}

}  // namespace

void role_relations(const SentenceView& view, const Tables& tables, const Antecedents& recent,
                    std::vector<Finding>& out) {
  const auto top = view.top();
  // Kept by the thread from one sentence to the next, so that a sentence
  // naming people allocates nothing here.
  thread_local std::vector<Employment> found;
  thread_local std::vector<Employment> list_employers;  // of the list the current person may continue
  found.clear();
  list_employers.clear();
  for (std::size_t k = 0; k < top.size(); ++k) {
    const Item& item = view.item(top[k]);
    if (item.entity.type != EntityType::Person) continue;
    found.clear();
    employers_before(view, tables, k, recent, found);
    if (found.empty()) employers_in_brackets(view, tables, k, found);
    if (found.empty() && continues_list(view, k)) {
      for (Employment e : list_employers) {  // A、B、C after one title: same employer
        e.confidence = std::min(e.confidence, 0.8);
        emit(item.entity, e, out);
      }
      continue;
    }
    for (const Employment& e : found) emit(item.entity, e, out);
    std::swap(list_employers, found);
  }
}

}  // namespace kg::relate
