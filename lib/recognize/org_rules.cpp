// Organisations, zones and events by structure: a head (有限公司, 研究院,
// 局, 产业园, 大赛, ...) and a modifier whose left edge is found with care:
// the run of name characters before the head, cut at the last stop word
// (a function word or verb) that no known name covers, then checked against
// what the head demands (a known place or organisation at its start, a short
// brand, or nothing more).
#include <algorithm>
#include <array>
#include <optional>

#include "kg/clean_text.hpp"
#include "recognize/canonical.hpp"
#include "recognize/scan.hpp"

namespace kg::recognize {

namespace {

using S = HeadStrength;
using T = EntityType;
using L = PlaceLevel;

}  // namespace

const std::vector<Head>& heads() {
  static const std::vector<Head> table = {
      // firms
      {"股份有限公司", T::Firm, L::None, S::Strong, 20},
      {"有限责任公司", T::Firm, L::None, S::Strong, 20},
      {"有限公司", T::Firm, L::None, S::Strong, 20},
      {"分公司", T::Firm, L::None, S::OrgAnchored, 12},
      {"公司", T::Firm, L::None, S::Anchored, 10},
      {"集团", T::Firm, L::None, S::Brand, 6},
      {"科技", T::Firm, L::None, S::Brand, 4},
      {"控股", T::Firm, L::None, S::Brand, 4},
      {"创投", T::Firm, L::None, S::Brand, 6},
      {"银行", T::Firm, L::None, S::Anchored, 8},
      // labs and research bodies
      {"国家重点实验室", T::Lab, L::None, S::Strong, 24},
      {"全国重点实验室", T::Lab, L::None, S::Strong, 24},
      {"重点实验室", T::Lab, L::None, S::Strong, 14},
      {"实验室", T::Lab, L::None, S::Strong, 12},
      {"研究院", T::Lab, L::None, S::Anchored, 16},
      {"研究所", T::Lab, L::None, S::Anchored, 14},
      {"科学院", T::Lab, L::None, S::Anchored, 8},
      {"社会科学院", T::Lab, L::None, S::Anchored, 8},
      {"研究中心", T::Lab, L::None, S::Anchored, 14},
      {"创新中心", T::Lab, L::None, S::Anchored, 16},
      {"计算中心", T::Lab, L::None, S::Anchored, 14},
      {"算力中心", T::Lab, L::None, S::Anchored, 14},
      {"智算中心", T::Lab, L::None, S::Anchored, 14},
      {"超算中心", T::Lab, L::None, S::Anchored, 14},
      {"研发中心", T::Lab, L::None, S::Anchored, 14},
      {"技术中心", T::Lab, L::None, S::Anchored, 14},
      {"总部基地", T::Lab, L::None, S::Anchored, 14},
      // universities
      {"大学", T::University, L::None, S::Strong, 10},
      {"学院", T::University, L::None, S::Anchored, 10},
      {"研究生院", T::University, L::None, S::Anchored, 14},
      // government
      {"人民政府", T::GovernmentBody, L::None, S::Anchored, 8},
      {"新闻办公室", T::GovernmentBody, L::None, S::Anchored, 14},
      {"办公室", T::GovernmentBody, L::None, S::Anchored, 12},
      {"管委会", T::GovernmentBody, L::None, S::Anchored, 16},
      {"管委", T::GovernmentBody, L::None, S::Anchored, 16},
      {"委员会", T::GovernmentBody, L::None, S::Anchored, 14},
      {"发展改革委", T::GovernmentBody, L::None, S::Anchored, 6},
      {"发改委", T::GovernmentBody, L::None, S::Anchored, 6},
      {"人大常委会", T::GovernmentBody, L::None, S::Anchored, 6},
      {"人大", T::GovernmentBody, L::None, S::Anchored, 6},
      {"政协", T::GovernmentBody, L::None, S::Anchored, 6},
      {"市委", T::GovernmentBody, L::None, S::Anchored, 6},
      {"省委", T::GovernmentBody, L::None, S::Anchored, 6},
      {"区委", T::GovernmentBody, L::None, S::Anchored, 6},
      {"县委", T::GovernmentBody, L::None, S::Anchored, 6},
      {"局", T::GovernmentBody, L::None, S::Anchored, 14},
      {"厅", T::GovernmentBody, L::None, S::Anchored, 12},
      // other organisations
      {"联盟", T::Organization, L::None, S::Strong, 16},
      {"协会", T::Organization, L::None, S::Strong, 14},
      {"商会", T::Organization, L::None, S::Anchored, 12},
      {"基金会", T::Organization, L::None, S::Anchored, 14},
      {"促进会", T::Organization, L::None, S::Anchored, 14},
      {"日报", T::Organization, L::None, S::Brand, 4},
      {"晚报", T::Organization, L::None, S::Brand, 4},
      {"时报", T::Organization, L::None, S::Brand, 4},
      {"医院", T::Organization, L::None, S::Anchored, 16},
      {"医疗中心", T::Organization, L::None, S::Anchored, 20},
      {"智库", T::Organization, L::None, S::Anchored, 14},
      // zones and parks
      {"试验区", T::Place, L::Zone, S::Anchored, 16},
      {"自由贸易试验区", T::Place, L::Zone, S::Anchored, 8},
      {"产业园区", T::Place, L::Zone, S::Anchored, 14},
      {"产业园", T::Place, L::Zone, S::Anchored, 14},
      {"高新区", T::Place, L::Zone, S::Anchored, 6},
      {"高新技术产业开发区", T::Place, L::Zone, S::Anchored, 6},
      {"经济技术开发区", T::Place, L::Zone, S::Anchored, 6},
      {"开发区", T::Place, L::Zone, S::Anchored, 8},
      {"示范区", T::Place, L::Zone, S::Anchored, 16},
      {"先导区", T::Place, L::Zone, S::Anchored, 16},
      {"新区", T::Place, L::Zone, S::Anchored, 4},
      {"工业园区", T::Place, L::Zone, S::Anchored, 12},
      {"工业园", T::Place, L::Zone, S::Anchored, 12},
      {"科技园", T::Place, L::Zone, S::Anchored, 12},
      {"软件园", T::Place, L::Zone, S::Anchored, 12},
      {"科学城", T::Place, L::Zone, S::Anchored, 8},
      {"合作区", T::Place, L::Zone, S::Anchored, 14},
      {"集聚区", T::Place, L::Zone, S::Anchored, 14},
      {"核心片区", T::Place, L::Zone, S::Anchored, 24},
      // programmes: events, competitions, plans, policies
      {"大赛", T::Programme, L::None, S::Strong, 20},
      {"交流会", T::Programme, L::None, S::Strong, 16},
      {"发布会", T::Programme, L::None, S::Anchored, 20},
      {"论坛", T::Programme, L::None, S::Anchored, 20},
      {"峰会", T::Programme, L::None, S::Anchored, 20},
      {"博览会", T::Programme, L::None, S::Anchored, 20},
      {"研讨会", T::Programme, L::None, S::Anchored, 20},
      {"签约仪式", T::Programme, L::None, S::Anchored, 24},
      {"专场活动", T::Programme, L::None, S::Anchored, 30},
      {"行动计划", T::Programme, L::None, S::Anchored, 30},
      {"行动方案", T::Programme, L::None, S::Anchored, 30},
      {"实施方案", T::Programme, L::None, S::Anchored, 30},
      {"实施意见", T::Programme, L::None, S::Anchored, 30},
      {"若干措施", T::Programme, L::None, S::Anchored, 30},
      {"若干政策", T::Programme, L::None, S::Strong, 30},
      {"条措施", T::Programme, L::None, S::Anchored, 30},
      // products
      {"大模型", T::Product, L::None, S::Anchored, 14},
  };
  return table;
}

namespace {

// Coordinators that may sit inside a name (山东省机器人与智能技术重点实验室).
bool is_coordinator(std::string_view w) { return w == "与" || w == "和" || w == "及"; }

// Returns the character that ends at byte i and sets j to where it starts:
// char_at(text, char_before(text, i)), with the usual well-formed
// three-byte character decoded directly from its bytes.
char32_t char_ending_at(std::string_view text, std::size_t i, std::size_t& j) {
  if (i >= 3) {
    const auto b0 = static_cast<unsigned char>(text[i - 3]);
    const auto b1 = static_cast<unsigned char>(text[i - 2]);
    const auto b2 = static_cast<unsigned char>(text[i - 1]);
    if ((b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80) {
      j = i - 3;
      return static_cast<char32_t>(((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu));
    }
  }
  j = char_before(text, i);
  return char_at(text, j);
}

// Returns where the run of name characters before `end` starts, at most
// `max_chars` characters back; a parenthesised place such as (广州) is crossed.
std::size_t run_start(std::string_view text, std::size_t end, std::size_t max_chars) {
  std::size_t i = end;
  for (std::size_t n = 0; i > 0 && n < max_chars;) {
    std::size_t j = 0;
    const char32_t c = char_ending_at(text, i, j);
    if (c == ')' || c == 0xFF09) {
      std::size_t k = j;
      bool found = false;
      for (int steps = 0; k > 0 && steps < 8; ++steps) {
        k = char_before(text, k);
        const char32_t o = char_at(text, k);
        if (o == '(' || o == 0xFF08) {
          found = true;
          break;
        }
        if (!is_name_char(o)) break;
      }
      if (!found || k == 0) break;
      i = k;
      ++n;
      continue;
    }
    if (!is_name_char(c)) break;
    i = j;
    ++n;
  }
  return i;
}

bool is_place(const LexHit& h) { return h.entry().type == EntityType::Place; }
bool is_org(const LexHit& h) { return is_organisation(h.entry().type); }

// Finds the left edge of the modifier of a head at [head_begin, ...): the
// last stop word that is not inside a known name and not a coordinator
// joining two halves of one name.
std::size_t cut_at_stop_words(const Scan& scan, std::size_t start, std::size_t head_begin) {
  std::size_t left = start;
  // Only stop words that begin inside the window matter: walk them right to left.
  const auto window_end = std::lower_bound(scan.stops.begin(), scan.stops.end(), std::make_pair(head_begin, std::size_t{0}));
  for (auto it = std::make_reverse_iterator(window_end); it != scan.stops.rend(); ++it) {
    const auto [b, e] = *it;
    if (b < start) break;
    if (e > head_begin) continue;
    if (scan.is_protected(b, e)) continue;
    const std::string_view word = scan.text.substr(b, e - b);
    if (is_coordinator(word)) {
      // Keep 与 inside a name when the left half starts with a place and the right half has no anchor.
      const LexHit* right_anchor = scan.first_lexical_in(e, head_begin);
      std::size_t left_start = start;
      for (auto jt = std::next(it); jt != scan.stops.rend() && jt->first >= start; ++jt)
        if (jt->second <= b && !scan.is_protected(jt->first, jt->second)) {
          left_start = jt->second;
          break;
        }
      const LexHit* left_anchor = scan.lexical_at(left_start);
      if (right_anchor == nullptr && left_anchor != nullptr && is_place(*left_anchor) && left_start < b)
        continue;
    }
    left = e;
    break;
  }
  return left;
}

// Tells whether a Chinese ordinal such as 第二届 starts at `i`; returns its end.
std::size_t skip_ordinal(std::string_view text, std::size_t i, std::size_t limit) {
  if (starts_with_at(text, i, "首届") && i + 6 < limit) return i + 6;
  if (!starts_with_at(text, i, "第")) return i;
  std::size_t j = i + 3;
  while (j < limit) {
    const char32_t c = char_at(text, j);
    if (std::u32string_view(U"0123456789一二三四五六七八九十百").find(c) == std::u32string_view::npos) break;
    j = char_end(text, j);
  }
  if (j > i + 3 && j < limit) {
    const char32_t c = char_at(text, j);
    if (c == U'届' || c == U'次' || c == U'期') return char_end(text, j);
  }
  return i;
}

bool is_admin_prefix(char32_t c) { return c == U'市' || c == U'省' || c == U'区' || c == U'县'; }

// Characters before 局/厅 that make an ordinary word (布局, 格局, 餐厅, 大厅).
bool breaks_short_head(std::string_view head, char32_t before) {
  if (head == "局") return std::u32string_view(U"布格入出结破解开大全变僵残赌骗饭棋当时政").find(before) != std::u32string_view::npos;
  if (head == "厅") return std::u32string_view(U"大餐客展门舞").find(before) != std::u32string_view::npos;
  return false;
}

// Tells whether the text after a head lets it end a name (大学生 does not).
bool head_may_end(const Scan& scan, const HeadHit& h) {
  const char32_t next = char_at(scan.text, h.end);
  if (h.head->text == "局" || h.head->text == "厅") {
    const char32_t before = char_at(scan.text, char_before(scan.text, h.begin));
    return next != U'长' && before != U'副' && before != U'局' && before != U'厅';
  }
  if (h.head->text == "大学") return std::u32string_view(U"生城路").find(next) == std::u32string_view::npos;
  if (h.head->text.ends_with("中心")) return next != U'城' && next != U'区';
  if (h.head->text == "科技" || h.head->text == "集团") {
    // 某某科技创始人: a role right after the head ends the name.
    auto r = std::lower_bound(scan.roles.begin(), scan.roles.end(), h.end,
                              [](const RoleHit& x, std::size_t e) { return x.end < e; });
    for (int k = 0; k < 4 && r != scan.roles.end(); ++k, ++r)
      if (r->begin == h.end) return true;
    return std::u32string_view(U"创成企部型人金革自强园馆化界产感含").find(next) == std::u32string_view::npos;
  }
  return true;
}

bool is_quote(char32_t c) {
  return c == U'“' || c == U'”' || c == U'"' || c == U'「' || c == U'」' || c == U'‘' || c == U'’';
}

// Tells whether a span may hold a quotation mark: false means it holds none.
// Every byte sequence that utf8::next decodes to one of is_quote's marks
// (overlong and malformed forms included) starts with one of these bytes,
// and a byte test is far cheaper than decoding every character.
bool may_hold_quote(std::string_view span) {
  static const std::array<bool, 256> leads = [] {
    std::array<bool, 256> t{};
    for (unsigned char b : {0x22, 0xC0, 0xE0, 0xE2, 0xE3, 0xF0}) t[b] = true;
    return t;
  }();
  return std::any_of(span.begin(), span.end(), [](char c) { return leads[static_cast<unsigned char>(c)]; });
}

// Returns the canonical name of a span with its quotation marks dropped.
std::string strip_quotes_name(std::string_view span) {
  if (!may_hold_quote(span)) return canonical(span);  // the usual case: nothing to drop
  std::string out;
  bool quoted = false;
  for (std::size_t i = 0; i < span.size() && !quoted;) quoted = is_quote(utf8::next(span, i));
  if (!quoted) return canonical(span);  // the usual case: nothing to drop
  out.reserve(span.size());
  std::size_t i = 0;
  while (i < span.size()) {
    const std::size_t start = i;
    if (is_quote(utf8::next(span, i))) continue;
    out.append(span.substr(start, i - start));
  }
  return canonical(out);
}

std::optional<Candidate> from_head(const Scan& scan, const HeadHit& h) {
  const Head& head = *h.head;
  const std::string_view text = scan.text;
  if (!head_may_end(scan, h)) return std::nullopt;
  std::size_t start = run_start(text, h.begin, head.max_chars);
  // The window must not start inside a known name (工业和信息化部…): widen it to the name.
  if (const LexHit* around = scan.lexical_around(start); around != nullptr && around->begin < start)
    start = around->begin;
  std::size_t left = cut_at_stop_words(scan, start, h.begin);
  if (head.type == EntityType::Programme) left = skip_ordinal(text, left, h.begin);
  bool quoted = false;
  if (left == h.begin || (left == start && left > 0)) {
    // A quoted name right before the head or its modifier: “某某”系列发布会.
    const std::size_t q = char_before(text, left);
    if (left > 0 && char_at(text, q) == U'”') {
      const std::size_t open = text.rfind("“", q);
      if (open != std::string_view::npos && q - open <= 60) {
        left = open;
        quoted = true;
      }
    }
  }
  if (left >= h.begin) return std::nullopt;
  if (!quoted && !head.text.empty() && breaks_short_head(head.text, char_at(text, char_before(text, h.begin))) &&
      utf8::length(head.text) == 1)
    return std::nullopt;

  // The lexicon already knows a name that ends with this head (国内清华大学).
  for (const LexHit* in = scan.first_lexical_in(left, h.end); in != nullptr && in->begin < h.begin;
       in = scan.first_lexical_in(in->end, h.end))
    if (in->end == h.end && is_org(*in)) return std::nullopt;
  const LexHit* anchor = scan.lexical_at(left);
  switch (head.strength) {
    case S::Strong:
      // Without a known name at its start a long modifier is more likely a clause than a name.
      if (!quoted && !(anchor && (is_place(*anchor) || is_org(*anchor))) &&
          utf8::length(text.substr(left, h.begin - left)) > 6 && head.type != EntityType::Firm &&
          head.type != EntityType::Programme)
        return std::nullopt;
      break;
    case S::Anchored:
    case S::OrgAnchored: {
      if (quoted) break;
      const bool org_only = head.strength == S::OrgAnchored;
      auto fits = [&](const LexHit* a) { return a && (org_only ? is_org(*a) : (is_place(*a) || is_org(*a))); };
      if (!fits(anchor)) {
        const bool admin = head.type == EntityType::GovernmentBody && is_admin_prefix(char_at(text, left)) &&
                           (left == start || left > start);
        if (admin && utf8::length(text.substr(left, h.begin - left)) >= 2) break;
        const LexHit* inner = scan.first_lexical_in(left, h.begin);
        if (!fits(inner) || inner->end > h.begin) return std::nullopt;
        left = inner->begin;
        anchor = inner;
      }
      break;
    }
    case S::Brand: {
      const std::string_view modifier = text.substr(left, h.begin - left);
      const std::size_t chars = utf8::length(modifier);
      if (chars < 2 || chars > 4 || is_generic_modifier(modifier)) return std::nullopt;
      break;
    }
  }
  const std::string_view modifier = text.substr(left, h.begin - left);
  if (quoted && utf8::length(strip_quotes_name(modifier)) < 2) return std::nullopt;
  if (utf8::length(modifier) < 2 && !(anchor && anchor->end == h.begin)) return std::nullopt;
  if (is_generic_modifier(modifier)) return std::nullopt;
  if (anchor && anchor->begin == left && anchor->end == h.end) return std::nullopt;  // the lexicon has it

  Candidate c;
  c.begin = left;
  c.end = h.end;
  // A campus or seat in brackets right after a university: 某某大学(深圳).
  if (head.type == EntityType::University) {
    const char32_t open = char_at(text, c.end);
    if (open == '(' || open == 0xFF08) {
      const std::size_t inner = char_end(text, c.end);
      const LexHit* place = scan.lexical_at(inner);
      if (place && is_place(*place)) {
        const char32_t close = char_at(text, place->end);
        if (close == ')' || close == 0xFF09) c.end = char_end(text, place->end);
      }
    }
  }
  c.type = head.type;
  c.level = head.level;
  c.own_name = strip_quotes_name(text.substr(c.begin, c.end - c.begin));
  c.rule = Rule::Suffix;
  c.detail = head.text;
  c.confidence = head.strength == S::Strong ? 0.9 : 0.8;
  if (anchor && anchor->begin == c.begin) c.parent = anchor->entry().name;
  return c;
}

}  // namespace

std::vector<Candidate> organisations_by_head(const Scan& scan) {
  std::vector<Candidate> out;
  std::vector<std::size_t> continues;  // where heads begin, to tell whether one continues another
  continues.reserve(scan.heads.size());
  for (const HeadHit& h : scan.heads) continues.push_back(h.begin);
  std::sort(continues.begin(), continues.end());
  for (std::size_t i = 0; i < scan.heads.size(); ++i) {
    const HeadHit& h = scan.heads[i];
    // 科技 in 香港科技大学 is not a head: another head continues it.
    if (h.head->strength == S::Brand && std::binary_search(continues.begin(), continues.end(), h.end)) continue;
    if (auto c = from_head(scan, h)) out.push_back(std::move(*c));
  }
  return out;
}

}  // namespace kg::recognize
