// kg/lexicon.hpp - the knowledge the recogniser starts from.
//
// A Lexicon holds named entries (the gazetteer of China's administrative
// divisions, well-known firms, universities, labs, government bodies, their
// standard abbreviations) and the alias table that ties surface forms to
// canonical names. The built-in data is compiled into the library; users add
// their own TSV files in the format documented in data/README.md:
//
//   name<TAB>type[<TAB>aliases separated by |[<TAB>level[<TAB>parent[<TAB>code]]]]
//
//   kg::Lexicon lex = kg::Lexicon::builtin();
//   lex = lex.with_file("my-firms.tsv");          // throws kg::Error on bad lines
//   if (const kg::LexiconEntry* e = lex.find("工信部")) std::cout << e->name;
//
// Thread-safety: a loaded Lexicon is immutable; share it between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/ontology.hpp"

namespace kg {

struct LexiconEntry {
  std::string name;  // canonical name (simplified script, NFKC)
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
  std::vector<std::string> aliases;  // other names, abbreviations, short forms
  std::string parent;  // canonical name of the containing place or parent body
  std::string code;    // GB/T 2260 code for divisions, "" otherwise
  std::string source;  // file the entry came from, for messages
};

class Lexicon {
 public:
  Lexicon();
  ~Lexicon();
  Lexicon(const Lexicon&);
  Lexicon& operator=(const Lexicon&);
  Lexicon(Lexicon&&) noexcept;
  Lexicon& operator=(Lexicon&&) noexcept;

  // Returns the built-in lexicon compiled into the library (built once).
  static const Lexicon& builtin();

  // Returns a copy with the entries of a TSV file added. Throws kg::Error
  // (Io, Format) naming the file and line.
  Lexicon with_file(const std::string& path) const;

  // Returns a copy with entries parsed from TSV text; `origin` names it in errors.
  Lexicon with_tsv(std::string_view tsv, const std::string& origin) const;

  // Returns all entries, in load order.
  const std::vector<LexiconEntry>& entries() const noexcept;

  // Finds an entry by canonical name or alias (after canonical_name());
  // nullptr when none. When several entries share an alias, returns nullptr
  // (ambiguous) unless one is the canonical name.
  const LexiconEntry* find(std::string_view name) const;

  // Returns every entry that a name or alias denotes (for ambiguous ones).
  std::vector<const LexiconEntry*> find_all(std::string_view name) const;

 private:
  struct Index;
  std::vector<LexiconEntry> entries_;
  std::shared_ptr<const Index> index_;
  void reindex();
};

}  // namespace kg
