#include "resolve/names.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "common/utf8.hpp"

namespace kg::resolve {

namespace {

// Longest first, so 股份有限公司 goes before 有限公司.
constexpr std::array<std::string_view, 17> kFirmTails = {
    "股份有限公司", "有限责任公司", "集团有限公司", "有限公司", "集团公司", "分公司", "公司", "集团", "控股",
    "信息科技", "智能科技", "网络科技", "信息技术", "技术", "科技", "网络", "信息"};

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() > suffix.size() && s.ends_with(suffix)) {
    s.remove_suffix(suffix.size());
    return true;
  }
  return false;
}

// Removes a leading place (深圳市, 广州, 北京) known to the lexicon.
std::string_view strip_place(std::string_view name, const Lexicon& lexicon) {
  std::size_t best = 0;
  std::size_t pos = 0;
  for (int chars = 1; chars <= 5 && pos < name.size(); ++chars) {
    pos += utf8::sequence_length(static_cast<unsigned char>(name[pos]));
    if (chars < 2) continue;
    const LexiconEntry* e = lexicon.find(name.substr(0, pos));
    if (e && e->type == EntityType::Place) best = pos;
  }
  return name.substr(best);
}

constexpr std::pair<std::string_view, std::string_view> kShortForms[] = {
    {"工业和信息化", "工信"}, {"科学技术", "科技"}, {"发展和改革委员会", "发展改革委"},
    {"发改委", "发展改革委"}, {"人民代表大会", "人大"}, {"管理委员会", "管委会"}};

}  // namespace

// Tells whether a firm tail or a closing bracket might end `s`: every tail
// ends in one of a few characters, and most names end in none of them.
bool may_end_in_tail(std::string_view s) {
  static const std::vector<std::string_view> kLastChars = [] {
    std::vector<std::string_view> last;
    for (std::string_view t : kFirmTails)
      if (std::find(last.begin(), last.end(), t.substr(t.size() - 3)) == last.end()) last.push_back(t.substr(t.size() - 3));
    return last;
  }();
  if (s.ends_with(")")) return true;
  return std::any_of(kLastChars.begin(), kLastChars.end(), [&](std::string_view c) { return s.ends_with(c); });
}

std::string_view firm_stem(std::string_view name, const Lexicon& lexicon) {
  std::string_view s = strip_place(name, lexicon);
  // Brackets after the brand: 某某智能科技(广州)有限公司.
  for (bool changed = may_end_in_tail(s); changed;) {
    changed = false;
    for (std::string_view t : kFirmTails) changed |= strip_suffix(s, t);
    const std::size_t open = s.find('(');
    if (open != std::string_view::npos && s.ends_with(")")) {
      s = s.substr(0, open);
      changed = true;
    }
  }
  return utf8::length(s) >= 2 ? s : std::string_view();
}

std::optional<std::string> abbreviated_government_name(std::string_view name) {
  const bool changes = name.ends_with("管委") || std::any_of(std::begin(kShortForms), std::end(kShortForms), [&](const auto& f) {
                         return name.find(f.first) != std::string_view::npos;
                       });
  if (!changes) return std::nullopt;
  std::string s(name);
  for (const auto& [longer, shorter] : kShortForms) {
    for (std::size_t pos = s.find(longer); pos != std::string::npos; pos = s.find(longer, pos + shorter.size()))
      s.replace(pos, longer.size(), shorter);
  }
  if (s.ends_with("管委")) s += "会";
  return s;
}

std::string government_key(std::string_view name) {
  std::optional<std::string> shorter = abbreviated_government_name(name);
  return shorter ? std::move(*shorter) : std::string(name);
}

}  // namespace kg::resolve
