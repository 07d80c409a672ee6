// Hand-made extractions for the graph, writer and consumer tests: they do
// not depend on the recogniser, and they carry the strings scraped pages
// bring (control characters, markup characters, characters outside the
// BMP, invalid UTF-8, traditional script). The sentences are invented.
#pragma once

#include <string>
#include <vector>

#include "kg/extraction.hpp"

namespace kg::testing {

inline MentionRef mention(const std::string& doc, std::size_t sentence, std::size_t byte_begin,
                          const std::string& surface, EntityType type) {
  MentionRef m;
  m.document = doc;
  m.sentence = sentence;
  m.source = {byte_begin, byte_begin + surface.size(), byte_begin / 3, byte_begin / 3 + surface.size() / 3};
  m.surface = surface;
  m.type = type;
  return m;
}

inline Entity entity(const std::string& doc, const std::string& name, EntityType type,
                     std::vector<std::string> surfaces, PlaceLevel level = PlaceLevel::None,
                     const std::string& code = "") {
  Entity e;
  e.name = name;
  e.type = type;
  e.level = level;
  e.code = code;
  insert_sorted(e.aliases, name);
  std::size_t offset = 0;
  for (const std::string& s : surfaces) {
    insert_sorted(e.aliases, s);
    e.mentions.push_back(mention(doc, offset / 40, offset, s, type));
    offset += 40;
  }
  insert_sorted(e.documents, doc);
  return e;
}

inline Evidence evidence(const std::string& doc, std::size_t sentence, const std::string& text,
                         const std::string& trigger, double confidence = 1.0) {
  Evidence ev;
  ev.document = doc;
  ev.sentence = sentence;
  ev.text = text;
  ev.source = {sentence * 100, sentence * 100 + text.size(), sentence * 40, sentence * 40 + text.size() / 3};
  ev.trigger = trigger;
  ev.confidence = confidence;
  return ev;
}

inline Relation relation(const std::string& head, EntityType head_type, RelationType type,
                         const std::string& tail, EntityType tail_type, std::vector<Evidence> ev,
                         const std::string& role = "") {
  Relation r;
  r.head = head;
  r.tail = tail;
  r.head_type = head_type;
  r.tail_type = tail_type;
  r.type = type;
  r.role = role;
  r.weight = static_cast<double>(ev.empty() ? 1 : ev.size());
  r.evidence = std::move(ev);
  return r;
}

// Names used across the samples.
inline const std::string kHangzhou = "杭州";
inline const std::string kZhejiang = "浙江";
inline const std::string kFirm = "星河智能科技有限公司";
inline const std::string kModel = "星河大模型";
inline const std::string kPerson = "张晓明";
inline const std::string kPolicy = "关于促进智能产业发展的若干措施";
inline const std::string kBureau = "杭州市科技局";
inline const std::string kUniversity = "浙江大学";
inline const std::string kContest = "第二届星河算法大赛";
// Markup characters, an emoji outside the BMP and a control character.
inline const std::string kNastyLab = "A&B<智能>\"研究院\"'🚀\x01实验室";

// A document in simplified script: places, a firm, its model, its chief
// executive, a bureau and its policy.
inline DocumentExtraction first_document() {
  using ET = EntityType;
  using RT = RelationType;
  const std::string d = "doc-a";
  DocumentExtraction x;
  x.document = d;
  x.attributes = {{"title", "星河智能发布新模型"}, {"encoding", "utf-8"}};
  x.bytes = 1200;
  x.sentences = 6;
  x.cleaning = {{"html", 2}};
  x.entities = {
      entity(d, kHangzhou, ET::Place, {"杭州市", "杭州"}, PlaceLevel::City, "330100"),
      entity(d, kZhejiang, ET::Place, {"浙江省"}, PlaceLevel::Province, "330000"),
      entity(d, kFirm, ET::Firm, {kFirm, "星河智能"}),
      entity(d, kModel, ET::Product, {kModel}),
      entity(d, kPerson, ET::Person, {kPerson}),
      entity(d, kPolicy, ET::Programme, {"《" + kPolicy + "》"}),
      entity(d, kBureau, ET::GovernmentBody, {kBureau}),
  };
  x.relations = {
      relation(kHangzhou, ET::Place, RT::LocatedIn, kZhejiang, ET::Place,
               {evidence(d, 0, "浙江省杭州市是一座新兴的智能城市。", "hierarchy")}),
      relation(kFirm, ET::Firm, RT::LocatedIn, kHangzhou, ET::Place,
               {evidence(d, 1, "星河智能科技有限公司位于杭州市。", "位于")}),
      relation(kFirm, ET::Firm, RT::Develops, kModel, ET::Product,
               {evidence(d, 2, "星河智能发布了星河大模型。", "发布", 0.9)}),
      relation(kPerson, ET::Person, RT::WorksFor, kFirm, ET::Firm,
               {evidence(d, 3, "星河智能首席执行官张晓明表示……", "title")}, "首席执行官"),
      relation(kBureau, ET::GovernmentBody, RT::Issues, kPolicy, ET::Programme,
               {evidence(d, 4, "杭州市科技局印发《关于促进智能产业发展的若干措施》。", "印发")}),
      relation(kFirm, ET::Firm, RT::CoOccurs, kHangzhou, ET::Place,
               {evidence(d, 1, "星河智能科技有限公司位于杭州市。", "sentence")}),
  };
  return x;
}

// A document in traditional script with scraped-page noise: control
// characters, markup characters, an emoji, U+FFFE, invalid UTF-8 and an
// encoded surrogate; a symmetric relation given tail-first; a relation to a
// name that is no entity and one the ontology forbids (both dropped).
inline DocumentExtraction second_document() {
  using ET = EntityType;
  using RT = RelationType;
  const std::string d = "doc-b";
  DocumentExtraction x;
  x.document = d;
  x.attributes = {{"title", "浙江大學與星河智能合作\x07"}};
  x.bytes = 900;
  x.sentences = 4;
  x.entities = {
      entity(d, kUniversity, ET::University, {"浙江大學", "浙大"}),
      entity(d, kFirm, ET::Firm, {"星河智能"}),
      entity(d, kHangzhou, ET::Place, {"杭州"}, PlaceLevel::City, "330100"),
      entity(d, kContest, ET::Programme, {"第二屆星河算法大賽"}),
      entity(d, kNastyLab, ET::Lab, {kNastyLab}),
      entity(d, kPerson, ET::Person, {kPerson}),
  };
  const std::string noisy =
      "浙江大學與星河智能\x1b[0m簽約 & 合作<共建>\"實驗室\"'🚀\xEF\xBF\xBE\xFF\xED\xA0\x80。";
  x.relations = {
      relation(kUniversity, ET::University, RT::PartnersWith, kFirm, ET::Firm,
               {evidence(d, 0, noisy, "簽約")}),
      relation(kFirm, ET::Firm, RT::Organizes, kContest, ET::Programme,
               {evidence(d, 1, "星河智能舉辦第二屆星河算法大賽。", "舉辦")}),
      relation(kUniversity, ET::University, RT::ParticipatesIn, kContest, ET::Programme,
               {evidence(d, 2, "浙江大學參賽。", "參賽")}),
      relation(kNastyLab, ET::Lab, RT::LocatedIn, kHangzhou, ET::Place,
               {evidence(d, 3, "實驗室\x01落戶杭州。", "落戶")}),
      relation(kPerson, ET::Person, RT::WorksFor, kFirm, ET::Firm,
               {evidence(d, 3, "星河智能董事長張曉明……", "title")}, "董事长"),
      relation(kFirm, ET::Firm, RT::CoOccurs, kHangzhou, ET::Place,
               {evidence(d, 3, "實驗室\x01落戶杭州。", "sentence")}),
      relation(kFirm, ET::Firm, RT::LocatedIn, "不存在的地方", ET::Place, {evidence(d, 3, "……", "位于")}),
      relation(kPerson, ET::Person, RT::LocatedIn, kContest, ET::Programme, {evidence(d, 3, "……", "位于")}),
  };
  return x;
}

// A third document that disagrees about a type: it calls the bureau an
// Organization, once, as often as the first document calls it a
// GovernmentBody; the tie goes to the more specific GovernmentBody.
inline DocumentExtraction third_document() {
  using ET = EntityType;
  using RT = RelationType;
  const std::string d = "doc-c";
  DocumentExtraction x;
  x.document = d;
  x.entities = {
      entity(d, kBureau, ET::Organization, {kBureau}),
      entity(d, kHangzhou, ET::Place, {"杭州市"}, PlaceLevel::City, "330100"),
      entity(d, kZhejiang, ET::Place, {"浙江"}, PlaceLevel::Province, "330000"),
  };
  x.relations = {
      relation(kHangzhou, ET::Place, RT::LocatedIn, kZhejiang, ET::Place,
               {evidence(d, 0, "杭州是浙江的省会。", "hierarchy")}),
      relation(kBureau, ET::Organization, RT::CoOccurs, kHangzhou, ET::Place,
               {evidence(d, 0, "杭州市科技局在杭州。", "sentence")}),
  };
  return x;
}

inline std::vector<DocumentExtraction> sample_documents() {
  return {first_document(), second_document(), third_document()};
}

}  // namespace kg::testing
