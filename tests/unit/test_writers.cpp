// The writers: GraphML and JSON-LD as the contract says, sanitised text,
// byte-identical output, atomic files.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "../consumers/sample_extractions.hpp"
#include "export/chunked.hpp"
#include "export/sanitize.hpp"
#include "export/schema_types.hpp"
#include "export/text_out.hpp"
#include "kg/error.hpp"
#include "kg/writers.hpp"
#include "written.hpp"

using namespace kg;
using namespace kg::testing;
namespace fs = std::filesystem;

namespace {

Graph sample_graph(const std::vector<DocumentExtraction>& docs = sample_documents()) {
  Graph g;
  for (const auto& d : docs) g.add(d);
  return g;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A fresh directory under the build tree, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::path(KG_BINARY_DIR) / "test_writers_tmp" / std::to_string(::getpid());
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, ec);
    fs::remove_all(path, ec);
  }
  std::vector<std::string> files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

TEST_CASE("sanitize_text removes what XML 1.0 forbids and keeps the rest") {
  using output::sanitize_text;
  const std::string fffd = "\xEF\xBF\xBD";
  const auto [input, expected] = GENERATE_REF(table<std::string, std::string>({
      {"杭州", "杭州"},
      {"a\x01"
       "b\x1b"
       "c\x7f"
       "d",
       "abcd"},
      {"tab\tline\nreturn\r", "tab\tline\nreturn\r"},
      {"C1\xC2\x85"
       "x",
       "C1x"},
      {"emoji 🚀 kept", "emoji 🚀 kept"},
      {"臺灣", "臺灣"},
      {"non\xEF\xBF\xBE"
       "char\xEF\xBF\xBF",
       "nonchar"},
      {"\xEF\xB7\x90"
       "x",
       "x"},  // U+FDD0
      {"bad\xFF"
       "byte",
       "bad" + fffd + "byte"},
      {"cut\xE6\x9D", "cut" + fffd + fffd},  // truncated sequence
      {"sur\xED\xA0\x80"
       "x",
       "sur" + fffd + fffd + fffd + "x"},  // encoded surrogate
      {"over\xC0\xAF"
       "x",
       "over" + fffd + fffd + "x"},  // overlong '/'
      {std::string("nul\0x", 5), "nulx"},
  }));
  CAPTURE(input);
  CHECK(sanitize_text(input) == expected);
}

TEST_CASE("xml_escape escapes the five characters and carriage return") {
  CHECK(output::xml_escape("A&B<c>\"d\"'e'\r") == "A&amp;B&lt;c&gt;&quot;d&quot;&apos;e&apos;&#13;");
  CHECK(output::xml_escape("浙江") == "浙江");
}

TEST_CASE("format_double is the shortest exact form with a decimal point") {
  CHECK(output::format_double(2.0) == "2.0");
  CHECK(output::format_double(0.75) == "0.75");
  CHECK(output::format_double(0.1 + 0.2) == "0.30000000000000004");
  CHECK(output::format_double(1e21) == "1e+21");
}

TEST_CASE("schema.org types follow the contract") {
  auto types = [](EntityType t, const std::string& name, std::set<std::string> aliases = {}) {
    Entity e;
    e.name = name;
    e.type = t;
    e.aliases.assign(aliases.begin(), aliases.end());
    return output::schema_types(e);
  };
  using V = std::vector<std::string>;
  CHECK(types(EntityType::Place, "杭州") == V{"schema:Place", "schema:AdministrativeArea"});
  CHECK(types(EntityType::Firm, "某公司") == V{"schema:Corporation"});
  CHECK(types(EntityType::Lab, "某实验室") == V{"schema:ResearchOrganization"});
  CHECK(types(EntityType::University, "某大学") == V{"schema:CollegeOrUniversity"});
  CHECK(types(EntityType::GovernmentBody, "某局") == V{"schema:GovernmentOrganization"});
  CHECK(types(EntityType::Organization, "某协会") == V{"schema:Organization"});
  CHECK(types(EntityType::Person, "李四") == V{"schema:Person"});
  CHECK(types(EntityType::Product, "某芯片") == V{"schema:Product"});
  CHECK(types(EntityType::Product, "某某大模型") == V{"schema:Product", "schema:SoftwareApplication"});
  CHECK(types(EntityType::Product, "某某大模型2.0") == V{"schema:Product", "schema:SoftwareApplication"});
  CHECK(types(EntityType::Product, "SomeGPT") == V{"schema:Product", "schema:SoftwareApplication"});
  CHECK(types(EntityType::Programme, "某某行动计划") == V{"schema:Legislation"});
  CHECK(types(EntityType::Programme, "关于某某的实施意见") == V{"schema:Legislation"});
  CHECK(types(EntityType::Programme, "某某条例") == V{"schema:Legislation"});
  CHECK(types(EntityType::Programme, "某某白皮书", {"《某某白皮书》"}) == V{"schema:Legislation"});
  CHECK(types(EntityType::Programme, "某某算法大赛") == V{"schema:Event"});
  CHECK(types(EntityType::Programme, "某某峰会") == V{"schema:Event"});
  CHECK(types(EntityType::Programme, "某某论坛") == V{"schema:Event"});
  CHECK(types(EntityType::Programme, "东数西算") == V{"schema:CreativeWork"});
}

