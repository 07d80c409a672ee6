// The word tables of the relation stage, parsed once from the built-in
// data files data/relate_roles.tsv, data/relate_triggers.tsv and
// data/relate_regions.tsv (formats in their headers and docs/relations.md).
// Not installed.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/utf8.hpp"

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
  std::string_view word;  // views the table's copy of the word (it lives as long as the table)
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

  // Returns the longest trigger word that `text` starts with. Called at
  // every character outside a mention, so the usual answer (no trigger
  // starts with this character) takes one bit test.
  std::optional<Trigger> trigger_at(std::string_view text) const {
    if (text.empty()) return std::nullopt;
    std::size_t i = 0;
    const char32_t first = utf8::next(text, i);
    if (!may_start_trigger(first)) return std::nullopt;
    return trigger_starting(first, text);
  }
  // Tells whether some trigger might start with code point `c` (no: none does).
  bool may_start_trigger(char32_t c) const noexcept {
    return c >= kStartBits || (trigger_starts_[c >> 6] >> (c & 63) & 1);
  }
  // Tells whether some trigger might start with the three-byte UTF-8
  // sequence b0 b1 b2 (may_start_trigger without decoding it, for scans).
  bool may_start_trigger3(unsigned char b0, unsigned char b1, unsigned char b2) const noexcept {
    return trigger_starts_[(b0 & 0x0Fu) << 6 | (b1 & 0x3Fu)] >> (b2 & 0x3Fu) & 1;
  }
  // Tells whether some trigger word might be a prefix of `text` (no: none
  // is). Looks at the first six bytes only, so that a scan can pass over
  // the many characters that start a trigger word but not one of these
  // words, without finding the group of their first character.
  bool may_start_word(std::string_view text) const noexcept {
    if (!prefix_filter_) return true;
    if (text.size() < kPrefixBytes) return false;  // every word is longer
    const std::size_t h = prefix_hash(text.data());
    return prefix_bits_[h >> 6] >> (h & 63) & 1;
  }
  // trigger_at for a text whose first code point `first` the caller decoded.
  std::optional<Trigger> trigger_starting(char32_t first, std::string_view text) const;

  // Returns the title chain that `text` ends with: titles joined by 兼 or 、,
  // each with optional modifiers (副, 常务, ...) in front.
  std::optional<RoleMatch> role_suffix(std::string_view text) const;

  // Returns the members of a named region; empty when it is not one.
  const std::vector<std::string>& region_members(std::string_view region) const;

 private:
  enum class RoleKind { Staff, Government, Founder, Modifier };
  // Looks strings up by view, so that a search builds no key.
  struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  // Titles are short; a longer line in the table is an error.
  static constexpr std::size_t kMaxRoleChars = 32;
  // word -> kind, searched from the end of a text; longest first per last character.
  std::unordered_map<std::string, RoleKind, ViewHash, std::equal_to<>> roles_;
  std::size_t longest_role_ = 0;
  // One bit per code point of the Basic Multilingual Plane: some title or
  // modifier ends with it (most texts searched end with no such character,
  // and are then told so before any hashing).
  std::vector<std::uint64_t> role_ends_ = std::vector<std::uint64_t>(kRoleEndBits / 64, 0);
  static constexpr char32_t kRoleEndBits = 0x10000;
  bool may_end_role(char32_t c) const noexcept {
    return c >= kRoleEndBits || (role_ends_[c >> 6] >> (c & 63) & 1);
  }
  // The trigger words grouped by first character, longest first in each
  // group; a group is found by open addressing on its first character.
  struct TriggerWord {
    std::string word;
    unsigned kinds = 0;
  };
  struct TriggerGroup {
    char32_t first = 0;
    std::uint32_t begin = 0;  // range in trigger_words_
    std::uint32_t end = 0;
  };
  std::vector<TriggerWord> trigger_words_;
  std::vector<TriggerGroup> trigger_groups_;  // size a power of two; end == 0: empty slot
  std::size_t group_slot(char32_t first) const noexcept;
  // One bit per code point of the Basic Multilingual Plane: some trigger starts with it.
  static constexpr char32_t kStartBits = 0x10000;
  // In the object itself (8 KiB; the tables are built once), so that the
  // scan's test is one load from the tables' address.
  std::array<std::uint64_t, kStartBits / 64> trigger_starts_{};

  // One bit per hash of the first six bytes of some trigger word; used only
  // when every word has six bytes at least (two Chinese characters).
  static constexpr std::size_t kPrefixBytes = 6;
  static constexpr std::size_t kPrefixBits = std::size_t{1} << 14;
  static std::size_t prefix_hash(const char* p) noexcept {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 4);
    std::uint16_t tail;
    std::memcpy(&tail, p + 4, 2);
    word |= static_cast<std::uint64_t>(tail) << 32;
    return static_cast<std::size_t>((word * 0x9E3779B97F4A7C15ull) >> (64 - 14));
  }
  bool prefix_filter_ = false;
  std::vector<std::uint64_t> prefix_bits_ = std::vector<std::uint64_t>(kPrefixBits / 64, 0);

  std::map<std::string, std::vector<std::string>, std::less<>> regions_;

  // Returns the longest title or modifier (as `want_modifier`) ending at `end`.
  std::optional<std::pair<std::size_t, RoleKind>> title_ending_at(std::string_view text,
                                                                  std::size_t end,
                                                                  bool want_modifier) const;
};

}  // namespace kg::relate
