// The relation patterns on invented sentences with hand-placed mentions:
// enumerations, partner groups, titles, names that state relations,
// subject-trigger-object, carried subjects, anaphora, co-occurrence and
// evidence.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "test_relate_support.hpp"

using kg::EntityType;
using kg::PlaceLevel;
using kg::RelationType;
using relate_test::Doc;
using relate_test::has;

TEST_CASE("an enumeration settling in a place is located there", "[relate][svo]") {
  Doc d("星河科技、蓝海智能和云帆数据等企业落户临江市。");
  d.org("星河科技").org("蓝海智能").org("云帆数据").place("临江市", PlaceLevel::City, "临江");
  const auto rs = d.relations();
  CHECK(has(rs, "星河科技", RelationType::LocatedIn, "临江"));
  CHECK(has(rs, "蓝海智能", RelationType::LocatedIn, "临江"));
  CHECK(has(rs, "云帆数据", RelationType::LocatedIn, "临江"));
}

TEST_CASE("a locative before the trigger is the place (X在Y落地)", "[relate][svo]") {
  Doc d("星河科技华南总部已在海滨区正式落地。");
  d.org("星河科技华南总部").org("星河科技").place("海滨区", PlaceLevel::District);
  const auto rs = d.relations();
  CHECK(has(rs, "星河科技华南总部", RelationType::LocatedIn, "海滨区"));
  CHECK(has(rs, "星河科技华南总部", RelationType::PartOf, "星河科技"));
}

TEST_CASE("A与B、C共建D: A partners each of B and C, B and C not each other", "[relate][svo]") {
  Doc d("启明大学与星河科技、蓝海智能共建人工智能联合实验室。");
  d.org("启明大学", EntityType::University).org("星河科技").org("蓝海智能");
  const auto rs = d.relations();
  CHECK(has(rs, "启明大学", RelationType::PartnersWith, "星河科技"));
  CHECK(has(rs, "启明大学", RelationType::PartnersWith, "蓝海智能"));
  CHECK_FALSE(has(rs, "星河科技", RelationType::PartnersWith, "蓝海智能"));
}

TEST_CASE("partnersWith is stored once with head < tail", "[relate][svo]") {
  Doc d("蓝海智能与星河科技签约。");
  d.org("蓝海智能").org("星河科技");
  const auto rs = d.relations();
  const kg::Relation* r = relate_test::find(rs, "星河科技", RelationType::PartnersWith, "蓝海智能");
  REQUIRE(r);
  CHECK(r->head < r->tail);
  CHECK(relate_test::count_of(rs, RelationType::PartnersWith) == 1);
}

