// The kg command line, run in-process through kg::cli::run: exit codes,
// messages that name the file, outputs that are complete or absent, and
// --jobs giving the same bytes as one job.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace fs = std::filesystem;

namespace {

struct Result {
  int code;
  std::string out;
  std::string err;
};

Result kg_run(const std::vector<std::string>& args, const std::string& input = "") {
  std::istringstream in(input);
  std::ostringstream out, err;
  const int code = kg::cli::run(args, in, out, err);
  return {code, out.str(), err.str()};
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh scratch directory per test case.
fs::path scratch(const std::string& name) {
  fs::path dir = fs::path(KG_BINARY_DIR) / "test-scratch" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& content) {
  std::ofstream(path, std::ios::binary) << content;
}

const std::string kArticle =
    "2024年6月3日,华为在深圳市南山区发布新一代算力芯片。深圳市科技创新委员会副主任王建国说,"
    "南山区将出台《南山区人工智能产业扶持计划》。腾讯与华为签约共建人工智能开放平台。\n";

}  // namespace

TEST_CASE("help and version explain the tool", "[cli]") {
  SECTION("top-level help lists the commands") {
    const Result r = kg_run({"--help"});
    CHECK(r.code == 0);
    for (const char* command : {"build", "clean", "explain", "extract", "merge"})
      CHECK(r.out.find(command) != std::string::npos);
  }
  SECTION("build --help documents its options") {
    const Result r = kg_run({"build", "--help"});
    CHECK(r.code == 0);
    for (const char* option : {"--output", "--format", "--jobs", "--lexicon", "--encoding", "--keep"})
      CHECK(r.out.find(option) != std::string::npos);
  }
  SECTION("--version prints the version") {
    const Result r = kg_run({"--version"});
    CHECK(r.code == 0);
    CHECK(r.out.rfind("kg ", 0) == 0);
  }
  SECTION("no command is a usage error") {
    CHECK(kg_run({}).code == 2);
  }
  SECTION("an unknown option is a usage error") {
    CHECK(kg_run({"build", "--no-such-option", "x.txt"}).code == 2);
  }
}

TEST_CASE("build writes every requested format", "[cli]") {
  const fs::path dir = scratch("build-formats");
  write(dir / "a.txt", kArticle);
  const Result r = kg_run({"build", (dir / "a.txt").string(), "-o", (dir / "g.graphml").string(), "-o",
                           (dir / "g.jsonld").string()});
  REQUIRE(r.code == 0);
  CHECK(slurp(dir / "g.graphml").find("<graphml") != std::string::npos);
  CHECK(slurp(dir / "g.jsonld").find("\"@context\"") != std::string::npos);
  CHECK(r.out.find("documents read: 1") != std::string::npos);
}

TEST_CASE("build without -o writes the graph to standard output", "[cli]") {
  SECTION("from standard input") {
    const Result r = kg_run({"build", "-", "--format", "jsonld", "--quiet"}, kArticle);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("\"@graph\"") != std::string::npos);
    CHECK(r.err.empty());
  }
  SECTION("JSON Lines on standard input are several articles") {
    const std::string jsonl = "{\"id\":\"one\",\"text\":\"华为在深圳发布新产品。\"}\n"
                              "{\"id\":\"two\",\"text\":\"腾讯在深圳举办大会。\"}\n";
    const Result r = kg_run({"build", "-"}, jsonl);
    REQUIRE(r.code == 0);
    CHECK(r.err.find("documents read: 2") != std::string::npos);
  }
}

