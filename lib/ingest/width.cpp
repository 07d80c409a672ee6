// NFKC and whitespace. ICU is only called on the rare chunks that are not
// already NFKC-inert; ASCII and ordinary Han characters are copied.
#include "ingest/width.hpp"

#include <array>
#include <bitset>
#include <cstring>
#include <unordered_map>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "common/utf8.hpp"
#include "ingest/char_class.hpp"
#include "kg/error.hpp"

namespace kg::ingest {
namespace {

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw Error(ErrorCode::Internal, "ICU NFKC normalizer unavailable");
    return n;
  }();
  return *instance;
}

std::string normalize_utf8(const icu::Normalizer2& n, std::string_view chunk, bool& ok) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(chunk.data(), static_cast<int32_t>(chunk.size())));
  const icu::UnicodeString normal = n.normalize(u, status);
  std::string result;
  normal.toUTF8String(result);
  ok = U_SUCCESS(status);
  return result;
}

// ICU's NFKC answers for every BMP character, asked once: whether it starts
// a normalisation unit, whether it is inert, and what it becomes alone. The
// scan then calls ICU only for units of several characters (a letter and
// its combining marks), which news text almost never holds.
bool is_surrogate(char32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

class NfkcTable {
 public:
  static const NfkcTable& instance() {
    static const NfkcTable table;
    return table;
  }

  static constexpr unsigned char kBoundary = 1, kInert = 2;

  // kBoundary and kInert of any character.
  unsigned char flags(char32_t c) const {
    if (c < 0x10000)
      return static_cast<unsigned char>((boundary_.test(c) ? kBoundary : 0) | (inert_.test(c) ? kInert : 0));
    const auto u = static_cast<UChar32>(c);
    return static_cast<unsigned char>((nfkc().hasBoundaryBefore(u) ? kBoundary : 0) | (nfkc().isInert(u) ? kInert : 0));
  }

  // Lead-byte classes for skipping stretches of text without decoding it:
  // kInertLead when every character that starts with the byte is ASCII or
  // inert, kBoundaryLead when every one has a boundary before it.
  static constexpr unsigned char kInertLead = 1, kBoundaryLead = 2, kLeadClasses = 3;
  unsigned char lead_class(unsigned char lead) const noexcept { return lead_info_[lead] & kLeadClasses; }
  // utf8::sequence_length(lead), from the same table.
  std::size_t lead_length(unsigned char lead) const noexcept { return lead_info_[lead] >> 4; }

  // flags() of a BMP character (`c` < 0x10000), without the range checks.
  unsigned char flags_bmp(char32_t c) const noexcept {
    return static_cast<unsigned char>((boundary_[c] ? kBoundary : 0) | (inert_[c] ? kInert : 0));
  }

  bool boundary_before(char32_t c) const {
    return c < 0x10000 ? boundary_.test(c) : nfkc().hasBoundaryBefore(static_cast<UChar32>(c));
  }
  // Whether single() answers for `c` alone (BMP, not a surrogate).
  static bool in_table(char32_t c) { return c < 0x10000 && !is_surrogate(c); }
  // The NFKC form of `c` alone when it differs from `c`, else null.
  const std::string* single(char32_t c) const {
    if (c >= 0x10000 || !changes_.test(c)) return nullptr;
    return &singles_.find(c)->second;
  }

 private:

  NfkcTable() {
    const icu::Normalizer2& n = nfkc();
    for (char32_t c = 0; c < 0x10000; ++c) {
      const auto u = static_cast<UChar32>(c);
      if (n.hasBoundaryBefore(u)) boundary_.set(c);
      if (n.isInert(u)) {
        inert_.set(c);
        continue;
      }
      if (is_surrogate(c)) continue;
      const std::string alone = utf8::encode(c);
      bool ok = false;
      std::string normal = normalize_utf8(n, alone, ok);
      if (ok && normal != alone) {
        changes_.set(c);
        singles_.emplace(c, std::move(normal));
      }
    }
    classify_lead_bytes();
  }

  // Lead bytes of one-, two- and three-byte characters whose characters all
  // share a class; continuation and four-byte lead bytes get none.
  void classify_lead_bytes() {
    for (unsigned lead = 0; lead < 0x100; ++lead)
      lead_info_[lead] = static_cast<unsigned char>(utf8::sequence_length(static_cast<unsigned char>(lead)) << 4);
    for (unsigned lead = 0; lead < 0xF0; ++lead) {
      if (lead >= 0x80 && lead < 0xC2) continue;
      char32_t first, last;
      if (lead < 0x80) {
        first = last = lead;
      } else if (lead < 0xE0) {
        first = (lead & 0x1F) << 6;
        last = first | 0x3F;
      } else {
        first = (lead & 0x0F) << 12;
        last = first | 0xFFF;
        if (lead == 0xE0) first = 0x800;
      }
      bool inert = true, boundary = true;
      for (char32_t c = first; c <= last; ++c) {
        inert = inert && (c < 0x80 || inert_.test(c));
        boundary = boundary && boundary_.test(c);
      }
      lead_info_[lead] |= static_cast<unsigned char>((inert ? kInertLead : 0) | (boundary ? kBoundaryLead : 0));
    }
  }

  // Bitsets rather than a byte per character: small enough to stay in cache.
  std::bitset<0x10000> boundary_, inert_, changes_;
  std::unordered_map<char32_t, std::string> singles_;
  // Per lead byte: its classes (kInertLead, kBoundaryLead) in the low bits,
  // the length of its sequence from bit 4.
  std::array<unsigned char, 256> lead_info_{};
};

// kInertLead and kBoundaryLead of the character at i (of `n` bytes), from
// its lead byte when that decides, else from the character itself for the
// three-byte ones; other characters get only what their lead byte
// guarantees, which is safe: they are then left to the full check.
unsigned char class_at(const NfkcTable& table, const unsigned char* p, std::size_t i, std::size_t size,
                       std::size_t& n) {
  const unsigned char lead = p[i];
  n = table.lead_length(lead);
  const unsigned char by_lead = table.lead_class(lead);
  if (by_lead == NfkcTable::kLeadClasses || n != 3 || i + 2 >= size) return by_lead;
  const char32_t c = (static_cast<char32_t>(lead & 0x0F) << 12) | (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) |
                     (p[i + 2] & 0x3F);
  const unsigned char f = table.flags_bmp(c);
  return static_cast<unsigned char>(((f & NfkcTable::kInert) ? NfkcTable::kInertLead : 0) |
                                    ((f & NfkcTable::kBoundary) ? NfkcTable::kBoundaryLead : 0));
}

// The end of the stretch from `i` (a character start) of characters that
// apply_nfkc() leaves as they are because they are ASCII or inert and the
// character after each has a boundary before it. Stops before the last
// character of the text.
std::size_t skip_inert(const NfkcTable& table, std::string_view text, std::size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t size = text.size();
  std::size_t n = 0;
  unsigned char here = class_at(table, p, i, size, n);
  while ((here & NfkcTable::kInertLead) && i + n < size) {
    std::size_t following_size = 0;
    const unsigned char following = class_at(table, p, i + n, size, following_size);
    if (!(following & NfkcTable::kBoundaryLead)) break;
    i += n;
    n = following_size;
    here = following;
  }
  return i;
}

}  // namespace