TEST_CASE("titles tie a person to the organisation before them", "[relate][role]") {
  SECTION("founder and CEO") {
    Doc d("星河科技创始人兼CEO张明远表示，明年将扩大研发。");
    d.org("星河科技").person("张明远");
    const auto rs = d.relations();
    const kg::Relation* w = relate_test::find(rs, "张明远", RelationType::WorksFor, "星河科技");
    REQUIRE(w);
    CHECK(w->role == "创始人兼CEO");
    CHECK(has(rs, "张明远", RelationType::Founded, "星河科技"));
  }
  SECTION("a vice mayor works for the city") {
    Doc d("临江市副市长李安说，算力是基础。");
    d.place("临江市", PlaceLevel::City, "临江").person("李安");
    const auto rs = d.relations();
    const kg::Relation* w = relate_test::find(rs, "李安", RelationType::WorksFor, "临江");
    REQUIRE(w);
    CHECK(w->role == "副市长");
    CHECK_FALSE(has(rs, "李安", RelationType::Founded, "临江"));
  }
  SECTION("a non-government title does not attach to a place") {
    Doc d("临江市人大代表王五说。");
    d.place("临江市", PlaceLevel::City, "临江").person("王五");
    CHECK_FALSE(has(d.relations(), "王五", RelationType::WorksFor, "临江"));
  }
  SECTION("an unrecognised department between employer and title") {
    Doc d("临江市工信局信息技术发展处三级调研员 范一鸣");
    d.org("临江市工信局", EntityType::GovernmentBody).place("临江市", PlaceLevel::City, "临江").person("范一鸣");
    const auto rs = d.relations();
    const kg::Relation* w = relate_test::find(rs, "范一鸣", RelationType::WorksFor, "临江市工信局");
    REQUIRE(w);
    CHECK(w->role == "三级调研员");
  }
  SECTION("a chain of employers separated by 、 and commas") {
    Doc d("临江市作家协会副主席、启明大学中文系教授，星河科技顾问委员 周一鸣");
    d.org("临江市作家协会", EntityType::Organization).org("启明大学", EntityType::University)
        .org("星河科技").person("周一鸣");
    const auto rs = d.relations();
    CHECK(has(rs, "周一鸣", RelationType::WorksFor, "临江市作家协会"));
    CHECK(has(rs, "周一鸣", RelationType::WorksFor, "启明大学"));
    CHECK(has(rs, "周一鸣", RelationType::WorksFor, "星河科技"));
  }
  SECTION("a list of names after one title") {
    Doc d("临江日报记者 赵一、钱二、孙三");
    d.org("临江日报", EntityType::Organization).person("赵一").person("钱二").person("孙三");
    const auto rs = d.relations();
    CHECK(has(rs, "赵一", RelationType::WorksFor, "临江日报"));
    CHECK(has(rs, "钱二", RelationType::WorksFor, "临江日报"));
    CHECK(has(rs, "孙三", RelationType::WorksFor, "临江日报"));
  }
  SECTION("the employer in brackets after the name") {
    Doc d("陈思远（启明大学教授）认为，数据是关键。");
    d.person("陈思远").org("启明大学", EntityType::University);
    const auto rs = d.relations();  // kept: find returns a pointer into it
    const kg::Relation* w = relate_test::find(rs, "陈思远", RelationType::WorksFor, "启明大学");
    REQUIRE(w);
    CHECK(w->role == "教授");
  }
  SECTION("an anaphoric employer: 该中心") {
    Doc d("临江算力中心今年投入运营。该中心主任刘洋说，算力很充足。");
    d.org("临江算力中心", EntityType::Lab).person("刘洋");
    CHECK(has(d.relations(), "刘洋", RelationType::WorksFor, "临江算力中心"));
  }
  SECTION("no title, no relation") {
    Doc d("星河科技张明远认为。");
    d.org("星河科技").person("张明远");
    CHECK_FALSE(has(d.relations(), "张明远", RelationType::WorksFor, "星河科技"));
  }
}

TEST_CASE("names state relations", "[relate][name]") {
  SECTION("a branch is part of its parent and in the place of its name") {
    Doc d("中国电信临江分公司发布公告。");
    d.org("中国电信临江分公司").org("中国电信").place("临江", PlaceLevel::City).place("中国", PlaceLevel::Country);
    const auto rs = d.relations();
    CHECK(has(rs, "中国电信临江分公司", RelationType::PartOf, "中国电信"));
    CHECK(has(rs, "中国电信临江分公司", RelationType::LocatedIn, "临江"));
    CHECK_FALSE(has(rs, "中国电信", RelationType::LocatedIn, "中国"));
    CHECK_FALSE(has(rs, "中国电信临江分公司", RelationType::LocatedIn, "中国"));
  }
  SECTION("a campus: part of the university, in the city in brackets, not in the university's city") {
    Doc d("北方理工大学(临江)今年招生。");
    d.org("北方理工大学(临江)", EntityType::University).org("北方理工大学", EntityType::University)
        .place("临江", PlaceLevel::City).place("北方", PlaceLevel::Region);
    const auto rs = d.relations();
    CHECK(has(rs, "北方理工大学(临江)", RelationType::PartOf, "北方理工大学"));
    CHECK(has(rs, "北方理工大学(临江)", RelationType::LocatedIn, "临江"));
    CHECK_FALSE(has(rs, "北方理工大学(临江)", RelationType::LocatedIn, "北方"));
  }
  SECTION("a firm's legal name is not a branch of its short name") {
    Doc d("星河科技股份有限公司发布财报。");
    d.org("星河科技股份有限公司").org("星河科技");
    CHECK_FALSE(has(d.relations(), "星河科技股份有限公司", RelationType::PartOf, "星河科技"));
  }
  SECTION("places written together") {
    Doc d("活动在临江市海滨区银滩镇举行。");
    d.place("临江市", PlaceLevel::City, "临江").place("海滨区", PlaceLevel::District)
        .place("银滩镇", PlaceLevel::Town);
    const auto rs = d.relations();
    CHECK(has(rs, "海滨区", RelationType::LocatedIn, "临江"));
    CHECK(has(rs, "银滩镇", RelationType::LocatedIn, "海滨区"));
    CHECK_FALSE(has(rs, "临江", RelationType::LocatedIn, "海滨区"));
  }
  SECTION("a policy named after a place is issued by it") {
    Doc d("《临江市人工智能产业发展行动方案》近日印发。");
    d.mention({"临江市人工智能产业发展行动方案", EntityType::Programme}).place("临江市", PlaceLevel::City, "临江");
    CHECK(has(d.relations(), "临江", RelationType::Issues, "临江市人工智能产业发展行动方案"));
  }
  SECTION("a government body is in the place of its name") {
    Doc d("临江市科学技术局召开会议。");
    d.org("临江市科学技术局", EntityType::GovernmentBody).place("临江市", PlaceLevel::City, "临江");
    CHECK(has(d.relations(), "临江市科学技术局", RelationType::LocatedIn, "临江"));
  }
}

