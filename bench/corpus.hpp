// bench/corpus.hpp - a deterministic generator of Chinese regional-AI news,
// for benchmarks and for tests that need a lot of realistic input.
//
// Articles are composed from sentence templates in the manner of regional
// technology news (firms settling in districts, labs launching models,
// officials quoted with their titles, policies issued in 《》, alliances
// formed, competitions held) filled with names drawn from the built-in
// lexicon when it has them and from a small list of our own otherwise. Some
// articles are in traditional script and all carry the noise that the
// cleaning stage removes: pinyin after characters (業(yè)), footer, ICP and
// copyright lines, share widgets, spam keyword lines, lines broken
// mid-sentence, full-width digits, indentation and CRLF line ends.
//
//   kg::bench::CorpusGenerator gen({.seed = 7, .target_bytes = 16 << 20});
//   while (std::optional<kg::bench::Article> a = gen.next()) consume(*a);
//
// The same options (and the same lexicon and ICU version) give byte-identical
// articles: the random numbers come from our own splitmix64 generator rather
// than <random> distributions, whose output differs between standard
// libraries. Traditional script comes from ICU's "Simplified-Traditional"
// transliterator, applied once to every template and name when the generator
// is built, never to generated text.
//
// Header-only so that the unit tests can check it without linking bench code.
// Thread-safety: a generator is a stateful sequence; use one per thread.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "kg/error.hpp"
#include "kg/lexicon.hpp"

namespace kg::bench {

// ---------------------------------------------------------------------------
// Random numbers

// splitmix64: tiny, fast and the same on every platform.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) noexcept : state_(seed) {}

  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Returns a number in [0, n); the modulo bias is irrelevant here.
  std::size_t below(std::size_t n) noexcept { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }

  // Returns a number in [lo, hi].
  std::size_t between(std::size_t lo, std::size_t hi) noexcept { return lo + below(hi - lo + 1); }

