// kg::Cleaner: decode, read the format, run the noise steps in order, and
// compose every step's offset map into one map back to the original file.
#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>

#include "common/utf8.hpp"
#include "ingest/boilerplate.hpp"
#include "ingest/decode.hpp"
#include "ingest/html.hpp"
#include "ingest/line_join.hpp"
#include "ingest/markdown.hpp"
#include "ingest/mojibake.hpp"
#include "ingest/pinyin.hpp"
#include "ingest/step.hpp"
#include "ingest/width.hpp"
#include "kg/clean_text.hpp"

namespace kg {
namespace {

// The extension of a path's file name as std::filesystem::path::extension()
// gives it ("" for names such as ".md" that start with their only dot), as a
// view into `path`: no path object and string per document.
std::string_view extension_of(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (name == "." || name == "..") return {};
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot);
}

bool equals_lowercase(std::string_view s, std::string_view lower) {
  return s.size() == lower.size() && std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) {
           return static_cast<char>(std::tolower(static_cast<unsigned char>(a))) == b;
         });
}

InputFormat detect_format(const RawDocument& doc, std::string_view text) {
  for (const std::string_view name : {std::string_view(doc.path), std::string_view(doc.id)}) {
    const std::string_view ext = extension_of(name);
    if (ext.empty()) continue;
    if (equals_lowercase(ext, ".html") || equals_lowercase(ext, ".htm") || equals_lowercase(ext, ".xhtml"))
      return InputFormat::Html;
    if (equals_lowercase(ext, ".md") || equals_lowercase(ext, ".markdown")) return InputFormat::Markdown;
  }
  if (ingest::looks_like_html(text)) return InputFormat::Html;
  if (ingest::looks_like_markdown(text)) return InputFormat::Markdown;
  return InputFormat::Text;
}

// Returns text shortened to about `limit` bytes on a character boundary.
constexpr std::size_t kShortenLimit = 120;

std::string shorten(std::string_view s, std::size_t limit = kShortenLimit) {
  if (s.size() <= limit) return std::string(s);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

// Runs the steps, keeping the text and its map to the original together.
class Run {
 public:
  Run(ingest::Decoded decoded, CleanDocument& out, bool record_changes)
      : text_(std::move(decoded.text)), map_(std::move(decoded.map)), out_(out), record_(record_changes) {
    // Line starts of the original, from the decoded newlines: only the
    // recorded changes give their line.
    line_starts_.clear();
    if (!record_) return;
    line_starts_.reserve(ingest::count_newlines(text_) + 1);
    line_starts_.push_back(0);
    OffsetMap::Scanner scan(map_);
    for (const char* p = text_.data(), *end = p + text_.size();
         (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)))) != nullptr; ++p)
      line_starts_.push_back(scan.origin_of(static_cast<std::size_t>(p - text_.data())).second);
  }

  void apply(ingest::StepResult r) {
    if (record_)
      record(r.changes);
    else
      count(r.changes);
    ingest::give_back_change_list(std::move(r.changes));
    if (r.unchanged(text_.size())) {
      ingest::give_back_text_buffer(std::move(r.text));
      ingest::give_back_segments_storage(std::move(r.segments));
      return;
    }
    // Without recorded changes there are no origins looked up already:
    // compose() looks them up itself, with the same answers.
    OffsetMap composed = r.compose(map_, known_);
    ingest::give_back_runs_storage(std::move(map_).take_runs());
    map_ = std::move(composed);
    if (folding_) {
      std::string folded = ingest::take_text_buffer(r.text.size());
      r.fold_output(folded_, folded);
      ingest::give_back_text_buffer(std::exchange(folded_, std::move(folded)));
    }
    ingest::give_back_text_buffer(std::exchange(text_, std::move(r.text)));
    ingest::give_back_segments_storage(std::move(r.segments));
  }

  // Counts a step's changes per step, as record() does.
  void count(const std::vector<ingest::LocalChange>& changes) {
    known_.clear();
    std::size_t* count = nullptr;  // of the step of the change before
    for (std::size_t k = 0; k < changes.size(); ++k) {
      if (k == 0 || changes[k - 1].step != changes[k].step) count = &out_.counts[std::string(to_string(changes[k].step))];
      ++*count;
    }
  }

  // Turns a step's changes into CleanChanges with their place in the
  // original file, and counts them.
  void record(std::vector<ingest::LocalChange>& changes) {
    std::size_t* count = nullptr;  // of the step of the change before
    known_.clear();
    OffsetMap::Scanner scan(map_);  // changes come in text order
    for (ingest::LocalChange& c : changes) {
      if (count == nullptr || changes_.empty() || changes_.back().step != c.step)
        count = &out_.counts[std::string(to_string(c.step))];
      ++*count;
      CleanChange& change = changes_.emplace_back();  // filled in place: no temporary to move
      change.step = c.step;
      change.what = c.what;
      change.reason = c.reason;
      const std::string_view before = std::string_view(text_).substr(c.begin, c.end - c.begin);
      if (before.size() <= kShortenLimit)
        change.before.assign(before.data(), before.size());
      else
        change.before = shorten(before);
      change.after = c.after.size() <= kShortenLimit ? std::move(c.after) : shorten(c.after);
      change.source = scan.to_source(c.begin, c.end);
      known_.push_back({c.begin, c.end, static_cast<std::uint32_t>(change.source.byte_begin),
                        static_cast<std::uint32_t>(change.source.byte_end)});
      change.line = static_cast<std::size_t>(
          std::upper_bound(line_starts_.begin(), line_starts_.end(), change.source.byte_begin) - line_starts_.begin());
    }
  }

  // Keeps the simplified-script copy of the text from now on, carried
  // through each step by its segments instead of folded again at the end.
  const std::string& start_folding() {
    if (!folding_) folded_ = fold_to_simplified(text_);
    folding_ = true;
    return folded_;
  }

  // Starts folding with `folded`, which is fold_to_simplified(text()).
  void start_folding(std::string folded) {
    folded_ = std::move(folded);
    folding_ = true;
  }

  std::string take_folded() { return folding_ ? std::move(folded_) : fold_to_simplified(text_); }

  const std::string& text() const noexcept { return text_; }
  std::string take_text() { return std::move(text_); }

  // Moves the changes into the document's list, allocated once at their
  // number (the steps' changes arrive one step at a time).
  void move_changes_out() {
    out_.changes.reserve(out_.changes.size() + changes_.size());
    std::move(changes_.begin(), changes_.end(), std::back_inserter(out_.changes));
    changes_.clear();
  }
  OffsetMap take_map() { return std::move(map_); }

 private:
  std::string text_;
  std::string folded_;  // fold_to_simplified(text_) once folding_
  bool folding_ = false;
  OffsetMap map_;
  CleanDocument& out_;
  bool record_;  // CleanOptions::record_changes
  std::vector<std::size_t>& line_starts_ = line_starts_scratch();  // per thread, as known_
  // The current step's changes, where they came from: scratch space kept
  // per thread, so that no document allocates it again.
  std::vector<ingest::KnownOrigin>& known_ = known_scratch();
  // Every step's changes until move_changes_out(): per thread, so that the
  // list grows once per thread instead of once per step of every document.
  std::vector<CleanChange>& changes_ = changes_scratch();

  static std::vector<std::size_t>& line_starts_scratch() {
    thread_local std::vector<std::size_t> scratch;
    return scratch;
  }
  static std::vector<ingest::KnownOrigin>& known_scratch() {
    thread_local std::vector<ingest::KnownOrigin> scratch;
    return scratch;
  }
  static std::vector<CleanChange>& changes_scratch() {
    thread_local std::vector<CleanChange> scratch;
    scratch.clear();  // of a document whose cleaning threw
    return scratch;
  }
};