TEST_CASE("subject-trigger-object picks the relation from the object's type", "[relate][svo]") {
  SECTION("develops") {
    Doc d("星河科技发布了星河大模型。");
    d.org("星河科技").mention({"星河大模型", EntityType::Product});
    CHECK(has(d.relations(), "星河科技", RelationType::Develops, "星河大模型"));
  }
  SECTION("issues") {
    Doc d("临江市科技局出台《临江市算力券管理办法》。");
    d.org("临江市科技局", EntityType::GovernmentBody).mention({"临江市算力券管理办法", EntityType::Programme});
    CHECK(has(d.relations(), "临江市科技局", RelationType::Issues, "临江市算力券管理办法"));
  }
  SECTION("organizes") {
    Doc d("临江市科技局举办“星火杯”算法大赛。");
    d.org("临江市科技局", EntityType::GovernmentBody).mention({"星火杯算法大赛", EntityType::Programme, PlaceLevel::None, "星火杯算法大赛"});
    // the surface in the text carries quotes; place the programme by its written form
    Doc e("临江市科技局举办星火杯算法大赛。");
    e.org("临江市科技局", EntityType::GovernmentBody).mention({"星火杯算法大赛", EntityType::Programme});
    CHECK(has(e.relations(), "临江市科技局", RelationType::Organizes, "星火杯算法大赛"));
  }
  SECTION("memberOf") {
    Doc d("蓝海智能正式加入临江人工智能产业联盟。");
    d.org("蓝海智能").org("临江人工智能产业联盟", EntityType::Organization);
    CHECK(has(d.relations(), "蓝海智能", RelationType::MemberOf, "临江人工智能产业联盟"));
  }
  SECTION("participatesIn") {
    Doc d("启明大学参与了东数西算工程。");
    d.org("启明大学", EntityType::University).mention({"东数西算", EntityType::Programme});
    CHECK(has(d.relations(), "启明大学", RelationType::ParticipatesIn, "东数西算"));
  }
  SECTION("founders of an alliance are its members") {
    Doc d("星河科技与蓝海智能共同组建临江算力联盟。");
    d.org("星河科技").org("蓝海智能").org("临江算力联盟", EntityType::Organization);
    const auto rs = d.relations();
    CHECK(has(rs, "星河科技", RelationType::MemberOf, "临江算力联盟"));
    CHECK(has(rs, "蓝海智能", RelationType::MemberOf, "临江算力联盟"));
    CHECK(has(rs, "星河科技", RelationType::PartnersWith, "蓝海智能"));
  }
  SECTION("respectively pairs subjects and objects in order") {
    Doc d("星河科技、蓝海智能分别发布了星河大模型、蓝海助手。");
    d.org("星河科技").org("蓝海智能").mention({"星河大模型", EntityType::Product})
        .mention({"蓝海助手", EntityType::Product});
    const auto rs = d.relations();
    CHECK(has(rs, "星河科技", RelationType::Develops, "星河大模型"));
    CHECK(has(rs, "蓝海智能", RelationType::Develops, "蓝海助手"));
    CHECK_FALSE(has(rs, "星河科技", RelationType::Develops, "蓝海助手"));
  }
  SECTION("X旗下Y") {
    Doc d("星河集团旗下的云帆数据今年上市。");
    d.org("星河集团").org("云帆数据");
    CHECK(has(d.relations(), "云帆数据", RelationType::PartOf, "星河集团"));
  }
  SECTION("negation blocks the relation") {
    Doc d("星河科技没有发布星河大模型。");
    d.org("星河科技").mention({"星河大模型", EntityType::Product});
    CHECK_FALSE(has(d.relations(), "星河科技", RelationType::Develops, "星河大模型"));
  }
  SECTION("the ontology is enforced: a place does not develop a product") {
    Doc d("临江市发布了星河大模型。");
    d.place("临江市", PlaceLevel::City, "临江").mention({"星河大模型", EntityType::Product});
    CHECK(relate_test::count_of(d.relations(), RelationType::Develops) == 0);
  }
}

