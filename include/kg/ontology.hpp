// kg/ontology.hpp - the graph's vocabulary: entity types, place levels and
// relation types of ../shared/spec/ONTOLOGY.md, with their names and the
// rules for which types a relation may join.
//
//   auto t = kg::parse_entity_type("Firm");          // std::optional
//   bool ok = kg::relation_allows(kg::RelationType::LocatedIn,
//                                 kg::EntityType::Firm, kg::EntityType::Place);
//
// Thread-safety: pure functions over constant tables.
#pragma once

#include <optional>
#include <string_view>

namespace kg {

enum class EntityType {
  Place,
  Firm,
  Lab,
  University,
  GovernmentBody,
  Organization,
  Programme,
  Product,
  Person,
};

// Only meaningful for EntityType::Place; None elsewhere.
enum class PlaceLevel { None, Country, Province, City, District, Town, Region, Zone };

enum class RelationType {
  LocatedIn,
  PartOf,
  WorksFor,
  Founded,
  Organizes,
  Issues,
  Develops,
  PartnersWith,
  MemberOf,
  ParticipatesIn,
  CoOccurs,
};

// Returns the contract's name of a type ("Firm", "locatedIn", "city"; "" for None).
std::string_view to_string(EntityType type) noexcept;
std::string_view to_string(PlaceLevel level) noexcept;
std::string_view to_string(RelationType type) noexcept;

// Parses a contract name; std::nullopt when the name is not one.
std::optional<EntityType> parse_entity_type(std::string_view name) noexcept;
std::optional<PlaceLevel> parse_place_level(std::string_view name) noexcept;
std::optional<RelationType> parse_relation_type(std::string_view name) noexcept;

// Tells whether a type is an "organisation" in the contract's sense:
// Firm, Lab, University, GovernmentBody or Organization.
bool is_organisation(EntityType type) noexcept;

// Tells whether a relation is symmetric (partnersWith, coOccurs).
bool is_symmetric(RelationType type) noexcept;

// Tells whether the ontology allows `type` from `head` to `tail`
// (a Person is never locatedIn a Product).
bool relation_allows(RelationType type, EntityType head, EntityType tail) noexcept;

}  // namespace kg
