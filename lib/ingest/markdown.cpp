// Markdown reading, line by line: enough of CommonMark for news articles
// saved as Markdown, keeping exact offsets for every character kept.
#include "ingest/markdown.hpp"

#include <cctype>
#include <string>

namespace kg::ingest {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::string_view unquote(std::string_view s) {
  s = trim(s);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front())
    s = s.substr(1, s.size() - 2);
  return s;
}

// Maps a front matter key to the attribute it fills, or "".
std::string attribute_name(std::string key) {
  for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (key == "title") return "title";
  if (key == "date" || key == "published" || key == "pubdate" || key == "publish_date") return "date";
  if (key == "url" || key == "source_url" || key == "link" || key == "canonical_url" || key == "permalink")
    return "url";
  if (key == "author" || key == "authors" || key == "byline") return "author";
  if (key == "source" || key == "publisher" || key == "site") return "source";
  return "";
}

bool is_fence(std::string_view line) {
  line = trim(line);
  return line.substr(0, 3) == "```" || line.substr(0, 3) == "~~~";
}

bool is_rule(std::string_view line) {  // setext underline or thematic break
  line = trim(line);
  if (line.size() < 3) return false;
  const char c = line.front();
  if (c != '-' && c != '=' && c != '*' && c != '_') return false;
  for (char x : line)
    if (x != c && x != ' ') return false;
  return true;
}

class MarkdownReader {
 public:
  explicit MarkdownReader(std::string_view text) : text_(text), out_(text) {}

  FormatResult run() {
    std::size_t body = read_front_matter();
    bool in_code = false;
    while (body < text_.size()) {
      std::size_t end = text_.find('\n', body);
      if (end == std::string_view::npos) end = text_.size();
      const std::string_view line = text_.substr(body, end - body);
      if (is_fence(line)) {
        in_code = !in_code;
      } else if (!in_code && !is_rule(line)) {
        emit_line(body, end);
      }
      if (end < text_.size()) out_.insert("\n", end, end + 1);
      body = end + 1;
    }
    FormatResult r;
    r.step = out_.finish();
    r.attributes = std::move(attributes_);
    return r;
  }

 private:
  // Parses "---" ... "---" at the start; returns where the body begins.
  std::size_t read_front_matter() {
    if (text_.substr(0, 4) != "---\n" && text_.substr(0, 5) != "---\r\n") return 0;
    std::size_t pos = text_.find('\n') + 1;
    while (pos < text_.size()) {
      std::size_t end = text_.find('\n', pos);
      if (end == std::string_view::npos) end = text_.size();
      const std::string_view line = text_.substr(pos, end - pos);
      if (trim(line) == "---" || trim(line) == "...") return std::min(text_.size(), end + 1);
      const std::size_t colon = line.find(':');
      if (colon != std::string_view::npos) {
        const std::string name = attribute_name(std::string(trim(line.substr(0, colon))));
        const std::string_view value = unquote(line.substr(colon + 1));
        if (!name.empty() && !value.empty()) {
          attributes_[name] = std::string(value);
          if (name == "title") {  // the title is text too: the first paragraph
            const std::size_t at = static_cast<std::size_t>(value.data() - text_.data());
            out_.copy(at, at + value.size());
            out_.insert("\n\n", at + value.size(), at + value.size());
          }
        }
      }
      pos = end + 1;
    }
    return 0;  // never closed: not front matter after all
  }

  // Emits one body line without its block markers and inline markup.
  void emit_line(std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    while (i < end && (text_[i] == ' ' || text_[i] == '\t')) ++i;
    if (i < end && text_[i] == '#') {  // ATX heading
      while (i < end && text_[i] == '#') ++i;
      while (i < end && text_[i] == ' ') ++i;
    } else if (i < end && text_[i] == '>') {  // quote
      while (i < end && (text_[i] == '>' || text_[i] == ' ')) ++i;
    } else if (i + 1 < end && (text_[i] == '-' || text_[i] == '*' || text_[i] == '+') && text_[i + 1] == ' ') {
      i += 2;  // bullet
    } else {
      std::size_t k = i;
      while (k < end && std::isdigit(static_cast<unsigned char>(text_[k]))) ++k;
      if (k > i && k + 1 < end && (text_[k] == '.' || text_[k] == ')') && text_[k + 1] == ' ') i = k + 2;
    }
    emit_inline(i, end);
  }

  void emit_inline(std::size_t i, std::size_t end) {
    while (i < end) {
      const char c = text_[i];
      if (c == '!' && i + 1 < end && text_[i + 1] == '[') {  // image: dropped
        const std::size_t close = skip_link(i + 1, end);
        if (close != i + 1) {
          i = close;
          continue;
        }
      }
      if (c == '[') {  // link: keep the label, drop the target
        const std::size_t label_end = text_.find(']', i);
        if (label_end != std::string_view::npos && label_end + 1 < end && text_[label_end + 1] == '(') {
          const std::size_t target_end = text_.find(')', label_end);
          if (target_end != std::string_view::npos && target_end < end) {
            emit_inline(i + 1, label_end);
            i = target_end + 1;
            continue;
          }
        }
      }
      if (c == '*' || c == '`' || (c == '_' && i + 1 < end && text_[i + 1] == '_')) {
        i += (c == '_') ? 2 : 1;
        continue;
      }
      if (c == '<' && text_.compare(i, 4, "<!--") == 0) {
        const std::size_t close = text_.find("-->", i);
        i = close == std::string_view::npos || close > end ? end : close + 3;
        continue;
      }
      std::size_t n = 1;
      const auto lead = static_cast<unsigned char>(c);
      if (lead >= 0xF0) n = 4; else if (lead >= 0xE0) n = 3; else if (lead >= 0xC0) n = 2;
      n = std::min(n, end - i);
      out_.copy(i, i + n);
      i += n;
    }
  }

  // Returns the end of "[label](target)" starting at i, or i when it is not one.
  std::size_t skip_link(std::size_t i, std::size_t end) const {
    const std::size_t label_end = text_.find(']', i);
    if (label_end == std::string_view::npos || label_end + 1 >= end || text_[label_end + 1] != '(') return i;
    const std::size_t target_end = text_.find(')', label_end);
    return target_end == std::string_view::npos || target_end >= end ? i : target_end + 1;
  }

  std::string_view text_;
  MapBuilder out_;
  std::map<std::string, std::string> attributes_;
};

}  // namespace

FormatResult extract_markdown(std::string_view text) { return MarkdownReader(text).run(); }

bool looks_like_markdown(std::string_view text) noexcept {
  if (text.substr(0, 4) == "---\n" || text.substr(0, 5) == "---\r\n") {
    const std::size_t close = text.find("\n---", 3);
    return close != std::string_view::npos && text.substr(4, close - 4).find(':') != std::string_view::npos;
  }
  // An ATX heading on the first line and at least one more Markdown marker.
  return text.substr(0, 2) == "# " && (text.find("\n## ") != std::string_view::npos ||
                                       text.find("](") != std::string_view::npos);
}

}  // namespace kg::ingest
