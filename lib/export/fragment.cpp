// Fragments as JSON Lines. Three kinds of line, told apart by "kind":
//   "document": one DocumentExtraction, every field (write_fragment);
//   "graph", "node", "edge": a whole graph's merge state (write_graph_fragments),
//     so that reading it back and merging gives exactly what merging the
//     original documents would have given, in any grouping.
// The format is described in docs/output-formats.md.
#include "kg/fragment.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <istream>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/chunked.hpp"
#include "export/text_out.hpp"
#include "graph/graph_impl.hpp"
#include "kg/error.hpp"
#include "kg/writers.hpp"

namespace kg {
namespace {

using Json = nlohmann::ordered_json;
using graph::EdgeState;
using graph::NodeState;

// A problem in one line; read_fragments adds the origin and line number.
struct BadLine {
  std::string message;
};

void write_line(const Json& j, std::ostream& out) {
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

// ---- writing ---------------------------------------------------------------

void put_span(Json& j, const SourceSpan& s) {
  j["byte_begin"] = s.byte_begin;
  j["byte_end"] = s.byte_end;
  j["char_begin"] = s.char_begin;
  j["char_end"] = s.char_end;
}

Json mention_json(const MentionRef& m, const std::string& document) {
  Json j;
  j["document"] = document;
  j["sentence"] = m.sentence;
  put_span(j, m.source);
  j["surface"] = m.surface;
  j["type"] = to_string(m.type);
  return j;
}

Json evidence_json(const Evidence& e) {
  Json j;
  j["document"] = e.document.str();
  j["sentence"] = e.sentence;
  j["text"] = e.text.str();
  put_span(j, e.source);
  j["trigger"] = e.trigger.str();
  j["confidence"] = e.confidence;
  return j;
}

template <typename Range, typename ToJson>
Json array_of(const Range& range, ToJson to_json) {
  Json a = Json::array();
  for (const auto& item : range) a.push_back(to_json(item));
  return a;
}

Json strings(const auto& range) {
  return array_of(range, [](const std::string& s) { return s; });
}

Json entity_json(const Entity& e) {
  Json j;
  j["name"] = e.name;
  j["type"] = to_string(e.type);
  j["level"] = to_string(e.level);
  j["code"] = e.code;
  j["aliases"] = strings(e.aliases);
  j["documents"] = strings(e.documents);
  j["mentions"] = array_of(e.mentions, [&](const MentionRef& m) { return mention_json(m, e.document_of(m)); });
  return j;
}

Json relation_json(const Relation& r) {
  Json j;
  j["head"] = r.head;
  j["tail"] = r.tail;
  j["head_type"] = to_string(r.head_type);
  j["tail_type"] = to_string(r.tail_type);
  j["type"] = to_string(r.type);
  j["role"] = r.role;
  j["weight"] = r.weight;
  j["evidence"] = array_of(r.evidence, evidence_json);
  return j;
}

template <typename Key, std::size_t N>
Json votes_json(const std::array<std::uint64_t, N>& votes) {
  Json j = Json::object();
  for (std::size_t k = 0; k < N; ++k)
    if (votes[k] != 0) j[std::string(to_string(static_cast<Key>(k)))] = votes[k];
  return j;
}

Json node_json(const std::string& name, const NodeState& s) {
  Json j;
  j["kind"] = "node";
  j["name"] = name;
  j["type_votes"] = votes_json<EntityType>(s.type_votes);
  j["level_votes"] = votes_json<PlaceLevel>(s.level_votes);
  j["codes"] = s.code.empty() ? Json::array() : Json::array({s.code});
  j["aliases"] = strings(s.aliases);
  j["documents"] = strings(s.documents);
  j["document_count"] = s.document_count;
  j["mentions"] = array_of(s.mentions, [](const MentionRef& m) { return mention_json(m, m.document); });
  j["mention_count"] = s.mention_count;
  return j;
}

Json edge_json(const Graph::Impl& impl, const EdgeState& s) {
  Json j;
  j["kind"] = "edge";
  j["head"] = impl.names.name(s.head);
  j["type"] = to_string(s.type);
  j["tail"] = impl.names.name(s.tail);
  j["roles"] = strings(impl.roles.roles(s.roles));
  j["weight"] = graph::from_micro(s.weight_micro);
  j["evidence"] = array_of(impl.evidence_of(s), evidence_json);
  j["evidence_count"] = s.evidence_count;
  return j;
}

// ---- writing a document line by hand --------------------------------------
// write_fragment is the map step of `kg extract` and writes every mention
// and evidence item: building an nlohmann object for it costs thousands of
// allocations an article. DocumentLine appends the same bytes
// nlohmann::ordered_json::dump would (same key order, same escapes, same
// numbers) straight into one string; a test compares the two.

// Returns the length of the well-formed UTF-8 sequence of two to four bytes
// at `p` (the sequences nlohmann's decoder accepts); 0 when ill-formed.
std::size_t well_formed(const unsigned char* p, const unsigned char* end) noexcept {
  const unsigned b0 = p[0];
  const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const std::ptrdiff_t left = end - p;
  if (in(b0, 0xC2, 0xDF)) return left >= 2 && in(p[1], 0x80, 0xBF) ? 2 : 0;
  if (in(b0, 0xE0, 0xEF)) {
    if (left < 3 || !in(p[2], 0x80, 0xBF)) return 0;
    const unsigned lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return in(p[1], lo, hi) ? 3 : 0;
  }
  if (in(b0, 0xF0, 0xF4)) {
    if (left < 4 || !in(p[2], 0x80, 0xBF) || !in(p[3], 0x80, 0xBF)) return 0;
    const unsigned lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return in(p[1], lo, hi) ? 4 : 0;
  }
  return 0;
}

class DocumentLine {
 public:
  explicit DocumentLine(std::string& out) : out_(out) {}

  // Appends `text` as nlohmann dumps a string (UTF-8 kept; ", \\ and
  // controls escaped); ill-formed UTF-8 is left to nlohmann's replacement.
  void string(std::string_view text) {
    const std::size_t start = out_.size();
    out_ += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* const end = p + text.size();
    const auto* run = p;
    while (p < end) {
      const unsigned b = *p;
      if (b >= 0x80) {
        const std::size_t n = well_formed(p, end);
        if (n == 0) {
          out_.resize(start);
          out_ += Json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
          return;
        }
        p += n;
        continue;
      }
      if (b >= 0x20 && b != '"' && b != '\\') {
        ++p;
        continue;
      }
      out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(p - run));
      escape(b);
      run = ++p;
    }
    out_.append(reinterpret_cast<const char*>(run), static_cast<std::size_t>(end - run));
    out_ += '"';
  }
  void number(std::uint64_t value) {
    char digits[24];
    out_.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
  }
  void number(double value) { out_ += output::json_double_text(value); }
  // Appends `"name":` after a ',' unless it is an object's first member.
  DocumentLine& key(std::string_view name) {
    if (out_.back() != '{') out_ += ',';
    string(name);
    out_ += ':';
    return *this;
  }
  // Same for a name written in the code (plain ASCII, nothing to escape).
  template <std::size_t N>
  DocumentLine& field(const char (&name)[N]) {
    if (out_.back() != '{') out_ += ',';
    out_ += '"';
    out_.append(name, N - 1);
    out_.append("\":", 2);
    return *this;
  }
  void raw(std::string_view text) { out_ += text; }
  template <typename Range, typename Item>
  void array(const Range& range, Item item) {
    out_ += '[';
    bool first = true;
    for (const auto& value : range) {
      if (!first) out_ += ',';
      first = false;
      item(value);
    }
    out_ += ']';
  }

 private:
  void escape(unsigned b) {
    switch (b) {
      case '"':
        out_ += "\\\"";
        return;
      case '\\':
        out_ += "\\\\";
        return;
      case '\b':
        out_ += "\\b";
        return;
      case '\f':
        out_ += "\\f";
        return;
      case '\n':
        out_ += "\\n";
        return;
      case '\r':
        out_ += "\\r";
        return;
      case '\t':
        out_ += "\\t";
        return;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        const char code[] = {'\\', 'u', '0', '0', kHex[b >> 4], kHex[b & 0xF]};
        out_.append(code, sizeof code);
      }
    }
  }
  std::string& out_;
};

void put_span(DocumentLine& line, const SourceSpan& s) {
  line.field("byte_begin").number(s.byte_begin);
  line.field("byte_end").number(s.byte_end);
  line.field("char_begin").number(s.char_begin);
  line.field("char_end").number(s.char_end);
}

void put_mention(DocumentLine& line, const MentionRef& m, const std::string& document) {
  line.raw("{");
  line.field("document").string(document);
  line.field("sentence").number(m.sentence);
  put_span(line, m.source);
  line.field("surface").string(m.surface);
  line.field("type").string(to_string(m.type));
  line.raw("}");
}

void put_evidence(DocumentLine& line, const Evidence& e) {
  line.raw("{");
  line.field("document").string(e.document);
  line.field("sentence").number(e.sentence);
  line.field("text").string(e.text);
  put_span(line, e.source);
  line.field("trigger").string(e.trigger);
  line.field("confidence").number(e.confidence);
  line.raw("}");
}

void put_strings(DocumentLine& line, const auto& range) {
  line.array(range, [&](const std::string& s) { line.string(s); });
}

void put_entity(DocumentLine& line, const Entity& e) {
  line.raw("{");
  line.field("name").string(e.name);
  line.field("type").string(to_string(e.type));
  line.field("level").string(to_string(e.level));
  line.field("code").string(e.code);
  line.field("aliases");
  put_strings(line, e.aliases);
  line.field("documents");
  put_strings(line, e.documents);
  line.field("mentions");
  line.array(e.mentions, [&](const MentionRef& m) { put_mention(line, m, e.document_of(m)); });
  line.raw("}");
}

void put_relation(DocumentLine& line, const Relation& r) {
  line.raw("{");
  line.field("head").string(r.head);
  line.field("tail").string(r.tail);
  line.field("head_type").string(to_string(r.head_type));
  line.field("tail_type").string(to_string(r.tail_type));
  line.field("type").string(to_string(r.type));
  line.field("role").string(r.role);
  line.field("weight").number(r.weight);
  line.field("evidence");
  line.array(r.evidence, [&](const Evidence& e) { put_evidence(line, e); });
  line.raw("}");
}

// ---- writing a graph's merge state by hand ---------------------------------
// The same lines node_json and edge_json build, appended by DocumentLine.

template <typename Key, std::size_t N>
void put_votes(DocumentLine& line, const std::array<std::uint64_t, N>& votes) {
  line.raw("{");
  for (std::size_t k = 0; k < N; ++k)
    if (votes[k] != 0) line.key(to_string(static_cast<Key>(k))).number(votes[k]);
  line.raw("}");
}

void put_node(DocumentLine& line, const std::string& name, const NodeState& s) {
  line.raw("{");
  line.field("kind").string("node");
  line.field("name").string(name);
  line.field("type_votes");
  put_votes<EntityType>(line, s.type_votes);
  line.field("level_votes");
  put_votes<PlaceLevel>(line, s.level_votes);
  line.field("codes");
  if (s.code.empty()) {
    line.raw("[]");
  } else {
    line.raw("[");
    line.string(s.code);
    line.raw("]");
  }
  line.field("aliases");
  put_strings(line, s.aliases);
  line.field("documents");
  put_strings(line, s.documents);
  line.field("document_count").number(s.document_count);
  line.field("mentions");
  line.array(s.mentions, [&](const MentionRef& m) { put_mention(line, m, m.document); });
  line.field("mention_count").number(s.mention_count);
  line.raw("}\n");
}

// Appends kept evidence straight from the store, as put_evidence appends
// the Evidence that EvidenceStore::to_evidence would make of it.
void put_stored_evidence(DocumentLine& line, const graph::EvidenceStore& store,
                         const graph::StoredEvidence& e) {
  const graph::Position at = store.position(e);
  line.raw("{");
  line.field("document").string(store.text(e.document));
  line.field("sentence").number(at.sentence);
  line.field("text").string(store.text(e.text));
  line.field("byte_begin").number(at.byte_begin);
  line.field("byte_end").number(at.byte_end);
  line.field("char_begin").number(at.char_begin);
  line.field("char_end").number(at.char_end);
  line.field("trigger").string(store.text(e.trigger));
  line.field("confidence").number(e.confidence);
  line.raw("}");
}

void put_edge(DocumentLine& line, const Graph::Impl& impl, const EdgeState& s,
              std::vector<const graph::StoredEvidence*>& listed) {
  line.raw("{");
  line.field("kind").string("edge");
  line.field("head").string(impl.names.name(s.head));
  line.field("type").string(to_string(s.type));
  line.field("tail").string(impl.names.name(s.tail));
  line.field("roles");
  put_strings(line, impl.roles.roles(s.roles));
  line.field("weight").number(graph::from_micro(s.weight_micro));
  line.field("evidence");
  impl.listed_evidence(s, listed);  // in document order, as evidence_of lists it
  line.array(listed, [&](const graph::StoredEvidence* e) { put_stored_evidence(line, impl.evidence, *e); });
  line.field("evidence_count").number(s.evidence_count);
  line.raw("}\n");
}

// The graph line's documents, sorted.
std::vector<std::string> sorted_documents(const Graph::Impl& impl) {
  std::vector<std::string> documents(impl.documents.begin(), impl.documents.end());
  std::sort(documents.begin(), documents.end());
  return documents;
}

// The nodes in name order, the edges by (head name, type, tail name): the
// order of the node and edge lines.
std::vector<graph::NameId> nodes_by_name(const Graph::Impl& impl) {
  std::vector<graph::NameId> nodes;
  for (graph::NameId id = 0; id < impl.nodes.size(); ++id)
    if (impl.nodes[id].present) nodes.push_back(id);
  std::sort(nodes.begin(), nodes.end(),
            [&](graph::NameId a, graph::NameId b) { return impl.names.name(a) < impl.names.name(b); });
  return nodes;
}

std::vector<const EdgeState*> edges_by_key(const Graph::Impl& impl) {
  const auto by_name = [&](graph::NameId a, graph::NameId b) {
    return impl.names.name(a) < impl.names.name(b);
  };
  std::vector<const EdgeState*> edges;
  edges.reserve(impl.edges.size());
  for (graph::EdgeIndex i = 0; i < impl.edges.size(); ++i) edges.push_back(&impl.edges[i]);
  std::sort(edges.begin(), edges.end(), [&](const EdgeState* a, const EdgeState* b) {
    if (a->head != b->head) return by_name(a->head, b->head);
    if (a->type != b->type) return a->type < b->type;
    return by_name(a->tail, b->tail);
  });
  return edges;
}

// Lines are appended to one string handed to the stream once this large.
constexpr std::size_t kGraphLineFlushAt = std::size_t{1} << 16;

template <typename Value, typename Put>
void put_map(DocumentLine& line, const std::map<std::string, Value>& map, Put put) {
  line.raw("{");
  for (const auto& [key, value] : map) put(line.key(key), value);
  line.raw("}");
}

// ---- reading ---------------------------------------------------------------

std::string text_field(const Json& j, const char* name, bool required = false) {
  const auto it = j.find(name);
  if (it == j.end()) {
    if (required) throw BadLine{std::string("missing field \"") + name + "\""};
    return {};
  }
  if (!it->is_string()) throw BadLine{std::string("field \"") + name + "\" is not a string"};
  return it->get<std::string>();
}

std::size_t count_field(const Json& j, const char* name) {
  const auto it = j.find(name);
  if (it == j.end()) return 0;
  if (!it->is_number_unsigned())
    throw BadLine{std::string("field \"") + name + "\" is not a non-negative integer"};
  return it->get<std::size_t>();
}

double number_field(const Json& j, const char* name, double fallback) {
  const auto it = j.find(name);
  if (it == j.end()) return fallback;
  if (!it->is_number()) throw BadLine{std::string("field \"") + name + "\" is not a number"};
  return it->get<double>();
}

const Json& array_field(const Json& j, const char* name) {
  static const Json kEmpty = Json::array();
  const auto it = j.find(name);
  if (it == j.end()) return kEmpty;
  if (!it->is_array()) throw BadLine{std::string("field \"") + name + "\" is not an array"};
  return *it;
}

const Json& object_field(const Json& j, const char* name) {
  static const Json kEmpty = Json::object();
  const auto it = j.find(name);
  if (it == j.end()) return kEmpty;
  if (!it->is_object()) throw BadLine{std::string("field \"") + name + "\" is not an object"};
  return *it;
}

void require_object(const Json& j, const char* what) {
  if (!j.is_object()) throw BadLine{std::string(what) + " is not an object"};
}

EntityType entity_type_of(const std::string& name) {
  if (auto t = parse_entity_type(name)) return *t;
  throw BadLine{"unknown entity type \"" + name + "\""};
}

PlaceLevel level_of(const std::string& name) {
  if (name.empty()) return PlaceLevel::None;
  if (auto l = parse_place_level(name)) return *l;
  throw BadLine{"unknown place level \"" + name + "\""};
}

RelationType relation_type_of(const std::string& name) {
  if (auto t = parse_relation_type(name)) return *t;
  throw BadLine{"unknown relation type \"" + name + "\""};
}

std::set<std::string> string_set(const Json& j, const char* name) {
  std::set<std::string> out;
  for (const Json& s : array_field(j, name)) {
    if (!s.is_string()) throw BadLine{std::string("field \"") + name + "\" holds a non-string"};
    out.insert(s.get<std::string>());
  }
  return out;
}

std::vector<std::string> string_list(const Json& j, const char* name) {
  const std::set<std::string> set = string_set(j, name);
  return {set.begin(), set.end()};
}

SourceSpan span_of(const Json& j) {
  return {count_field(j, "byte_begin"), count_field(j, "byte_end"), count_field(j, "char_begin"),
          count_field(j, "char_end")};
}

MentionRef mention_of(const Json& j) {
  require_object(j, "a mention");
  MentionRef m;
  m.document = text_field(j, "document");
  m.sentence = count_field(j, "sentence");
  m.source = span_of(j);
  m.surface = text_field(j, "surface");
  m.type = entity_type_of(text_field(j, "type", true));
  return m;
}

Evidence evidence_of(const Json& j) {
  require_object(j, "an evidence");
  Evidence e;
  e.document = text_field(j, "document");
  e.sentence = count_field(j, "sentence");
  e.text = text_field(j, "text");
  e.source = span_of(j);
  e.trigger = text_field(j, "trigger");
  e.confidence = number_field(j, "confidence", 1.0);
  return e;
}

Entity entity_of(const Json& j) {
  require_object(j, "an entity");
  Entity e;
  e.name = text_field(j, "name", true);
  e.type = entity_type_of(text_field(j, "type", true));
  e.level = level_of(text_field(j, "level"));
  e.code = text_field(j, "code");
  e.aliases = string_list(j, "aliases");
  e.documents = string_list(j, "documents");
  for (const Json& m : array_field(j, "mentions")) e.mentions.push_back(mention_of(m));
  return e;
}

Relation relation_of(const Json& j) {
  require_object(j, "a relation");
  Relation r;
  r.head = text_field(j, "head", true);
  r.tail = text_field(j, "tail", true);
  r.head_type = entity_type_of(text_field(j, "head_type", true));
  r.tail_type = entity_type_of(text_field(j, "tail_type", true));
  r.type = relation_type_of(text_field(j, "type", true));
  r.role = text_field(j, "role");
  r.weight = number_field(j, "weight", 1.0);
  for (const Json& e : array_field(j, "evidence")) r.evidence.push_back(evidence_of(e));
  return r;
}

DocumentExtraction extraction_of(const Json& j) {
  DocumentExtraction x;
  x.document = text_field(j, "document", true);
  for (const auto& [key, value] : object_field(j, "attributes").items()) {
    if (!value.is_string()) throw BadLine{"attribute \"" + key + "\" is not a string"};
    x.attributes[key] = value.get<std::string>();
  }
  for (const Json& e : array_field(j, "entities")) x.entities.push_back(entity_of(e));
  for (const Json& r : array_field(j, "relations")) x.relations.push_back(relation_of(r));
  x.bytes = count_field(j, "bytes");
  x.sentences = count_field(j, "sentences");
  for (const auto& [key, value] : object_field(j, "cleaning").items()) {
    if (!value.is_number_unsigned()) throw BadLine{"cleaning count \"" + key + "\" is not a count"};
    x.cleaning[key] = value.get<std::size_t>();
  }
  return x;
}

template <typename Key, std::size_t N, typename Parse>
std::array<std::uint64_t, N> votes_of(const Json& j, const char* name, Parse parse) {
  std::array<std::uint64_t, N> votes{};
  for (const auto& [key, value] : object_field(j, name).items()) {
    if (!value.is_number_unsigned()) throw BadLine{std::string("field \"") + name + "\" holds a non-count"};
    votes[static_cast<std::size_t>(parse(key))] += value.template get<std::uint64_t>();
  }
  return votes;
}

// A count written by this version, or (in a version 1 line, which kept
// everything) the number of items listed.
std::size_t count_or(const Json& j, const char* name, std::size_t listed) {
  return j.contains(name) ? count_field(j, name) : listed;
}

void read_node(const Json& j, Graph::Impl& impl) {
  NodeState s;
  s.type_votes = votes_of<EntityType, graph::kEntityTypeCount>(j, "type_votes", entity_type_of);
  s.level_votes = votes_of<PlaceLevel, graph::kPlaceLevelCount>(j, "level_votes", level_of);
  const std::set<std::string> codes = string_set(j, "codes");
  for (const std::string& code : codes)
    if (!code.empty()) {
      s.code = code;  // the smallest
      break;
    }
  s.aliases = string_list(j, "aliases");
  s.documents = string_list(j, "documents");
  s.document_count = count_or(j, "document_count", s.documents.size());
  for (const Json& m : array_field(j, "mentions")) s.mentions.push_back(mention_of(m));
  s.mention_count = count_or(j, "mention_count", s.mentions.size());
  impl.merge_node(text_field(j, "name", true), std::move(s));
}

void read_edge(const Json& j, Graph::Impl& impl) {
  const std::string head = text_field(j, "head", true);
  const RelationType type = relation_type_of(text_field(j, "type", true));
  const std::string tail = text_field(j, "tail", true);
  graph::EdgeSample s;
  s.roles = string_list(j, "roles");
  s.weight_micro = graph::to_micro(number_field(j, "weight", 0.0));
  std::set<Evidence, graph::EvidenceLess> evidence;  // distinct, for the count of a version 1 line
  for (const Json& e : array_field(j, "evidence")) evidence.insert(evidence_of(e));
  s.evidence.assign(evidence.begin(), evidence.end());
  s.evidence_count = count_or(j, "evidence_count", s.evidence.size());
  impl.merge_edge(head, type, tail, std::move(s));
}

void read_line(const std::string& line, Graph& graph) {
  Json j;
  try {
    j = Json::parse(line);
  } catch (const nlohmann::json::parse_error& e) {
    throw BadLine{std::string("not JSON: ") + e.what()};
  }
  require_object(j, "the line");
  const std::string kind = text_field(j, "kind", true);
  Graph::Impl& impl = graph::mutable_impl(graph);
  if (kind == "document") {
    graph.add(extraction_of(j));
  } else if (kind == "graph") {
    for (const std::string& d : string_set(j, "documents")) impl.add_document(d);
  } else if (kind == "node") {
    read_node(j, impl);
  } else if (kind == "edge") {
    read_edge(j, impl);
  } else {
    throw BadLine{"unknown kind \"" + kind + "\" (expected document, graph, node or edge)"};
  }
}

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

}  // namespace