StepResult apply_nfkc(std::string_view text) {
  const icu::Normalizer2& n = nfkc();
  const NfkcTable& table = NfkcTable::instance();
  // Replacements are gathered as small records first (news text holds
  // dozens per article), then made changes at their final count.
  struct Edit {
    std::uint32_t begin;
    std::uint32_t end;
    const std::string* alone;  // the table's form, or null for computed[...]
  };
  // Kept per thread: growing a fresh list to dozens of records would
  // allocate several times per article.
  thread_local std::vector<Edit> edits;
  edits.clear();
  std::vector<std::string> computed;  // forms of multi-character chunks, in order
  const std::size_t size = text.size();
  // Each character is decoded once: the one after the current character
  // decides whether the current one is a unit of its own.
  std::size_t i = 0, next = 0;
  char32_t cp = size > 0 ? next_char(text, next) : 0;
  unsigned char cp_flags = table.flags(cp);
  while (i < size) {
    if (const std::size_t skipped = skip_inert(table, text, i); skipped != i) {
      i = next = skipped;
      cp = next_char(text, next);
      cp_flags = table.flags(cp);
    }
    const std::size_t start = i, after = next;
    char32_t following = 0;
    unsigned char following_flags = NfkcTable::kBoundary;  // the end of the text is a boundary
    if (after < size) {
      following = next_char(text, next);
      following_flags = table.flags(following);
    }
    const bool boundary_after = (following_flags & NfkcTable::kBoundary) != 0;
    const bool ascii_alone = cp < 0x80 && (after >= size || static_cast<unsigned char>(text[after]) < 0xCC);
    if (ascii_alone || (boundary_after && (cp < 0x80 || (cp_flags & NfkcTable::kInert)))) {
      i = after;
      cp = following;
      cp_flags = following_flags;
      continue;
    }
    // The chunk runs to the next character that starts a new normalisation unit.
    std::size_t end = after;
    if (!boundary_after) {
      end = next;
      while (end < size) {
        std::size_t k = end;
        const char32_t c = next_char(text, k);
        if (table.boundary_before(c)) break;
        end = k;
      }
    }
    i = end;
    next = end;
    const char32_t chunk_cp = cp;
    if (next < size) {
      cp = next_char(text, next);
      cp_flags = table.flags(cp);
    }
    const std::string_view chunk = text.substr(start, end - start);
    if (end == after && NfkcTable::in_table(chunk_cp)) {
      // One character: its form alone, from the table.
      if (const std::string* alone = table.single(chunk_cp))
        edits.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), alone});
      continue;
    }
    bool ok = false;
    std::string result = normalize_utf8(n, chunk, ok);
    if (!ok || result == chunk) continue;
    edits.push_back({static_cast<std::uint32_t>(start), static_cast<std::uint32_t>(end), nullptr});
    computed.push_back(std::move(result));
  }
  if (edits.empty()) return unchanged(text);
  std::vector<LocalChange> changes = take_change_list();
  changes.reserve(edits.size());
  std::size_t next_computed = 0;
  for (const Edit& e : edits)
    changes.push_back({CleanStep::Width, "replaced", e.begin, e.end,
                       e.alone ? *e.alone : std::move(computed[next_computed++]), "nfkc"});
  return apply_changes(text, std::move(changes));
}

