// The pattern families of the relation stage. Each reads one sentence (or,
// for the hierarchy, the whole document) and appends its findings to `out`,
// one buffer the extractor reuses for every sentence of a document (a
// sentence then allocates nothing); the extractor attaches evidence and
// merges them. Not installed.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "kg/entity.hpp"
#include "kg/lexicon.hpp"
#include "relate/relate_types.hpp"
#include "relate/sentence_view.hpp"
#include "relate/triggers.hpp"

namespace kg::relate {

// Organisations seen before the current position, most recent last: the
// antecedents of 该公司, 该中心, 其, 公司.
using Antecedents = std::vector<EntityRef>;

// The antecedents an anaphor at some place of a sentence may take: the
// organisations of earlier sentences, then those of the sentence's items
// that end before `before` (most recent last, as a whole).
struct Candidates {
  const Antecedents& earlier;
  std::span<const Item> items;
  std::size_t before = 0;
};

// Resolves an anaphor written just before a position ("该中心", "其", "公司")
// that `text` ends with; nullopt when `text` does not end with one or no
// antecedent fits.
std::optional<EntityRef> resolve_anaphor_suffix(std::string_view text, const Candidates& candidates);
// Tells whether `text` starts with an anaphor (cheap; lets callers skip
// resolving).
bool starts_with_anaphor(std::string_view text);
// Same as resolve_anaphor_suffix, for an anaphor that `text` starts with (a clause's subject).
std::optional<EntityRef> resolve_anaphor_prefix(std::string_view text, const Candidates& candidates);

// Relations a name states: the place inside an organisation's name
// (locatedIn), the parent at the head of a branch's name (partOf), the
// issuer at the head of a policy's name (issues), the maker at the head of a
// product's name (develops), and places written together (广州市海珠区).
void name_relations(const SentenceView& view, std::vector<Finding>& out);

// worksFor / founded from titles: "ORG [unit] TITLE NAME", chains of them
// separated by 、 or commas, person lists after one title, "NAME（ORG TITLE）",
// and anaphoric employers ("该中心CEO NAME").
void role_relations(const SentenceView& view, const Tables& tables, const Antecedents& recent,
                    std::vector<Finding>& out);

// A chunk: outermost mentions of a sentence that go together (an
// enumeration, a partner group, 广州市海珠区).
struct Chunk {
  std::span<const std::size_t> members;  // item indexes
  std::span<const char> right_of_with;   // per member: after a 与-type joiner
  std::size_t first = 0;                  // where the members start in SvoMemory::members
  std::size_t begin = 0;
  std::size_t end = 0;
  bool has_with = false;
};

// A clause-ending mark of a sentence.
struct ClauseBreak {
  std::size_t at = 0;     // where the mark starts
  std::size_t after = 0;  // where the next clause starts
};

// The working memory svo_relations reuses from one sentence to the next, so
// that a sentence allocates nothing; its contents mean nothing between calls.
struct SvoMemory {
  std::vector<ClauseBreak> breaks;
  std::vector<Chunk> chunks;
  std::vector<std::size_t> members;
  std::vector<char> right_of_with;
  std::vector<char> taken;  // per chunk: already some trigger's object
  std::vector<EntityRef> objects;
  std::vector<EntityRef> topic;
};

// Subject-trigger-object relations and the fixed constructions around them
// (A、B等企业落户C; A与B共建C; X旗下Y; 在X举办的Y; Place的Org).
// `carried` is the subject carried over from the previous sentence.
// Returns this sentence's subject, for the next one (it views `memory`).
std::span<const EntityRef> svo_relations(const SentenceView& view, const Tables& tables,
                                         const Antecedents& recent, const std::vector<EntityRef>& carried,
                                         SvoMemory& memory, std::vector<Finding>& out);

// coOccurs between the distinct entities of a sentence (none when the
// sentence names more than kMaxCoOccurring entities: long lists say little).
inline constexpr std::size_t kMaxCoOccurring = 30;
void co_occurrence(const SentenceView& view, std::vector<Finding>& out);

}  // namespace kg::relate
