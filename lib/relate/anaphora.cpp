// Anaphoric subjects and employers: 该公司, 该中心, 其, a bare 公司. Each word
// says what kind of antecedent it wants; the most recent one that fits wins.
// An anaphor counts only at the start of a clause (or of the searched text),
// so the 公司 at the end of an unrecognised firm's name is not taken for one.
#include <array>

#include "relate/patterns.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

struct Anaphor {
  std::string_view word;
  std::string_view suffix;  // the antecedent's name ends with it ("" for any)
  EntityType type;          // wanted type; Organization with any_org accepts all
  bool any_org;
};

// Longest words first, so 该公司 wins over 公司.
constexpr std::array<Anaphor, 15> kAnaphors{{
    {"该实验室", "", EntityType::Lab, false},
    {"该公司", "", EntityType::Firm, false},
    {"该企业", "", EntityType::Firm, false},
    {"该集团", "", EntityType::Firm, false},
    {"该中心", "中心", EntityType::Organization, true},
    {"该机构", "", EntityType::Organization, true},
    {"该联盟", "联盟", EntityType::Organization, true},
    {"该大学", "", EntityType::University, false},
    {"该校", "", EntityType::University, false},
    {"该院", "院", EntityType::Organization, true},
    {"该所", "所", EntityType::Organization, true},
    {"该局", "局", EntityType::GovernmentBody, false},
    {"公司", "", EntityType::Firm, false},
    {"集团", "", EntityType::Firm, false},
    {"其", "", EntityType::Organization, true},
}};

bool fits(const Anaphor& a, const EntityRef& e) {
  if (!is_organisation(e.type)) return false;
  if (!a.suffix.empty() && !has_suffix(e.name, a.suffix)) return false;
  return a.any_org || e.type == a.type;
}

std::optional<EntityRef> antecedent(const Anaphor& a, const Candidates& c) {
  for (auto it = c.items.rbegin(); it != c.items.rend(); ++it)
    if (it->end <= c.before && fits(a, it->entity)) return it->entity;
  for (auto it = c.earlier.rbegin(); it != c.earlier.rend(); ++it)
    if (fits(a, *it)) return *it;
  return std::nullopt;
}

bool starts_clause(std::string_view before) {
  before = trim_space_quotes(before);
  return before.empty() || is_clause_break(last_char(before));
}

}  // namespace

std::optional<EntityRef> resolve_anaphor_suffix(std::string_view text, const Candidates& candidates) {
  for (const Anaphor& a : kAnaphors)
    if (has_suffix(text, a.word) && starts_clause(text.substr(0, text.size() - a.word.size())))
      return antecedent(a, candidates);
  return std::nullopt;
}

// Tells whether `text` starts with the first character of an anaphor
// (该, 公, 集, 其): most texts do not, and one switch tells.
bool may_start_anaphor(std::string_view text) {
  if (text.size() < 3) return false;
  switch (key3(text)) {
    case key3("该"): case key3("公"): case key3("集"): case key3("其"):
      return true;
    default:
      return false;
  }
}

bool starts_with_anaphor(std::string_view text) {
  text = trim_space_quotes(text);
  if (!may_start_anaphor(text)) return false;
  for (const Anaphor& a : kAnaphors)
    if (has_prefix(text, a.word)) return true;
  return false;
}

std::optional<EntityRef> resolve_anaphor_prefix(std::string_view text, const Candidates& candidates) {
  text = trim_space_quotes(text);
  if (!may_start_anaphor(text)) return std::nullopt;
  for (const Anaphor& a : kAnaphors)
    if (has_prefix(text, a.word)) return antecedent(a, candidates);
  return std::nullopt;
}

}  // namespace kg::relate
