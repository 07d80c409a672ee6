// kg/clean_text.hpp - the second stage: decoded, de-noised text with a map
// from every byte of it back to the original file.
//
// kg::Cleaner detects the encoding (UTF-8 with or without BOM, UTF-16 with
// BOM, GB18030/GBK/GB2312, Big5) and the format (plain text, HTML, Markdown
// with front matter), then runs named noise steps, each of which can be
// switched off: pinyin marks after characters, mojibake repair, boilerplate
// and spam lines, lines broken mid-sentence, full-width folding and
// whitespace. The result keeps the original script in `text` and a
// simplified-script copy of the same byte length in `folded`, so matching
// sees one script while evidence quotes what was written.
//
//   kg::Cleaner cleaner;                       // all steps on
//   kg::CleanDocument c = cleaner.clean(kg::read_document("a.txt"));
//   kg::SourceSpan s = c.offsets.to_source(0, 6);   // first two characters
//
// Thread-safety: Cleaner has only const methods and may be shared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kg/document.hpp"
#include "kg/span.hpp"

namespace kg {

// Maps each byte of a derived text to the byte range of the original file it
// came from, and original bytes to characters.
//
// Stored as runs, not per byte: a clean text is mostly long stretches copied
// from the original, so a map costs memory in proportion to the edits.
class OffsetMap {
 public:
  // A run of derived bytes, from `out_begin` to the next run's start.
  struct Run {
    std::uint32_t out_begin;
    std::uint32_t source_begin;
    std::uint32_t source_end;  // for copied runs: unused (source_begin + length)
    // Copied: the bytes are original bytes source_begin... one for one, each
    // mapping to the whole original character it belongs to. Otherwise every
    // byte of the run maps to [source_begin, source_end).
    bool copied;
  };

  OffsetMap() = default;

  // Identity map over a text of `size` bytes that is itself the original.
  static OffsetMap identity(std::string_view original_utf8);

  // Builds a map from per-byte origins: byte i of the derived text came from
  // original bytes [begins[i], ends[i]). `char_starts` holds the byte offset
  // of every character start in the original file, ascending.
  OffsetMap(std::vector<std::uint32_t> begins, std::vector<std::uint32_t> ends,
            std::vector<std::uint32_t> char_starts);

  // Builds a map from runs (ascending, the first at 0) over `size` derived
  // bytes; copied runs find their characters in `char_starts`, the last one
  // ending at `original_size`.
  OffsetMap(std::vector<Run> runs, std::size_t size, std::vector<std::uint32_t> char_starts,
            std::size_t original_size);

  // Returns where derived bytes [begin, end) came from in the original file.
  // An empty range maps to an empty span at the right place.
  SourceSpan to_source(std::size_t begin, std::size_t end) const;

  // Composes: `later` maps a text derived from this map's text; the result
  // maps `later`'s text straight to this map's original.
  OffsetMap then(const OffsetMap& later) const;

  // Returns the number of derived bytes mapped.
  std::size_t size() const noexcept { return size_; }

  // Per-byte origins, materialised (for tests and serialisation; linear).
  std::vector<std::uint32_t> begins() const;
  std::vector<std::uint32_t> ends() const;
  const std::vector<std::uint32_t>& char_starts() const noexcept;

  // The runs, ascending by derived offset.
  const std::vector<Run>& runs() const noexcept { return runs_; }

  // Gives up the runs, leaving the map empty: for reusing their storage.
  std::vector<Run> take_runs() && noexcept {
    size_ = 0;
    return std::move(runs_);
  }

  // Original range of derived byte `at` (< size()), as [begin, end).
  std::pair<std::uint32_t, std::uint32_t> origin_of(std::size_t at) const;

  // The original position of a derived position that holds no byte: where
  // byte `at` came from, or the end of the last byte when `at` is size().
  std::uint32_t position_at(std::size_t at) const;

  // Answers like to_source(), origin_of() and position_at() for positions
  // that mostly come in ascending order, searching forward from the last
  // answer (amortised constant time for a left-to-right pass). Holds a
  // reference to the map; one scanner per thread.
  class Scanner {
   public:
    explicit Scanner(const OffsetMap& map) noexcept : map_(map) {}
    SourceSpan to_source(std::size_t begin, std::size_t end);
    std::pair<std::uint32_t, std::uint32_t> origin_of(std::size_t at);
    std::uint32_t position_at(std::size_t at);

   private:
    const OffsetMap& map_;
    std::size_t run_ = 0;   // index of the last run found
    std::size_t char_ = 0;  // index of the last character start found
  };

