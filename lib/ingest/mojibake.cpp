// Mojibake repair. Detection is one linear scan with a table lookup per
// character; ICU converters only run on the few suspicious runs.
#include "ingest/mojibake.hpp"

#include <algorithm>
#include <bitset>
#include <optional>

#include "common/utf8.hpp"
#include "ingest/char_class.hpp"
#include "ingest/fold_table.hpp"
#include "ingest/pinyin.hpp"
#include "kg/clean_text.hpp"

namespace kg::ingest {
namespace {

constexpr std::size_t kMaxReach = 16;  // characters a run extends beyond its window
constexpr std::size_t kMaxTrim = 2;    // common characters trimmed off a run's edges

struct Char {
  char32_t cp;
  std::uint32_t begin;
  std::uint32_t end;
  bool rare;  // is_rare(cp)
};

bool is_cjk_punct(char32_t c) { return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF65); }

// Characters a mis-decoded legacy byte stream turns into: Han characters
// and the odd symbols of the GBK/Big5 symbol rows.
bool is_suspect_material(char32_t c) {
  return is_han(c) || (c >= 0x0391 && c <= 0x0451) || (c >= 0x2460 && c <= 0x27BF) || (c >= 0x3100 && c <= 0x33FF) ||
         (c >= 0xE000 && c <= 0xF8FF);
}

bool is_rare(char32_t c, const CommonChars& common) { return is_suspect_material(c) && !common.contains(c); }

struct Repair {
  std::size_t begin;  // bytes of the input replaced
  std::size_t end;
  std::string text;
};

std::u32string code_points(const std::vector<Char>& chars, std::size_t from, std::size_t to) {
  std::u32string s;
  for (std::size_t k = from; k < to; ++k) s += chars[k].cp;
  return s;
}

// Fraction-free plausibility: every decoded character must be frequent Han
// or CJK punctuation.
bool all_plausible(const std::u32string& s, const CommonChars& common) {
  if (s.size() < 2) return false;
  std::size_t han = 0;
  for (char32_t c : s) {
    if (common.contains(c)) {
      ++han;
      continue;
    }
    if (!is_cjk_punct(c)) return false;
  }
  return han >= 2;
}

std::optional<std::u32string> try_decode(const std::string& bytes, const char* codec, const CommonChars& common) {
  std::u32string out;
  // A run may end inside a character whose other bytes were lost.
  for (std::size_t drop_tail = 0; drop_tail <= 2 && drop_tail < bytes.size(); ++drop_tail)
    if (decode_strict(std::string_view(bytes).substr(0, bytes.size() - drop_tail), codec, out) &&
        all_plausible(out, common))
      return out;
  return std::nullopt;
}

std::string to_utf8(const std::u32string& s) {
  std::string out;
  for (char32_t c : s) utf8::append(out, c);
  return out;
}

// Tries every re-decoding of chars [from, to); `left` is the character
// before the run, whose full-width form may hold the run's first lead byte.
std::optional<std::string> redecode(const std::vector<Char>& chars, std::size_t from, std::size_t to,
                                    const CommonChars& common, std::size_t& consumed_left) {
  static const char* const kLegacy[] = {"GB18030", "Big5"};
  static const char* const kTargets[] = {"GB18030", "Big5", "UTF-8"};
  const std::u32string run = code_points(chars, from, to);
  consumed_left = 0;
  for (const char* enc : kLegacy) {
    std::string bytes;
    if (!encode_strict(run, enc, bytes) || bytes.size() < 3) continue;
    for (const char* dec : kTargets) {
      if (std::string_view(dec) != enc)
        if (auto out = try_decode(bytes, dec, common)) return to_utf8(*out);
      // Shifted by one byte: the first byte belonged to a character before.
      if (std::string_view(dec) == "UTF-8") continue;
      // The character before may be ASCII punctuation folded from a
      // full-width form whose second byte is this run's lost lead byte.
      // ('?' is excluded: it usually stands for a byte already lost.)
      if (from > 0 && chars[from - 1].cp > 0x20 && chars[from - 1].cp < 0x7F && chars[from - 1].cp != U'?') {
        std::string wide;
        if (encode_strict(std::u32string(1, chars[from - 1].cp + 0xFEE0), enc, wide) && wide.size() == 2) {
          if (auto out = try_decode(wide.substr(1) + bytes, dec, common)) {
            consumed_left = 1;
            std::string text = to_utf8(*out);
            // And a '?' before that was the full-width form's partner byte.
            if (from > 1 && chars[from - 2].cp == U'?') {
              for (int lead = 0xA1; lead <= 0xA9; ++lead) {
                std::u32string punct;
                const std::string pair = {static_cast<char>(lead), wide[0]};
                if (decode_strict(pair, enc, punct) && punct.size() == 1 && is_cjk_punct(punct[0])) {
                  text = to_utf8(punct) + text;
                  consumed_left = 2;
                  break;
                }
              }
            }
            return text;
          }
        }
      }
      if (auto out = try_decode(bytes.substr(1), dec, common)) return to_utf8(*out);
    }
  }
  return std::nullopt;
}


// is_rare() for the whole Basic Multilingual Plane, as one bit each, so that
// the scan over every text costs a table lookup per character.
class RareTable {
 public:
  static const RareTable& instance() {
    static const RareTable table;
    return table;
  }

