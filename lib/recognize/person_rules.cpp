// People from context: a role word (副市长, 创始人, 记者, ...) right before a
// name made of a surname from data/surnames.tsv and one or two given-name
// characters, followed by something that ends a name (punctuation, 说, 表示,
// 介绍, ...). Lists after a role (记者 甲、乙、丙) give one person each.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "recognize/scan.hpp"

namespace kg::recognize {

namespace {

// Words that may follow a name: speech verbs and function words.
constexpr std::string_view kFollowers[] = {
    "说", "表示", "介绍", "认为", "指出", "透露", "告诉", "称", "强调", "坦言", "提到", "解释", "建议",
    "分析", "回忆", "也", "还", "则", "等", "在", "对", "与", "和", "是", "为", "已", "将", "参加", "出席",
    "主持", "带队", "一行", "如是说", "接受", "向", "从", "同", "的", "谈到", "答", "感叹", "举例", "补充",
    "坦承", "直言", "希望", "觉得", "算", "当", "于", "曾", "所", "率", "领衔", "兼", "发言", "致辞",
};

// A set of characters of the Basic Multilingual Plane: one bit to test
// instead of a search through a list.
class CharSet {
 public:
  void insert(char32_t c) {
    if (c < bits_.size()) bits_[c] = true;
    else wide_ = true;
  }
  // Exact in the BMP; beyond it, "maybe" when any such character was inserted.
  bool contains(char32_t c) const { return c < bits_.size() ? bits_[c] : wide_; }

 private:
  std::vector<bool> bits_ = std::vector<bool>(0x10000, false);
  bool wide_ = false;
};

// Characters that end a name on their own and so cannot be inside one.
bool is_follower_char(char32_t c) {
  static const CharSet set = [] {
    CharSet out;
    for (char32_t f : std::u32string_view(U"说表介认指透告称强坦提解建也还则等在对与和是为已将参出主带如接向从同的谈答")) out.insert(f);
    return out;
  }();
  return set.contains(c);
}

// Surnames that are much more often function words after a role.
bool is_weak_surname(std::string_view s) {
  return s == "和" || s == "向" || s == "于" || s == "时" || s == "都" || s == "来" || s == "全" || s == "国" ||
         s == "也" || s == "与" || s == "在" || s == "从" || s == "对" || s == "将" || s == "为" || s == "以";
}

// Tells whether some follower starts with the character `c`: most
// characters after a candidate name start none, and need no comparison.
bool may_start_follower(char32_t c) {
  static const CharSet firsts = [] {
    CharSet out;
    for (std::string_view w : kFollowers) out.insert(char_at(w, 0));
    return out;
  }();
  return firsts.contains(c);
}

bool follows_name(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return true;
  const char32_t c = char_at(text, pos);
  if (!is_name_char(c)) return true;
  if (!may_start_follower(c)) return false;
  return std::any_of(std::begin(kFollowers), std::end(kFollowers),
                     [&](std::string_view w) { return starts_with_at(text, pos, w); });
}

// Returns the byte length of a surname at `pos` (compound first), 0 when none.
std::size_t surname_at(const Scan& scan, std::size_t pos) {
  if (pos >= scan.text.size() || !scan.surnames->may_start_with(char_at(scan.text, pos))) return 0;
  for (std::size_t chars : {2, 1}) {
    std::size_t end = pos;
    for (std::size_t k = 0; k < chars && end < scan.text.size(); ++k) end = char_end(scan.text, end);
    const std::string_view key = scan.text.substr(pos, end - pos);
    if (utf8::length(key) == chars && scan.surnames->contains(key) && !is_weak_surname(key)) return end - pos;
  }
  return 0;
}

// Returns the end of a personal name starting at `pos`, if one is there.
std::optional<std::size_t> name_at(const Scan& scan, std::size_t pos) {
  const std::string_view text = scan.text;
  const std::size_t sur = surname_at(scan, pos);
  if (sur == 0) return std::nullopt;
  std::size_t end = pos + sur;
  std::optional<std::size_t> best;
  for (int given = 1; given <= 2 && end < text.size(); ++given) {
    const char32_t c = char_at(text, end);
    if (!utf8::is_han(c) || is_follower_char(c)) break;
    end = char_end(text, end);
    if (follows_name(text, end)) best = end;
  }
  return best;
}

std::size_t skip_spaces(std::string_view text, std::size_t i) {
  while (i < text.size() && (text[i] == ' ' || starts_with_at(text, i, "\u3000"))) i += text[i] == ' ' ? 1 : 3;
  return i;
}

bool is_speech_verb(std::string_view w) {
  return w == "说" || w == "表示" || w == "认为" || w == "指出" || w == "介绍" || w == "透露" || w == "强调";
}

// NAME说 / NAME表示 at the start of a clause: a surname-led name of two or
// three characters between a clause boundary and a speech verb.
void speakers(const Scan& scan, std::vector<Candidate>& out) {
  const std::string_view text = scan.text;
  for (const auto& [b, e] : scan.stops) {
    if (!is_speech_verb(text.substr(b, e - b))) continue;
    for (std::size_t bytes : {9, 6}) {
      if (b < bytes) continue;
      const std::size_t start = b - bytes;
      const char32_t before = start == 0 ? U'\n' : char_at(text, char_before(text, start));
      if (is_name_char(before)) continue;
      const std::optional<std::size_t> end = name_at(scan, start);
      if (!end || *end != b) continue;
      Candidate c;
      c.begin = start;
      c.end = b;
      c.type = EntityType::Person;
      c.own_name = text.substr(start, b - start);
      c.rule = Rule::Speaker;
      c.confidence = 0.6;
      out.push_back(std::move(c));
      break;
    }
  }
}

}  // namespace

std::vector<Candidate> people_by_role(const Scan& scan) {
  std::vector<Candidate> out;
  const std::string_view text = scan.text;
  for (const RoleHit& r : scan.roles) {
    std::size_t pos = skip_spaces(text, r.end);
    const std::string_view role = text.substr(r.begin, r.end - r.begin);
    while (pos < text.size()) {
      std::optional<std::size_t> end = name_at(scan, pos);
      // 叶 青: a two-character name written with a space in it.
      if (!end) {
        const std::size_t sur = surname_at(scan, pos);
        if (sur != 0 && text[pos + sur] == ' ') {
          const std::size_t g = pos + sur + 1;
          if (g < text.size() && utf8::is_han(char_at(text, g)) && follows_name(text, char_end(text, g)))
            end = char_end(text, g);
        }
      }
      if (!end) break;
      Candidate c;
      c.begin = pos;
      c.end = *end;
      c.type = EntityType::Person;
      for (char ch : text.substr(pos, *end - pos))
        if (ch != ' ') c.own_name += ch;
      c.rule = Rule::Role;
      c.detail = role;
      c.role = role;
      c.confidence = 0.8;
      out.push_back(std::move(c));
      // A list of names after one role: 甲、乙、丙.
      if (!starts_with_at(text, *end, "、")) break;
      pos = *end + 3;
    }
  }
  speakers(scan, out);
  return out;
}

}  // namespace kg::recognize