  // Returns true `percent` times in a hundred.
  bool chance(unsigned percent) noexcept { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

// ---------------------------------------------------------------------------
// Text in both scripts

// A piece of text in simplified script and its traditional form.
struct Scripted {
  std::string hans;
  std::string hant;

  const std::string& in(bool traditional) const noexcept { return traditional ? hant : hans; }
};

// Converts simplified text to traditional with ICU; built once per generator.
class TraditionalConverter {
 public:
  TraditionalConverter() {
    UErrorCode status = U_ZERO_ERROR;
    transliterator_.reset(
        icu::Transliterator::createInstance("Simplified-Traditional", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transliterator_)
      throw Error(ErrorCode::Internal, std::string("corpus generator: ICU transliterator "
                                                   "Simplified-Traditional unavailable: ") +
                                           u_errorName(status));
  }

  std::string convert(std::string_view hans) const {
    icu::UnicodeString text =
        icu::UnicodeString::fromUTF8(icu::StringPiece(hans.data(), static_cast<int32_t>(hans.size())));
    transliterator_->transliterate(text);
    std::string out;
    text.toUTF8String(out);
    return out;
  }

  Scripted both(std::string hans) const {
    std::string hant = convert(hans);
    return {std::move(hans), std::move(hant)};
  }

 private:
  std::unique_ptr<icu::Transliterator> transliterator_;
};

// ---------------------------------------------------------------------------
// UTF-8 helpers (the generator only ever sees valid UTF-8 it made itself)

inline std::size_t utf8_length(unsigned char lead) noexcept {
  if (lead < 0x80) return 1;
  if ((lead >> 5) == 0x6) return 2;
  if ((lead >> 4) == 0xE) return 3;
  if ((lead >> 3) == 0x1E) return 4;
  return 1;
}

inline char32_t utf8_decode(std::string_view s, std::size_t i, std::size_t n) noexcept {
  static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
  char32_t cp = static_cast<unsigned char>(s[i]) & kLeadMask[n];
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

inline void utf8_append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// Returns the name without a trailing administrative suffix (广州市 -> 广州)
// when at least two characters remain.
inline std::string short_place_name(const std::string& name) {
  for (std::string_view suffix : {"市", "省"}) {
    if (name.size() >= suffix.size() + 6 && name.ends_with(suffix))
      return name.substr(0, name.size() - suffix.size());
  }
  return name;
}

// ---------------------------------------------------------------------------
// What the articles are made of (simplified script; traditional is derived)

namespace text {

// A city with its province and some of its districts.
struct FallbackCity {
  const char* city_full;
  const char* province_full;
  std::array<const char*, 4> districts;  // nullptr-padded
};

// Well-known administrative divisions (general knowledge).
inline constexpr FallbackCity kCities[] = {
    {"北京市", "北京市", {"海淀区", "朝阳区", "大兴区", "昌平区"}},
    {"上海市", "上海市", {"浦东新区", "徐汇区", "闵行区", "杨浦区"}},
    {"天津市", "天津市", {"滨海新区", "西青区", "南开区", nullptr}},
    {"重庆市", "重庆市", {"渝北区", "九龙坡区", "沙坪坝区", nullptr}},
    {"深圳市", "广东省", {"南山区", "福田区", "龙岗区", "宝安区"}},
    {"广州市", "广东省", {"海珠区", "天河区", "黄埔区", "番禺区"}},
    {"珠海市", "广东省", {"香洲区", "金湾区", "斗门区", nullptr}},
    {"杭州市", "浙江省", {"余杭区", "滨江区", "西湖区", "萧山区"}},
    {"南京市", "江苏省", {"江宁区", "鼓楼区", "栖霞区", "建邺区"}},
    {"苏州市", "江苏省", {"吴中区", "相城区", "姑苏区", nullptr}},
    {"合肥市", "安徽省", {"蜀山区", "包河区", "庐阳区", nullptr}},
    {"成都市", "四川省", {"武侯区", "锦江区", "双流区", "郫都区"}},
    {"武汉市", "湖北省", {"洪山区", "江夏区", "东西湖区", nullptr}},
    {"西安市", "陕西省", {"雁塔区", "未央区", "长安区", nullptr}},
    {"青岛市", "山东省", {"崂山区", "黄岛区", "市南区", nullptr}},
    {"济南市", "山东省", {"历下区", "历城区", "槐荫区", nullptr}},
    {"长沙市", "湖南省", {"岳麓区", "天心区", "雨花区", nullptr}},
    {"厦门市", "福建省", {"思明区", "湖里区", "集美区", nullptr}},
    {"郑州市", "河南省", {"金水区", "二七区", "中原区", nullptr}},
    {"沈阳市", "辽宁省", {"浑南区", "和平区", "沈河区", nullptr}},
};

// Widely known firms: full name and the short form news uses.
inline constexpr std::pair<const char*, const char*> kFirms[] = {
    {"华为技术有限公司", "华为"},
    {"深圳市腾讯计算机系统有限公司", "腾讯"},
    {"阿里巴巴集团", "阿里巴巴"},
    {"北京百度网讯科技有限公司", "百度"},
    {"科大讯飞股份有限公司", "科大讯飞"},
    {"小米科技有限责任公司", "小米"},
    {"京东集团", "京东"},
    {"中国电信股份有限公司", "中国电信"},
    {"中国移动通信集团有限公司", "中国移动"},
    {"杭州海康威视数字技术股份有限公司", "海康威视"},
};

inline constexpr const char* kLabs[] = {
    "之江实验室", "鹏城实验室", "上海人工智能实验室", "北京智源人工智能研究院",
    "中国科学院自动化研究所", "中国科学院计算技术研究所",
};

inline constexpr const char* kUniversities[] = {
    "清华大学", "北京大学", "浙江大学", "复旦大学", "上海交通大学", "中山大学",
    "华南理工大学", "南京大学", "武汉大学", "哈尔滨工业大学", "中国科学技术大学",
    "西安交通大学", "四川大学", "山东大学",
};

inline constexpr const char* kNationalBodies[] = {
    "工业和信息化部", "科学技术部", "国家发展和改革委员会", "国家数据局",
};

// Invented brand syllables: every pairing is a made-up firm or product name.
inline constexpr const char* kBrandFirst[] = {"星", "云", "智", "天", "海", "澜", "极", "芯", "数", "灵",
                                              "深", "思", "元", "启", "衡", "曜", "锐", "图", "析", "航"};
inline constexpr const char* kBrandSecond[] = {"衡", "图", "析", "途", "启", "算", "联", "维", "科", "象",
                                               "境", "瞳", "擎", "跃", "驰", "景", "合", "川", "源", "梦"};
// A trade as written in the full name, and as the short form keeps it.
inline constexpr std::pair<const char*, const char*> kFirmTrades[] = {
    {"智能科技", "智能"}, {"信息技术", "信息"}, {"数据科技", "数据"}, {"人工智能科技", "智能"},
    {"机器人", "机器人"}, {"半导体", "半导体"}, {"软件", "软件"}, {"网络科技", "网络"}};
inline constexpr const char* kFirmForms[] = {"有限公司", "有限公司", "股份有限公司", "有限责任公司"};
inline constexpr const char* kProductKinds[] = {"大模型", "多模态大模型", "智能体平台", "AI芯片",
                                                "行业大模型", "操作系统"};

inline constexpr const char* kSurnames[] = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁", "任",
    "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦",
    "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙", "史", "陶",
    "黎", "贺", "顾", "毛", "龚", "邵", "万", "钱", "严", "覃", "武", "戴", "欧阳", "司马"};
inline constexpr const char* kGivenChars[] = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "文", "华", "建", "国", "志", "红", "海", "晓", "宇", "浩", "思",
    "嘉", "睿", "子", "涵", "欣", "怡", "雨", "泽", "博", "晨", "宏", "鹏", "辉", "峰", "婷", "雪",
    "琳", "俊", "斌", "凯", "亮", "立", "新", "春", "林", "云", "飞", "鑫", "波", "颖", "慧", "倩"};

inline constexpr const char* kTopics[] = {"人工智能", "大模型", "智能网联汽车", "算力", "数据要素",
                                          "机器人", "智能制造", "集成电路", "低空经济", "工业互联网"};
inline constexpr const char* kCityDepartments[] = {"科学技术局", "工业和信息化局", "发展和改革委员会",
                                                   "人民政府", "政务服务和数据管理局", "商务局"};
inline constexpr const char* kProvinceDepartments[] = {"科学技术厅", "工业和信息化厅", "人民政府",
                                                       "发展和改革委员会"};
// Written after the city's full name: 广州市长, 广州市委书记.
inline constexpr const char* kCityLeaderTitles[] = {"市长", "副市长", "委书记", "委常委"};
inline constexpr const char* kBodyTitles[] = {"局长", "副局长", "主任", "党组书记"};
inline constexpr const char* kFirmTitles[] = {"董事长", "总经理", "首席执行官", "副总裁", "创始人",
                                              "首席技术官"};
inline constexpr const char* kScholarTitles[] = {"教授", "院长", "副校长", "研究员", "首席科学家"};
inline constexpr const char* kOrdinals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
inline constexpr const char* kPapers[] = {"南方科技报", "滨海日报", "数字经济观察", "新城晚报",
                                          "产业时讯", "创新周刊"};
inline constexpr const char* kSites[] = {"新城网", "科创资讯网", "产业观察网", "数智新闻网"};

// Made-up policy, alliance and park names; they may use the article's slots.
inline constexpr const char* kPolicies[] = {
    "{city_full}关于加快{topic}产业高质量发展的若干措施",
    "{province}{topic}产业发展行动方案（{year}—{year2}年）",
    "{city_full}促进{topic}创新发展实施意见",
    "{district}支持{topic}企业集聚发展十条",
};
inline constexpr const char* kAlliances[] = {
    "{city}{topic}产业联盟", "{city}{topic}创新联合体", "{province}{topic}产学研创新联盟",
};
inline constexpr const char* kParks[] = {
    "{city}{topic}产业园", "{district}科技创新园", "{city}{topic}创新港",
};

// Quotations: made up for the generator.
inline constexpr const char* kQuotes[] = {
    "我们看中的是{city}完善的产业配套和丰富的应用场景",
    "{city}正加快建设{topic}创新高地，欢迎更多企业来{district}发展",
    "未来三年，我们计划在{topic}领域再投入{money}",
    "这次合作将把实验室的成果尽快转化为真正可用的产品",
    "{topic}的竞争归根到底是人才的竞争。",
    "我们希望把{product}用到更多真实的生产场景中去",
};

inline constexpr const char* kHeadlines[] = {
    "{city}{district}：{num}家{topic}企业集聚 打造产业新高地",
    "{firm_short}落户{city} {product}同步发布",
    "{city}出台{topic}产业新政 {num}条措施支持企业发展",
    "第{ordinal}届{city}{topic}创新大赛举行",
    "{alliance}成立 {num}家单位加入",
    "{province}加快布局{topic}产业新赛道",
};

inline constexpr const char* kSubheads[] = {"推动集聚发展", "强化政策支撑", "优化创新生态",
                                           "加快场景开放", "培育龙头企业"};

inline constexpr const char* kSentences[] = {
    "{firm}正式落户{city}{district}，总投资{money}，将建设{topic}研发总部。",
    "日前，{firm_short}与{district}签署合作协议，区域总部项目正式入驻{park}。",
    "{lab}在{city}发布{product}，该模型参数规模达{num}亿。",
    "{month}月{day}日，{univ}与{firm_short}联合发布{product}。",
    "“{quote}”{city_full}{leader_title}{official}说。",
    "{gov}{body_title}{director}表示，{city}将围绕{topic}产业链引进培育一批龙头企业。",
    "{year}年{month}月，{gov}印发《{policy}》，提出{num}条具体措施。",
    "《{policy}》明确，到{year2}年，{city}{topic}核心产业规模力争突破{money}。",
    "在{gov}指导下，{firm_short}、{firm2}、{univ}等{num}家单位共同发起成立{alliance}。",
    "{alliance}在{city}{district}揭牌成立，{firm_short}当选首届理事长单位。",
    "第{ordinal}届{city}{topic}创新大赛在{district}落下帷幕，共有{num}支团队参赛。",
    "本届大赛由{gov}主办、{firm_short}承办，吸引了来自{num2}个国家和地区的团队报名。",
    "{firm_short}{firm_title}{executive}介绍，公司已在{district}组建了超过{num}人的研发团队。",
    "{scholar}，{univ}{scholar_title}、{lab}主任，长期从事{topic}研究。",
    "据悉，{lab}由{univ}与{city_full}人民政府共建，重点开展{topic}关键技术攻关。",
    "截至目前，{district}已集聚{topic}企业{num}余家，{year}年产业规模同比增长{pct}。",
    "{firm}是一家专注于{topic}的高新技术企业，成立于{year}年，总部位于{city}。",
    "{firm_short}宣布完成{money}B轮融资，本轮融资由{firm2}领投。",
    "活动现场，{firm_short}与{firm2}签署战略合作协议，双方将在{topic}领域开展深度合作。",
    "{city_full}委常委、{district}委书记{district_leader}出席活动并致辞。",
    "{prov_gov}{body_title}{prov_director}在新闻发布会上透露，{province}{topic}产业营收达{money}。",
    "近年来，{city}持续加大对{topic}产业的支持力度，先后出台《{policy}》等政策文件。",
    "走进{district}的{park}，{firm_short}、{firm2}等企业的研发中心正在加紧建设。",
    "记者从{gov}获悉，{district}将建设{topic}公共算力平台，算力规模达到{num}PFlops。",
    "{product}已在{city}的{num}个政务、金融和医疗场景中落地应用。",
    "{firm_short}联合{univ}共建“{topic}联合实验室”，推动科研成果转化。",
    "会上，{gov}为{num}家入选企业授牌，{firm_short}位列其中。",
    "“{quote}”{firm_short}{firm_title}{executive}告诉记者。",
    "{univ}{scholar_title}{scholar}认为，AI大模型正在进入规模化应用的新阶段。",
    "此外，{city}还将设立规模{money}的{topic}产业基金，重点投向早期项目。",
    "作为{province}首个{topic}产业集聚区，{district}已吸引{firm_short}、{firm2}等头部企业入驻。",
    "{firm_short}自主研发的{product}通过备案，成为{province}首批备案的大模型之一。",
    "数据显示，{year}年{city}数字经济核心产业增加值达{money}，占地区生产总值的{pct}。",
    "下一步，{district}将联合{lab}举办{topic}开发者大会，打造开放创新生态。",
    "{national_body}有关负责人介绍，{city}是首批{topic}创新应用先导区之一。",
    "在当天举行的{topic}产业对接会上，{firm2}发布了面向制造业的{product}。",
};

// Lines the cleaning stage is meant to remove; filled like sentences.
inline constexpr const char* kWidgetLines[] = {
    "分享到：微信 微博 QQ空间", "点赞({small}) 打赏", "返回顶部", "扫一扫在手机打开当前页",
    "【打印】【关闭】【纠错】", "评论列表 共有 {small} 条评论", "相关新闻", "放大字体  缩小字体",
};
inline constexpr const char* kFooterLines[] = {
    "[责任编辑：{editor}]",
    "备案号：{icp}ICP备{digits}号-{small}",
    "Copyright © 2005-{year} {site} 版权所有",
    "联系邮箱：news{digits}@example.com",
    "本文转载自{paper}，如有侵权请联系删除",
    "关键词：{topic} {city}",
    "（文章来源：{paper}）",
};
inline constexpr const char* kIcpRegions[] = {"京", "沪", "粤", "浙", "苏", "鲁", "豫", "川"};
inline constexpr const char* kSpamPhrases[] = {
    "免费在线观看", "高清影院", "最新电影", "手机铃声下载", "彩票开奖结果", "代开发票",
    "网赚兼职日结", "低价代理加盟", "刷单返利", "热门小说排行", "在线看片", "游戏私服发布网",
};

// Traditional characters the pinyin noise marks, with their reading,
// sorted by code point (add_pinyin searches it).
inline constexpr std::pair<char32_t, const char*> kPinyin[] = {
    {U'並', "bìng"}, {U'們', "men"}, {U'億', "yì"}, {U'優', "yōu"}, {U'創', "chuàng"},
    {U'動', "dòng"}, {U'務', "wù"}, {U'區', "qū"}, {U'協', "xié"}, {U'參', "cān"},
    {U'國', "guó"}, {U'場', "chǎng"}, {U'將', "jiāng"}, {U'對', "duì"}, {U'導', "dǎo"},
    {U'應', "yīng"}, {U'數', "shù"}, {U'業', "yè"}, {U'機', "jī"}, {U'發', "fā"},
    {U'經', "jīng"}, {U'網', "wǎng"}, {U'聯', "lián"}, {U'與', "yǔ"}, {U'華', "huá"},
    {U'術', "shù"}, {U'設', "shè"}, {U'資', "zī"}, {U'賽', "sài"}, {U'這', "zhè"},
    {U'進', "jìn"}, {U'過', "guò"}, {U'開', "kāi"}, {U'電', "diàn"}, {U'頭', "tóu"},
    {U'體', "tǐ"}, {U'點', "diǎn"},
};

}  // namespace text

// ---------------------------------------------------------------------------
// Templates

// The names a template may use between braces.
enum class Slot : std::uint8_t {
  City, CityFull, District, Province, Firm, FirmShort, Firm2, Lab, Univ, Gov, ProvGov,
  NationalBody, Official, Director, ProvDirector, DistrictLeader, Executive, Scholar, Editor, LeaderTitle, BodyTitle, FirmTitle,
  ScholarTitle, Product, Topic, Alliance, Policy, Park, Paper, Site, Icp, Year, Year2, Month,
  Day, Ordinal,
  // Drawn afresh at every use:
  Num, Num2, Money, Pct, Digits, Small, Quote,
  Count
};
inline constexpr std::size_t kFixedSlots = static_cast<std::size_t>(Slot::Num);

inline constexpr std::pair<std::string_view, Slot> kSlotNames[] = {
    {"city", Slot::City}, {"city_full", Slot::CityFull}, {"district", Slot::District},
    {"province", Slot::Province}, {"firm", Slot::Firm}, {"firm_short", Slot::FirmShort},
    {"firm2", Slot::Firm2}, {"lab", Slot::Lab}, {"univ", Slot::Univ}, {"gov", Slot::Gov},
    {"prov_gov", Slot::ProvGov}, {"national_body", Slot::NationalBody},
    {"official", Slot::Official}, {"director", Slot::Director},
    {"prov_director", Slot::ProvDirector}, {"district_leader", Slot::DistrictLeader},
    {"executive", Slot::Executive}, {"scholar", Slot::Scholar},
    {"editor", Slot::Editor}, {"leader_title", Slot::LeaderTitle},
    {"body_title", Slot::BodyTitle}, {"firm_title", Slot::FirmTitle},
    {"scholar_title", Slot::ScholarTitle}, {"product", Slot::Product}, {"topic", Slot::Topic},
    {"alliance", Slot::Alliance}, {"policy", Slot::Policy}, {"park", Slot::Park},
    {"paper", Slot::Paper}, {"site", Slot::Site}, {"icp", Slot::Icp}, {"year", Slot::Year},
    {"year2", Slot::Year2}, {"month", Slot::Month}, {"day", Slot::Day},
    {"ordinal", Slot::Ordinal}, {"num", Slot::Num}, {"num2", Slot::Num2},
    {"money", Slot::Money}, {"pct", Slot::Pct}, {"digits", Slot::Digits},
    {"small", Slot::Small}, {"quote", Slot::Quote},
};

// A template cut into literal text and slots, in one script.
struct Piece {
  std::string literal;  // used when slot is Slot::Count
  Slot slot = Slot::Count;
};
using Pieces = std::vector<Piece>;

// Cuts "{city}发布{product}" into pieces. Throws kg::Error for an unknown slot
// (a programming error in the tables above, caught by the unit test).
inline Pieces parse_template(std::string_view text) {
  Pieces pieces;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t open = text.find('{', i);
    if (open != i) {
      pieces.push_back({std::string(text.substr(i, open - i)), Slot::Count});
      if (open == std::string_view::npos) break;
    }
    const std::size_t close = text.find('}', open);
    const std::string_view name = text.substr(open + 1, close - open - 1);
    const auto* found = std::find_if(std::begin(kSlotNames), std::end(kSlotNames),
                                     [&](const auto& entry) { return entry.first == name; });
    if (close == std::string_view::npos || found == std::end(kSlotNames))
      throw Error(ErrorCode::Internal, "corpus template: bad slot in '" + std::string(text) + "'");
    pieces.push_back({"", found->second});
    i = close + 1;
  }
  return pieces;
}

// A template in both scripts.
struct Template {
  Pieces hans;
  Pieces hant;
  const Pieces& in(bool traditional) const noexcept { return traditional ? hant : hans; }
};

// ---------------------------------------------------------------------------
// Name pools

struct Place {
  Scripted city;       // 广州
  Scripted city_full;  // 广州市
  Scripted province;   // 广东省
  std::vector<Scripted> districts;
};

struct Firm {
  Scripted full;   // 广州星衡智能科技有限公司
  Scripted short_name;  // 星衡智能
};

// Every name the articles draw from, in both scripts.
struct NamePools {
  std::vector<Place> places;
  std::vector<Firm> firms;
  std::vector<Scripted> labs, universities, national_bodies, products, persons;
  std::vector<Scripted> topics, city_departments, province_departments, leader_titles,
      body_titles, firm_titles, scholar_titles, ordinals, papers, sites, icp_regions, spam,
      subheads;
  std::vector<Template> sentences, headlines, quotes, policies, alliances, parks, widgets,
      footers;
};

struct CorpusOptions {
  std::uint64_t seed = 1;
  std::size_t target_bytes = std::size_t{16} << 20;  // article text, UTF-8 bytes
  unsigned traditional_percent = 30;  // articles in traditional script
  bool use_lexicon = true;  // draw names from kg::Lexicon::builtin() when it has them
};

// One generated article.
struct Article {
  std::string id;    // "gen-<seed>-<index>"
  std::string date;  // YYYY-MM-DD, as in its date line
  std::string text;  // UTF-8
};

namespace detail {

template <typename Range>
std::vector<Scripted> convert_all(const TraditionalConverter& tc, const Range& range) {
  std::vector<Scripted> out;
  for (const auto& item : range) out.push_back(tc.both(item));
  return out;
}

template <typename Range>
std::vector<Template> parse_all(const TraditionalConverter& tc, const Range& range) {
  std::vector<Template> out;
  for (const char* item : range) {
    const std::string hant = tc.convert(item);
    out.push_back({parse_template(item), parse_template(hant)});
  }
  return out;
}

inline std::vector<Place> fallback_places(const TraditionalConverter& tc) {
  std::vector<Place> places;
  for (const text::FallbackCity& c : text::kCities) {
    Place p{tc.both(short_place_name(c.city_full)), tc.both(c.city_full), tc.both(c.province_full), {}};
    for (const char* d : c.districts)
      if (d) p.districts.push_back(tc.both(d));
    places.push_back(std::move(p));
  }
  return places;
}

// Cities of the lexicon with their districts (those named …区, the kind
// technology news is about), when the lexicon has enough of them.
inline std::vector<Place> lexicon_places(const TraditionalConverter& tc, const Lexicon& lexicon) {
  std::vector<Place> places;
  std::vector<std::size_t> city_of_entry(lexicon.entries().size(), SIZE_MAX);
  auto place_of_city = [&](const std::string& name) -> Place* {
    for (Place& p : places)
      if (p.city_full.hans == name) return &p;
    return nullptr;
  };
  for (const LexiconEntry& e : lexicon.entries()) {
    if (e.type != EntityType::Place || e.level != PlaceLevel::City || !e.name.ends_with("市")) continue;
    if (place_of_city(e.name)) continue;
    const std::string province = e.parent.empty() ? e.name : e.parent;
    places.push_back({tc.both(short_place_name(e.name)), tc.both(e.name), tc.both(province), {}});
  }
  for (const LexiconEntry& e : lexicon.entries()) {
    if (e.type != EntityType::Place || e.level != PlaceLevel::District) continue;
    if (!e.name.ends_with("区") || e.name == "市辖区" || e.name.size() < 9) continue;
    if (Place* p = place_of_city(e.parent)) p->districts.push_back(tc.both(e.name));
  }
  std::erase_if(places, [](const Place& p) { return p.districts.empty(); });
  return places;
}

inline std::vector<Scripted> lexicon_names(const TraditionalConverter& tc, const Lexicon& lexicon,
                                           EntityType type) {
  std::vector<Scripted> out;
  for (const LexiconEntry& e : lexicon.entries())
    if (e.type == type) out.push_back(tc.both(e.name));
  return out;
}

// The shortest alias of at least two characters, for a firm's short form.
inline std::string shortest_alias(const LexiconEntry& e) {
  std::string best = e.name;
  for (const std::string& a : e.aliases)
    if (a.size() >= 6 && a.size() < best.size()) best = a;
  return best;
}

inline std::vector<std::string> brands() {
  std::vector<std::string> out;
  for (const char* a : text::kBrandFirst)
    for (const char* b : text::kBrandSecond)
      if (std::string_view(a) != b) out.push_back(std::string(a) + b);
  return out;
}

// Invented firms: [city] brand trade form, e.g. 杭州澜途数据科技有限公司.
inline std::vector<Firm> invented_firms(const TraditionalConverter& tc, const std::vector<Place>& places) {
  std::vector<Firm> firms;
  Rng rng(0x5EED0F1A);
  for (const std::string& brand : brands()) {
    const auto& [trade, short_trade] = text::kFirmTrades[rng.below(std::size(text::kFirmTrades))];
    const std::string form = text::kFirmForms[rng.below(std::size(text::kFirmForms))];
    const std::string city = rng.chance(50) ? places[rng.below(places.size())].city.hans : "";
    firms.push_back({tc.both(city + brand + trade + form), tc.both(brand + short_trade)});
  }
  return firms;
}

inline std::vector<Scripted> invented_products(const TraditionalConverter& tc) {
  std::vector<Scripted> out;
  Rng rng(0x9D0DC7);
  for (const std::string& brand : brands())
    if (rng.chance(40)) out.push_back(tc.both(brand + text::kProductKinds[rng.below(std::size(text::kProductKinds))]));
  return out;
}

inline std::vector<Scripted> invented_labs(const TraditionalConverter& tc, const std::vector<Place>& places) {
  std::vector<Scripted> out;
  for (const Place& p : places) {
    out.push_back(tc.both(p.city.hans + "人工智能研究院"));
    out.push_back(tc.both(p.city.hans + "智能计算实验室"));
  }
  return out;
}

// Invented people: common surnames with one or two given-name characters.
inline std::vector<Scripted> invented_persons(const TraditionalConverter& tc) {
  std::vector<std::string> names;
  Rng rng(0xFACE5);
  for (int i = 0; i < 3000; ++i) {
    std::string name = text::kSurnames[rng.below(std::size(text::kSurnames))];
    const std::size_t given = rng.chance(70) ? 2 : 1;
    for (std::size_t k = 0; k < given; ++k) name += text::kGivenChars[rng.below(std::size(text::kGivenChars))];
    names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return convert_all(tc, names);
}

template <typename T>
void append(std::vector<T>& to, std::vector<T> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace detail

// Builds every pool; with a lexicon that has places or firms, its entries
// join (places replace) the built-in lists.
inline NamePools build_pools(const TraditionalConverter& tc, const Lexicon* lexicon) {
  using namespace detail;
  NamePools p;
  constexpr std::size_t kEnough = 10;
  p.places = fallback_places(tc);
  if (lexicon) {
    std::vector<Place> from_lexicon = lexicon_places(tc, *lexicon);
    if (from_lexicon.size() >= kEnough) p.places = std::move(from_lexicon);
  }
  for (const auto& [full, short_name] : text::kFirms) p.firms.push_back({tc.both(full), tc.both(short_name)});
  append(p.firms, invented_firms(tc, p.places));
  p.labs = convert_all(tc, text::kLabs);
  append(p.labs, invented_labs(tc, p.places));
  p.universities = convert_all(tc, text::kUniversities);
  p.national_bodies = convert_all(tc, text::kNationalBodies);
  if (lexicon) {
    for (const LexiconEntry& e : lexicon->entries())
      if (e.type == EntityType::Firm) p.firms.push_back({tc.both(e.name), tc.both(shortest_alias(e))});
    append(p.labs, lexicon_names(tc, *lexicon, EntityType::Lab));
    append(p.universities, lexicon_names(tc, *lexicon, EntityType::University));
  }
  p.products = invented_products(tc);
  p.persons = invented_persons(tc);
  p.topics = convert_all(tc, text::kTopics);
  p.city_departments = convert_all(tc, text::kCityDepartments);
  p.province_departments = convert_all(tc, text::kProvinceDepartments);
  p.leader_titles = convert_all(tc, text::kCityLeaderTitles);
  p.body_titles = convert_all(tc, text::kBodyTitles);
  p.firm_titles = convert_all(tc, text::kFirmTitles);
  p.scholar_titles = convert_all(tc, text::kScholarTitles);
  p.ordinals = convert_all(tc, text::kOrdinals);
  p.papers = convert_all(tc, text::kPapers);
  p.sites = convert_all(tc, text::kSites);
  p.icp_regions = convert_all(tc, text::kIcpRegions);
  p.spam = convert_all(tc, text::kSpamPhrases);
  p.subheads = convert_all(tc, text::kSubheads);
  p.sentences = parse_all(tc, text::kSentences);
  p.headlines = parse_all(tc, text::kHeadlines);
  p.quotes = parse_all(tc, text::kQuotes);
  p.policies = parse_all(tc, text::kPolicies);
  p.alliances = parse_all(tc, text::kAlliances);
  p.parks = parse_all(tc, text::kParks);
  p.widgets = parse_all(tc, text::kWidgetLines);
  p.footers = parse_all(tc, text::kFooterLines);
  return p;
}

// ---------------------------------------------------------------------------
// Noise applied to finished text

// Inserts the reading after marked traditional characters: 業 -> 業(yè).
inline std::string add_pinyin(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::min(utf8_length(static_cast<unsigned char>(text[i])), text.size() - i);
    const char32_t cp = utf8_decode(text, i, n);
    out.append(text.substr(i, n));
    const auto* hit = std::lower_bound(std::begin(text::kPinyin), std::end(text::kPinyin), cp,
                                       [](const auto& entry, char32_t c) { return entry.first < c; });
    if (hit != std::end(text::kPinyin) && hit->first == cp) {
      out += '(';
      out += hit->second;
      out += ')';
    }
    i += n;
  }
  return out;
}

// Turns ASCII digits, letters and % into their full-width forms (２０２４年).
inline std::string to_full_width(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (char c : text) {
    const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%';
    if (alnum)
      utf8_append(out, static_cast<char32_t>(c) - 0x20 + 0xFF00);
    else
      out += c;
  }
  return out;
}

// Breaks a line in the middle of a sentence, as scraped pages often do: at a
// character boundary that is neither first nor last, never beside punctuation.
inline std::string break_line(std::string_view line, Rng& rng) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 0; i < line.size();) {
    const std::size_t n = utf8_length(static_cast<unsigned char>(line[i]));
    i += n;
    if (i >= line.size() || n != 3) continue;
    const char32_t before = utf8_decode(line, i - 3, 3);
    const std::size_t m = utf8_length(static_cast<unsigned char>(line[i]));
    const char32_t after = m == 3 ? utf8_decode(line, i, 3) : 0;
    const auto is_han = [](char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; };
    if (is_han(before) && is_han(after)) cuts.push_back(i);
  }
  if (cuts.size() < 4) return std::string(line);
  const std::size_t at = cuts[rng.between(cuts.size() / 4, cuts.size() * 3 / 4)];
  return std::string(line.substr(0, at)) + (rng.chance(50) ? "\n\n" : "\n") + std::string(line.substr(at));
}

// ---------------------------------------------------------------------------
// The generator

// Deals indices 0..n-1 in random order, reshuffling when all are dealt, so
// an article repeats a sentence template only after using every one.
class Deck {
 public:
  explicit Deck(std::size_t n) : cards_(n), dealt_(n) {
    for (std::size_t i = 0; i < n; ++i) cards_[i] = i;
  }