TEST_CASE("a clause without subject takes one carried over", "[relate][svo]") {
  SECTION("from the previous clause") {
    Doc d("星河科技今年营收增长三成，还发布了星河大模型。");
    d.org("星河科技").mention({"星河大模型", EntityType::Product});
    CHECK(has(d.relations(), "星河科技", RelationType::Develops, "星河大模型"));
  }
  SECTION("from the previous sentence") {
    Doc d("星河科技今年营收增长三成。同时推出了星河助手。");
    d.org("星河科技").mention({"星河助手", EntityType::Product});
    CHECK(has(d.relations(), "星河科技", RelationType::Develops, "星河助手"));
  }
  SECTION("through an anaphor") {
    Doc d("临江市出台新政。星河科技表示欢迎。公司与启明大学开展合作。");
    d.place("临江市", PlaceLevel::City, "临江").org("星河科技").org("启明大学", EntityType::University);
    CHECK(has(d.relations(), "星河科技", RelationType::PartnersWith, "启明大学"));
  }
}

TEST_CASE("place containment comes from the parent field", "[relate][hierarchy]") {
  Doc d("海滨区风光很好。临江是一座港口城市。");
  d.place("海滨区", PlaceLevel::District, "", "临江").place("临江", PlaceLevel::City);
  const auto rs = d.relations();
  const kg::Relation* r = relate_test::find(rs, "海滨区", RelationType::LocatedIn, "临江");
  REQUIRE(r);
  CHECK(r->evidence.at(0).trigger == "hierarchy");
  SECTION("not without the parent in the document") {
    Doc e("海滨区风光很好。");
    e.place("海滨区", PlaceLevel::District, "", "临江");
    CHECK(e.relations().empty());
  }
}

TEST_CASE("coOccurs counts sentences, skips nested names and long lists", "[relate][cooccur]") {
  Doc d("星河科技和启明大学在临江。星河科技与启明大学再次见面。");
  d.org("星河科技").org("启明大学", EntityType::University).place("临江", PlaceLevel::City);
  const auto rs = d.relations();
  const kg::Relation* r = relate_test::find(rs, "星河科技", RelationType::CoOccurs, "启明大学");
  REQUIRE(r);
  CHECK(r->weight == 2.0);
  CHECK(r->evidence.size() == 2);

  Doc nested("中国电信临江分公司开业。");
  nested.org("中国电信临江分公司").org("中国电信");
  CHECK_FALSE(has(nested.relations(), "中国电信", RelationType::CoOccurs, "中国电信临江分公司"));

  std::string list;
  Doc* unused = nullptr;
  (void)unused;
  for (int i = 0; i < 31; ++i) list += "企业" + std::to_string(100 + i) + "号、";
  list += "等入选。";
  Doc many(list);
  for (int i = 0; i < 31; ++i) many.org("企业" + std::to_string(100 + i) + "号");
  CHECK(relate_test::count_of(many.relations(), RelationType::CoOccurs) == 0);
}

TEST_CASE("evidence names the document, the sentence and its place in the file", "[relate][evidence]") {
  Doc d("开头一句。星河科技落户临江。", "news-7");
  d.org("星河科技").place("临江", PlaceLevel::City);
  const auto rs = d.relations();
  const kg::Relation* r = relate_test::find(rs, "星河科技", RelationType::LocatedIn, "临江");
  REQUIRE(r);
  REQUIRE(r->evidence.size() == 1);
  const kg::Evidence& e = r->evidence[0];
  CHECK(e.document == "news-7");
  CHECK(e.sentence == 1);
  CHECK(e.text == "星河科技落户临江。");
  CHECK(e.trigger == "落户");
  CHECK(e.confidence > 0.0);
  CHECK(e.confidence <= 1.0);
  const std::string original = "开头一句。星河科技落户临江。";
  CHECK(original.substr(e.source.byte_begin, e.source.byte_end - e.source.byte_begin) == e.text);
  CHECK(r->weight == 1.0);
}

TEST_CASE("an extraction's relations share one buffer that outlives them one by one", "[relate][evidence]") {
  Doc d("星河科技落户临江。星河科技与蓝海智能合作。", "news-8");
  d.org("星河科技").org("蓝海智能").place("临江", PlaceLevel::City);
  std::vector<kg::Relation> rs = d.relations();
  const kg::Relation* located = relate_test::find(rs, "星河科技", RelationType::LocatedIn, "临江");
  REQUIRE(located);
  REQUIRE(located->evidence.size() == 1);
  // A copy kept alone still reads the same after the rest is gone.
  const kg::Evidence kept = located->evidence[0];
  const kg::SharedText head = located->head;
  rs.clear();
  CHECK(kept.document == "news-8");
  CHECK(kept.text == "星河科技落户临江。");
  CHECK(kept.trigger == "落户");
  CHECK(head == "星河科技");
  CHECK(std::string(kept.text.view()) == kept.text.str());
}

