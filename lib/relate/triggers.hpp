// The word tables of the relation stage, parsed once from the built-in
// data files data/relate_roles.tsv, data/relate_triggers.tsv and
// data/relate_regions.tsv (formats in their headers and docs/relations.md).
// Not installed.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::relate {

// What a trigger word may signal; a word can carry several.
enum TriggerKind : unsigned {
  kLocate = 1u << 0,
  kDevelop = 1u << 1,
  kIssue = 1u << 2,
  kOrganize = 1u << 3,
  kPartner = 1u << 4,
  kJoin = 1u << 5,
  kParticipate = 1u << 6,
  kFound = 1u << 7,
  kAlliance = 1u << 8,
  kSubsidiary = 1u << 9,
  kHost = 1u << 10,  // a place that has, hosts, gathers organisations (广东拥有X)
};

struct Trigger {
  std::string_view word;
  unsigned kinds = 0;
};

// A title found at the end of a text ("副局长", "创始人兼CEO").
struct RoleMatch {
  std::size_t begin = 0;     // byte offset in the searched text where the title starts
  bool founder = false;      // 创始人: founded as well as worksFor
  bool government = false;   // 市长, 常委: may attach to a place
};

class Tables {
 public:
  // Returns the tables built from the built-in data (parsed once).
  static const Tables& builtin();

  // Parses the three files' contents; throws kg::Error (Format) naming the
  // file and line on a malformed line.
  Tables(std::string_view roles, std::string_view triggers, std::string_view regions);

  // Returns the longest trigger word that `text` starts with.
  std::optional<Trigger> trigger_at(std::string_view text) const;

  // Returns the title chain that `text` ends with: titles joined by 兼 or 、,
  // each with optional modifiers (副, 常务, ...) in front.
  std::optional<RoleMatch> role_suffix(std::string_view text) const;

  // Returns the members of a named region; empty when it is not one.
  const std::vector<std::string>& region_members(std::string_view region) const;

 private:
  enum class RoleKind { Staff, Government, Founder, Modifier };
  // word -> kind, searched from the end of a text; longest first per last character.
  std::unordered_map<std::string, RoleKind> roles_;
  std::size_t longest_role_ = 0;
  // first character -> (word, kinds), longest word first: one hash lookup per position.
  std::unordered_map<char32_t, std::vector<std::pair<std::string, unsigned>>> triggers_;
  std::map<std::string, std::vector<std::string>, std::less<>> regions_;

  // Returns the longest title or modifier (as `want_modifier`) ending at `end`.
  std::optional<std::pair<std::size_t, RoleKind>> title_ending_at(std::string_view text,
                                                                  std::size_t end,
                                                                  bool want_modifier) const;
};

}  // namespace kg::relate