  std::size_t next(Rng& rng) {
    if (dealt_ == cards_.size()) {
      for (std::size_t i = cards_.size(); i > 1; --i) std::swap(cards_[i - 1], cards_[rng.below(i)]);
      dealt_ = 0;
    }
    return cards_[dealt_++];
  }

 private:
  std::vector<std::size_t> cards_;
  std::size_t dealt_;
};

class CorpusGenerator {
 public:
  // Builds the name pools (ICU conversion happens here, once) from
  // `lexicon` when options.use_lexicon is set; the lexicon may be null and is
  // read only during construction.
  CorpusGenerator(CorpusOptions options, const Lexicon* lexicon)
      : options_(options), pools_(build_pools(TraditionalConverter(), options.use_lexicon ? lexicon : nullptr)),
        rng_(options.seed ^ 0xC0A1E5CEULL) {}

  // Same, with the built-in lexicon (or none when it fails to load).
  explicit CorpusGenerator(CorpusOptions options)
      : CorpusGenerator(options, options.use_lexicon ? builtin_lexicon_or_null().first : nullptr) {}

  // Returns the built-in lexicon, or null and the reason when it cannot be
  // loaded (the generator must work while data/ is being written).
  static std::pair<const Lexicon*, std::string> builtin_lexicon_or_null() {
    try {
      return {&Lexicon::builtin(), ""};
    } catch (const std::exception& e) {
      return {nullptr, e.what()};
    }
  }