namespace {

bool is_blank_char(char c) { return c == ' ' || c == '\t'; }

// The first space or tab in [from, to), or `to`; with memchr, as most lines
// of Chinese text hold few.
std::size_t next_blank(std::string_view text, std::size_t from, std::size_t to) {
  const char* const begin = text.data() + from;
  const std::size_t n = to - from;
  const void* space = std::memchr(begin, ' ', n);
  const std::size_t until = space ? static_cast<std::size_t>(static_cast<const char*>(space) - begin) : n;
  const void* tab = std::memchr(begin, '\t', until);
  return from + (tab ? static_cast<std::size_t>(static_cast<const char*>(tab) - begin) : until);
}

}  // namespace

// Collapses spaces, trims lines, keeps one blank line between paragraphs
// and none at the start or end.
StepResult collapse_whitespace(std::string_view text) {
  thread_local std::vector<Line> lines;  // storage kept from text to text
  split_lines(text, lines);
  MapBuilder out(text, lines.size());
  std::vector<LocalChange> changes = take_change_list();
  std::size_t pending_blank = 0;  // blank lines seen since the last text line
  bool any_text = false;
  for (const Line& l : lines) {
    std::size_t b = l.begin, e = l.end;
    while (b < e && is_blank_char(text[b])) ++b;
    while (e > b && is_blank_char(text[e - 1])) --e;
    if (b == e) {
      ++pending_blank;
      continue;
    }
    if (any_text) {
      const std::size_t at = l.begin == 0 ? 0 : l.begin - 1;
      out.insert(pending_blank > 0 ? "\n\n" : "\n", at, at + 1);
    }
    pending_blank = 0;
    any_text = true;
    for (std::size_t i = b; i < e;) {
      if (is_blank_char(text[i])) {
        std::size_t j = i;
        while (j < e && is_blank_char(text[j])) ++j;
        out.insert(" ", i, j);
        if (j - i > 1 || text[i] != ' ') changes.push_back({CleanStep::Width, "replaced", i, j, " ", "whitespace"});
        i = j;
        continue;
      }
      const std::size_t j = next_blank(text, i, e);
      out.copy(i, j);
      i = j;
    }
  }
  if (any_text) out.insert("\n", text.size(), text.size());
  return out.finish(std::move(changes));
}

StepResult normalise_width(std::string_view text) {
  StepResult normal = apply_nfkc(text);
  const std::string_view normal_text = normal.output(text);
  StepResult spaced = collapse_whitespace(normal_text);
  // Composed as maps, one byte at a time: the cleaner runs the halves as
  // two steps instead, so this is for callers that want one result.
  const OffsetMap first = normal.map(text);
  const OffsetMap both = first.then(spaced.map(normal_text));
  const std::vector<std::uint32_t> begins = both.begins(), ends = both.ends();
  StepResult r;
  r.text = std::string(spaced.output(normal_text));
  for (std::size_t i = 0; i < r.text.size();) {
    std::size_t j = i + 1;
    while (j < r.text.size() && begins[j] == begins[i] && ends[j] == ends[i]) ++j;
    const bool copied = ends[i] - begins[i] == j - i && text.compare(begins[i], j - i, r.text, i, j - i) == 0;
    r.segments.push_back({begins[i], ends[i], static_cast<std::uint32_t>(j - i), copied});
    i = j;
  }
  r.changes = std::move(normal.changes);
  for (LocalChange c : spaced.changes) {  // back to this step's input
    const SourceSpan s = first.to_source(c.begin, c.end);
    c.begin = s.byte_begin;
    c.end = s.byte_end;
    r.changes.push_back(std::move(c));
  }
  return r;
}

}  // namespace kg::ingest
