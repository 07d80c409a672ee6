// The whole pipeline as a library user sees it: one Pipeline shared by
// several threads gives the same result as one thread, and evidence
// offsets point into the original bytes.
#include <catch2/catch.hpp>

#include <string>
#include <thread>
#include <vector>

#include "kg/kg.hpp"

namespace {

const std::vector<std::string> kArticles = {
    "华为在深圳市南山区发布新一代算力芯片。腾讯与华为签约合作。\n",
    "清华大学与北京大学在北京市海淀区共建联合实验室。\n",
    "浙江大学位于杭州市。阿里云在杭州发布通义千问大模型。\n",
    "科大讯飞在合肥发布星火大模型。中国科学技术大学与科大讯飞签约。\n",
};

std::string fingerprint(const kg::DocumentExtraction& x) {
  std::string s = x.document + "|";
  for (const kg::Entity& e : x.entities) s += e.name + ":" + std::string(kg::to_string(e.type)) + ",";
  for (const kg::Relation& r : x.relations)
    s += r.head.str() + "-" + std::string(kg::to_string(r.type)) + "-" + r.tail.str() + ",";
  return s;
}

}  // namespace

TEST_CASE("one pipeline serves several threads", "[pipeline]") {
  const kg::Pipeline pipeline;
  std::vector<std::string> expected;
  for (std::size_t i = 0; i < kArticles.size(); ++i)
    expected.push_back(fingerprint(pipeline.extract_text(kArticles[i], "doc" + std::to_string(i))));

  std::vector<std::vector<std::string>> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 5; ++round)
        for (std::size_t i = 0; i < kArticles.size(); ++i)
          seen[t].push_back(fingerprint(pipeline.extract_text(kArticles[i], "doc" + std::to_string(i))));
    });
  for (std::thread& th : threads) th.join();
  for (const auto& results : seen)
    for (std::size_t k = 0; k < results.size(); ++k) CHECK(results[k] == expected[k % kArticles.size()]);
}

TEST_CASE("mentions point into the original bytes", "[pipeline]") {
  const std::string text = "２０２４年,清华大学发布新成果。\n";  // full-width digits change byte lengths
  const kg::Pipeline pipeline;
  const kg::DocumentExtraction x = pipeline.extract_text(text, "offsets");
  const kg::Entity* tsinghua = nullptr;
  for (const kg::Entity& e : x.entities)
    if (e.name == "清华大学") tsinghua = &e;
  REQUIRE(tsinghua != nullptr);
  REQUIRE_FALSE(tsinghua->mentions.empty());
  const kg::SourceSpan s = tsinghua->mentions.front().source;
  CHECK(text.substr(s.byte_begin, s.byte_end - s.byte_begin) == "清华大学");
  CHECK(s.char_begin == 6);
  CHECK(s.char_end == 10);
}
