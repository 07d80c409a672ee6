// HTML text extraction with gumbo, which reports where every node came from,
// so the text keeps exact offsets into the page.
#include "ingest/html.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <string>

#include <gumbo.h>

#include "common/utf8.hpp"
#include "kg/error.hpp"

namespace kg::ingest {
namespace {

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI: case GUMBO_TAG_UL:
    case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_HR: case GUMBO_TAG_MAIN: case GUMBO_TAG_BODY:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_CAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

bool is_invisible(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG: case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_HEAD: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO: case GUMBO_TAG_BUTTON:
      return true;
    default:
      return false;
  }
}

bool is_chrome(GumboTag tag) {
  return tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_FORM;
}

const char* attribute(const GumboElement& e, const char* name) {
  for (unsigned k = 0; k < e.attributes.length; ++k) {
    const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[k]);
    if (std::strcmp(a->name, name) == 0) return a->value;
  }
  return nullptr;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

class HtmlWalker {
 public:
  HtmlWalker(std::string_view html, bool drop_chrome) : html_(html), drop_chrome_(drop_chrome), out_(html) {}

  FormatResult run(const GumboNode* root) {
    walk(root);
    FormatResult r;
    r.step = out_.finish(std::move(changes_));
    r.attributes = std::move(attributes_);
    return r;
  }

 private:
  std::size_t offset_of(const char* p) const { return static_cast<std::size_t>(p - html_.data()); }

  void paragraph_break(std::size_t at) {
    const std::string& t = out_.text();
    if (t.empty() || (t.size() >= 2 && t[t.size() - 1] == '\n' && t[t.size() - 2] == '\n')) return;
    out_.insert(t.back() == '\n' ? "\n" : "\n\n", at, at);
  }

  void walk(const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT:
        walk_children(&node->v.document.children);
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        walk_element(node->v.element);
        break;
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        emit_text(node->v.text);
        break;
      case GUMBO_NODE_COMMENT:
        break;
    }
  }

  void walk_children(const GumboVector* children) {
    for (unsigned k = 0; k < children->length; ++k) walk(static_cast<const GumboNode*>(children->data[k]));
  }