TEST_CASE("GraphML has the contract's keys, Gephi-safe") {
  const std::string xml = graphml_of(sample_graph());
  CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"));
  CHECK(count(xml, "<graph ") == 1);
  CHECK(xml.find("edgedefault=\"directed\"") != std::string::npos);
  for (const char* node_key : {"label", "type", "level", "aliases", "mentions", "documents"})
    CHECK(xml.find(std::string("for=\"node\" attr.name=\"") + node_key + "\"") != std::string::npos);
  for (const char* edge_key : {"type", "weight", "evidence", "document", "role"})
    CHECK(xml.find(std::string("for=\"edge\" attr.name=\"") + edge_key + "\"") != std::string::npos);
  const std::regex key(R"re(<key id="([^"]*)" for="[a-z]+" attr.name="([^"]*)" attr.type="([^"]*)"/>)re");
  std::size_t keys = 0;
  for (std::sregex_iterator it(xml.begin(), xml.end(), key), end; it != end; ++it, ++keys) {
    for (int group : {1, 2}) {
      CHECK((*it)[group] != "d3");
      CHECK((*it)[group] != "d7");
      CHECK((*it)[group] != "id");
    }
    const std::string type = (*it)[3];
    CHECK((type == "string" || type == "int" || type == "double" || type == "boolean"));
  }
  CHECK(keys == count(xml, "<key "));
}

TEST_CASE("GraphML nodes and edges match the graph") {
  const Graph g = sample_graph();
  const std::string xml = graphml_of(g);
  CHECK(count(xml, "<node id=\"n") == g.node_count());
  CHECK(count(xml, "<edge id=\"e") == g.edge_count());
  CHECK(xml.find("<node id=\"" + g.node_id_of(kHangzhou) + "\">") != std::string::npos);
  CHECK(xml.find("<data key=\"k_aliases\">杭州|杭州市</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"k_level\">city</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"k_role\">董事长|首席执行官</data>") != std::string::npos);
  // One partnersWith edge although it is symmetric; levels only on places.
  CHECK(count(xml, "<data key=\"k_edge_type\">partnersWith</data>") == 1);
  CHECK(count(xml, "<data key=\"k_level\">") == 2);
  // locatedIn 杭州 -> 浙江 has two evidence sentences and weight 2.
  const std::string edge =
      "source=\"" + g.node_id_of(kHangzhou) + "\" target=\"" + g.node_id_of(kZhejiang) + "\"";
  const auto at = xml.find(edge);
  REQUIRE(at != std::string::npos);
  const std::string body = xml.substr(at, xml.find("</edge>", at) - at);
  CHECK(body.find("<data key=\"k_weight\">2.0</data>") != std::string::npos);
  CHECK(body.find("<data key=\"k_evidence_count\">2</data>") != std::string::npos);
  CHECK(body.find("<data key=\"k_document\">doc-a</data>") != std::string::npos);
}

TEST_CASE("the representative evidence is the most confident, earliest among equals") {
  DocumentExtraction x = first_document();
  Relation& dev = x.relations[2];  // develops
  dev.evidence = {evidence("doc-z", 0, "低置信。", "发布", 0.5),
                  evidence("doc-y", 5, "高置信乙。", "推出", 0.9),
                  evidence("doc-x", 9, "高置信甲。", "研发", 0.9)};
  const std::string xml = graphml_of(sample_graph({x}));
  CHECK(xml.find("<data key=\"k_evidence\">高置信甲。</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"k_trigger\">研发</data>") != std::string::npos);
  CHECK(xml.find("<data key=\"k_confidence\">0.9</data>") != std::string::npos);
}

TEST_CASE("scraped-page noise never reaches the files") {
  const Graph g = sample_graph();
  for (const std::string& text : {graphml_of(g), jsonld_of(g)}) {
    CHECK(output::sanitize_text(text) == text);  // valid UTF-8, nothing forbidden
    CHECK(text.find('\x01') == std::string::npos);
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find("🚀") != std::string::npos);
    CHECK(text.find("浙江大學") != std::string::npos);
  }
  const std::string xml = graphml_of(g);
  CHECK(xml.find("A&amp;B&lt;智能&gt;&quot;研究院&quot;&apos;🚀实验室") != std::string::npos);
  CHECK(xml.find("簽約 &amp; 合作&lt;共建&gt;&quot;實驗室&quot;&apos;🚀\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("output is byte-identical for the same documents in any order") {
  auto docs = sample_documents();
  const Graph a = sample_graph(docs);
  std::reverse(docs.begin(), docs.end());
  const Graph b = sample_graph(docs);
  CHECK(graphml_of(a) == graphml_of(b));
  CHECK(jsonld_of(a) == jsonld_of(b));
  CHECK(graphml_of(a) == graphml_of(a));
}

TEST_CASE("an empty graph is still a valid document") {
  const Graph g;
  const std::string xml = graphml_of(g);
  CHECK(xml.find("<graph id=\"G\" edgedefault=\"directed\">\n  </graph>") != std::string::npos);
  const auto j = nlohmann::json::parse(jsonld_of(g));
  CHECK(j["@graph"].empty());
  CHECK(j["@context"].is_object());
}

TEST_CASE("JSON-LD: entity nodes with types, direct triples, assertions with evidence") {
  const Graph g = sample_graph();
  const auto j = nlohmann::json::parse(jsonld_of(g));
  const auto& context = j.at("@context");
  CHECK(context.at("@version") == 1.1);
  CHECK(context.at("kg") == "https://kg.example.org/vocab#");
  const auto& items = j.at("@graph");
  REQUIRE(items.size() == g.node_count() + g.edge_count());

  std::size_t assertions = 0, direct = 0;
  for (const auto& item : items) {
    for (const auto& [key, value] : item.items())
      if (!key.starts_with("@")) CHECK(context.contains(key));  // every term defined
    const auto& types = item.at("@type");
    if (types == "kg:Assertion") {
      ++assertions;
      CHECK(item.at("subject").get<std::string>().starts_with("kgid:n"));
      CHECK(item.at("predicate").get<std::string>().starts_with("kg:"));
      for (const auto& ev : item.value("evidence", nlohmann::json::array()))
        for (const char* field :
             {"document", "sentence", "text", "byteStart", "byteEnd", "charStart", "charEnd", "confidence"})
          CHECK(ev.contains(field));
      continue;
    }
    REQUIRE(types.is_array());
    CHECK(types.back().get<std::string>().starts_with("kg:"));
    CHECK(types.front().get<std::string>().starts_with("schema:"));
    for (int t = 0; t < static_cast<int>(RelationType::CoOccurs); ++t)
      if (item.contains(std::string(to_string(static_cast<RelationType>(t)))))
        direct += item.at(std::string(to_string(static_cast<RelationType>(t)))).size();
    CHECK_FALSE(item.contains("coOccurs"));
  }
  CHECK(assertions == g.edge_count());
  std::size_t non_cooccurs = 0;
  for (const Relation& r : g.relations()) non_cooccurs += r.type != RelationType::CoOccurs;
  CHECK(direct == non_cooccurs);
}

TEST_CASE("format names and extensions") {
  CHECK(format_for_path("out/graph.graphml") == OutputFormat::GraphML);
  CHECK(format_for_path("graph.jsonld") == OutputFormat::JsonLd);
  CHECK(parse_output_format("graphml") == OutputFormat::GraphML);
  CHECK(parse_output_format("jsonld") == OutputFormat::JsonLd);
  try {
    format_for_path("graph.xml");
    FAIL("no error for .xml");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::Usage);
    CHECK(std::string(e.what()).find("graph.xml") != std::string::npos);
  }
  CHECK_THROWS_AS(parse_output_format("csv"), Error);
}

TEST_CASE("write_file writes atomically and cleans up after itself") {
  TempDir dir;
  const Graph g = sample_graph();

  SECTION("writes both formats, picked from the extension") {
    write_file(g, (dir.path / "g.graphml").string());
    write_file(g, (dir.path / "g.jsonld").string());
    CHECK(slurp(dir.path / "g.graphml") == graphml_of(g));
    CHECK(slurp(dir.path / "g.jsonld") == jsonld_of(g));
    CHECK(dir.files() == std::vector<std::string>{"g.graphml", "g.jsonld"});
  }
  SECTION("replaces an existing file whole") {
    const fs::path target = dir.path / "g.graphml";
    std::ofstream(target) << "old content that is longer than nothing";
    write_file(g, target.string(), OutputFormat::GraphML);
    CHECK(slurp(target) == graphml_of(g));
    CHECK(dir.files() == std::vector<std::string>{"g.graphml"});
  }
  SECTION("a missing directory is an Io error naming the path") {
    const std::string target = (dir.path / "no-such-dir" / "g.graphml").string();
    try {
      write_file(g, target);
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::Io);
      CHECK(std::string(e.what()).find(target) != std::string::npos);
    }
  }
  SECTION("a target that is a directory leaves no temporary file") {
    fs::create_directory(dir.path / "taken.graphml");
    CHECK_THROWS_AS(write_file(g, (dir.path / "taken.graphml").string()), Error);
    CHECK(dir.files() == std::vector<std::string>{"taken.graphml"});
  }
  SECTION("a directory no one may create files in is an Io error") {
    // /proc refuses new files even to root.
    try {
      write_file(g, "/proc/kg-test-graph.graphml");
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::Io);
      CHECK(std::string(e.what()).find("/proc/kg-test-graph.graphml") != std::string::npos);
    }
  }
  SECTION("a read-only directory leaves the old file untouched") {
    if (::geteuid() == 0) {
      WARN("running as root: permissions do not stop writes; skipped");
      return;
    }
    const fs::path target = dir.path / "g.jsonld";
    std::ofstream(target) << "old";
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec);
    try {
      write_file(g, target.string());
      FAIL("no error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::Io);
      CHECK(std::string(e.what()).find(target.string()) != std::string::npos);
    }
    fs::permissions(dir.path, fs::perms::owner_all);
    CHECK(slurp(target) == "old");
    CHECK(dir.files() == std::vector<std::string>{"g.jsonld"});
  }
  SECTION("a write that fails half-way leaves no half-written file") {
    // A file size limit makes writes fail part-way, even for root.
    const fs::path target = dir.path / "g.graphml";
    std::ofstream(target) << "old";
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto saved_handler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 512;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    bool threw = false;
    try {
      write_file(g, target.string());
    } catch (const Error& e) {
      threw = true;
      CHECK(e.code() == ErrorCode::Io);
      CHECK(std::string(e.what()).find(target.string()) != std::string::npos);
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, saved_handler);
    CHECK(threw);
    CHECK(slurp(target) == "old");
    CHECK(dir.files() == std::vector<std::string>{"g.graphml"});
  }
  SECTION("an unknown extension is a Usage error and writes nothing") {
    CHECK_THROWS_AS(write_file(g, (dir.path / "g.txt").string()), Error);
    CHECK(dir.files().empty());
  }
}

