// Programmes and products that are marked by punctuation or script rather
// than by a head: titles in 《》, quoted names followed by what they are
// (“某某”举措, “某某”大模型), quoted names after 发布/推出, and Latin-letter
// product names next to a product word (芯片某某X10, 大模型SomeGPT).
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

#include "kg/clean_text.hpp"
#include "recognize/canonical.hpp"
#include "recognize/scan.hpp"

namespace kg::recognize {

namespace {

// Words after a quoted name that make it a programme, kept in the name.
constexpr std::string_view kProgrammeTails[] = {"行动计划", "行动方案", "举措", "行动", "工程", "计划", "方案",
                                                "战略", "专项", "系列活动", "清单", "名单"};
// Words after a quoted name that make it a product; only 大模型 stays in the name.
constexpr std::string_view kProductTails[] = {"大模型", "模型", "芯片", "算力调度平台", "平台", "系统", "App", "APP"};
// Words before a quoted name or a list of them that make them products.
constexpr std::string_view kLaunchVerbs[] = {"发布了", "发布", "推出了", "推出", "上线了", "上线", "落地了"};
// Product words next to which a Latin name is a product.
constexpr std::string_view kProductWords[] = {"大模型", "模型", "芯片", "平台", "系统", "处理器", "产品"};
// Latin tokens that are ordinary abbreviations, never product names.
constexpr std::string_view kCommonLatin[] = {
    "AI", "AIGC", "CEO", "CTO", "COO", "CFO", "GPU", "CPU", "NPU", "APP", "App", "IT", "ICT", "IoT", "5G", "6G",
    "VR", "AR", "MR", "GDP", "PC", "OS", "API", "SaaS", "PaaS", "IaaS", "LLM", "NLP", "IP", "R", "D", "QQ",
    "PUE", "EDA", "GB", "TB", "PB", "EB", "MW", "KW", "P", "T", "Tokens", "Token", "AGI", "ICU", "UI",
};

std::optional<std::size_t> closing(std::string_view text, std::size_t open_end, std::string_view close,
                                   std::size_t max_bytes) {
  const std::size_t c = text.find(close, open_end);
  if (c == std::string_view::npos || c - open_end > max_bytes || c == open_end) return std::nullopt;
  if (text.substr(open_end, c - open_end).find('\n') != std::string_view::npos) return std::nullopt;
  return c;
}

template <std::size_t N>
std::optional<std::string_view> word_at(std::string_view text, std::size_t pos, const std::string_view (&words)[N]) {
  for (std::string_view w : words)
    if (starts_with_at(text, pos, w)) return w;
  return std::nullopt;
}

template <std::size_t N>
bool word_before(std::string_view text, std::size_t end, const std::string_view (&words)[N]) {
  return std::any_of(std::begin(words), std::end(words), [&](std::string_view w) { return ends_with_at(text, end, w); });
}

Candidate make(std::size_t b, std::size_t e, EntityType t, std::string_view name, Rule rule) {
  Candidate c;
  c.begin = b;
  c.end = e;
  c.type = t;
  c.own_name = canonical(name);
  c.rule = rule;
  c.confidence = 0.8;
  return c;
}

void titles(const Scan& scan, std::vector<Candidate>& out) {
  const std::string_view text = scan.text;
  for (std::size_t i = text.find("《"); i != std::string_view::npos; i = text.find("《", i + 3)) {
    const auto c = closing(text, i + 3, "》", 150);
    if (!c) continue;
    const std::string_view inner = text.substr(i + 3, *c - i - 3);
    if (scan.lexical_at(i + 3) && scan.lexical_at(i + 3)->end == *c) continue;  // 《人民日报》: the lexicon has it
    if (utf8::length(inner) < 2) continue;
    out.push_back(make(i, *c + 3, EntityType::Programme, inner, Rule::Title));
  }
}

// Tells whether a run of quoted names ending before `open` follows a launch verb.
bool after_launch(std::string_view text, std::size_t open) {
  std::size_t pos = open;
  for (int hops = 0; hops < 8; ++hops) {
    if (word_before(text, pos, kLaunchVerbs)) return true;
    if (!ends_with_at(text, pos, "”") && !ends_with_at(text, pos, "、")) {
      // “甲”“乙”: step back over the previous quoted name.
      return false;
    }
    if (ends_with_at(text, pos, "、")) {
      pos -= 3;
      continue;
    }
    const std::size_t prev_open = text.rfind("“", pos - 3);
    if (prev_open == std::string_view::npos || pos - prev_open > 60) return false;
    pos = prev_open;
  }
  return false;
}

void quoted(const Scan& scan, std::vector<Candidate>& out) {
  const std::string_view text = scan.text;
  for (std::size_t i = text.find("“"); i != std::string_view::npos; i = text.find("“", i + 3)) {
    const auto c = closing(text, i + 3, "”", 60);
    if (!c) continue;
    const std::string_view inner = text.substr(i + 3, *c - i - 3);
    const std::size_t after = *c + 3;
    if (utf8::length(inner) < 2 || inner.find("，") != std::string_view::npos ||
        inner.find("。") != std::string_view::npos)
      continue;
    // The quoted name and the word after it are adjacent in the text except
    // for the closing mark: spell the pair out only when a rule keeps both.
    auto with_tail = [&](std::string_view tail) { return std::string(inner).append(tail); };
    if (auto tail = word_at(text, after, kProgrammeTails)) {
      out.push_back(make(i, after + tail->size(), EntityType::Programme, with_tail(*tail), Rule::QuoteTail));
    } else if (auto ptail = word_at(text, after, kProductTails)) {
      if (*ptail == "大模型")
        out.push_back(make(i, after + ptail->size(), EntityType::Product, with_tail(*ptail), Rule::QuoteProduct));
      else
        out.push_back(make(i, *c + 3, EntityType::Product, inner, Rule::QuoteProduct));
    } else if (after_launch(text, i)) {
      out.push_back(make(i, *c + 3, EntityType::Product, inner, Rule::Launched));
    }
  }
}

bool is_common_latin(std::string_view w) {
  return std::find(std::begin(kCommonLatin), std::end(kCommonLatin), w) != std::end(kCommonLatin);
}

// A Latin name looks like a product name: mixed case, letters with digits, or all capitals of 4+.
bool looks_like_product(std::string_view w) {
  bool lower = false, upper = false, digit = false;
  for (char ch : w) {
    lower |= ch >= 'a' && ch <= 'z';
    upper |= ch >= 'A' && ch <= 'Z';
    digit |= ch >= '0' && ch <= '9';
  }
  if (!lower && !upper) return false;
  return (lower && upper) || ((lower || upper) && digit) || (upper && w.size() >= 4);
}

void latin_products(const Scan& scan, std::vector<Candidate>& out) {
  // How far to step from each byte to the next place a word may start:
  // 0 at an ASCII letter or digit, else the length of the character.
  static const std::array<std::uint8_t, 256> step = [] {
    std::array<std::uint8_t, 256> t{};
    for (int b = 0; b < 256; ++b)
      t[b] = is_ascii_alnum(static_cast<char32_t>(b)) ? 0 : static_cast<std::uint8_t>(utf8::sequence_length(b));
    return t;
  }();
  const std::string_view text = scan.text;
  for (std::size_t i = 0; i < text.size();) {
    if (const std::uint8_t s = step[static_cast<unsigned char>(text[i])]; s != 0) {
      i += s;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && (is_ascii_alnum(static_cast<unsigned char>(text[j])) || text[j] == '-')) ++j;
    const std::string_view word = text.substr(i, j - i);
    // Cheapest tests first: most Latin words are numbers or short.
    if (word.size() >= 3 && looks_like_product(word) &&
        (word_before(text, i, kProductWords) || word_at(text, j, kProductWords)) && !is_common_latin(word) &&
        !scan.lexical_at(i))
      out.push_back(make(i, j, EntityType::Product, word, Rule::LatinProduct));
    i = j;
  }
}

}  // namespace

std::vector<Candidate> programmes_and_products(const Scan& scan) {
  std::vector<Candidate> out;
  titles(scan, out);
  quoted(scan, out);
  latin_products(scan, out);
  return out;
}

}  // namespace kg::recognize
