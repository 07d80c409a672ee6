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
#include <set>
#include <string>

#include "relate/patterns.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

enum class Join { None, Adjacent, Enum, With };

struct Chunk {
  std::vector<std::size_t> members;  // item indexes
  std::vector<bool> right_of_with;   // per member: after a 与-type joiner
  std::size_t begin = 0;
  std::size_t end = 0;
  bool has_with = false;
};

constexpr std::size_t kSubjectGapChars = 14;  // subject ... trigger
constexpr std::size_t kObjectGapChars = 24;   // trigger ... object (推出了国内首创的…芯片X)
constexpr std::size_t kPlaceGapChars = 6;     // 落户 ... place
constexpr std::size_t kOpeningChars = 4;      // lead-in before a clause's own subject

bool is_policy_programme(std::string_view name) {
  static constexpr std::array<std::string_view, 16> kSuffixes{
      "意见", "方案", "计划", "规划", "政策", "措施", "条例", "办法",
      "通知", "规定", "纲要", "决定", "细则", "指南", "指引", "清单"};
  if (name.ends_with(")") || name.ends_with("）")) {
    const std::size_t open = std::min(name.rfind('('), name.rfind("（"));
    if (open != std::string_view::npos) name = name.substr(0, open);
  }
  for (std::string_view s : kSuffixes)
    if (name.ends_with(s)) return true;
  return false;
}

std::string_view strip_adverbs(std::string_view g) {
  for (bool again = true; again && !g.empty();)
    again = strip_prefix(g, {"已经", "正在", "一起", "共同", "分别", "率先", "积极", "首次", "还将",
                             "也将", "已", "正", "将", "还", "也", "又", "再", "并"}) ||
            strip_suffix(g, {"一起", "共同", "分别"});
  return g;
}

Join classify_gap(std::string_view gap) {
  std::string_view g = trim_space_quotes(gap);
  if (g.empty()) return Join::Adjacent;
  if (g.starts_with("等")) {  // "等部门，以及": the enumeration goes on after a comma
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
  return after.starts_with(")") || after.starts_with("）");
}

std::vector<Chunk> make_chunks(const SentenceView& view) {
  std::vector<Chunk> chunks;
  for (std::size_t idx : view.top()) {
    const Item& it = view.item(idx);
    if (!chunks.empty()) {
      Chunk& c = chunks.back();
      if (is_bracket_qualifier(view, c.end, it)) {
        c.end = it.end + (view.text().substr(it.end).starts_with(")") ? 1 : 3);
        continue;
      }
      const Item& last = view.item(c.members.back());
      const Join j = classify_gap(view.between(c.end, it.begin));
      if (j != Join::None) {
        if (j == Join::Adjacent && last.entity.type == EntityType::Place &&
            it.entity.type == EntityType::Place) {
          c.members.back() = idx;  // 广州市海珠区: the smaller place stands for both
        } else {
          c.members.push_back(idx);
          c.right_of_with.push_back(c.has_with || j == Join::With);
          c.has_with = c.has_with || j == Join::With;
        }
        c.end = it.end;
        continue;
      }
    }
    chunks.push_back(Chunk{{idx}, {false}, it.begin, it.end, false});
  }
  return chunks;
}

struct Clause {
  std::size_t begin = 0;
  std::size_t end = 0;
};

Clause clause_around(std::string_view text, std::size_t pos) {
  Clause c{0, text.size()};
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t at = i;
    const char32_t ch = utf8::next(text, i);
    if (!is_clause_break(ch)) continue;
    if (at < pos) {
      c.begin = i;
    } else {
      c.end = at;
      break;
    }
  }
  return c;
}

// Tells whether a stretch of text denies what follows (不, 未, 没有), leaving
// out the words that only start with 不 (不仅, 不断).
bool negated(std::string_view gap) {
  for (std::string_view w : {"未", "没有", "尚未", "并非", "是否", "拟", "无法"})
    if (gap.find(w) != std::string_view::npos) return true;
  for (std::size_t at = gap.find("不"); at != std::string_view::npos; at = gap.find("不", at + 3)) {
    const std::string_view rest = gap.substr(at);
    if (!rest.starts_with("不仅") && !rest.starts_with("不断") && !rest.starts_with("不少") &&
        !rest.starts_with("不但") && !rest.starts_with("不久"))
      return true;
  }
  return false;
}

// Personal pronouns and generic subjects: the clause has its own subject,
// just not a named one, so nothing may be carried into it.
bool has_own_subject(std::string_view lead) {
  for (std::string_view w : {"我们", "我", "他们", "她们", "他", "她", "它们", "大家", "记者", "笔者", "企业", "不少"})
    if (lead.find(w) != std::string_view::npos) return true;
  return false;
}

// Clause openers after which the subject comes in the next clause
// (除了举办大赛，海珠区还…; 为推动发展，天津市…).
bool opens_dependent_clause(std::string_view lead) {
  lead = trim_space_quotes(lead);
  for (std::string_view w : {"除了", "除", "为了", "为", "随着", "通过", "围绕", "经过", "自"})
    if (lead.starts_with(w)) return true;
  return false;
}

