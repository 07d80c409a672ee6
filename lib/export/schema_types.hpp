// How entity types map to schema.org classes in JSON-LD. Internal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "kg/entity.hpp"

namespace kg::output {

// Returns the schema.org classes of an entity as compact IRIs
// ("schema:Corporation"), most important first. Programmes are split by
// their name's ending into policies (schema:Legislation) and events
// (schema:Event); products that are AI models are also
// schema:SoftwareApplication.
std::vector<std::string> schema_types(const Entity& entity);
// The same from a node's parts; `book_title` tells whether some alias was
// written in 《》 (has_book_title_alias).
std::vector<std::string> schema_types(EntityType type, std::string_view name, bool book_title);
bool has_book_title_alias(const std::vector<std::string>& aliases);

// Tells whether a programme's name reads as a policy, plan or regulation.
bool is_policy_name(const Entity& entity);
// Tells whether a programme's name reads as a competition or event.
bool is_event_name(const Entity& entity);
// Tells whether a product's name reads as an AI model.
bool is_ai_model_name(const Entity& entity);

}  // namespace kg::output