TEST_CASE("SharedText reads like a string_view and shares its copies", "[relate][evidence]") {
  const kg::SharedText a("星河科技落户临江。");
  const kg::SharedText b = a;
  CHECK(b.data() == a.data());  // a copy shares the characters
  const kg::SharedText head = a.substr(0, 12);
  CHECK(head == "星河科技");
  CHECK(head.data() == a.data());
  CHECK(a.substr(100).empty());
  CHECK(kg::SharedText() == "");
  CHECK(kg::SharedText() < a);
  CHECK(std::string_view(a) == "星河科技落户临江。");
  const kg::SharedText joined = kg::SharedText::concatenation({"news-", "8"});
  CHECK(joined == std::string("news-8"));
  static constexpr std::string_view kLiteral = "sentence";
  CHECK(kg::SharedText::from_static(kLiteral).data() == kLiteral.data());
  kg::SharedText moved = a;
  kg::SharedText target = std::move(moved);
  CHECK(target == a);
  CHECK(moved.empty());
  std::ostringstream out;
  out << head;
  CHECK(out.str() == "星河科技");
}

TEST_CASE("a Slicer's slices equal substr's, however many it counted in advance", "[relate][evidence]") {
  for (std::size_t counted : {0, 1, 2, 5}) {
    std::vector<kg::SharedText> slices;
    {
      const kg::SharedText whole = kg::SharedText::concatenation({"星河科技", "落户", "临江"});
      kg::SharedText::Slicer cut(whole, counted);
      slices.push_back(cut.slice(0, 12));
      slices.push_back(cut.slice(12, 6));
      slices.push_back(cut.slice(18));
      slices.push_back(cut.slice(100));
      CHECK(slices[0] == whole.substr(0, 12));
      CHECK(slices[2] == whole.substr(18));
    }  // the whole and the slicer are gone; the slices keep the buffer
    CHECK(slices[0] == "星河科技");
    CHECK(slices[1] == "落户");
    CHECK(slices[2] == "临江");
    CHECK(slices[3].empty());
    slices.pop_back();
    const kg::SharedText last = slices.back();
    slices.clear();
    CHECK(last == "临江");
  }
}

TEST_CASE("the same input gives the same relations", "[relate]") {
  Doc d("星河科技、蓝海智能等企业落户临江。启明大学与星河科技合作。");
  d.org("星河科技").org("蓝海智能").org("启明大学", EntityType::University).place("临江", PlaceLevel::City);
  const auto a = d.relations();
  const auto b = d.relations();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].head == b[i].head);
    CHECK(a[i].tail == b[i].tail);
    CHECK(a[i].type == b[i].type);
  }
}

TEST_CASE("a thread's reused workspace gives what a fresh thread gives", "[relate]") {
  // The extractor keeps its working memory per thread: documents read one
  // after another on this thread must come out as on a thread of their own.
  Doc big("星河科技、蓝海智能等企业落户临江。启明大学与星河科技合作。该公司发布新品。");
  big.org("星河科技").org("蓝海智能").org("启明大学", EntityType::University).place("临江", PlaceLevel::City);
  Doc small("云帆数据落户海滨区。");
  small.org("云帆数据").place("海滨区", PlaceLevel::District);
  const auto describe = [](const std::vector<kg::Relation>& rs) {
    std::string out;
    for (const kg::Relation& r : rs) {
      out += r.head.str() + ">" + r.tail.str() + "/" + std::to_string(static_cast<int>(r.type)) + "/" + r.role.str() + "/" +
             std::to_string(r.weight);
      for (const kg::Evidence& e : r.evidence)
        out += "{" + std::to_string(e.sentence) + e.text.str() + e.trigger.str() + std::to_string(e.confidence) + "}";
      out += "\n";
    }
    return out;
  };
  std::string fresh_big, fresh_small;
  std::thread([&] { fresh_big = describe(big.relations()); }).join();
  std::thread([&] { fresh_small = describe(small.relations()); }).join();
  REQUIRE_FALSE(fresh_big.empty());
  for (int round = 0; round < 2; ++round) {
    CHECK(describe(big.relations()) == fresh_big);
    CHECK(describe(small.relations()) == fresh_small);
  }
}