struct Side {
  std::vector<EntityRef> entities;
  std::vector<bool> right_of_with;
  double confidence = 0.8;
  std::size_t begin = 0;  // where it is in the sentence; end 0 for borrowed ones
  std::size_t end = 0;
};

Side borrowed(std::vector<EntityRef> entities, double confidence) {
  Side s;
  s.right_of_with.assign(entities.size(), false);
  s.entities = std::move(entities);
  s.confidence = confidence;
  return s;
}

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
    if (before.ends_with(m)) return before.size() - m.size();
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
              const std::vector<EntityRef>& carried)
      : view_(view), tables_(tables), recent_(recent), carried_(carried),
        chunks_(make_chunks(view)) {}

  SvoResult run() {
    place_of_org();
    const std::string_view text = view_.text();
    std::size_t next_item = 0;  // top items are in order: skip them as the scan reaches them
    for (std::size_t p = 0; p < text.size();) {
      const auto& top = view_.top();
      while (next_item < top.size() && view_.item(top[next_item]).end <= p) ++next_item;
      if (next_item < top.size() && view_.item(top[next_item]).begin <= p) {
        p = view_.item(top[next_item]).end;
        continue;
      }
      if (const auto trig = tables_.trigger_at(text.substr(p))) {
        on_trigger(*trig, p);
        p += trig->word.size();
        continue;
      }
      p += utf8::sequence_length(static_cast<unsigned char>(text[p]));
    }
    return {std::move(out_), topic()};
  }

 private:
  const SentenceView& view_;
  const Tables& tables_;
  const Antecedents& recent_;
  const std::vector<EntityRef>& carried_;
  std::vector<Chunk> chunks_;
  std::vector<Finding> out_;
  std::optional<Side> last_subject_;
  std::set<const Chunk*> objects_;  // chunks already taken as some trigger's object

  void add(const EntityRef& h, RelationType t, const EntityRef& tail, std::string_view trigger,
           double confidence) {
    if (h.name == tail.name || !relation_allows(t, h.type, tail.type)) return;
    out_.push_back({h, t, tail, {}, std::string(trigger), confidence});
  }

  Antecedents antecedents_before(std::size_t pos) const {
    Antecedents cands = recent_;
    for (const Item& it : view_.items())
      if (it.end <= pos && is_organisation(it.entity.type)) cands.push_back(it.entity);
    return cands;
  }

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
      if (utf8::length(gap) > max_chars || has_clause_break(gap)) return nullptr;
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
    if (chunks_.empty()) return nullptr;
    const Chunk& c = chunks_.front();
    if (utf8::length(trim_space_quotes(view_.between(0, c.begin))) <= kOpeningChars) return &c;
    const Clause first = clause_around(view_.text(), 0);
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
        return utf8::length(trim_space_quotes(view_.between(start, c.begin))) <= kOpeningChars ? &c : nullptr;
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
        if (utf8::length(view_.between(c->end, right)) <= kPlaceGapChars) *locative = c;
        right = marker;
        c = chunk_before(right, cl);
      }
    }
    if (c) {
      const std::string_view gap = view_.between(c->end, right);
      if (objects_.count(c) || utf8::length(gap) > kSubjectGapChars || has_clause_break(gap) ||
          gap.find("、") != std::string_view::npos || negated(gap))
        return std::nullopt;
      return side_of(*c, 0.8);
    }
    return borrowed_subject(p, cl);
  }

  // A subject for a clause that names none before its trigger.
  std::optional<Side> borrowed_subject(std::size_t p, const Clause& cl) {
    const std::string_view lead = view_.between(cl.begin, p);
    if (starts_with_anaphor(lead)) {
      if (auto a = resolve_anaphor_prefix(lead, antecedents_before(cl.begin))) return borrowed({*a}, 0.6);
    }
    if (negated(lead) || has_own_subject(lead) || utf8::length(lead) > kSubjectGapChars) return std::nullopt;
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
    if (!carried_.empty() && utf8::length(trim_space_quotes(lead)) <= kOpeningChars)
      return borrowed(carried_, 0.5);
    return std::nullopt;
  }

  Side side_of(const Chunk& c, double confidence) const {
    Side s;
    for (std::size_t m = 0; m < c.members.size(); ++m) {
      s.entities.push_back(view_.item(c.members[m]).entity);
      s.right_of_with.push_back(c.right_of_with[m]);
    }
    s.confidence = confidence;
    s.begin = c.begin;
    s.end = c.end;
    return s;
  }

  void on_trigger(const Trigger& trig, std::size_t p) {
    const Clause cl = clause_around(view_.text(), p);
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
      for (std::size_t i = 0; i < subj->entities.size(); ++i)
        for (std::size_t j = 0; j < subj->entities.size(); ++j)
          if (!subj->right_of_with[i] && subj->right_of_with[j])
            add(subj->entities[i], RelationType::PartnersWith, subj->entities[j], trig.word, 0.7);

    const std::size_t window = directed == kLocate ? kPlaceGapChars : kObjectGapChars;
    const Chunk* obj = chunk_after(q, cl, window, directed);
    std::vector<EntityRef> objects;
    double confidence = subj->confidence;
    if (obj) {
      objects_.insert(obj);
      const bool borrowed_subject = subj->end == 0 || subj->confidence < 0.8;
      for (std::size_t m : obj->members)
        if (!borrowed_subject || !names_its_owner(view_.item(m))) objects.push_back(view_.item(m).entity);
    } else if (locative && (directed & kLocate)) {
      for (std::size_t m : locative->members) objects.push_back(view_.item(m).entity);
    }
    if (objects.empty()) return;
    const bool respectively =
        view_.between(subj->end, obj ? obj->begin : q).find("分别") != std::string_view::npos;
    const std::string_view after_obj =
        obj ? trim_space_quotes(view_.between(obj->end, std::min(obj->end + 12, view_.text().size())))
            : std::string_view{};
    const std::size_t n = subj->entities.size();
    if (respectively && n != objects.size() && objects.size() > 1) return;  // cannot pair them
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < objects.size(); ++j) {
        if (respectively && n == objects.size() && i != j) continue;
        relate(trig, subj->entities[i], objects[j], n, after_obj, confidence);
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
        if ((k & kJoin) && (w != "成为" || after_obj.starts_with("成员") || after_obj.starts_with("会员")))
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
        if (!lead.ends_with(joiner)) continue;
        const std::string_view head = strip_adverbs(trim_space(lead.substr(0, lead.size() - joiner.size())));
        std::optional<EntityRef> a;
        if (starts_with_anaphor(head)) a = resolve_anaphor_prefix(head, antecedents_before(cl.begin));
        if (!a && head.empty() && last_subject_ && !last_subject_->entities.empty())
          a = last_subject_->entities.front();
        if (a)
          for (std::size_t m : c->members) add(*a, RelationType::PartnersWith, view_.item(m).entity, w, 0.6);
        return;
      }
    }
    const Chunk* dummy = nullptr;
    std::optional<Side> subj = subject(p, cl, &dummy);
    if (!subj) return;
    const auto& ents = subj->entities;
    const auto& right = subj->right_of_with;
    if (subj->end > 0 && std::find(right.begin(), right.end(), true) != right.end()) {
      for (std::size_t i = 0; i < ents.size(); ++i)
        for (std::size_t j = 0; j < ents.size(); ++j)
          if (!right[i] && right[j]) add(ents[i], RelationType::PartnersWith, ents[j], w, subj->confidence);
      return;
    }
    constexpr unsigned kOrgObject = kFound;  // any organisation fits
    if (const Chunk* obj = chunk_after(q, cl, 4, kOrgObject)) {  // A携手B
      for (const EntityRef& a : ents)
        for (std::size_t m : obj->members)
          add(a, RelationType::PartnersWith, view_.item(m).entity, w, subj->confidence);
      return;
    }
    // A、B、C三方签约: only for a group that opens its clause.
    const bool opens = subj->end > 0 &&
                       utf8::length(trim_space_quotes(view_.between(cl.begin, subj->begin))) <= kOpeningChars;
    if (opens && ents.size() >= 2 && ents.size() <= 6)
      for (std::size_t i = 0; i < ents.size(); ++i)
        for (std::size_t j = i + 1; j < ents.size(); ++j)
          add(ents[i], RelationType::PartnersWith, ents[j], w, subj->confidence - 0.1);
  }

  // X旗下(的)Y, X下属Y, X的子公司Y: Y partOf X.
  void subsidiary(const Trigger& trig, std::size_t p, std::size_t q, const Clause& cl) {
    const Chunk* left = chunk_before(p, cl);
    const Chunk* right = chunk_after(q, cl, 8, kFound);
    if (!left || !right) return;
    std::string_view gap = trim_space_quotes(view_.between(left->end, p));
    if (gap.ends_with("的")) gap.remove_suffix(3);
    if (utf8::length(gap) > 2) return;
    for (std::size_t a : left->members)
      for (std::size_t b : right->members)
        add(view_.item(b).entity, RelationType::PartOf, view_.item(a).entity, trig.word, 0.75);
  }

  // What the next sentence may go on talking about: its opening organisations or places.
  std::vector<EntityRef> topic() const {
    const Chunk* opening = opening_chunk();
    if (!opening) return {};
    std::vector<EntityRef> out;
    for (std::size_t m : opening->members) {
      const EntityRef& e = view_.item(m).entity;
      if (is_organisation(e.type) || e.type == EntityType::Place) out.push_back(e);
    }
    return out;
  }
};

}  // namespace

SvoResult svo_relations(const SentenceView& view, const Tables& tables, const Antecedents& recent,
                        const std::vector<EntityRef>& carried) {
  return SentenceSvo(view, tables, recent, carried).run();
}

}  // namespace kg::relate
