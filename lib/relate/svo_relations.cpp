// Subject-trigger-object relations. The sentence's outermost mentions are
// grouped into chunks (enumerations joined by 、/和/及, and partner groups
// joined by 与/同/会同/联合), then every trigger word outside a mention looks
// for its subject chunk to the left and its object chunk to the right, in
// the same clause; the object's type picks the relation (发布 + Product is
// develops, 发布 + a policy is issues). A clause without a subject takes an
// anaphor's antecedent (该公司, 其), the subject of the clause it depends on
// (除了举办X，海珠区还…), the sentence's earlier subject, or the subject
// carried over from the previous sentence, each with less confidence.
#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>
#include <span>
#include <string>

#include "relate/patterns.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

enum class Join { None, Adjacent, Enum, With };

constexpr std::size_t kSubjectGapChars = 14;  // subject ... trigger
constexpr std::size_t kObjectGapChars = 24;   // trigger ... object (推出了国内首创的…芯片X)
constexpr std::size_t kPlaceGapChars = 6;     // 落户 ... place
constexpr std::size_t kOpeningChars = 4;      // lead-in before a clause's own subject

bool is_policy_programme(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kSuffixes{
      "意见", "方案", "计划", "规划", "政策", "措施", "条例", "办法",
      "通知", "规定", "纲要", "决定", "细则", "指南", "指引", "清单"};
  if (has_suffix(name, ")") || has_suffix(name, "）")) {
    const std::size_t open = std::min(name.rfind('('), name.rfind("（"));
    if (open != std::string_view::npos) name = name.substr(0, open);
  }
  for (std::string_view s : kSuffixes)
    if (has_suffix(name, s)) return true;
  return false;
}

// Tells whether `g` starts with the first character of an adverb that
// strip_adverbs removes (most gaps do not: one switch instead of 18 tests).
bool may_start_adverb(std::string_view g) {
  if (g.size() < 3) return false;
  switch (key3(g)) {
    case key3("已"): case key3("正"): case key3("一"): case key3("共"): case key3("分"):
    case key3("率"): case key3("积"): case key3("首"): case key3("还"): case key3("也"):
    case key3("将"): case key3("又"): case key3("再"): case key3("并"):
      return true;
    default:
      return false;
  }
}

std::string_view strip_adverbs(std::string_view g) {
  for (bool again = true; again && !g.empty();)
    again = (may_start_adverb(g) &&
             strip_prefix(g, {"已经", "正在", "一起", "共同", "分别", "率先", "积极", "首次", "还将",
                              "也将", "已", "正", "将", "还", "也", "又", "再", "并"})) ||
            strip_suffix(g, {"一起", "共同", "分别"});
  return g;
}

Join classify_gap(std::string_view gap) {
  std::string_view g = trim_space_quotes(gap);
  if (g.empty()) return Join::Adjacent;
  if (has_prefix(g, "等")) {  // "等部门，以及": the enumeration goes on after a comma
    std::size_t i = 0, chars = 0;
    while (i < g.size() && chars <= 8) {
      const char32_t c = utf8::next(g, i);
      ++chars;
      if (c == U',' || c == U'，') {
        const std::string_view rest = trim_space(g.substr(i));
        return (rest == "以及" || rest == "及" || rest == "和" || rest == "与" || rest == "还有")
                   ? Join::Enum
                   : Join::None;
      }
    }
    return Join::None;
  }
  g = strip_adverbs(g);
  for (std::string_view w : {"、", "和", "及", "以及", "或", "/", "、以及", "、和", "及其"})
    if (g == w) return Join::Enum;
  for (std::string_view w : {"与", "同", "跟", "会同", "联合", "携手", "联手", "牵手", "连同"})
    if (g == w) return Join::With;
  return Join::None;
}

// A place in brackets right after a name qualifies it (哈工大(深圳)).
bool is_bracket_qualifier(const SentenceView& view, std::size_t chunk_end, const Item& it) {
  if (it.entity.type != EntityType::Place) return false;
  const std::string_view gap = trim_space(view.between(chunk_end, it.begin));
  if (gap != "(" && gap != "（") return false;
  const std::string_view after = view.text().substr(it.end);
  return has_prefix(after, ")") || has_prefix(after, "）");
}

