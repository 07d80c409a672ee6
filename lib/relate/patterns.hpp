// The pattern families of the relation stage. Each reads one sentence (or,
// for the hierarchy, the whole document) and returns findings; the
// extractor attaches evidence and merges them. Not installed.
#pragma once

#include <optional>
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

// Resolves an anaphor written just before a position ("该中心", "其", "公司")
// that `text` ends with; nullopt when `text` does not end with one or no
// antecedent fits.
std::optional<EntityRef> resolve_anaphor_suffix(std::string_view text, const Antecedents& recent);
// Tells whether `text` starts with an anaphor (cheap; lets callers skip
// gathering antecedents).
bool starts_with_anaphor(std::string_view text);
// Same as resolve_anaphor_suffix, for an anaphor that `text` starts with (a clause's subject).
std::optional<EntityRef> resolve_anaphor_prefix(std::string_view text, const Antecedents& recent);

// Relations a name states: the place inside an organisation's name
// (locatedIn), the parent at the head of a branch's name (partOf), the
// issuer at the head of a policy's name (issues), the maker at the head of a
// product's name (develops), and places written together (广州市海珠区).
std::vector<Finding> name_relations(const SentenceView& view);

// worksFor / founded from titles: "ORG [unit] TITLE NAME", chains of them
// separated by 、 or commas, person lists after one title, "NAME（ORG TITLE）",
// and anaphoric employers ("该中心CEO NAME").
std::vector<Finding> role_relations(const SentenceView& view, const Tables& tables,
                                    const Antecedents& recent);

// Subject-trigger-object relations and the fixed constructions around them
// (A、B等企业落户C; A与B共建C; X旗下Y; 在X举办的Y; Place的Org).
// `carried` is the subject carried over from the previous sentence.
struct SvoResult {
  std::vector<Finding> findings;
  std::vector<EntityRef> topic;  // this sentence's subject, for the next one
};
SvoResult svo_relations(const SentenceView& view, const Tables& tables,
                        const Antecedents& recent, const std::vector<EntityRef>& carried);

// coOccurs between the distinct entities of a sentence (none when the
// sentence names more than kMaxCoOccurring entities: long lists say little).
inline constexpr std::size_t kMaxCoOccurring = 30;
std::vector<Finding> co_occurrence(const SentenceView& view);

}  // namespace kg::relate