  // Returns the next article, or nothing once the target size is reached.
  // The total text size ends at or above the target, by less than one article.
  std::optional<Article> next() {
    if (bytes_ >= options_.target_bytes) return std::nullopt;
    Article a = compose(index_++);
    bytes_ += a.text.size();
    return a;
  }

  std::size_t bytes_generated() const noexcept { return bytes_; }
  std::size_t articles_generated() const noexcept { return index_; }
  const NamePools& pools() const noexcept { return pools_; }

 private:
  // Everything an article is about, chosen once so its sentences agree.
  struct Cast {
    bool traditional = false;
    std::array<std::string, kFixedSlots> values;  // in the article's script
  };

  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[rng_.below(v.size())];
  }

  Article compose(std::size_t index) {
    Cast cast = choose_cast();
    std::string text;
    append_header(cast, text);
    append_body(cast, text);
    append_footer(cast, text);
    if (rng_.chance(10)) text = crlf(text);
    Article a;
    a.id = "gen-" + std::to_string(options_.seed) + "-" + std::to_string(index);
    a.date = value(cast, Slot::Year) + "-" + two_digits(value(cast, Slot::Month)) + "-" +
             two_digits(value(cast, Slot::Day));
    a.text = std::move(text);
    return a;
  }

  Cast choose_cast() {
    Cast c;
    c.traditional = rng_.chance(options_.traditional_percent);
    const bool t = c.traditional;
    auto set = [&](Slot s, std::string v) { c.values[static_cast<std::size_t>(s)] = std::move(v); };
    const Place& place = pick(pools_.places);
    set(Slot::City, place.city.in(t));
    set(Slot::CityFull, place.city_full.in(t));
    set(Slot::District, pick(place.districts).in(t));
    set(Slot::Province, place.province.in(t));
    const Firm& firm = pick(pools_.firms);
    set(Slot::Firm, firm.full.in(t));
    set(Slot::FirmShort, firm.short_name.in(t));
    set(Slot::Firm2, pick(pools_.firms).short_name.in(t));
    set(Slot::Lab, pick(pools_.labs).in(t));
    set(Slot::Univ, pick(pools_.universities).in(t));
    set(Slot::Gov, place.city_full.in(t) + pick(pools_.city_departments).in(t));
    set(Slot::ProvGov, place.province.in(t) + pick(pools_.province_departments).in(t));
    set(Slot::NationalBody, pick(pools_.national_bodies).in(t));
    set(Slot::Official, pick(pools_.persons).in(t));
    set(Slot::Director, pick(pools_.persons).in(t));
    set(Slot::ProvDirector, pick(pools_.persons).in(t));
    set(Slot::DistrictLeader, pick(pools_.persons).in(t));
    set(Slot::Executive, pick(pools_.persons).in(t));
    set(Slot::Scholar, pick(pools_.persons).in(t));
    set(Slot::Editor, pick(pools_.persons).in(t));
    set(Slot::LeaderTitle, pick(pools_.leader_titles).in(t));
    set(Slot::BodyTitle, pick(pools_.body_titles).in(t));
    set(Slot::FirmTitle, pick(pools_.firm_titles).in(t));
    set(Slot::ScholarTitle, pick(pools_.scholar_titles).in(t));
    set(Slot::Product, pick(pools_.products).in(t));
    set(Slot::Topic, pick(pools_.topics).in(t));
    set(Slot::Paper, pick(pools_.papers).in(t));
    set(Slot::Site, pick(pools_.sites).in(t));
    set(Slot::Icp, pick(pools_.icp_regions).in(t));
    const std::size_t year = rng_.between(2019, 2025);
    set(Slot::Year, std::to_string(year));
    set(Slot::Year2, std::to_string(year + rng_.between(2, 5)));
    set(Slot::Month, std::to_string(rng_.between(1, 12)));
    set(Slot::Day, std::to_string(rng_.between(1, 28)));
    set(Slot::Ordinal, pick(pools_.ordinals).in(t));
    // Names made from other slots come last.
    set(Slot::Alliance, fill(c, pick(pools_.alliances)));
    set(Slot::Policy, fill(c, pick(pools_.policies)));
    set(Slot::Park, fill(c, pick(pools_.parks)));
    return c;
  }