// Groups the sentence's top items into memory.chunks. Only the last chunk
// grows, so the members of each are consecutive in memory.members.
void make_chunks(const SentenceView& view, SvoMemory& memory) {
  std::vector<Chunk>& chunks = memory.chunks;
  std::vector<std::size_t>& members = memory.members;
  std::vector<char>& right_of_with = memory.right_of_with;
  chunks.clear();
  members.clear();
  right_of_with.clear();
  for (std::size_t idx : view.top()) {
    const Item& it = view.item(idx);
    if (!chunks.empty()) {
      Chunk& c = chunks.back();
      if (is_bracket_qualifier(view, c.end, it)) {
        c.end = it.end + (view.text().substr(it.end).starts_with(")") ? 1 : 3);
        continue;
      }
      const Item& last = view.item(members.back());
      const Join j = classify_gap(view.between(c.end, it.begin));
      if (j != Join::None) {
        if (j == Join::Adjacent && last.entity.type == EntityType::Place &&
            it.entity.type == EntityType::Place) {
          members.back() = idx;  // 广州市海珠区: the smaller place stands for both
        } else {
          members.push_back(idx);
          right_of_with.push_back(c.has_with || j == Join::With);
          c.has_with = c.has_with || j == Join::With;
        }
        c.end = it.end;
        continue;
      }
    }
    Chunk& c = chunks.emplace_back();
    c.begin = it.begin;
    c.end = it.end;
    c.first = members.size();
    members.push_back(idx);
    right_of_with.push_back(false);
  }
  for (std::size_t k = 0; k < chunks.size(); ++k) {
    const std::size_t end = k + 1 < chunks.size() ? chunks[k + 1].first : members.size();
    chunks[k].members = std::span<const std::size_t>(members.data() + chunks[k].first, end - chunks[k].first);
    chunks[k].right_of_with = std::span<const char>(right_of_with.data() + chunks[k].first, end - chunks[k].first);
  }
}

