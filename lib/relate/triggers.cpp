// Parsing of the relation word tables and the two searches over them.
// Both searches look at a handful of character boundaries around one
// position, so they cost O(longest word) per call.
#include "relate/triggers.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "data/builtin_data.hpp"
#include "kg/error.hpp"
#include "relate/text.hpp"

namespace kg::relate {
namespace {

struct Row {
  std::string key;
  std::string value;
};

// Splits a two-column TSV (comments with #, blank lines skipped).
std::vector<Row> parse_rows(std::string_view content, std::string_view file) {
  std::vector<Row> rows;
  std::size_t line_no = 0;
  while (!content.empty()) {
    const std::size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content = nl == std::string_view::npos ? std::string_view{} : content.substr(nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size() ||
        line.find('\t', tab + 1) != std::string_view::npos)
      throw Error(ErrorCode::Format, std::string(file) + " line " + std::to_string(line_no) +
                                         ": expected 2 tab-separated columns");
    rows.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
  }
  return rows;
}

unsigned parse_kind(const std::string& kind, std::string_view file) {
  static const std::map<std::string, unsigned, std::less<>> kinds{
      {"locate", kLocate},       {"develop", kDevelop}, {"issue", kIssue},
      {"organize", kOrganize},   {"partner", kPartner}, {"join", kJoin},
      {"participate", kParticipate}, {"found", kFound}, {"alliance", kAlliance},
      {"subsidiary", kSubsidiary},
      {"host", kHost}};
  const auto it = kinds.find(kind);
  if (it == kinds.end())
    throw Error(ErrorCode::Format, std::string(file) + ": unknown trigger kind '" + kind + "'");
  return it->second;
}

}  // namespace

const Tables& Tables::builtin() {
  static const Tables tables(data::builtin_file("relate_roles.tsv"),
                             data::builtin_file("relate_triggers.tsv"),
                             data::builtin_file("relate_regions.tsv"));
  return tables;
}

Tables::Tables(std::string_view roles, std::string_view triggers, std::string_view regions) {
  for (const Row& r : parse_rows(roles, "relate_roles.tsv")) {
    RoleKind kind;
    if (r.value == "staff") kind = RoleKind::Staff;
    else if (r.value == "government") kind = RoleKind::Government;
    else if (r.value == "founder") kind = RoleKind::Founder;
    else if (r.value == "modifier") kind = RoleKind::Modifier;
    else throw Error(ErrorCode::Format, "relate_roles.tsv: unknown role kind '" + r.value + "'");
    // A word may be both a title and a modifier (首席); the title wins.
    auto [it, fresh] = roles_.emplace(r.key, kind);
    if (!fresh && kind != RoleKind::Modifier) it->second = kind;
    if (utf8::length(r.key) > kMaxRoleChars)
      throw Error(ErrorCode::Format, "relate_roles.tsv: title '" + r.key + "' is longer than " +
                                         std::to_string(kMaxRoleChars) + " characters");
    longest_role_ = std::max(longest_role_, utf8::length(r.key));
    if (const char32_t last = last_char(r.key); last < kRoleEndBits)
      role_ends_[last >> 6] |= std::uint64_t{1} << (last & 63);
  }
  std::map<std::string, unsigned> words;
  for (const Row& r : parse_rows(triggers, "relate_triggers.tsv"))
    words[r.key] |= parse_kind(r.value, "relate_triggers.tsv");
  // Grouped by first character (words sort by it), longest first in a group.
  std::vector<char32_t> firsts;
  for (const auto& [word, kinds] : words) {
    std::size_t i = 0;
    firsts.push_back(utf8::next(word, i));
    trigger_words_.push_back({word, kinds});
  }
  std::size_t slots = 16;
  while (slots < words.size() * 2) slots *= 2;
  trigger_groups_.assign(slots, TriggerGroup{});
  for (std::size_t b = 0, e = 0; b < trigger_words_.size(); b = e) {
    for (e = b + 1; e < trigger_words_.size() && firsts[e] == firsts[b];) ++e;
    std::stable_sort(trigger_words_.begin() + static_cast<std::ptrdiff_t>(b),
                     trigger_words_.begin() + static_cast<std::ptrdiff_t>(e),
                     [](const TriggerWord& x, const TriggerWord& y) { return x.word.size() > y.word.size(); });
    std::size_t slot = group_slot(firsts[b]);
    while (trigger_groups_[slot].end != 0) slot = (slot + 1) & (trigger_groups_.size() - 1);
    trigger_groups_[slot] = {firsts[b], static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e)};
    if (firsts[b] < kStartBits) trigger_starts_[firsts[b] >> 6] |= std::uint64_t{1} << (firsts[b] & 63);
  }
  prefix_filter_ = std::all_of(trigger_words_.begin(), trigger_words_.end(),
                               [](const TriggerWord& w) { return w.word.size() >= kPrefixBytes; });
  for (const TriggerWord& w : trigger_words_)
    if (w.word.size() >= kPrefixBytes) {
      const std::size_t h = prefix_hash(w.word.data());
      prefix_bits_[h >> 6] |= std::uint64_t{1} << (h & 63);
    }
  for (const Row& r : parse_rows(regions, "relate_regions.tsv")) regions_[r.key].push_back(r.value);
}

