// The vocabulary of ONTOLOGY.md: names round-trip and the relation table
// refuses what the contract forbids.
#include <catch2/catch.hpp>

#include "kg/ontology.hpp"

using kg::EntityType;
using kg::RelationType;

TEST_CASE("type names round-trip", "[ontology]") {
  for (EntityType t : {EntityType::Place, EntityType::Firm, EntityType::Lab, EntityType::University,
                       EntityType::GovernmentBody, EntityType::Organization, EntityType::Programme,
                       EntityType::Product, EntityType::Person})
    CHECK(kg::parse_entity_type(kg::to_string(t)) == t);
  for (RelationType r : {RelationType::LocatedIn, RelationType::PartOf, RelationType::WorksFor,
                         RelationType::Founded, RelationType::Organizes, RelationType::Issues,
                         RelationType::Develops, RelationType::PartnersWith, RelationType::MemberOf,
                         RelationType::ParticipatesIn, RelationType::CoOccurs})
    CHECK(kg::parse_relation_type(kg::to_string(r)) == r);
  CHECK(kg::to_string(kg::PlaceLevel::City) == "city");
  CHECK_FALSE(kg::parse_entity_type("Company").has_value());
  CHECK_FALSE(kg::parse_place_level("").has_value());
}

TEST_CASE("relations join only the types the contract allows", "[ontology]") {
  const auto [rel, head, tail, allowed] = GENERATE(table<RelationType, EntityType, EntityType, bool>({
      {RelationType::LocatedIn, EntityType::Firm, EntityType::Place, true},
      {RelationType::LocatedIn, EntityType::Place, EntityType::Place, true},
      {RelationType::LocatedIn, EntityType::Person, EntityType::Place, false},
      {RelationType::LocatedIn, EntityType::Firm, EntityType::Product, false},
      {RelationType::WorksFor, EntityType::Person, EntityType::GovernmentBody, true},
      {RelationType::WorksFor, EntityType::Person, EntityType::Place, true},
      {RelationType::WorksFor, EntityType::Firm, EntityType::Firm, false},
      {RelationType::Develops, EntityType::Lab, EntityType::Product, true},
      {RelationType::Develops, EntityType::Person, EntityType::Product, false},
      {RelationType::Issues, EntityType::GovernmentBody, EntityType::Programme, true},
      {RelationType::Issues, EntityType::Firm, EntityType::Programme, false},
      {RelationType::PartnersWith, EntityType::University, EntityType::Firm, true},
      {RelationType::PartnersWith, EntityType::Person, EntityType::Firm, false},
      {RelationType::MemberOf, EntityType::Firm, EntityType::Organization, true},
      {RelationType::MemberOf, EntityType::Firm, EntityType::Firm, false},
      {RelationType::CoOccurs, EntityType::Person, EntityType::Product, true},
  }));
  CHECK(kg::relation_allows(rel, head, tail) == allowed);
  CHECK(kg::is_symmetric(RelationType::PartnersWith));
  CHECK_FALSE(kg::is_symmetric(RelationType::LocatedIn));
}
