// kg/mention.hpp - the fourth stage: spans of a sentence that name an entity.
//
// The Recognizer finds places (gazetteer, short forms, regions, zones by
// their heads), organisations by structure (a head such as 有限公司, 研究院,
// 大学, 局 and a modifier whose left edge is found with care), well-known
// entities from the lexicon, people from roles and surnames, programmes from
// 《》 titles and quoted initiatives, and products.
//
//   kg::Recognizer rec(kg::Lexicon::builtin());
//   for (const kg::Mention& m : rec.recognize(clean, sentences))
//     std::cout << m.name << ' ' << kg::to_string(m.type) << '\n';
//
// Thread-safety: const methods only; share freely.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/lexicon.hpp"
#include "kg/ontology.hpp"
#include "kg/sentence.hpp"
#include "kg/span.hpp"

namespace kg {

struct Mention {
  std::string surface;  // as written in CleanDocument::text (original script)
  std::string name;     // canonical name of the entity it denotes
  EntityType type = EntityType::Organization;
  PlaceLevel level = PlaceLevel::None;
  std::size_t sentence = 0;  // Sentence::index
  std::size_t begin = 0;     // byte offsets in CleanDocument::text
  std::size_t end = 0;
  SourceSpan source;         // where it is in the original file
  // What found it: "lexicon", "gazetteer", "suffix:公司", "role:院士", ... The
  // text is stored by the library for the whole run of the program (or, when
  // you set it, wherever your string lives), so copying a Mention copies no text.
  std::string_view rule;
  std::string role;          // Person only: the role written next to the name
  std::string parent;        // canonical name of a containing place or parent body, when known
  std::string code;          // GB/T 2260 code for divisions
  double confidence = 1.0;
};

class Recognizer {
 public:
  explicit Recognizer(const Lexicon& lexicon);
  ~Recognizer();
  Recognizer(const Recognizer&) = delete;
  Recognizer& operator=(const Recognizer&) = delete;

  // Returns the mentions of a document, ordered by position; nested names
  // (中国移动杭州分公司 with 中国移动 and 杭州) are all returned.
  std::vector<Mention> recognize(const CleanDocument& doc,
                                 const std::vector<Sentence>& sentences) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