  static const std::string& value(const Cast& c, Slot s) { return c.values[static_cast<std::size_t>(s)]; }

  static std::string two_digits(const std::string& n) { return n.size() == 1 ? "0" + n : n; }

  std::string fill(const Cast& c, const Template& t) {
    std::string out;
    for (const Piece& p : t.in(c.traditional)) {
      if (p.slot == Slot::Count)
        out += p.literal;
      else
        out += slot_value(c, p.slot);
    }
    return out;
  }

  std::string slot_value(const Cast& c, Slot s) {
    switch (s) {
      case Slot::Num: return std::to_string(rng_.between(3, 500));
      case Slot::Num2: return std::to_string(rng_.between(10, 60));
      case Slot::Money: return money(c.traditional);
      case Slot::Pct: return std::to_string(rng_.between(5, 60)) + "." + std::to_string(rng_.below(10)) + "%";
      case Slot::Digits: return std::to_string(rng_.between(10000000, 99999999));
      case Slot::Small: return std::to_string(rng_.between(1, 9));
      case Slot::Quote: return fill(c, pick(pools_.quotes));
      default: return value(c, s);
    }
  }

  std::string money(bool traditional) {
    const bool billions = rng_.chance(60);
    std::string amount = std::to_string(rng_.between(1, 999));
    if (rng_.chance(40)) amount += "." + std::to_string(rng_.between(1, 9));
    if (billions) return amount + (traditional ? "億元" : "亿元");
    return amount + (traditional ? "萬元" : "万元");
  }