TEST_CASE("bounded samples: the files show full counts and only the kept evidence") {
  Graph g(GraphOptions{.max_evidence = 2, .max_mentions = 2, .max_documents = 3});
  for (int i = 0; i < 10; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    DocumentExtraction x;
    x.document = id;
    x.entities = {entity(id, kFirm, EntityType::Firm, {kFirm, kFirm, kFirm}),
                  entity(id, kModel, EntityType::Product, {kModel})};
    x.relations = {
        relation(kFirm, EntityType::Firm, RelationType::Develops, kModel, EntityType::Product,
                 {evidence(id, 3, "第" + std::to_string(i) + "次发布新版。", "发布", 0.5 + 0.05 * i)})};
    g.add(x);
  }
  const std::string graphml = graphml_of(g);
  CHECK(count(graphml, "<data key=\"k_mentions\">30</data>") == 1);
  CHECK(count(graphml, "<data key=\"k_documents\">10</data>") == 2);
  CHECK(count(graphml, "<data key=\"k_evidence_count\">10</data>") == 1);
  CHECK(count(graphml, "<data key=\"k_evidence\">第9次发布新版。</data>") == 1);  // the most confident
  CHECK(count(graphml, "<data key=\"k_document\">doc-9</data>") == 1);

  const std::string jsonld = jsonld_of(g);
  CHECK(count(jsonld, "\"mentionCount\":30") == 1);
  CHECK(count(jsonld, "\"documentCount\":10") == 2);
  CHECK(count(jsonld, "\"document\":[\"doc-0\",\"doc-1\",\"doc-2\"]") == 2);
  CHECK(count(jsonld, "\"evidenceCount\":10") == 1);
  CHECK(count(jsonld, "\"@type\":\"kg:Evidence\"") == 2);
  CHECK(jsonld.find("第8次发布新版。") < jsonld.find("第9次发布新版。"));  // listed in document order
  CHECK(jsonld.find("第7次") == std::string::npos);
  CHECK(nlohmann::json::parse(jsonld).at("@graph").size() == 3);
}