void write_fragment(const DocumentExtraction& x, std::ostream& out) {
  thread_local std::string text;  // reused: a line is a few dozen kB
  text.clear();
  DocumentLine line(text);
  line.raw("{");
  line.field("kind").string("document");
  line.field("document").string(x.document);
  line.field("attributes");
  put_map(line, x.attributes, [](DocumentLine& l, const std::string& v) { l.string(v); });
  line.field("bytes").number(x.bytes);
  line.field("sentences").number(x.sentences);
  line.field("cleaning");
  put_map(line, x.cleaning, [](DocumentLine& l, std::size_t v) { l.number(v); });
  line.field("entities");
  line.array(x.entities, [&](const Entity& e) { put_entity(line, e); });
  line.field("relations");
  line.array(x.relations, [&](const Relation& r) { put_relation(line, r); });
  line.raw("}\n");
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

namespace output {
void write_fragment_with_nlohmann(const DocumentExtraction& x, std::ostream& out) {
  Json j;
  j["kind"] = "document";
  j["document"] = x.document;
  j["attributes"] = Json(x.attributes);
  j["bytes"] = x.bytes;
  j["sentences"] = x.sentences;
  j["cleaning"] = Json(x.cleaning);
  j["entities"] = array_of(x.entities, entity_json);
  j["relations"] = array_of(x.relations, relation_json);
  write_line(j, out);
}

void write_graph_fragments_with_nlohmann(const Graph& graph, std::ostream& out) {
  Json head;
  head["kind"] = "graph";
  head["format"] = "kg-fragments";
  head["version"] = 2;
  if (!graph.has_impl()) {
    head["documents"] = Json::array();
    write_line(head, out);
    return;
  }
  const Graph::Impl& impl = graph.impl();
  head["documents"] = strings(sorted_documents(impl));
  write_line(head, out);
  for (graph::NameId id : nodes_by_name(impl))
    write_line(node_json(impl.names.name(id), impl.nodes[id]), out);
  for (const EdgeState* edge : edges_by_key(impl)) write_line(edge_json(impl, *edge), out);
}
}  // namespace output

void write_graph_fragments(const Graph& graph, std::ostream& out) {
  write_graph_fragments(graph, out, WriteOptions{});
}

void write_graph_fragments(const Graph& graph, std::ostream& out, const WriteOptions& options) {
  std::string head;
  DocumentLine line(head);
  line.raw("{");
  line.field("kind").string("graph");
  line.field("format").string("kg-fragments");
  line.field("version").number(std::uint64_t{2});
  line.field("documents");
  if (!graph.has_impl()) {
    line.raw("[]}\n");
    out.write(head.data(), static_cast<std::streamsize>(head.size()));
    return;
  }
  const Graph::Impl& impl = graph.impl();
  put_strings(line, sorted_documents(impl));
  line.raw("}\n");
  out.write(head.data(), static_cast<std::streamsize>(head.size()));
  // Items are the node lines, then the edge lines, each formatted alone.
  const std::vector<graph::NameId> nodes = nodes_by_name(impl);
  const std::vector<const EdgeState*> edges = edges_by_key(impl);
  output::write_chunked(out, nodes.size() + edges.size(), options.threads,
                        [&](output::TextOut& chunk, std::size_t begin, std::size_t end) {
                          std::string text;
                          DocumentLine item(text);
                          std::vector<const graph::StoredEvidence*> listed;
                          for (std::size_t i = begin; i < end; ++i) {
                            if (i < nodes.size())
                              put_node(item, impl.names.name(nodes[i]), impl.nodes[nodes[i]]);
                            else
                              put_edge(item, impl, *edges[i - nodes.size()], listed);
                            if (text.size() >= kGraphLineFlushAt || i + 1 == end) {
                              chunk.raw(text);
                              text.clear();
                              chunk.flush_if_large();
                            }
                          }
                        });
}

Graph read_fragments(std::istream& in, const std::string& origin) {
  return read_fragments(in, origin, GraphOptions{});
}

Graph read_fragments(std::istream& in, const std::string& origin, const GraphOptions& options) {
  Graph graph(options);
  std::string line;
  std::size_t number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (is_blank(line)) continue;
    try {
      read_line(line, graph);
    } catch (const BadLine& bad) {
      throw Error(ErrorCode::Format, origin + ":" + std::to_string(number) + ": " + bad.message);
    } catch (const nlohmann::json::exception& e) {
      throw Error(ErrorCode::Format, origin + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  if (in.bad()) throw Error(ErrorCode::Io, origin + ": read error after line " + std::to_string(number));
  return graph;
}

}  // namespace kg
