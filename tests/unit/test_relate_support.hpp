// Helpers for the relation-stage tests: a document built from a string, with
// mentions placed by hand (surface text, type, level), so the tests do not
// depend on the recogniser.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/entity.hpp"
#include "kg/lexicon.hpp"
#include "kg/relation.hpp"
#include "kg/sentence.hpp"

namespace relate_test {

struct Given {  // one mention to place
  std::string surface;
  kg::EntityType type = kg::EntityType::Organization;
  kg::PlaceLevel level = kg::PlaceLevel::None;
  std::string name;    // canonical name; the surface when empty
  std::string parent;  // Mention::parent
  std::string role;    // Mention::role
};

class Doc {
 public:
  explicit Doc(std::string text, std::string id = "doc") {
    clean_.id = std::move(id);
    clean_.text = text;
    clean_.folded = text;
    clean_.offsets = kg::OffsetMap::identity(text);
    sentences_ = kg::SentenceSplitter().split(clean_);
  }

  // Places every occurrence of `g.surface` that no longer mention covers
  // already (so nested names can be given after or before their outer ones).
  Doc& mention(const Given& g) {
    const std::string& t = clean_.text;
    for (std::size_t at = t.find(g.surface); at != std::string::npos; at = t.find(g.surface, at + 1)) {
      kg::Mention m;
      m.surface = g.surface;
      m.name = g.name.empty() ? g.surface : g.name;
      m.type = g.type;
      m.level = g.level;
      m.parent = g.parent;
      m.role = g.role;
      m.begin = at;
      m.end = at + g.surface.size();
      m.source = clean_.offsets.to_source(m.begin, m.end);
      for (const kg::Sentence& s : sentences_)
        if (s.begin <= m.begin && m.end <= s.end) m.sentence = s.index;
      mentions_.push_back(m);
    }
    return *this;
  }
  Doc& org(const std::string& s, kg::EntityType t = kg::EntityType::Firm) { return mention({s, t}); }
  Doc& place(const std::string& s, kg::PlaceLevel l, const std::string& name = "",
             const std::string& parent = "") {
    return mention({s, kg::EntityType::Place, l, name, parent});
  }
  Doc& person(const std::string& s) { return mention({s, kg::EntityType::Person}); }

  kg::Resolution resolution() const {
    kg::Resolution r;
    r.mentions = mentions_;
    std::sort(r.mentions.begin(), r.mentions.end(),
              [](const kg::Mention& a, const kg::Mention& b) { return a.begin < b.begin; });
    std::map<std::string, kg::Entity> entities;
    for (const kg::Mention& m : r.mentions) {
      kg::Entity& e = entities[m.name];
      e.name = m.name;
      e.type = m.type;
      e.level = m.level;
      kg::insert_sorted(e.aliases, m.surface);
      kg::insert_sorted(e.documents, clean_.id);
    }
    for (auto& [name, e] : entities) r.entities.push_back(e);
    return r;
  }

  std::vector<kg::Relation> relations(const kg::Lexicon& lexicon = empty_lexicon()) const {
    return kg::RelationExtractor(lexicon).extract(clean_, sentences_, resolution());
  }

  const kg::CleanDocument& clean() const { return clean_; }
  const std::vector<kg::Sentence>& sentences() const { return sentences_; }

  static const kg::Lexicon& empty_lexicon() {
    static const kg::Lexicon lexicon;
    return lexicon;
  }

 private:
  kg::CleanDocument clean_;
  std::vector<kg::Sentence> sentences_;
  std::vector<kg::Mention> mentions_;
};

inline const kg::Relation* find(const std::vector<kg::Relation>& rs, const std::string& head,
                                kg::RelationType type, const std::string& tail) {
  for (const kg::Relation& r : rs) {
    if (r.type != type) continue;
    if (r.head == head && r.tail == tail) return &r;
    if (kg::is_symmetric(type) && r.head == tail && r.tail == head) return &r;
  }
  return nullptr;
}

inline bool has(const std::vector<kg::Relation>& rs, const std::string& head, kg::RelationType type,
                const std::string& tail) {
  return find(rs, head, type, tail) != nullptr;
}

inline std::size_t count_of(const std::vector<kg::Relation>& rs, kg::RelationType type) {
  return static_cast<std::size_t>(
      std::count_if(rs.begin(), rs.end(), [&](const kg::Relation& r) { return r.type == type; }));
}

}  // namespace relate_test
