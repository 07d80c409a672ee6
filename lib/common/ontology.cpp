#include "kg/ontology.hpp"

#include <array>
#include <utility>

namespace kg {
namespace {

constexpr std::array<std::pair<EntityType, std::string_view>, 9> kEntityNames{{
    {EntityType::Place, "Place"},
    {EntityType::Firm, "Firm"},
    {EntityType::Lab, "Lab"},
    {EntityType::University, "University"},
    {EntityType::GovernmentBody, "GovernmentBody"},
    {EntityType::Organization, "Organization"},
    {EntityType::Programme, "Programme"},
    {EntityType::Product, "Product"},
    {EntityType::Person, "Person"},
}};

constexpr std::array<std::pair<PlaceLevel, std::string_view>, 8> kLevelNames{{
    {PlaceLevel::None, ""},
    {PlaceLevel::Country, "country"},
    {PlaceLevel::Province, "province"},
    {PlaceLevel::City, "city"},
    {PlaceLevel::District, "district"},
    {PlaceLevel::Town, "town"},
    {PlaceLevel::Region, "region"},
    {PlaceLevel::Zone, "zone"},
}};

constexpr std::array<std::pair<RelationType, std::string_view>, 11> kRelationNames{{
    {RelationType::LocatedIn, "locatedIn"},
    {RelationType::PartOf, "partOf"},
    {RelationType::WorksFor, "worksFor"},
    {RelationType::Founded, "founded"},
    {RelationType::Organizes, "organizes"},
    {RelationType::Issues, "issues"},
    {RelationType::Develops, "develops"},
    {RelationType::PartnersWith, "partnersWith"},
    {RelationType::MemberOf, "memberOf"},
    {RelationType::ParticipatesIn, "participatesIn"},
    {RelationType::CoOccurs, "coOccurs"},
}};

template <typename Table, typename Key>
std::string_view name_in(const Table& table, Key key) noexcept {
  for (const auto& [k, name] : table)
    if (k == key) return name;
  return {};
}

template <typename Key, typename Table>
std::optional<Key> key_in(const Table& table, std::string_view name) noexcept {
  for (const auto& [k, n] : table)
    if (n == name && !name.empty()) return k;
  return std::nullopt;
}

bool is_any(EntityType) noexcept { return true; }
bool is_place(EntityType t) noexcept { return t == EntityType::Place; }
bool is_person(EntityType t) noexcept { return t == EntityType::Person; }
bool is_programme(EntityType t) noexcept { return t == EntityType::Programme; }
bool is_product(EntityType t) noexcept { return t == EntityType::Product; }
bool is_government_or_place(EntityType t) noexcept {
  return t == EntityType::GovernmentBody || t == EntityType::Place;
}
bool is_organisation_or_place(EntityType t) noexcept { return is_organisation(t) || is_place(t); }
bool is_organisation_or_person(EntityType t) noexcept { return is_organisation(t) || is_person(t); }
bool is_organization_or_programme(EntityType t) noexcept {
  return t == EntityType::Organization || t == EntityType::Programme;
}
bool is_organisation_place_or_programme(EntityType t) noexcept {
  return is_organisation(t) || is_place(t) || is_programme(t);
}

}  // namespace

std::string_view to_string(EntityType type) noexcept { return name_in(kEntityNames, type); }
std::string_view to_string(PlaceLevel level) noexcept { return name_in(kLevelNames, level); }
std::string_view to_string(RelationType type) noexcept { return name_in(kRelationNames, type); }

std::optional<EntityType> parse_entity_type(std::string_view name) noexcept {
  return key_in<EntityType>(kEntityNames, name);
}
std::optional<PlaceLevel> parse_place_level(std::string_view name) noexcept {
  return key_in<PlaceLevel>(kLevelNames, name);
}
std::optional<RelationType> parse_relation_type(std::string_view name) noexcept {
  return key_in<RelationType>(kRelationNames, name);
}

bool is_organisation(EntityType type) noexcept {
  switch (type) {
    case EntityType::Firm:
    case EntityType::Lab:
    case EntityType::University:
    case EntityType::GovernmentBody:
    case EntityType::Organization:
      return true;
    default:
      return false;
  }
}

bool is_symmetric(RelationType type) noexcept {
  return type == RelationType::PartnersWith || type == RelationType::CoOccurs;
}

bool relation_allows(RelationType type, EntityType head, EntityType tail) noexcept {
  // The table of ONTOLOGY.md: which heads and tails each relation joins.
  // Programmes may be located (a zone read as a programme) and may be part
  // of one another; everything else follows the contract literally.
  switch (type) {
    case RelationType::LocatedIn:
      return (is_organisation_place_or_programme(head)) && is_place(tail);
    case RelationType::PartOf:
      return (is_organisation(head) && is_organisation(tail)) ||
             (is_programme(head) && is_programme(tail));
    case RelationType::WorksFor:
      return is_person(head) && is_organisation_or_place(tail);
    case RelationType::Founded:
      return is_person(head) && is_organisation(tail);
    case RelationType::Organizes:
      return is_organisation_or_place(head) && is_programme(tail);
    case RelationType::Issues:
      return is_government_or_place(head) && is_programme(tail);
    case RelationType::Develops:
      return is_organisation(head) && is_product(tail);
    case RelationType::PartnersWith:
      return is_organisation(head) && is_organisation(tail);
    case RelationType::MemberOf:
      return is_organisation(head) && is_organization_or_programme(tail);
    case RelationType::ParticipatesIn:
      return is_organisation_or_person(head) && is_programme(tail);
    case RelationType::CoOccurs:
      return is_any(head) && is_any(tail);
  }
  return false;
}

}  // namespace kg