  // The character starts and original size, for maps built from runs over
  // the same original.
  std::shared_ptr<const std::vector<std::uint32_t>> shared_char_starts() const noexcept { return char_starts_; }
  std::uint32_t original_size() const noexcept { return original_size_; }
  OffsetMap(std::vector<Run> runs, std::size_t size, std::shared_ptr<const std::vector<std::uint32_t>> char_starts,
            std::uint32_t original_size);

 private:
  std::size_t run_index(std::size_t at) const;

  std::vector<Run> runs_;
  std::size_t size_ = 0;
  std::shared_ptr<const std::vector<std::uint32_t>> char_starts_;
  std::uint32_t original_size_ = 0;
};

// Input formats the cleaner recognises.
enum class InputFormat { Auto, Text, Html, Markdown };

// Returns a format's name: "auto", "text", "html", "markdown".
std::string_view to_string(InputFormat format) noexcept;

// The named noise steps, in the order they run.
enum class CleanStep {
  Pinyin,       // "pinyin": 業(yè) -> 業
  Mojibake,     // "mojibake": re-decode runs of mis-decoded GBK/Big5
  Boilerplate,  // "boilerplate": navigation, widgets, footers, spam
  LineJoin,     // "linejoin": lines broken mid-sentence
  Width,        // "width": NFKC, full-width folding, whitespace
};

// Returns a step's name ("pinyin", ...); parses one (std::nullopt-like: false).
std::string_view to_string(CleanStep step) noexcept;
bool parse_clean_step(std::string_view name, CleanStep& out) noexcept;

struct CleanOptions {
  std::string encoding;  // "" detects; otherwise an ICU converter name ("GB18030", "Big5")
  InputFormat format = InputFormat::Auto;
  bool pinyin = true;
  bool mojibake = true;
  bool boilerplate = true;
  bool line_join = true;
  bool width = true;
  // Records every change in CleanDocument::changes (what `kg clean
  // --explain` shows). Off, only the per-step counts are kept, which are the
  // same either way, and cleaning is faster.
  bool record_changes = false;

  // Switches a step off (for --keep STEP).
  void keep(CleanStep step) noexcept;
};

// One change a step made, for `kg clean --explain` (recorded when
// CleanOptions::record_changes is on).
struct CleanChange {
  CleanStep step;
  std::string what;       // "removed", "replaced", "joined"
  std::string before;     // the text as it was (UTF-8, possibly shortened)
  std::string after;      // what replaced it ("" when removed)
  SourceSpan source;      // where in the original file
  std::size_t line = 0;   // 1-based line in the original file
  std::string reason;     // why, e.g. "contact", "spam", "nfkc" ("" when obvious)
};

struct CleanDocument {
  std::string id;
  std::string text;    // clean UTF-8 in the original script
  std::string folded;  // same bytes-per-character as `text`, simplified script
  OffsetMap offsets;   // bytes of `text` (and `folded`) -> original file
  std::string encoding;  // what the bytes were decoded as
  InputFormat format = InputFormat::Text;
  // Document attributes: title, date, url, author, source (from front matter,
  // HTML meta, JSON Lines or the text's source line).
  std::map<std::string, std::string> attributes;
  std::vector<CleanChange> changes;  // every change, in order (with CleanOptions::record_changes)
  std::map<std::string, std::size_t> counts;  // per step: how many changes (always)
  std::vector<std::string> warnings;          // e.g. replaced invalid bytes
};

class Cleaner {
 public:
  explicit Cleaner(CleanOptions options = {});

  // Decodes and cleans one document. Throws kg::Error (Encoding) naming the
  // document when a forced encoding cannot decode it.
  CleanDocument clean(const RawDocument& doc) const;

  const CleanOptions& options() const noexcept { return options_; }

 private:
  CleanOptions options_;
};

// Renders what each cleaning step removed or changed and where (step, line
// and byte offsets in the original file, before and after), one change a
// line, deterministic; for `kg clean --explain`. The changes are listed when
// the document was cleaned with CleanOptions::record_changes, the counts always.
std::string explain_cleaning(const CleanDocument& doc);

// Converts traditional-script characters to simplified one for one, keeping
// each character's UTF-8 length (characters whose simplified form would
// change length are left as they are). Used for `folded` and for names.
std::string fold_to_simplified(std::string_view utf8);

// Canonical form of a name: NFKC, simplified script, surrounding quotes,
// 《》 and spaces removed.
std::string canonical_name(std::string_view utf8);

}  // namespace kg