struct Clause {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The clause breaks of a sentence, found at the first question (many
// sentences have no trigger and need none).
class Clauses {
 public:
  Clauses(std::string_view text, std::vector<ClauseBreak>& breaks) : text_(text), breaks_(breaks) {}

  // The clause holding byte `pos`: from after the last break that starts
  // before it to the first break that starts at or after it.
  Clause around(std::size_t pos) {
    if (!found_) find_breaks();
    Clause c{0, text_.size()};
    for (const ClauseBreak& b : breaks_) {
      if (b.at < pos) {
        c.begin = b.after;
      } else {
        c.end = b.at;
        break;
      }
    }
    return c;
  }

  // around(0), the sentence's first clause: when the breaks have not been
  // needed yet, the scan stops at the first one (a sentence without
  // triggers needs no more).
  Clause first() const {
    if (found_) return breaks_.empty() ? Clause{0, text_.size()} : Clause{0, breaks_.front().at};
    for (std::size_t i = 0; i < text_.size();) {
      i = skip_plain_cjk(text_, i);
      if (i >= text_.size()) break;
      const std::size_t at = i;
      if (is_clause_break(utf8::next(text_, i))) return Clause{0, at};
    }
    return Clause{0, text_.size()};
  }

 private:
  std::string_view text_;
  std::vector<ClauseBreak>& breaks_;
  bool found_ = false;

  void find_breaks() {
    breaks_.clear();
    for (std::size_t i = 0; i < text_.size();) {
      i = skip_plain_cjk(text_, i);
      if (i >= text_.size()) break;
      const std::size_t at = i;
      if (is_clause_break(utf8::next(text_, i))) breaks_.push_back({at, i});
    }
    found_ = true;
  }
};

// Tells whether a stretch of text denies what follows (不, 未, 没有), leaving
// out the words that only start with 不 (不仅, 不断). One pass, with a
// switch on the three bytes at each character.
bool negated(std::string_view gap) {
  for (std::size_t at = 0; at + 3 <= gap.size(); at += step_at(gap, at)) {
    if (is_continuation_byte(gap[at])) continue;  // no word starts there
    const std::string_view rest = gap.substr(at);
    switch (key3(rest)) {
      case key3("未"): case key3("拟"):
        return true;
      case key3("没"):
        if (has_prefix(rest, "没有")) return true;
        break;
      case key3("尚"):
        if (has_prefix(rest, "尚未")) return true;
        break;
      case key3("并"):
        if (has_prefix(rest, "并非")) return true;
        break;
      case key3("是"):
        if (has_prefix(rest, "是否")) return true;
        break;
      case key3("无"):
        if (has_prefix(rest, "无法")) return true;
        break;
      case key3("不"):
        if (!has_prefix(rest, "不仅") && !has_prefix(rest, "不断") && !has_prefix(rest, "不少") &&
            !has_prefix(rest, "不但") && !has_prefix(rest, "不久"))
          return true;
        break;
      default:
        break;
    }
  }
  return false;
}

// Personal pronouns and generic subjects: the clause has its own subject,
// just not a named one, so nothing may be carried into it.
bool has_own_subject(std::string_view lead) {
  static constexpr std::string_view kWords[] = {"我们", "我", "他们", "她们", "他", "她",
                                                "它们", "大家", "记者", "笔者", "企业", "不少"};
  // contains_any(lead, kWords), with a switch on the words' first characters
  // so that most places cost one test instead of twelve.
  for (std::size_t at = 0; at + 3 <= lead.size(); at += step_at(lead, at)) {
    if (is_continuation_byte(lead[at])) continue;
    const std::string_view rest = lead.substr(at);
    switch (key3(rest)) {
      case key3("我"): case key3("他"): case key3("她"): case key3("它"): case key3("大"):
      case key3("记"): case key3("笔"): case key3("企"): case key3("不"):
        for (std::string_view w : kWords)
          if (has_prefix(rest, w)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

// Clause openers after which the subject comes in the next clause
// (除了举办大赛，海珠区还…; 为推动发展，天津市…).
bool opens_dependent_clause(std::string_view lead) {
  lead = trim_space_quotes(lead);
  if (lead.size() < 3) return false;
  switch (key3(lead)) {  // the first characters of the words below: most leads fail here
    case key3("除"): case key3("为"): case key3("随"): case key3("通"): case key3("围"):
    case key3("经"): case key3("自"):
      break;
    default:
      return false;
  }
  for (std::string_view w : {"除了", "除", "为了", "为", "随着", "通过", "围绕", "经过", "自"})
    if (has_prefix(lead, w)) return true;
  return false;
}

// The subject of a trigger: a chunk of the sentence, or entities borrowed
// from elsewhere (an anaphor's antecedent, the previous sentence's subject).
// Cheap to copy: it views the chunk or the borrowed list.
class Side {
 public:
  static Side of_chunk(const SentenceView& view, const Chunk& c, double confidence) {
    Side s;
    s.view_ = &view;
    s.chunk_ = &c;
    s.confidence = confidence;
    s.begin = c.begin;
    s.end = c.end;
    return s;
  }
  static Side borrowed(std::span<const EntityRef> entities, double confidence) {
    Side s;
    s.list_ = entities;
    s.confidence = confidence;
    return s;
  }
  static Side borrowed(const EntityRef& entity, double confidence) {
    Side s;
    s.single_ = entity;
    s.is_single_ = true;
    s.confidence = confidence;
    return s;
  }

  std::size_t size() const noexcept { return chunk_ ? chunk_->members.size() : is_single_ ? 1 : list_.size(); }
  const EntityRef& entity(std::size_t i) const {
    return chunk_ ? view_->item(chunk_->members[i]).entity : is_single_ ? single_ : list_[i];
  }
  // Tells whether entity i comes after a 与-type joiner (A与B: B does).
  bool right_of_with(std::size_t i) const { return chunk_ && chunk_->right_of_with[i]; }
  bool has_with() const {
    if (!chunk_) return false;
    return std::find(chunk_->right_of_with.begin(), chunk_->right_of_with.end(), 1) != chunk_->right_of_with.end();
  }

  double confidence = 0.8;
  std::size_t begin = 0;  // where it is in the sentence; end 0 for borrowed ones
  std::size_t end = 0;

 private:
  const SentenceView* view_ = nullptr;
  const Chunk* chunk_ = nullptr;
  std::span<const EntityRef> list_;
  EntityRef single_;
  bool is_single_ = false;
};

bool all_places(const SentenceView& view, const Chunk& c) {
  return std::all_of(c.members.begin(), c.members.end(),
                     [&](std::size_t m) { return view.item(m).entity.type == EntityType::Place; });
}

// Returns where the marker of a locative phrase (在广州, 于海珠区) that ends
// with chunk `c` starts; npos when `c` is not one.
std::size_t locative_start(const SentenceView& view, const Chunk& c) {
  if (!all_places(view, c)) return std::string_view::npos;
  std::string_view before = view.between(0, c.begin);
  while (!before.empty()) {  // trailing spaces and quotes only
    std::size_t at = 0;
    const char32_t ch = last_char(before, &at);
    if (!is_space(ch) && !is_quote(ch)) break;
    before = before.substr(0, at);
  }
  for (std::string_view m : {"落户", "来自", "在", "于", "到", "从"})
    if (has_suffix(before, m)) return before.size() - m.size();
  return std::string_view::npos;
}

// Tells whether an entity can be the object of a trigger of kinds `k`.
bool object_fits(unsigned k, const EntityRef& e) {
  switch (e.type) {
    case EntityType::Place:
      return (k & kLocate) || ((k & kHost) && e.level == PlaceLevel::Zone);
    case EntityType::Product:
      return k & kDevelop;
    case EntityType::Programme:
      return k & (kIssue | kOrganize | kParticipate | kJoin);
    case EntityType::Person:
      return false;
    default:
      return k & (kFound | kJoin | kAlliance | kHost);
  }
}

class SentenceSvo {
 public:
  SentenceSvo(const SentenceView& view, const Tables& tables, const Antecedents& recent,
              const std::vector<EntityRef>& carried, SvoMemory& memory, std::vector<Finding>& out)
      : view_(view), tables_(tables), recent_(recent), carried_(carried), memory_(memory),
        chunks_(memory.chunks), out_(out), clauses_(view.text(), memory.breaks) {
    make_chunks(view, memory);
    memory.taken.assign(chunks_.size(), false);
  }

  std::span<const EntityRef> run() {
    place_of_org();
    const std::string_view text = view_.text();
    std::size_t next_item = 0;  // top items are in order: skip them as the scan reaches them
    const auto top = view_.top();
    for (std::size_t p = 0; p < text.size();) {
      while (next_item < top.size() && view_.item(top[next_item]).end <= p) ++next_item;
      if (next_item < top.size() && view_.item(top[next_item]).begin <= p) {
        p = view_.item(top[next_item]).end;
        continue;
      }
      // The stretch up to the next item holds no mention: scan it in a
      // tight loop, back to the items after a trigger (its word may run on
      // into one).
      const std::size_t stop = next_item < top.size() ? view_.item(top[next_item]).begin : text.size();
      p = next_trigger(text, p, stop);
    }
    return topic();
  }

  // Passes over the three-byte characters from `p` on (before `stop`) that
  // start no trigger word, in a loop that decodes nothing and keeps its
  // bounds in registers; returns where the first other character is.
  std::size_t skip_plain_characters(std::string_view text, std::size_t p, std::size_t stop) const {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t whole = text.size() >= 3 ? text.size() - 2 : 0;  // p < whole: p + 3 <= size
    const std::size_t end = std::min(stop, whole);
    while (p < end) {
      const unsigned char lead = bytes[p];
      if ((lead >> 4) != 0xE) break;
      if (tables_.may_start_trigger3(lead, bytes[p + 1], bytes[p + 2]) && tables_.may_start_word(text.substr(p)))
        break;
      p += 3;
    }
    return p;
  }

  // Looks for triggers from byte `p` up to `stop`, handling the first one
  // found; returns where the scan goes on.
  std::size_t next_trigger(std::string_view text, std::size_t p, std::size_t stop) {
    while (p < stop) {
      p = skip_plain_characters(text, p, stop);
      if (p >= stop) break;
      const auto lead = static_cast<unsigned char>(text[p]);
      char32_t c;
      std::size_t length;  // utf8::sequence_length(lead)
      if ((lead >> 4) == 0xE && p + 3 <= text.size()) {  // most of Chinese text
        const auto b1 = static_cast<unsigned char>(text[p + 1]), b2 = static_cast<unsigned char>(text[p + 2]);
        if (!tables_.may_start_trigger3(lead, b1, b2) ||  // the usual answer, without decoding
            !tables_.may_start_word(text.substr(p))) {     // most of the rest, without the groups
          p += 3;
          continue;
        }
        c = static_cast<char32_t>((lead & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
        length = 3;
      } else if (lead < 0x80) {
        c = lead;
        length = 1;
      } else {
        std::size_t i = p;
        c = utf8::next(text, i);
        length = utf8::sequence_length(lead);
      }
      if (tables_.may_start_trigger(c))
        if (const auto trig = tables_.trigger_starting(c, text.substr(p))) {
          on_trigger(*trig, p);
          return p + trig->word.size();
        }
      p += length;
    }
    return p;
  }

 private:
  const SentenceView& view_;
  const Tables& tables_;
  const Antecedents& recent_;
  const std::vector<EntityRef>& carried_;
  SvoMemory& memory_;
  const std::vector<Chunk>& chunks_;
  std::vector<Finding>& out_;
  mutable Clauses clauses_;  // found lazily
  mutable std::optional<const Chunk*> opening_;  // opening_chunk(), found lazily
  std::optional<Side> last_subject_;

  void add(const EntityRef& h, RelationType t, const EntityRef& tail, std::string_view trigger,
           double confidence) {
    if (h.name == tail.name || !relation_allows(t, h.type, tail.type)) return;
    out_.push_back({h, t, tail, {}, trigger, confidence});
  }

  Candidates antecedents_before(std::size_t pos) const { return Candidates{recent_, view_.items(), pos}; }

  // 香港的香港中文大学、香港科技大学 / 崂山区的青岛市人工智能产业园: each is in the place.
  void place_of_org() {
    for (std::size_t k = 0; k + 1 < chunks_.size(); ++k) {
      const Chunk& a = chunks_[k];
      const Chunk& b = chunks_[k + 1];
      if (a.members.size() != 1 || !all_places(view_, a)) continue;
      if (trim_space_quotes(view_.between(a.end, b.begin)) != "的") continue;
      const EntityRef& place = view_.item(a.members[0]).entity;
      if (place.level == PlaceLevel::Country) continue;
      for (std::size_t m : b.members) {
        const EntityRef& e = view_.item(m).entity;
        if (is_organisation(e.type) || (e.type == EntityType::Place && e.level == PlaceLevel::Zone))
          add(e, RelationType::LocatedIn, place, "的", 0.6);
      }
    }
  }

  // The chunk that ends nearest before `p` inside clause `cl`; nullptr when none.
  const Chunk* chunk_before(std::size_t p, const Clause& cl) const {
    const Chunk* best = nullptr;
    for (const Chunk& c : chunks_)
      if (c.end <= p && c.end > cl.begin) best = &c;
    return best;
  }

  // The first chunk after `q` in the clause, within `max_chars`, with a
  // member that fits `kinds`.
  const Chunk* chunk_after(std::size_t q, const Clause& cl, std::size_t max_chars, unsigned kinds) const {
    for (const Chunk& c : chunks_) {
      if (c.begin < q) continue;
      if (c.begin >= cl.end) return nullptr;
      const std::string_view gap = view_.between(q, c.begin);
      if (longer_than(gap, max_chars) || has_clause_break(gap)) return nullptr;
      for (std::size_t m : c.members)
        if (object_fits(kinds, view_.item(m).entity)) return &c;
    }
    return nullptr;
  }

  const Chunk* chunk_containing(std::size_t p) const {
    for (const Chunk& c : chunks_)
      if (c.begin < p && p < c.end) return &c;
    return nullptr;
  }

  // The chunk that opens the sentence (after at most a few characters), or
  // the clause after an opening dependent clause (为推动…，天津市…): the
  // sentence's topic, subject of later clauses that have none.
  const Chunk* opening_chunk() const {
    if (!opening_) opening_ = find_opening_chunk();
    return *opening_;
  }

  const Chunk* find_opening_chunk() const {
    if (chunks_.empty()) return nullptr;
    const Chunk& c = chunks_.front();
    if (!longer_than(trim_space_quotes(view_.between(0, c.begin)), kOpeningChars)) return &c;
    const Clause first = clauses_.first();
    if (opens_dependent_clause(view_.between(first.begin, first.end))) return next_clause_subject(first);
    return nullptr;
  }

  // Tells whether a programme's name states who issues or runs it (《河北区…措施》):
  // then a borrowed subject must not claim it.
  bool names_its_owner(const Item& programme) const {
    for (std::size_t ci : programme.children) {
      const Item& c = view_.item(ci);
      if ((c.entity.type == EntityType::Place || is_organisation(c.entity.type)) &&
          trim_space_quotes(view_.between(programme.begin, c.begin)).empty())
        return true;
    }
    return false;
  }

  // The chunk that opens the clause after `cl`, if any.
  const Chunk* next_clause_subject(const Clause& cl) const {
    if (cl.end >= view_.text().size()) return nullptr;
    std::size_t start = cl.end;
    utf8::next(view_.text(), start);
    for (const Chunk& c : chunks_)
      if (c.begin >= start)
        return !longer_than(trim_space_quotes(view_.between(start, c.begin)), kOpeningChars) ? &c : nullptr;
    return nullptr;
  }

  // The subject of a trigger at `p`, and a locative phrase met on the way.
  std::optional<Side> subject(std::size_t p, const Clause& cl, const Chunk** locative) {
    *locative = nullptr;
    std::size_t right = p;
    const Chunk* c = chunk_before(right, cl);
    if (c) {
      const std::size_t marker = locative_start(view_, *c);
      if (marker != std::string_view::npos) {
        if (!longer_than(view_.between(c->end, right), kPlaceGapChars)) *locative = c;
        right = marker;
        c = chunk_before(right, cl);
      }
    }
    if (c) {
      const std::string_view gap = view_.between(c->end, right);
      if (memory_.taken[c - chunks_.data()] || longer_than(gap, kSubjectGapChars) || has_clause_break(gap) ||
          contains(gap, "、") || negated(gap))
        return std::nullopt;
      return side_of(*c, 0.8);
    }
    return borrowed_subject(p, cl);
  }

  // A subject for a clause that names none before its trigger.
  std::optional<Side> borrowed_subject(std::size_t p, const Clause& cl) {
    const std::string_view lead = view_.between(cl.begin, p);
    if (starts_with_anaphor(lead)) {
      if (auto a = resolve_anaphor_prefix(lead, antecedents_before(cl.begin))) return Side::borrowed(*a, 0.6);
    }
    if (longer_than(lead, kSubjectGapChars) || negated(lead) || has_own_subject(lead)) return std::nullopt;
    if (opens_dependent_clause(lead)) {
      const Chunk* next = next_clause_subject(cl);
      if (next) return side_of(*next, 0.6);
      return std::nullopt;
    }
    if (last_subject_) {
      Side s = *last_subject_;
      s.confidence = 0.6;
      return s;
    }
    if (const Chunk* opening = opening_chunk(); opening && opening->end <= cl.begin)
      return side_of(*opening, 0.6);
    if (!carried_.empty() && !longer_than(trim_space_quotes(lead), kOpeningChars))
      return Side::borrowed(carried_, 0.5);
    return std::nullopt;
  }

  Side side_of(const Chunk& c, double confidence) const { return Side::of_chunk(view_, c, confidence); }

  void on_trigger(const Trigger& trig, std::size_t p) {
    const Clause cl = clauses_.around(p);
    const std::size_t q = p + trig.word.size();
    if (trig.kinds & kPartner) partners(trig, p, q, cl);
    if (trig.kinds & kSubsidiary) subsidiary(trig, p, q, cl);
    const unsigned directed = trig.kinds & ~(kPartner | kSubsidiary);
    if (!directed) return;
    if (chunk_containing(p)) return;  // a joiner inside a group (A联合B), handled above
    const Chunk* locative = nullptr;
    std::optional<Side> subj = subject(p, cl, &locative);
    if (!subj) return;
    if (subj->end > 0) last_subject_ = subj;
    // X与Y共同组建/联合推出/共同举办: the two sides are partners.
    if ((directed & (kAlliance | kDevelop | kOrganize)) && subj->end > 0)
      for (std::size_t i = 0; i < subj->size(); ++i)
        for (std::size_t j = 0; j < subj->size(); ++j)
          if (!subj->right_of_with(i) && subj->right_of_with(j))
            add(subj->entity(i), RelationType::PartnersWith, subj->entity(j), trig.word, 0.7);

    const std::size_t window = directed == kLocate ? kPlaceGapChars : kObjectGapChars;
    const Chunk* obj = chunk_after(q, cl, window, directed);
    std::vector<EntityRef>& objects = memory_.objects;
    objects.clear();
    double confidence = subj->confidence;
    if (obj) {
      memory_.taken[obj - chunks_.data()] = true;
      const bool borrowed_subject = subj->end == 0 || subj->confidence < 0.8;
      for (std::size_t m : obj->members)
        if (!borrowed_subject || !names_its_owner(view_.item(m))) objects.push_back(view_.item(m).entity);
    } else if (locative && (directed & kLocate)) {
      for (std::size_t m : locative->members) objects.push_back(view_.item(m).entity);
    }
    if (objects.empty()) return;
    const bool respectively =
        contains(view_.between(subj->end, obj ? obj->begin : q), "分别");
    const std::string_view after_obj =
        obj ? trim_space_quotes(view_.between(obj->end, std::min(obj->end + 12, view_.text().size())))
            : std::string_view{};
    const std::size_t n = subj->size();
    if (respectively && n != objects.size() && objects.size() > 1) return;  // cannot pair them
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < objects.size(); ++j) {
        if (respectively && n == objects.size() && i != j) continue;
        relate(trig, subj->entity(i), objects[j], n, after_obj, confidence);
      }
  }

  void relate(const Trigger& trig, const EntityRef& s, const EntityRef& o, std::size_t subjects,
              std::string_view after_obj, double confidence) {
    const unsigned k = trig.kinds;
    const std::string_view w = trig.word;
    switch (o.type) {
      case EntityType::Place:
        if (k & kLocate) add(s, RelationType::LocatedIn, o, w, confidence);
        else if ((k & kHost) && s.type == EntityType::Place) add(o, RelationType::LocatedIn, s, w, confidence - 0.1);
        break;
      case EntityType::Product:
        if (k & kDevelop) add(s, RelationType::Develops, o, w, confidence);
        break;
      case EntityType::Programme: {
        const bool policy = is_policy_programme(o.name);
        const bool gov = s.type == EntityType::GovernmentBody || s.type == EntityType::Place;
        if ((k & kIssue) && gov && (policy || !(k & kOrganize)))
          add(s, RelationType::Issues, o, w, confidence);
        else if (k & kOrganize)
          add(s, RelationType::Organizes, o, w, confidence);
        else if (k & kParticipate)
          add(s, RelationType::ParticipatesIn, o, w, confidence);
        else if (k & kJoin)
          add(s, RelationType::MemberOf, o, w, confidence);
        break;
      }
      case EntityType::Person:
        break;
      default:  // organisations
        if (k & kFound) add(s, RelationType::Founded, o, w, confidence);
        if ((k & kJoin) && (w != "成为" || has_prefix(after_obj, "成员") || has_prefix(after_obj, "会员")))
          add(s, RelationType::MemberOf, o, w, confidence);
        if ((k & kAlliance) && subjects >= 2) add(s, RelationType::MemberOf, o, w, confidence);
        if ((k & kHost) && s.type == EntityType::Place) add(o, RelationType::LocatedIn, s, w, confidence - 0.1);
        break;
    }
  }

  // A与B合作, A联合B, A、B、C签约: partnersWith across a 与-type joiner, or
  // among all members when there is none.
  void partners(const Trigger& trig, std::size_t p, std::size_t q, const Clause& cl) {
    const std::string_view w = trig.word;
    if (const Chunk* inside = chunk_containing(p)) {  // 海珠区联合百度智能云
      for (std::size_t a : inside->members)
        for (std::size_t b : inside->members)
          if (view_.item(a).end <= p && view_.item(b).begin >= q)
            add(view_.item(a).entity, RelationType::PartnersWith, view_.item(b).entity, w, 0.8);
      return;
    }
    const Chunk* c = chunk_before(p, cl);
    if (c && !c->has_with) {  // 公司与X、Y合作: an anaphor (or nothing) before 与
      const std::string_view lead = trim_space_quotes(view_.between(cl.begin, c->begin));
      for (std::string_view joiner : {"与", "同", "跟", "和"}) {
        if (!has_suffix(lead, joiner)) continue;
        const std::string_view head = strip_adverbs(trim_space(lead.substr(0, lead.size() - joiner.size())));
        std::optional<EntityRef> a;
        if (starts_with_anaphor(head)) a = resolve_anaphor_prefix(head, antecedents_before(cl.begin));
        if (!a && head.empty() && last_subject_ && last_subject_->size() > 0)
          a = last_subject_->entity(0);
        if (a)
          for (std::size_t m : c->members) add(*a, RelationType::PartnersWith, view_.item(m).entity, w, 0.6);
        return;
      }
    }
    const Chunk* dummy = nullptr;
    std::optional<Side> subj = subject(p, cl, &dummy);
    if (!subj) return;
    const Side& ents = *subj;
    if (subj->end > 0 && ents.has_with()) {
      for (std::size_t i = 0; i < ents.size(); ++i)
        for (std::size_t j = 0; j < ents.size(); ++j)
          if (!ents.right_of_with(i) && ents.right_of_with(j))
            add(ents.entity(i), RelationType::PartnersWith, ents.entity(j), w, subj->confidence);
      return;
    }
    constexpr unsigned kOrgObject = kFound;  // any organisation fits
    if (const Chunk* obj = chunk_after(q, cl, 4, kOrgObject)) {  // A携手B
      for (std::size_t i = 0; i < ents.size(); ++i)
        for (std::size_t m : obj->members)
          add(ents.entity(i), RelationType::PartnersWith, view_.item(m).entity, w, subj->confidence);
      return;
    }
    // A、B、C三方签约: only for a group that opens its clause.
    const bool opens = subj->end > 0 &&
                       !longer_than(trim_space_quotes(view_.between(cl.begin, subj->begin)), kOpeningChars);
    if (opens && ents.size() >= 2 && ents.size() <= 6)
      for (std::size_t i = 0; i < ents.size(); ++i)
        for (std::size_t j = i + 1; j < ents.size(); ++j)
          add(ents.entity(i), RelationType::PartnersWith, ents.entity(j), w, subj->confidence - 0.1);
  }

  // X旗下(的)Y, X下属Y, X的子公司Y: Y partOf X.
  void subsidiary(const Trigger& trig, std::size_t p, std::size_t q, const Clause& cl) {
    const Chunk* left = chunk_before(p, cl);
    const Chunk* right = chunk_after(q, cl, 8, kFound);
    if (!left || !right) return;
    std::string_view gap = trim_space_quotes(view_.between(left->end, p));
    if (has_suffix(gap, "的")) gap.remove_suffix(3);
    if (longer_than(gap, 2)) return;
    for (std::size_t a : left->members)
      for (std::size_t b : right->members)
        add(view_.item(b).entity, RelationType::PartOf, view_.item(a).entity, trig.word, 0.75);
  }

  // What the next sentence may go on talking about: its opening organisations or places.
  std::span<const EntityRef> topic() const {
    std::vector<EntityRef>& out = memory_.topic;
    out.clear();
    const Chunk* opening = opening_chunk();
    if (!opening) return {};
    for (std::size_t m : opening->members) {
      const EntityRef& e = view_.item(m).entity;
      if (is_organisation(e.type) || e.type == EntityType::Place) out.push_back(e);
    }
    return out;
  }
};

}  // namespace

std::span<const EntityRef> svo_relations(const SentenceView& view, const Tables& tables,
                                         const Antecedents& recent, const std::vector<EntityRef>& carried,
                                         SvoMemory& memory, std::vector<Finding>& out) {
  // Every finding of a trigger joins chunks of the sentence (its object is
  // always one), and the topic is its opening chunk: a sentence naming
  // nothing has neither, and its triggers need not be looked for.
  if (view.top().empty()) return {};
  return SentenceSvo(view, tables, recent, carried, memory, out).run();
}

}  // namespace kg::relate