namespace {

// What TextOut's one-pass escaping must equal: sanitize_text, then escaping.
std::string slow_json_escaped(std::string_view text) {
  std::string out = "\"";
  for (char c : output::sanitize_text(text)) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

template <typename Write>
std::string through_text_out(Write write) {
  std::ostringstream stream;
  output::TextOut out(stream);
  write(out);
  out.finish();
  return stream.str();
}

}  // namespace

TEST_CASE("TextOut escapes clean text in one pass exactly as sanitising and escaping do") {
  const std::string text =
      GENERATE(as<std::string>{}, "", "杭州市", "a&b<c>d\"e'f\rg\th\ni", "\\路径\\",
               "星河 & 《政策》\"引文\"", "bad \xE4\xB8 end", "\xFF", "ctrl\x01\x7F", "c1 \xC2\x85 x",
               "nonchar \xEF\xB7\x90 \xEF\xBF\xBE \xF0\x9F\xBF\xBF", "surrogate \xED\xA0\x80",
               "overlong \xC0\xAF \xE0\x80\xAF \xF0\x80\x80\xAF",
               "emoji \xF0\x9F\x98\x80 big \xF4\x90\x80\x80", "ok \xEF\xBF\xBD \xE2\x80\x94", "tail \xE4");
  CAPTURE(text);
  CHECK(through_text_out([&](output::TextOut& o) { o.xml_text(text); }) ==
        output::xml_escape(output::sanitize_text(text)));
  CHECK(through_text_out([&](output::TextOut& o) { o.json_string(text); }) == slow_json_escaped(text));
}

TEST_CASE("TextOut writes long text and many appends across its buffer's flushes") {
  std::string long_text;
  for (int i = 0; i < 40000; ++i) long_text += "杭州&";
  std::string expected;
  const std::string escaped = output::xml_escape(long_text);
  for (int i = 0; i < 3; ++i) expected += escaped + "|";
  CHECK(through_text_out([&](output::TextOut& o) {
          for (int i = 0; i < 3; ++i) {
            o.xml_text(long_text).raw("|");
            o.flush_if_large();
          }
        }) == expected);
}

TEST_CASE("doubles written on the fast path for whole numbers and from the cache agree with the slow paths") {
  std::vector<double> values{0.0,
                             -0.0,
                             0.5,
                             0.75,
                             0.1,
                             1e-05,
                             1.0,
                             2.0,
                             9.0,
                             10.0,
                             99.0,
                             100.0,
                             12345.0,
                             1e6,
                             123456789.0,
                             1e14,
                             999999999999999.0,
                             1e15,
                             1e16,
                             1e21,
                             -3.0,
                             2.5e-7,
                             9999.0,
                             10000.0,
                             99999.0,
                             100000.0,
                             120000.0,
                             0.85,
                             0.9,
                             1.5,
                             4e5};
  for (double v = 1; v < 1e15; v = v * 3 + 1) values.push_back(v);
  for (double v : values) {
    CAPTURE(v);
    CHECK(output::json_double_text(v) == nlohmann::json(v).dump());
    CHECK(through_text_out([&](output::TextOut& o) { o.json_double(v).json_double(v); }) ==
          nlohmann::json(v).dump() + nlohmann::json(v).dump());
    CHECK(output::plain_double_text(v) == output::format_double(v));  // the fast path where it applies
    CHECK(through_text_out([&](output::TextOut& o) { o.plain_double(v).plain_double(v); }) ==
          output::format_double(v) + output::format_double(v));
  }
}

TEST_CASE("many doubles through one TextOut: its cache never gives one value's text for another") {
  std::vector<double> values;
  for (int i = 0; i < 200; ++i) values.push_back(i % 7 == 0 ? i : 1.0 / (i + 1));
  std::string plain, json;
  for (int round = 0; round < 3; ++round)
    for (double v : values) {
      plain += output::format_double(v);
      json += nlohmann::json(v).dump();
    }
  CHECK(through_text_out([&](output::TextOut& o) {
          for (int round = 0; round < 3; ++round)
            for (double v : values) o.plain_double(v);
        }) == plain);
  CHECK(through_text_out([&](output::TextOut& o) {
          for (int round = 0; round < 3; ++round)
            for (double v : values) o.json_double(v);
        }) == json);
}

namespace {

// A graph with a few hundred nodes and edges, some text needing escapes and
// some needing sanitising: enough items for the writers to split in chunks.
Graph chunked_graph() {
  Graph g;
  for (int i = 0; i < 120; ++i) {
    const std::string id = "doc-" + std::to_string(i);
    const std::string firm = "公司<" + std::to_string(i) + ">&Co";
    const std::string person = "人物" + std::to_string(i % 40);
    const std::string model = "产品\x01" + std::to_string(i % 25);
    DocumentExtraction x;
    x.document = id;
    x.entities = {entity(id, firm, EntityType::Firm, {firm}),
                  entity(id, person, EntityType::Person, {person}),
                  entity(id, model, EntityType::Product, {model, model})};
    x.relations = {relation(firm, EntityType::Firm, RelationType::Develops, model, EntityType::Product,
                            {evidence(id, 1, firm + "发布\"" + model + "\"。", "发布", 0.25 + 0.005 * i)}),
                   relation(person, EntityType::Person, RelationType::WorksFor, firm, EntityType::Firm,
                            {evidence(id, 2, person + "任职于" + firm + "。", "任职", 0.75)}, "CEO"),
                   relation(person, EntityType::Person, RelationType::CoOccurs, model, EntityType::Product,
                            {evidence(id, 3, person + "\t谈" + model + "。", "", 1.0)})};
    g.add(x);
  }
  return g;
}

std::string graphml_with(const Graph& g, unsigned threads) {
  std::ostringstream out;
  write_graphml(g, out, WriteOptions{.threads = threads});
  return out.str();
}

std::string jsonld_with(const Graph& g, unsigned threads) {
  std::ostringstream out;
  write_jsonld(g, out, WriteOptions{.threads = threads});
  return out.str();
}

}  // namespace

TEST_CASE("the writers write the same bytes on any number of threads") {
  const Graph g = GENERATE(as<bool>{}, false, true) ? chunked_graph() : Graph();
  const std::string graphml = graphml_of(g);
  const std::string jsonld = jsonld_of(g);
  for (unsigned threads : {0u, 1u, 2u, 3u, 8u}) {
    INFO("threads " << threads);
    CHECK(graphml_with(g, threads) == graphml);
    CHECK(jsonld_with(g, threads) == jsonld);
  }
  if (g.node_count() > 0) {
    // Chunked for real: more items than one chunk holds on two threads.
    CHECK(g.node_count() + g.edge_count() > 4 * output::items_per_chunk(g.node_count() + g.edge_count(), 2));
    CHECK(count(graphml, "&lt;") > 100);
  }
  TempDir dir;
  const std::string path = (dir.path / "g.graphml").string();
  write_file(g, path, OutputFormat::GraphML, WriteOptions{.threads = 2});
  CHECK(slurp(path) == graphml);
}

TEST_CASE("write_chunked writes every chunk in order and passes a formatting error on") {
  const std::size_t count = 1000;
  const auto format = [](output::TextOut& out, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i) out.integer(i).raw(",");
  };
  std::ostringstream serial;
  output::write_chunked(serial, count, 1, format);
  std::ostringstream parallel;
  output::write_chunked(parallel, count, 3, format);
  CHECK(parallel.str() == serial.str());
  CHECK(serial.str().starts_with("0,1,2,"));
  CHECK(serial.str().ends_with(",999,"));

  const auto failing = [](output::TextOut& out, std::size_t begin, std::size_t end) {
    if (begin <= 500 && 500 < end) throw Error(ErrorCode::Io, "chunk failed");
    for (std::size_t i = begin; i < end; ++i) out.integer(i);
  };
  std::ostringstream sink;
  CHECK_THROWS_AS(output::write_chunked(sink, count, 2, failing), Error);
}