  void walk_element(const GumboElement& e) {
    if (e.tag == GUMBO_TAG_HEAD) {
      read_head(e);
      return;
    }
    if (is_invisible(e.tag)) return;
    const std::size_t start = e.start_pos.offset;
    if (drop_chrome_ && is_chrome(e.tag)) {
      const std::size_t end = std::min(html_.size(), e.end_pos.offset + e.original_end_tag.length);
      if (end > start) changes_.push_back({CleanStep::Boilerplate, "removed", start, end, ""});
      return;
    }
    if (e.tag == GUMBO_TAG_BR) {
      out_.insert("\n", start, start);
      return;
    }
    if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) out_.insert(" ", start, start);
    const bool block = is_block(e.tag);
    if (block) paragraph_break(start);
    const bool was_pre = in_pre_;
    if (e.tag == GUMBO_TAG_PRE) in_pre_ = true;
    walk_children(&e.children);
    in_pre_ = was_pre;
    if (block) paragraph_break(e.end_pos.offset);
  }

  void read_head(const GumboElement& head) {
    for (unsigned k = 0; k < head.children.length; ++k) {
      const auto* child = static_cast<const GumboNode*>(head.children.data[k]);
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      const GumboElement& e = child->v.element;
      if (e.tag == GUMBO_TAG_TITLE && e.children.length > 0) {
        const auto* t = static_cast<const GumboNode*>(e.children.data[0]);
        if (t->type == GUMBO_NODE_TEXT) attributes_["title"] = t->v.text.text;
      } else if (e.tag == GUMBO_TAG_META) {
        read_meta(e);
      }
    }
  }

  void read_meta(const GumboElement& e) {
    const char* name = attribute(e, "name");
    if (!name) name = attribute(e, "property");
    const char* content = attribute(e, "content");
    if (!name || !content || !*content) return;
    const std::string key = lower(name);
    if (key == "author" || key == "article:author") attributes_["author"] = content;
    else if (key == "og:url") attributes_["url"] = content;
    else if (key == "og:title" && !attributes_.count("title")) attributes_["title"] = content;
    else if (key == "article:published_time" || key == "pubdate" || key == "publishdate" || key == "date")
      attributes_["date"] = content;
    else if (key == "source" || key == "og:site_name") attributes_["source"] = content;
  }

  // Emits a text node, aligning its decoded text with the original bytes so
  // that a character reference maps to the whole "&...;".
  void emit_text(const GumboText& node) {
    const std::string_view text(node.text);
    const std::string_view orig(node.original_text.data, node.original_text.length);
    const std::size_t base = offset_of(node.original_text.data);
    std::size_t i = 0, j = 0;
    while (j < text.size()) {
      const std::size_t n = std::min(utf8::sequence_length(static_cast<unsigned char>(text[j])), text.size() - j);
      std::size_t from = i, to = std::min(i + n, orig.size());
      if (i < orig.size() && orig[i] == '&' && is_reference(orig, i, text[j])) {
        to = reference_end(orig, i);
      } else if (i < orig.size() && orig.compare(i, n, text.substr(j, n)) == 0) {
        to = i + n;
      } else if (i < orig.size() && orig[i] == '\r') {
        from = i;
        to = std::min(orig.size(), i + (i + 1 < orig.size() && orig[i + 1] == '\n' ? 2 : 1));
      }
      std::string_view piece = text.substr(j, n);
      if (!in_pre_ && (piece == "\n" || piece == "\t" || piece == "\r")) piece = " ";
      out_.insert(piece, base + from, base + std::max(to, from));
      i = std::max(to, i);
      j += n;
    }
  }

  static std::size_t reference_end(std::string_view s, std::size_t i) {
    std::size_t k = i + 1;
    while (k < s.size() && k - i < 40 && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '#')) ++k;
    if (k < s.size() && s[k] == ';') ++k;
    return k;
  }

  static bool is_reference(std::string_view s, std::size_t i, char decoded) {
    const std::size_t k = reference_end(s, i);
    if (k - i < 3) return false;  // a bare '&'
    if (decoded == '&') return s.compare(i, 5, "&amp;") == 0 || s.compare(i, 5, "&#38;") == 0 ||
                               s.compare(i, 6, "&#x26;") == 0 || s.compare(i, 4, "&amp") == 0;
    return true;
  }

  std::string_view html_;
  bool drop_chrome_;
  bool in_pre_ = false;
  MapBuilder out_;
  std::vector<LocalChange> changes_;
  std::map<std::string, std::string> attributes_;
};

}  // namespace

FormatResult extract_html(std::string_view html, bool drop_chrome) {
  auto destroy = [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); };
  const std::unique_ptr<GumboOutput, decltype(destroy)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size()), destroy);
  if (!output) return FormatResult{unchanged(html), {}};
  return HtmlWalker(html, drop_chrome).run(output->document);
}

namespace {

// Tells whether `text` holds `lower` (lower-case ASCII) at `at`, ignoring ASCII case.
bool has_at(std::string_view text, std::size_t at, std::string_view lower) noexcept {
  if (at > text.size() || text.size() - at < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k) {
    char c = text[at + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[k]) return false;
  }
  return true;
}

}  // namespace

bool looks_like_html(std::string_view text) noexcept {
  const std::string_view head = text.substr(0, 2048);
  std::size_t i = 0;
  while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i]))) ++i;
  if (has_at(head, i, "<!doctype") || has_at(head, i, "<html")) return true;
  // Tags counted where each '<' stands (no two of them start alike).
  int tags = 0;
  for (std::size_t at = head.find('<'); at != std::string_view::npos; at = head.find('<', at + 1))
    for (const std::string_view tag : {"<head", "<body", "<p>", "<div", "<br", "<meta", "<title", "</p>", "<span"})
      if (has_at(head, at, tag)) {
        ++tags;
        break;
      }
  return tags >= 4;
}

}  // namespace kg::ingest
