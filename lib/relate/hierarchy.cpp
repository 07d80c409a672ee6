// The evidence of a knowledge-based relation is the first sentence naming
// both ends, or else the first naming the contained one. The document's
// names are known by rank (names[rank] in byte order), so what the
// document says of each name lives in arrays indexed by rank, and a name is
// looked up by binary search.
#include "relate/hierarchy.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "common/utf8.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

constexpr int kMaxDepth = 8;  // country > province > city > district > town, with room

using Seen = SeenName;

// What the document says of each of its names, indexed by rank.
class SeenNames {
 public:
  SeenNames(const DocumentViews& doc, HierarchyMemory& memory)
      : doc_(doc), names_(doc.names), seen_(memory.seen), views_(memory.views) {
    seen_.assign(doc.names.size(), Seen{});
    // (rank, view) once per sentence naming it, gathered by rank with a counting pass.
    std::vector<std::size_t>& count = memory.count;
    count.assign(seen_.size() + 1, 0);
    std::vector<std::size_t>& last_view = memory.last_view;
    last_view.assign(seen_.size(), kNoParent);
    for (std::size_t v = 0; v < doc.views.size(); ++v)
      for (const Item& it : doc.views[v].items()) {
        const std::uint32_t r = it.entity.rank;
        Seen& s = seen_[r];
        if (s.entity.name.empty()) s.entity = it.entity;
        if (s.parent.empty() && it.mention && !it.mention->parent.empty()) s.parent = it.mention->parent;
        if (last_view[r] != v) {
          last_view[r] = v;
          ++count[r + 1];
        }
      }
    for (std::size_t r = 0; r < seen_.size(); ++r) count[r + 1] += count[r];
    views_.resize(count.back());
    std::vector<std::size_t>& next = memory.next;
    next.assign(count.begin(), count.end() - 1);
    std::fill(last_view.begin(), last_view.end(), kNoParent);
    for (std::size_t v = 0; v < doc.views.size(); ++v)
      for (const Item& it : doc.views[v].items()) {
        const std::uint32_t r = it.entity.rank;
        if (last_view[r] == v) continue;
        last_view[r] = v;
        views_[next[r]++] = v;
      }
    for (std::size_t r = 0; r < seen_.size(); ++r)
      seen_[r].views = std::span<const std::size_t>(views_.data() + count[r], count[r + 1] - count[r]);
  }

  std::size_t size() const noexcept { return seen_.size(); }
  const Seen& operator[](std::size_t rank) const noexcept { return seen_[rank]; }
  std::string_view name(std::size_t rank) const noexcept { return names_[rank]; }

  // Returns what the document says of `name`; nullptr when it does not name it.
  const Seen* find(std::string_view name) const noexcept {
    const std::uint32_t rank = doc_.rank_of(name);
    return rank != DocumentViews::kNoRank ? &seen_[rank] : nullptr;
  }

 private:
  const DocumentViews& doc_;
  const std::vector<std::string_view>& names_;
  std::vector<Seen>& seen_;
  std::vector<std::size_t>& views_;
};

std::size_t evidence_view(const Seen& child, const Seen& parent) {
  for (std::size_t v : child.views)
    if (std::binary_search(parent.views.begin(), parent.views.end(), v)) return v;
  return child.views.front();
}

std::string_view lexicon_parent(const Lexicon& lexicon, std::string_view name) {
  const LexiconEntry* e = lexicon.find(name);
  return e ? std::string_view(e->parent) : std::string_view{};
}

// The place a name starts with (天津大学, 深圳某某科技有限公司), when the
// document mentions that place: the usual way Chinese names give a seat.
// A few well-known names start with a place word that is not their seat.
const Seen* leading_place(std::string_view name, const SeenNames& seen) {
  static constexpr std::string_view kNotSeats[] = {"中山大学", "中华", "中央"};
  for (std::string_view n : kNotSeats)
    if (has_prefix(name, n)) return nullptr;
  // A campus names its own place in brackets (某大学(深圳)): the name rules place it.
  if (name.find('(') != std::string_view::npos || contains(name, "（")) return nullptr;
  std::array<std::size_t, 5> ends{};  // ends of the first five characters
  std::size_t count = 0;
  for (std::size_t i = 0; i < name.size() && count < ends.size();) {
    i += utf8::sequence_length(static_cast<unsigned char>(name[i]));
    ends[count++] = i;
  }
  for (std::size_t k = count; k-- > 1;) {  // longest first, two characters at least
    if (ends[k] >= name.size()) continue;  // the whole name is not a prefix of itself
    std::string_view prefix = name.substr(0, ends[k]);
    const Seen* found = seen.find(prefix);
    if (!found && (has_suffix(prefix, "市") || has_suffix(prefix, "省")) && k > 1)
      found = seen.find(prefix.substr(0, ends[k - 1]));  // 广州市… names the place 广州
    if (found && found->entity.type == EntityType::Place && found->entity.level != PlaceLevel::Country)
      return found;
  }
  return nullptr;
}

}  // namespace

std::span<const PlacedFinding> hierarchy_relations(const DocumentViews& doc, const Lexicon& lexicon,
                                                   const Tables& tables, HierarchyMemory& memory) {
  std::vector<PlacedFinding>& out = memory.found;
  out.clear();
  const SeenNames seen(doc, memory);
  for (std::size_t rank = 0; rank < seen.size(); ++rank) {
    const std::string_view name = seen.name(rank);
    const Seen& child = seen[rank];
    const EntityRef& c = child.entity;
    if (c.type != EntityType::Place && !is_organisation(c.type)) continue;
    // Walk up the parents until one the document mentions.
    const std::string_view own_parent = child.parent.empty() ? lexicon_parent(lexicon, name) : std::string_view{};
    std::string_view up = !child.parent.empty() ? child.parent : own_parent;
    for (int depth = 0; depth < kMaxDepth && !up.empty() && up != name; ++depth) {
      if (const Seen* found = seen.find(up)) {
        const EntityRef& p = found->entity;
        const RelationType type = p.type == EntityType::Place ? RelationType::LocatedIn : RelationType::PartOf;
        if (relation_allows(type, c.type, p.type))
          out.push_back({{c, type, p, {}, "hierarchy", 0.9}, evidence_view(child, *found)});
        break;
      }
      if (c.type != EntityType::Place) break;  // an organisation's parent must be named itself
      up = lexicon_parent(lexicon, up);
    }
    if (is_organisation(c.type) && child.parent.empty() && own_parent.empty())
      if (const Seen* place = leading_place(name, seen))
        out.push_back({{c, RelationType::LocatedIn, place->entity, {}, "name", 0.75}, evidence_view(child, *place)});
    // Named regions: their member cities.
    if (c.type == EntityType::Place)
      for (const std::string& member : tables.region_members(name)) {
        const Seen* m = seen.find(member);
        if (!m || m->entity.type != EntityType::Place) continue;
        out.push_back({{m->entity, RelationType::LocatedIn, c, {}, "region", 0.8}, evidence_view(*m, child)});
      }
  }
  return out;
}

}  // namespace kg::relate