std::size_t Tables::group_slot(char32_t first) const noexcept {
  return (first * 2654435761u) >> 8 & (trigger_groups_.size() - 1);
}

std::optional<Trigger> Tables::trigger_starting(char32_t first, std::string_view text) const {
  for (std::size_t slot = group_slot(first); trigger_groups_[slot].end != 0;
       slot = (slot + 1) & (trigger_groups_.size() - 1)) {
    const TriggerGroup& g = trigger_groups_[slot];
    if (g.first != first) continue;
    for (std::uint32_t w = g.begin; w < g.end; ++w) {
      const std::string_view word = trigger_words_[w].word;
      // The words of a group share their first character: their last byte
      // tells most of them apart at once.
      if (word.size() <= text.size() && text[word.size() - 1] == word.back() && has_prefix(text, word))
        return Trigger{word, trigger_words_[w].kinds};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

std::optional<std::pair<std::size_t, Tables::RoleKind>> Tables::title_ending_at(
    std::string_view text, std::size_t end, bool want_modifier) const {
  // Character starts of the last `longest_role_` characters before `end`, nearest last.
  std::array<std::size_t, kMaxRoleChars> starts;
  std::size_t count = 0;
  for (std::size_t i = end; i > 0 && count < longest_role_;) {
    --i;
    while (i > 0 && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    starts[count++] = i;
  }
  if (count > 0) {  // every candidate ends with the character before `end`
    std::size_t i = starts[0];
    if (!may_end_role(utf8::next(text.substr(0, end), i))) return std::nullopt;
  }
  for (std::size_t k = count; k-- > 0;) {  // longest first
    const auto it = roles_.find(text.substr(starts[k], end - starts[k]));
    if (it == roles_.end()) continue;
    if ((it->second == RoleKind::Modifier) == want_modifier) return std::pair(starts[k], it->second);
  }
  return std::nullopt;
}

std::optional<RoleMatch> Tables::role_suffix(std::string_view text) const {
  std::size_t pos = text.size();
  std::optional<RoleMatch> match;
  while (true) {
    const auto title = title_ending_at(text, pos, false);
    if (!title) break;
    if (!match) {
      match = RoleMatch{};
      match->government = title->second == RoleKind::Government;
    }
    match->founder = match->founder || title->second == RoleKind::Founder;
    pos = title->first;
    while (const auto modifier = title_ending_at(text, pos, true)) pos = modifier->first;
    match->begin = pos;
    // Titles joined by 兼 or 、 ("创始人兼CEO") form one chain.
    std::string_view before = text.substr(0, pos);
    if (!strip_suffix(before, {"兼", "、", "及"})) break;
    if (!title_ending_at(text, before.size(), false)) break;
    pos = before.size();
  }
  return match;
}

const std::vector<std::string>& Tables::region_members(std::string_view region) const {
  static const std::vector<std::string> none;
  const auto it = regions_.find(region);
  return it == regions_.end() ? none : it->second;
}

}  // namespace kg::relate