  void append_header(const Cast& c, std::string& text) {
    if (rng_.chance(8)) text += spam_line(c) + "\n";
    if (rng_.chance(20)) text += fill(c, pick(pools_.widgets)) + "\n\n";
    text += fill(c, pick(pools_.headlines)) + "\n\n";
    text += value(c, Slot::Year) + "-" + two_digits(value(c, Slot::Month)) + "-" +
            two_digits(value(c, Slot::Day)) + " " + two_digits(std::to_string(rng_.between(6, 22))) + ":" +
            two_digits(std::to_string(rng_.between(0, 59))) + "    " +
            (c.traditional ? "來源：" : "来源：") + value(c, Slot::Paper) + "    \n\n";
  }

  void append_body(const Cast& c, std::string& text) {
    const std::string indent = rng_.chance(30) ? "\u3000\u3000" : (rng_.chance(15) ? "      " : "");
    const std::string gap = rng_.chance(70) ? "\n\n" : "\n";
    const bool full_width = rng_.chance(15);
    const bool pinyin = c.traditional && rng_.chance(40);
    std::string body;
    Deck order(pools_.sentences.size());
    const std::size_t paragraphs = rng_.between(3, 14);
    for (std::size_t p = 0; p < paragraphs; ++p) {
      if (p > 0 && rng_.chance(12)) body += indent + pick(pools_.subheads).in(c.traditional) + gap;
      if (rng_.chance(6)) body += indent + (c.traditional ? "（資料圖）" : "（资料图）") + gap;
      std::string paragraph;
      const std::size_t sentences = rng_.between(2, 6);
      for (std::size_t s = 0; s < sentences; ++s) paragraph += fill(c, pools_.sentences[order.next(rng_)]);
      if (full_width) paragraph = to_full_width(paragraph);
      if (rng_.chance(10)) paragraph = break_line(paragraph, rng_);
      body += indent + paragraph + gap;
    }
    text += pinyin ? add_pinyin(body) : body;
  }