TEST_CASE("bad input gets a clear error and no output file", "[cli]") {
  const fs::path dir = scratch("bad-input");
  const std::string out = (dir / "g.graphml").string();
  SECTION("a missing file is named") {
    const Result r = kg_run({"build", (dir / "missing.txt").string(), "-o", out});
    CHECK(r.code == 1);
    CHECK(r.err.find("kg: error:") == 0);
    CHECK(r.err.find("missing.txt") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
  SECTION("an unknown output extension is refused before any work") {
    write(dir / "a.txt", kArticle);
    const Result r = kg_run({"build", (dir / "a.txt").string(), "-o", (dir / "g.csv").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("g.csv") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "g.csv"));
  }
  SECTION("an output in a missing directory is an error that names it") {
    write(dir / "a.txt", kArticle);
    const std::string bad = (dir / "no-such-dir" / "g.graphml").string();
    const Result r = kg_run({"build", (dir / "a.txt").string(), "-o", bad});
    CHECK(r.code == 1);
    CHECK(r.err.find("no-such-dir") != std::string::npos);
  }
  SECTION("with several outputs written at once, the failing one is named") {
    write(dir / "a.txt", kArticle);
    const std::string bad = (dir / "no-such-dir" / "g.jsonld").string();
    const Result r = kg_run({"build", (dir / "a.txt").string(), "-o", out, "-o", bad, "-j", "2"});
    CHECK(r.code == 1);
    CHECK(r.err.find("no-such-dir") != std::string::npos);
    CHECK(fs::exists(out));  // the good file is complete, as with one job
    CHECK(slurp(out).find("</graphml>") != std::string::npos);
  }
  SECTION("an empty file and random bytes do not crash") {
    write(dir / "empty.txt", "");
    std::string noise;
    for (int i = 0; i < 4096; ++i) noise += static_cast<char>((i * 7919 + 13) % 256);
    write(dir / "noise.txt", noise);
    const Result r = kg_run({"build", (dir / "empty.txt").string(), (dir / "noise.txt").string(), "-o", out});
    CHECK((r.code == 0 || r.code == 1));
    if (r.code == 1) {
      CHECK(r.err.find("noise.txt") != std::string::npos);
      CHECK_FALSE(fs::exists(out));
    }
  }
  SECTION("a malformed JSON Lines article names the file and line") {
    write(dir / "bad.jsonl", "{\"id\":\"a\",\"text\":\"华为\"}\n{not json\n");
    const Result r = kg_run({"build", (dir / "bad.jsonl").string(), "-o", out});
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.jsonl") != std::string::npos);
    CHECK(r.err.find("line 2") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("--jobs gives byte-identical output", "[cli]") {
  const fs::path dir = scratch("jobs");
  fs::create_directories(dir / "in");
  const char* cities[] = {"深圳", "杭州", "合肥", "成都", "武汉", "北京", "广州", "南京"};
  for (int i = 0; i < 24; ++i) {
    std::string text = std::string(cities[i % 8]) + "市人工智能产业园举办第" + std::to_string(i) +
                       "届算法大赛。华为与腾讯签约合作。" + kArticle;
    write(dir / "in" / ("a" + std::to_string(100 + i) + ".txt"), text);
  }
  const std::string one = (dir / "one.graphml").string();
  const std::string two = (dir / "two.graphml").string();
  REQUIRE(kg_run({"build", (dir / "in").string(), "-o", one, "-j", "1", "-q"}).code == 0);
  REQUIRE(kg_run({"build", (dir / "in").string(), "-o", two, "-j", "2", "-q"}).code == 0);
  CHECK(slurp(one) == slurp(two));
}

TEST_CASE("with --jobs the error named is the first in input order", "[cli]") {
  const fs::path dir = scratch("jobs-errors");
  // Many good lines, then two bad ones far apart: the workers may meet the
  // later one first, but the message must always name line 41.
  std::string lines;
  for (int i = 1; i <= 80; ++i) {
    if (i == 41 || i == 77) lines += "{broken line " + std::to_string(i) + "\n";
    else lines += "{\"id\":\"a" + std::to_string(i) + "\",\"text\":\"华为在深圳市南山区发布新一代算力芯片。\"}\n";
  }
  write(dir / "mixed.jsonl", lines);
  for (const char* command : {"build", "extract"}) {
    const std::string out = (dir / (std::string(command) + ".out.jsonl")).string();
    for (int run = 0; run < 5; ++run) {
      const Result r = kg_run({command, (dir / "mixed.jsonl").string(), "-o", out, "-j", "2", "-q"});
      CHECK(r.code == 1);
      CHECK(r.err.find("mixed.jsonl") != std::string::npos);
      CHECK(r.err.find("line 41") != std::string::npos);
      CHECK(r.err.find("line 77") == std::string::npos);
      CHECK_FALSE(fs::exists(out));
    }
  }
  SECTION("a missing file after good ones is named, and nothing is written") {
    write(dir / "good.txt", kArticle);
    const std::string out = (dir / "g.graphml").string();
    const Result r = kg_run({"build", (dir / "good.txt").string(), (dir / "gone.txt").string(), "-o", out, "-j", "2"});
    CHECK(r.code == 1);
    CHECK(r.err.find("gone.txt") != std::string::npos);
    CHECK_FALSE(fs::exists(out));
  }
}

TEST_CASE("extract then merge equals build", "[cli]") {
  const fs::path dir = scratch("extract-merge");
  write(dir / "a.txt", kArticle);
  write(dir / "b.txt", "腾讯在深圳市发布混元大模型。华为与腾讯签约合作。\n");
  REQUIRE(kg_run({"build", dir.string(), "-o", (dir / "built.jsonld").string(), "-q"}).code == 0);
  REQUIRE(kg_run({"extract", (dir / "a.txt").string(), "-o", (dir / "a.jsonl").string()}).code == 0);
  REQUIRE(kg_run({"extract", (dir / "b.txt").string(), "-o", (dir / "b.jsonl").string()}).code == 0);
  // Merge b then a: order must not matter.
  REQUIRE(kg_run({"merge", (dir / "b.jsonl").string(), (dir / "a.jsonl").string(), "-o",
                  (dir / "merged.jsonld").string(), "-q"})
              .code == 0);
  CHECK(slurp(dir / "built.jsonld") == slurp(dir / "merged.jsonld"));
}

TEST_CASE("clean prints text and explain names an entity's relations", "[cli]") {
  const fs::path dir = scratch("clean-explain");
  write(dir / "a.txt", kArticle);
  const Result clean = kg_run({"clean", (dir / "a.txt").string()});
  CHECK(clean.code == 0);
  CHECK(clean.out.find("华为") != std::string::npos);

  const Result unknown = kg_run({"explain", "不存在的公司", (dir / "a.txt").string()});
  CHECK(unknown.code == 1);
  CHECK(unknown.err.find("不存在的公司") != std::string::npos);
}

TEST_CASE("--max-evidence bounds the evidence kept, not the counts", "[cli]") {
  const fs::path dir = scratch("max-evidence");
  // The same relation stated in five articles.
  for (int i = 0; i < 5; ++i)
    write(dir / ("a" + std::to_string(i) + ".txt"),
          "第" + std::to_string(i) + "天，华为与腾讯签约合作，共建人工智能开放平台。\n");
  const std::string all = (dir / "all.jsonld").string();
  const std::string two = (dir / "two.jsonld").string();
  REQUIRE(kg_run({"build", dir.string(), "-o", all, "--max-evidence", "all", "-q"}).code == 0);
  REQUIRE(kg_run({"build", dir.string(), "-o", two, "--max-evidence", "2", "-q"}).code == 0);
  const std::string with_all = slurp(all);
  const std::string with_two = slurp(two);
  CHECK(with_two.size() < with_all.size());
  // Both report the full count of five sentences for the partnership.
  CHECK(with_all.find("\"evidenceCount\":5") != std::string::npos);
  CHECK(with_two.find("\"evidenceCount\":5") != std::string::npos);

  const Result bad = kg_run({"build", dir.string(), "-o", two, "--max-evidence", "many"});
  CHECK(bad.code == 2);
  CHECK(bad.err.find("--max-evidence") != std::string::npos);
}

TEST_CASE("JSON Lines on standard input: ids from line numbers, errors name the line", "[cli]") {
  const std::string two = "{\"text\":\"华为在深圳发布新芯片。\"}\n{\"text\":\"腾讯在深圳发布新模型。\"}\n";
  const Result ok = kg_run({"build", "-", "--format", "jsonld", "-q"}, two);
  REQUIRE(ok.code == 0);
  CHECK(ok.out.find("\"stdin:2\"") != std::string::npos);
  const Result bad = kg_run({"build", "-", "--format", "jsonld", "-q"}, two + "\n{\"title\":\"x\"}\n");
  CHECK(bad.code == 1);
  CHECK(bad.err.find("stdin line 4") != std::string::npos);
  CHECK(bad.err.find("line 1") == std::string::npos);
}
