// Word lists the rules share. They describe Chinese news style, not any
// particular article: function words and verbs that end a name on its left,
// fixed phrases whose 和/与 is part of a name, and modifiers too generic to
// make a head into a name.
#include <algorithm>

#include "recognize/scan.hpp"

namespace kg::recognize {

const std::vector<std::string_view>& stop_words() {
  static const std::vector<std::string_view> words = [] {
    std::vector<std::string_view> w = {
        // prepositions, conjunctions, particles (single characters only where
        // they rarely start or end a word inside a name)
        "在", "与", "和", "的", "及", "以及", "跟", "对", "从", "为", "将", "把", "被", "给", "于",
        "是", "有", "等", "或", "并", "了", "着", "也", "还", "又", "就", "而", "像", "如", "例如",
        "比如", "包括", "其中", "据", "让", "这", "那", "该", "此", "各", "由于", "经过", "关于",
        // verbs that introduce an organisation
        "推动", "建设", "打造", "成立", "组建", "加快", "支持", "推进", "依托", "联合", "携手", "会同",
        "位于", "落户", "落地", "入驻", "进驻", "举办", "主办", "承办", "发布", "推出", "出台", "印发",
        "制定", "参加", "出席", "走进", "来自", "获得", "成为", "作为", "通过", "根据", "担任", "任职",
        "创办", "创立", "投资", "收购", "合作", "共建", "签约", "签署", "引进", "吸引", "聚集", "培育",
        "搭建", "建成", "设立", "布局", "牵头", "带领", "邀请", "启动", "举行", "召开", "开展", "认定",
        "授予", "获批", "入选", "评为", "属于", "包含", "拥有", "形成", "发挥", "提出", "明确", "指导",
        "称", "说", "表示", "介绍", "认为", "指出", "透露", "任教", "辞职", "创业", "加入", "离开",
        "访问", "考察", "调研", "看到", "发现", "显示", "助力", "赋能", "服务", "面向", "聚焦", "围绕",
        "借助", "要", "需要", "认识到", "意识到", "一场", "一次", "本届", "本次", "近日", "日前", "今年", "去年", "目前", "当前", "近年来", "此外", "同时", "如今", "此次", "当天",
        "首个", "首批", "一批", "一家", "一个", "多家", "多个", "旗下", "下属", "所属", "全资", "控股",
    };
    std::sort(w.begin(), w.end());
    w.erase(std::unique(w.begin(), w.end()), w.end());
    return w;
  }();
  return words;
}

const std::vector<std::string_view>& protected_phrases() {
  static const std::vector<std::string_view> phrases = {
      "工业和信息化", "发展和改革", "人力资源和社会保障", "住房和城乡建设", "文化和旅游", "科学技术",
      "新闻出版", "广播电视", "自然资源和规划", "商务和投资", "教育和体育", "卫生和计划生育",
      "人民代表大会", "政治协商", "产学研", "产学研用", "有限公司", "高新技术", "科技和工业",
      "自由贸易", "国有资产", "有色金属", "和谐", "在线", "行为", "关于", "如意",
  };
  return phrases;
}

bool is_generic_modifier(std::string_view m) {
  static const std::vector<std::string_view> generic = {
      "人工智能", "信息", "数字", "智能", "金融", "生物", "高新", "前沿", "新兴", "电子", "网络", "互联网",
      "未来", "黑", "高", "新", "硬", "软件", "数据", "重点", "国家", "省级", "市级", "国家级", "联合",
      "相关", "大型", "头部", "龙头", "骨干", "本地", "当地", "全国", "全球", "国际", "国内", "海外",
      "子", "分", "总", "母", "该", "本", "这家", "那家", "各", "高校", "企业", "公司", "我们", "他们",
      "自己", "国有", "民营", "上市", "科技", "创新", "研发", "技术", "产业", "算力", "大模型", "模型",
      "集团", "工业", "制造", "新型", "综合", "专业", "一流", "知名", "顶尖", "核心", "重大", "各类",
      "实验", "研究", "合作", "共建", "科研", "开放", "智算", "超算", "计算", "城市", "区域", "地方",
      "人才", "创业", "孵化", "投资", "服务", "管理", "行业", "通用", "垂直", "基础", "应用", "场景",
  };
  // Sorted once, so a lookup is a binary search; no generic modifier is
  // longer than four characters, and most modifiers are, and need no search.
  static const std::vector<std::string_view> sorted = [] {
    std::vector<std::string_view> v = generic;
    std::sort(v.begin(), v.end());
    return v;
  }();
  static const std::size_t longest =
      std::max_element(generic.begin(), generic.end(), [](std::string_view a, std::string_view b) {
        return a.size() < b.size();
      })->size();
  return m.size() <= longest && std::binary_search(sorted.begin(), sorted.end(), m);
}

}  // namespace kg::recognize