  void append_footer(const Cast& c, std::string& text) {
    if (rng_.chance(70)) {
      const std::size_t widgets = rng_.between(0, 4);
      for (std::size_t i = 0; i < widgets; ++i) text += fill(c, pick(pools_.widgets)) + "\n";
      const std::size_t footers = rng_.between(1, 4);
      for (std::size_t i = 0; i < footers; ++i) text += "\n" + fill(c, pick(pools_.footers)) + "\n";
    }
    if (rng_.chance(8)) text += "\n" + spam_line(c) + "\n";
  }

  std::string spam_line(const Cast& c) {
    static constexpr const char* kJoiners[] = {"-", "| ", "_", " "};
    const char* joiner = kJoiners[rng_.below(std::size(kJoiners))];
    std::string line;
    const std::size_t phrases = rng_.between(8, 20);
    for (std::size_t i = 0; i < phrases; ++i) {
      if (i > 0) line += joiner;
      line += pick(pools_.spam).in(c.traditional);
    }
    return line;
  }

  static std::string crlf(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 16);
    for (char ch : text) {
      if (ch == '\n') out += '\r';
      out += ch;
    }
    return out;
  }

  CorpusOptions options_;
  NamePools pools_;
  Rng rng_;
  std::size_t index_ = 0;
  std::size_t bytes_ = 0;
};