  bool contains(char32_t c) const noexcept { return c < 0x10000 ? bmp_.test(c) : is_suspect_material(c); }
  // contains() for a BMP character (`c` < 0x10000), without the range checks.
  bool contains_bmp(char32_t c) const noexcept { return bmp_[c]; }

  // Tells whether BMP character `c` is rare or folds to another: when it is
  // neither (nearly every character), the scan has nothing to do for it.
  bool rare_or_folding(char32_t c) const noexcept { return rare_or_folding_[c]; }

 private:
  RareTable() {
    const CommonChars& common = CommonChars::instance();
    const FoldTable& fold = FoldTable::instance();
    for (char32_t c = 0x80; c < 0x10000; ++c) {
      if (is_rare(c, common)) bmp_.set(c);
      if (is_rare(c, common) || fold.fold(c) != c) rare_or_folding_.set(c);
    }
  }
  std::bitset<0x10000> bmp_;
  std::bitset<0x10000> rare_or_folding_;
};

// The windows of 4 characters' rare flags (last character in bit 0) with at
// least 3 rare characters: 0b0111, 0b1011, 0b1101, 0b1110 and 0b1111.
constexpr unsigned kSuspectWindows = (1u << 7) | (1u << 11) | (1u << 13) | (1u << 14) | (1u << 15);

// Tells whether any 4 consecutive characters hold 3 rare ones: one pass,
// no allocation, so text without mojibake costs little. With `folded` (a
// copy of the text), also folds it to simplified script in place, as
// fold_to_simplified() does, as long as the text is made of characters of
// up to three bytes; `exotic` tells when it was not and the fold is unfinished.
// Returns where the first such window ends (the byte after it), or npos.
std::size_t find_suspect_window(std::string_view text, std::string* folded, bool& exotic) {
  const RareTable& rare = RareTable::instance();
  const FoldTable& fold = FoldTable::instance();
  char* const out = folded ? folded->data() : nullptr;
  unsigned window = 0;  // rare flags of the last 4 characters, one bit each
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  exotic = false;
  // A window that gains a character that is not rare holds no more rare
  // ones than the window before, which was not suspect: only a rare
  // character can make a window suspect, and only then is it tested.
  for (std::size_t i = 0; i < size;) {
    const unsigned char lead = p[i];
    unsigned rare_bit;
    if (lead < 0x80) {  // ASCII is never rare
      window = (window << 1) & 0xFu;
      ++i;
      continue;
    }
    if ((lead & 0xF0) == 0xE0 && i + 2 < size) {  // three bytes (all of Chinese), decoded inline
      const char32_t cp = (static_cast<char32_t>(lead & 0x0F) << 12) |
                          (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
      if (!rare.rare_or_folding(cp)) {  // the common case: nothing to fold or count
        window = (window << 1) & 0xFu;
        i += 3;
        continue;
      }
      rare_bit = rare.contains_bmp(cp);
      if (out && lead >= 0xE3) {  // nothing folds below U+3000
        const char32_t to = fold.fold_bmp(cp);
        if (to != cp && to >= 0x800) {
          out[i] = static_cast<char>(0xE0 | (to >> 12));
          out[i + 1] = static_cast<char>(0x80 | ((to >> 6) & 0x3F));
          out[i + 2] = static_cast<char>(0x80 | (to & 0x3F));
        }
      }
      i += 3;
    } else {
      // Two-byte characters and stray bytes never fold; anything else is
      // left to fold_to_simplified().
      exotic = exotic || lead >= 0xE0;
      rare_bit = rare.contains(utf8::next(text, i));
    }
    window = ((window << 1) | rare_bit) & 0xFu;
    if (rare_bit && ((kSuspectWindows >> window) & 1u)) return i;
  }
  return std::string_view::npos;
}

// The byte after the first suspect window, or npos.
std::size_t first_suspect_window_end(std::string_view text) {
  bool exotic = false;
  return find_suspect_window(text, nullptr, exotic);
}

// Where repair_mojibake() starts reading characters, given the end of the
// first suspect window: far enough before it that every character a repair
// there looks at (the run reaches kMaxReach characters back, and two more
// before it are read) lies after the start, on a character boundary (the
// text is valid UTF-8). Windows before the first have nothing to repair.
std::size_t reading_start(std::string_view text, std::size_t window_end) {
  constexpr std::size_t kBack = 4 + kMaxReach + 4;
  std::size_t start = window_end, chars = 0;
  while (start > 0 && chars < kBack)
    if ((static_cast<unsigned char>(text[--start]) & 0xC0) != 0x80) ++chars;
  return chars < kBack ? 0 : start;
}

// The characters of a text from byte `start` (a character start), at most
// `max_chars` of them, with their byte ranges and rarity, into `chars` (a
// list kept per thread keeps its storage).
void read_chars(std::string_view text, std::size_t start, std::size_t max_chars, std::vector<Char>& chars) {
  const RareTable& rare = RareTable::instance();
  chars.resize(std::min(text.size() - start, max_chars));  // at most a character a byte; written without push_back's checks
  std::size_t n = 0;
  for (std::size_t i = start; i < text.size() && n < chars.size(); ++n) {
    const std::size_t at = i;
    const char32_t cp = next_char(text, i);
    chars[n] = {cp, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(i), rare.contains(cp)};
  }
  chars.resize(n);
}

}  // namespace

bool may_hold_mojibake_folding(std::string_view text, std::string& folded) {
  return first_mojibake_window_folding(text, folded) != std::string_view::npos;
}

std::size_t first_mojibake_window_folding(std::string_view text, std::string& folded) {
  folded.assign(text.data(), text.size());
  bool exotic = false;
  const std::size_t window_end = find_suspect_window(text, &folded, exotic);
  if (exotic) {  // characters the scan does not fold: all of it again
    folded.assign(text.data(), text.size());
    fold_to_simplified_from(folded, 0);
  } else if (window_end != std::string_view::npos) {  // the scan stopped there
    fold_to_simplified_from(folded, window_end);
  }
  return window_end;
}

StepResult repair_mojibake(std::string_view text) { return repair_mojibake_from(text, first_suspect_window_end(text)); }

// The end of the first window of 4 characters from byte `from` (a
// character start) with at least 3 rare ones, or npos: the windows the
// repair loop would look at next, found without reading every character
// into a list.
std::size_t next_suspect_window_end(std::string_view text, std::size_t from) {
  const RareTable& rare = RareTable::instance();
  unsigned window = 0, seen = 0;
  for (std::size_t i = from; i < text.size();) {
    window = ((window << 1) | rare.contains(next_char(text, i))) & 0xFu;
    if (++seen >= 4 && ((kSuspectWindows >> window) & 1u)) return i;
  }
  return std::string_view::npos;
}

// Characters read around a window: enough before it for every run that
// starts there (see reading_start()) and enough after it for the run, its
// trailing byte and trim (4 + kMaxReach + 1 characters), with room to spare.
constexpr std::size_t kCharsAfterWindow = 128;

StepResult repair_mojibake_from(std::string_view text, std::size_t window_end) {
  const CommonChars& common = CommonChars::instance();
  if (window_end == std::string_view::npos) return unchanged(text);
  // The window the scan found is the first one, unless it was made of the
  // text's first three characters (the scan counts a window before the
  // text as not rare): the first window of four real characters, then.
  window_end = next_suspect_window_end(text, reading_start(text, window_end));
  thread_local std::vector<Char> chars;
  std::vector<Repair> repairs;
  // One suspect window at a time, with the characters around it: the same
  // windows, runs and repairs as a pass over a list of every character.
  while (window_end != std::string_view::npos) {
    const std::size_t start = reading_start(text, window_end);
    read_chars(text, start, window_end - start + kCharsAfterWindow, chars);
    std::size_t last = 0;  // the window's last character
    while (chars[last].end != window_end) ++last;
    const std::size_t k = last - 3;
    // The byte from which the next window is looked for.
    std::size_t resume;
    // The run: suspect material around the window, plus one trailing ASCII
    // byte that may be a lost trail byte.
    std::size_t from = k, to = k + 4;
    // Bounded, so that long stretches of rare characters (random bytes,
    // a language we do not read) cost linear time.
    while (from > 0 && k - from < kMaxReach && is_suspect_material(chars[from - 1].cp)) --from;
    while (to < chars.size() && to - k < 4 + kMaxReach && is_suspect_material(chars[to].cp)) ++to;
    if (to < chars.size() && chars[to].cp >= 0x40 && chars[to].cp < 0x7F && chars[to].cp != '(') ++to;
    // Try the run and the run trimmed of common characters at its edges.
    std::optional<std::string> fixed;
    std::size_t consumed_left = 0, best_from = from, best_to = to;
    // Try the run from its first to its last rare character, widened by up
    // to kMaxTrim characters each side (mis-decoded pairs are sometimes
    // frequent characters by chance).
    std::size_t first_rare = from, last_rare = to - 1;
    while (first_rare < to && !chars[first_rare].rare) ++first_rare;
    while (last_rare > first_rare && !chars[last_rare].rare) --last_rare;
    const std::size_t a_min = std::max(from, first_rare >= kMaxTrim ? first_rare - kMaxTrim : 0);
    const std::size_t b_max = std::min(to, last_rare + 1 + kMaxTrim);
    // Widest first: a narrower success would leave part of the run broken.
    for (std::size_t a = a_min; a <= first_rare && !fixed; ++a)
      for (std::size_t b = b_max; b > last_rare && !fixed; --b) {
        fixed = redecode(chars, a, b, common, consumed_left);
        if (fixed) {
          best_from = a;
          best_to = b;
        }
      }
    if (!fixed) {
      // Windows are looked for again from the character after the run's end.
      resume = to < chars.size() ? chars[to].end : text.size();
    } else {
      best_from -= consumed_left;
      std::size_t end = chars[best_to - 1].end;
      // A pinyin mark right after the run belonged to its last character.
      const std::size_t mark_end = pinyin_mark_end(text, end);
      if (mark_end != end) end = mark_end;
      repairs.push_back({chars[best_from].begin, end, *fixed});
      // And from the character after the one that follows the repair.
      resume = end;
      if (resume < text.size()) next_char(text, resume);
    }
    window_end = resume < text.size() ? next_suspect_window_end(text, resume) : std::string_view::npos;
  }

  if (repairs.empty()) return unchanged(text);
  MapBuilder out(text, repairs.size());
  std::vector<LocalChange> changes = take_change_list();
  changes.reserve(repairs.size());
  std::size_t copied = 0;
  for (const Repair& r : repairs) {
    out.copy(copied, r.begin);
    out.insert(r.text, r.begin, r.end);
    changes.push_back({CleanStep::Mojibake, "replaced", r.begin, r.end, r.text, "redecoded"});
    copied = r.end;
  }
  out.copy(copied, text.size());
  return out.finish(std::move(changes));
}

}  // namespace kg::ingest
