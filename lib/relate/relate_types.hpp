// Internal vocabulary of the relation stage: an entity as a pattern sees it
// and a finding (a relation a pattern believes in, before evidence is
// attached). Not installed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "kg/ontology.hpp"

namespace kg::relate {

// Marks an EntityRef not numbered by the extractor.
inline constexpr std::uint32_t kNoRank = UINT32_MAX;

// An entity end of a relation: canonical name plus the type the resolver
// settled. Cheap to copy: `name` views the mention's name, which outlives
// the extraction, and `rank` is the name's place among the document's
// distinct names in byte order (equal names, equal ranks), so merging and
// ordering compare numbers instead of strings.
struct EntityRef {
  std::string_view name;
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
  std::uint32_t rank = kNoRank;
};

// Lower is larger: a country holds provinces, a province cities, and so
// on; unknown levels rank last. Regions (长三角, 珠三角) straddle the ladder.
inline int place_rank(PlaceLevel level) noexcept {
  switch (level) {
    case PlaceLevel::Country: return 0;
    case PlaceLevel::Province: return 1;
    case PlaceLevel::Region: return 1;
    case PlaceLevel::City: return 2;
    case PlaceLevel::District: return 3;
    case PlaceLevel::Town: return 4;
    case PlaceLevel::Zone: return 4;
    case PlaceLevel::None: return 5;
  }
  return 5;
}

// Tells whether place `inner` can lie in place `outer` judging by their
// levels (a city is never in its district; levels unknown or regions: yes).
inline bool may_contain(const EntityRef& outer, const EntityRef& inner) noexcept {
  if (outer.level == PlaceLevel::None || inner.level == PlaceLevel::None) return true;
  if (outer.level == PlaceLevel::Region || inner.level == PlaceLevel::Region) return true;
  return place_rank(outer.level) < place_rank(inner.level) ||
         (outer.level == PlaceLevel::Zone && inner.level == PlaceLevel::Zone);
}

// One relation a pattern found in one sentence. The strings view the
// document's text or string literals, so a finding allocates nothing; only
// the relations kept get strings of their own (RelationSet::take).
struct Finding {
  EntityRef head;
  RelationType type = RelationType::CoOccurs;
  EntityRef tail;
  std::string_view role;     // worksFor/founded: the title as written
  std::string_view trigger;  // the word that signalled it, or the pattern's name
  double confidence = 1.0;
  bool titled = false;       // the trigger is "title:" followed by the role
};

}  // namespace kg::relate