// ---------------------------------------------------------------------------
// Output

// Escapes text for a JSON string (quotes, backslashes, control characters).
inline std::string json_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += ch;
        }
    }
  }
  return out;
}

// Returns an article as one JSON Lines record (id, date, text), ending in '\n'.
inline std::string to_jsonl(const Article& a) {
  return "{\"id\":\"" + json_escape(a.id) + "\",\"date\":\"" + json_escape(a.date) + "\",\"text\":\"" +
         json_escape(a.text) + "\"}\n";
}

// Parses a size such as "4096", "16M", "1G" or "512k" (binary units).
// Throws kg::Error (Usage) for anything else.
inline std::size_t parse_size(std::string_view text) {
  std::size_t value = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) value = value * 10 + (text[i] - '0');
  std::size_t scale = 1;
  if (i + 1 == text.size()) {
    switch (text[i]) {
      case 'k': case 'K': scale = std::size_t{1} << 10; break;
      case 'm': case 'M': scale = std::size_t{1} << 20; break;
      case 'g': case 'G': scale = std::size_t{1} << 30; break;
      default: i = 0;  // not a unit: reject below
    }
    ++i;
  }
  if (text.empty() || i != text.size() || !(text[0] >= '0' && text[0] <= '9'))
    throw Error(ErrorCode::Usage, "bad size '" + std::string(text) + "' (use e.g. 4096, 512K, 16M, 1G)");
  return value * scale;
}

}  // namespace kg::bench