// Decoded text with many replacement characters or control characters (which
// text files almost never hold) is binary data, not an article.
bool looks_binary(const ingest::Decoded& d) {
  return d.replaced * 4 > d.chars + 4 || d.controls * 50 > d.chars + 10;
}

}  // namespace

std::string_view to_string(InputFormat format) noexcept {
  switch (format) {
    case InputFormat::Auto: return "auto";
    case InputFormat::Text: return "text";
    case InputFormat::Html: return "html";
    case InputFormat::Markdown: return "markdown";
  }
  return "";
}

Cleaner::Cleaner(CleanOptions options) : options_(std::move(options)) {}

CleanDocument Cleaner::clean(const RawDocument& doc) const {
  CleanDocument out;
  out.id = doc.id;
  out.attributes = doc.attributes;
  ingest::Decoded decoded = ingest::decode(doc.bytes, options_.encoding, doc.id);
  out.encoding = decoded.encoding;
  out.warnings = decoded.warnings;
  if (looks_binary(decoded)) {
    out.warnings.push_back(doc.id + ": does not look like text; nothing kept");
    out.offsets = OffsetMap({}, {}, decoded.map.char_starts());
    return out;
  }
  Run run(std::move(decoded), out, options_.record_changes);
  out.format = options_.format == InputFormat::Auto ? detect_format(doc, run.text()) : options_.format;
  if (out.format == InputFormat::Html || out.format == InputFormat::Markdown) {
    ingest::FormatResult r = out.format == InputFormat::Html ? ingest::extract_html(run.text(), options_.boilerplate)
                                                             : ingest::extract_markdown(run.text());
    for (auto& [key, value] : r.attributes) out.attributes.emplace(key, value);  // given metadata wins
    run.apply(std::move(r.step));
  }
  if (options_.pinyin) run.apply(ingest::remove_pinyin(run.text()));
  if (options_.mojibake) {
    // Boilerplate needs the folded text: folded in the pass that finds out
    // whether there is any mojibake to look at (almost never), and carried
    // through the repair when there is.
    if (options_.boilerplate) {
      std::string folded;
      const std::size_t window_end = ingest::first_mojibake_window_folding(run.text(), folded);
      run.start_folding(std::move(folded));
      if (window_end != std::string_view::npos) run.apply(ingest::repair_mojibake_from(run.text(), window_end));
    } else {
      run.apply(ingest::repair_mojibake(run.text()));
    }
  }
  if (options_.boilerplate) {
    const std::string& folded = run.start_folding();
    run.apply(ingest::remove_boilerplate_folded(run.text(), folded));
  }
  if (options_.line_join) run.apply(ingest::join_broken_lines(run.text()));
  if (options_.width) {
    run.apply(ingest::apply_nfkc(run.text()));
    run.apply(ingest::collapse_whitespace(run.text()));
  }
  run.move_changes_out();
  out.folded = run.take_folded();
  out.text = run.take_text();
  out.offsets = run.take_map();
  return out;
}

}  // namespace kg
