// The lexicon: TSV entries (built-in data/*.tsv and user files) with an index
// from every canonical name and alias to the entries it denotes.
#include "kg/lexicon.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "data/builtin_data.hpp"
#include "kg/clean_text.hpp"
#include "kg/error.hpp"
#include "recognize/canonical.hpp"

namespace kg {

namespace {

// data/ also holds word lists of other stages; a lexicon file says so in its
// header comment ("# Format: name<TAB>type...").
bool is_lexicon_file(std::string_view content) {
  while (content.starts_with("#")) {
    const std::size_t nl = content.find('\n');
    const std::string_view line = content.substr(0, nl);
    if (line.find("Format: name<TAB>type") != std::string_view::npos) return true;
    if (nl == std::string_view::npos) break;
    content.remove_prefix(nl + 1);
  }
  return false;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  return s;
}

[[noreturn]] void bad_line(const std::string& origin, std::size_t line, const std::string& what) {
  throw Error(ErrorCode::Format, "lexicon " + origin + " line " + std::to_string(line) + ": " + what);
}

LexiconEntry parse_line(std::string_view line, const std::string& origin, std::size_t number) {
  const std::vector<std::string_view> cols = split(line, '\t');
  if (cols.size() < 2) bad_line(origin, number, "expected at least 2 tab-separated columns (name, type), got 1");
  if (cols.size() > 6) bad_line(origin, number, "expected at most 6 columns, got " + std::to_string(cols.size()));
  LexiconEntry e;
  e.name = recognize::canonical(trim(cols[0]));
  if (e.name.empty()) bad_line(origin, number, "empty name");
  const auto type = parse_entity_type(trim(cols[1]));
  if (!type) bad_line(origin, number, "unknown type '" + std::string(trim(cols[1])) + "'");
  e.type = *type;
  if (cols.size() > 2)
    for (std::string_view a : split(cols[2], '|')) {
      std::string alias = recognize::canonical(trim(a));
      if (!alias.empty() && alias != e.name) e.aliases.push_back(std::move(alias));
    }
  if (cols.size() > 3 && !trim(cols[3]).empty()) {
    const auto level = parse_place_level(trim(cols[3]));
    if (!level) bad_line(origin, number, "unknown place level '" + std::string(trim(cols[3])) + "'");
    if (e.type != EntityType::Place) bad_line(origin, number, "a level is only allowed for type Place");
    e.level = *level;
  }
  if (cols.size() > 4) e.parent = recognize::canonical(trim(cols[4]));
  if (cols.size() > 5) e.code = std::string(trim(cols[5]));
  e.source = origin;
  return e;
}

}  // namespace

struct Lexicon::Index {
  struct Hit {
    std::uint32_t entry;
    bool is_name;  // the key is the entry's canonical name, not an alias
  };
  // Looked up by string_view without building a std::string.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::vector<Hit>, KeyHash, std::equal_to<>> by_key;

  const std::vector<Hit>* hits(std::string_view name) const {
    // Most names asked for are canonical already: no ICU, no allocation.
    const auto it = recognize::is_canonical(name) ? by_key.find(name) : by_key.find(canonical_name(name));
    return it == by_key.end() ? nullptr : &it->second;
  }
};

Lexicon::Lexicon() : index_(std::make_shared<Index>()) {}
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(const Lexicon&) = default;
Lexicon& Lexicon::operator=(const Lexicon&) = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;

const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon = [] {
    Lexicon lex;
    for (const data::BuiltinFile& f : data::builtin_files()) {
      if (f.name.empty() || !is_lexicon_file(f.content)) continue;
      lex = lex.with_tsv(f.content, "data/" + std::string(f.name));
    }
    return lex;
  }();
  return lexicon;
}

Lexicon Lexicon::with_file(const std::string& path) const {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, "lexicon " + path + ": cannot open file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::Io, "lexicon " + path + ": cannot read file");
  return with_tsv(ss.str(), path);
}

Lexicon Lexicon::with_tsv(std::string_view tsv, const std::string& origin) const {
  Lexicon out = *this;
  std::size_t number = 0;
  for (std::string_view line : split(tsv, '\n')) {
    ++number;
    if (number == 1 && line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    out.entries_.push_back(parse_line(line, origin, number));
  }
  out.reindex();
  return out;
}

const std::vector<LexiconEntry>& Lexicon::entries() const noexcept { return entries_; }

void Lexicon::reindex() {
  auto index = std::make_shared<Index>();
  for (std::uint32_t i = 0; i < entries_.size(); ++i) {
    const LexiconEntry& e = entries_[i];
    index->by_key[e.name].push_back({i, true});
    for (const std::string& a : e.aliases) {
      auto& hits = index->by_key[a];
      const bool dup = std::any_of(hits.begin(), hits.end(), [&](const Index::Hit& h) { return h.entry == i; });
      if (!dup) hits.push_back({i, false});
    }
  }
  index_ = std::move(index);
}

const LexiconEntry* Lexicon::find(std::string_view name) const {
  const auto* found = index_->hits(name);
  if (found == nullptr) return nullptr;
  const auto& hits = *found;
  if (hits.size() == 1) return &entries_[hits.front().entry];
  const LexiconEntry* named = nullptr;
  for (const Index::Hit& h : hits) {
    if (!h.is_name) continue;
    if (named != nullptr) return nullptr;  // two entries with this canonical name
    named = &entries_[h.entry];
  }
  return named;
}

std::vector<const LexiconEntry*> Lexicon::find_all(std::string_view name) const {
  std::vector<const LexiconEntry*> out;
  const auto* found = index_->hits(name);
  if (found == nullptr) return out;
  for (const Index::Hit& h : *found) out.push_back(&entries_[h.entry]);
  return out;
}

}  // namespace kg
