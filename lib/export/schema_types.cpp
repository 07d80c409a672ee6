#include "export/schema_types.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace kg::output {
namespace {

// Endings of Chinese policy titles: opinions, plans, measures, regulations,
// methods, outlines, notices, laws.
constexpr std::array<std::string_view, 18> kPolicyEndings{"意见", "方案", "计划", "规划", "措施", "政策",
                                                          "条例", "办法", "规定", "细则", "纲要", "通知",
                                                          "决定", "指南", "指引", "法",   "规则", "标准"};

// Endings of competitions and events: contests, conferences, summits,
// forums, fairs, festivals, exhibitions, weeks of activities.
constexpr std::array<std::string_view, 8> kEventEndings{"赛", "会", "论坛", "展", "节", "周", "活动", "沙龙"};

bool ends_with_any(std::string_view name, const auto& endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return name.ends_with(e); });
}

std::string ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool has_book_title_alias(const Entity& entity) {
  return std::any_of(entity.aliases.begin(), entity.aliases.end(),
                     [](const std::string& a) { return a.starts_with("《"); });
}

bool is_policy_title(std::string_view name, bool book_title) {
  if (ends_with_any(name, kPolicyEndings)) return true;
  // A title in 《》 that is not an event is a document: a policy or plan.
  return book_title && !ends_with_any(name, kEventEndings);
}

bool is_ai_model_title(std::string_view name) {
  const std::string upper = ascii_upper(name);
  return name.find("大模型") != std::string_view::npos || name.ends_with("模型") ||
         upper.find("GPT") != std::string::npos || upper.find("LLM") != std::string::npos;
}

}  // namespace

bool has_book_title_alias(const std::vector<std::string>& aliases) {
  return std::any_of(aliases.begin(), aliases.end(), [](const std::string& a) { return a.starts_with("《"); });
}

bool is_policy_name(const Entity& entity) {
  return is_policy_title(entity.name, has_book_title_alias(entity));
}

bool is_event_name(const Entity& entity) {
  return ends_with_any(entity.name, kEventEndings);
}

bool is_ai_model_name(const Entity& entity) {
  return is_ai_model_title(entity.name);
}

std::vector<std::string> schema_types(const Entity& entity) {
  return schema_types(entity.type, entity.name, has_book_title_alias(entity));
}

std::vector<std::string> schema_types(EntityType type, std::string_view name, bool book_title) {
  switch (type) {
    case EntityType::Place:
      return {"schema:Place", "schema:AdministrativeArea"};
    case EntityType::Firm:
      return {"schema:Corporation"};
    case EntityType::Lab:
      return {"schema:ResearchOrganization"};
    case EntityType::University:
      return {"schema:CollegeOrUniversity"};
    case EntityType::GovernmentBody:
      return {"schema:GovernmentOrganization"};
    case EntityType::Organization:
      return {"schema:Organization"};
    case EntityType::Person:
      return {"schema:Person"};
    case EntityType::Product:
      if (is_ai_model_title(name)) return {"schema:Product", "schema:SoftwareApplication"};
      return {"schema:Product"};
    case EntityType::Programme:
      if (ends_with_any(name, kPolicyEndings)) return {"schema:Legislation"};
      if (ends_with_any(name, kEventEndings)) return {"schema:Event"};
      if (is_policy_title(name, book_title)) return {"schema:Legislation"};
      return {"schema:CreativeWork"};
  }
  return {"schema:Thing"};
}

}  // namespace kg::output
