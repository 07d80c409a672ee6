// Encoding detection and decoding with per-byte origins.
//
// Order of evidence: a forced encoding; a byte-order mark; well-formed UTF-8
// (which legacy Chinese text almost never is by accident); a <meta charset>
// in HTML; otherwise each legacy candidate (GB18030, Big5 and ICU's
// detector's best guesses) is decoded and the one that yields the most
// frequent Han characters and the fewest invalid bytes wins.
#include "ingest/decode.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "common/utf8.hpp"
#include "ingest/char_class.hpp"
#include "ingest/step.hpp"
#include "kg/error.hpp"

namespace kg::ingest {
namespace {

// Collects decoded characters with their source byte ranges and turns them
// into text + map, dropping controls and normalising newlines on the way.
// Characters kept byte for byte (the bulk of UTF-8 input) become one copied
// run of the map per stretch, not a record per byte.
class DecodedBuilder {
 public:
  DecodedBuilder(std::size_t original_size, std::size_t size_hint, std::size_t chars_hint)
      : original_size_(original_size), text_(take_text_buffer(size_hint)) {  // a spare of an earlier document's
    text_.reserve(size_hint);
    starts_.resize(chars_hint);
  }

  // Records a character of the original that starts at byte `at`. Written
  // without push_back's capacity check: the list is sized up front for a
  // character per lead byte, which the copied characters never exceed
  // (each starts at a lead byte); add() (stray bytes) makes room itself.
  void start(std::size_t at) { starts_[chars_++] = static_cast<std::uint32_t>(at); }

  // Makes room for the character of a stray continuation byte, which the
  // up-front size (a character per lead byte) does not count.
  void count_stray_byte() { starts_.push_back(0); }

  // Appends original bytes [begin, end), whole characters already passed to
  // start(), kept as they are.
  void copy(std::string_view bytes, std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    pending_cr_ = false;
    add_run(begin, 0, true);
    text_.append(bytes.data() + begin, end - begin);
  }

  // Appends a decoded code point that came from original bytes [begin, end).
  void add(char32_t cp, std::size_t begin, std::size_t end) {
    if (chars_ == starts_.size()) starts_.resize(2 * starts_.size() + 16);
    starts_[chars_++] = static_cast<std::uint32_t>(begin);
    if (cp == U'\n' && pending_cr_) {  // CR LF: the CR already became '\n'
      pending_cr_ = false;
      runs_.back().source_end = static_cast<std::uint32_t>(end);
      return;
    }
    pending_cr_ = cp == U'\r';
    if (cp == U'\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x85) cp = U'\n';
    if (is_dropped(cp)) {
      if (cp < 0x20 || cp == 0x7F) ++controls_;
      return;
    }
    add_run(begin, end, false);
    utf8::append(text_, cp);
  }

  Decoded finish(std::string encoding) {
    Decoded d;
    starts_.resize(chars_);
    d.chars = chars_;
    d.text = std::move(text_);
    const std::size_t size = d.text.size();
    d.map = OffsetMap(std::move(runs_), size, std::move(starts_), original_size_);
    d.encoding = std::move(encoding);
    d.controls = controls_;
    return d;
  }

  // Characters that never reach the text.
  static bool is_dropped(char32_t cp) {
    if (cp < 0x20) return cp != U'\n' && cp != U'\t';
    return cp == 0x7F || cp == 0xFEFF || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
           (cp >= 0x80 && cp < 0xA0 && cp != 0x85);
  }

 private:
  void add_run(std::size_t begin, std::size_t end, bool copied) {
    const auto out = static_cast<std::uint32_t>(text_.size());
    if (copied && !runs_.empty() && runs_.back().copied &&
        runs_.back().source_begin + (out - runs_.back().out_begin) == begin)
      return;
    runs_.push_back({out, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end), copied});
  }

  std::size_t original_size_;
  std::string text_;
  std::vector<OffsetMap::Run> runs_;
  std::vector<std::uint32_t> starts_;  // the first chars_ entries are used
  std::size_t chars_ = 0;
  bool pending_cr_ = false;
  std::size_t controls_ = 0;
};

// Length of the well-formed UTF-8 sequence at i, or 0.
std::size_t valid_sequence(std::string_view s, std::size_t i) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    if (i + k >= s.size()) return false;
    const auto b = static_cast<unsigned char>(s[i + k]);
    return b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const unsigned char lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const unsigned char lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

// ASCII bytes kept as they are: printable, newline and tab.
constexpr bool is_kept_ascii(unsigned char c) noexcept { return (c >= 0x20 && c != 0x7F) || c == '\n' || c == '\t'; }

// Tells whether the well-formed sequence of `n` bytes at i is a character
// the decoder drops or turns into a newline (C1 controls, U+FEFF, zero
// widths, U+2028/2029), so it cannot be copied as it is.
bool is_special_sequence(std::string_view s, std::size_t i, std::size_t n) noexcept {
  const auto b0 = static_cast<unsigned char>(s[i]);
  if (n == 2) return b0 == 0xC2 && static_cast<unsigned char>(s[i + 1]) < 0xA0;
  if (n != 3 || (b0 != 0xE2 && b0 != 0xEF)) return false;
  const auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
  if (b0 == 0xEF) return b1 == 0xBB && b2 == 0xBF;
  if (b1 == 0x80) return (b2 >= 0x8B && b2 <= 0x8D) || b2 == 0xA8 || b2 == 0xA9;
  return b1 == 0x81 && b2 == 0xA0;
}

// Upper bound of the characters in UTF-8 bytes: the bytes that are not
// continuation bytes (stray ones are counted by the decoder as they come).
std::size_t count_lead_bytes(std::string_view s) noexcept {
  std::size_t n = 0, i = 0;
  // Eight bytes at a time: a continuation byte is one whose top bit is set
  // and whose next bit is not.
  constexpr std::uint64_t kTopBits = 0x8080808080808080ULL;
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    const std::uint64_t continuation = (word & ~(word << 1) & kTopBits) >> 7;  // 1 in each such byte
    n += 8 - static_cast<std::size_t>((continuation * 0x0101010101010101ULL) >> 56);
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

// Passes the three-byte characters with leads E3-EC from byte i on (as
// the general loop in decode_utf8_into() would, recording their starts),
// in a loop of their own: they are nearly all of a Chinese text. Returns
// the byte after them.
[[gnu::always_inline]] inline std::size_t skip_plain_cjk(std::string_view bytes, std::size_t i, DecodedBuilder& b) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (; i + 2 < bytes.size(); i += 3) {
    if (static_cast<unsigned char>(p[i] - 0xE3) > 0xEC - 0xE3) break;
    std::uint16_t trail;
    std::memcpy(&trail, p + i + 1, 2);
    if ((trail & 0xC0C0) != 0x8080) break;  // both bytes 10xxxxxx, whichever the byte order
    b.start(i);
  }
  return i;
}

// Decodes UTF-8 from byte `skip`, replacing invalid sequences by U+FFFD; with
// `strict`, gives up (returns false) at the first invalid sequence instead.
bool decode_utf8_into(std::string_view bytes, std::size_t skip, bool strict, Decoded& out) {
  DecodedBuilder b(bytes.size(), bytes.size() - skip + 16, count_lead_bytes(bytes.substr(skip)) + 16);
  std::size_t replaced = 0;
  const std::size_t size = bytes.size();
  std::size_t i = skip;
  while (i < size) {
    // A stretch of characters kept as they are, copied in one go.
    const std::size_t from = i;
    while (i < size) {
      i = skip_plain_cjk(bytes, i, b);
      if (i >= size) break;
      const auto c = static_cast<unsigned char>(bytes[i]);
      if (c < 0x80) {
        if (!is_kept_ascii(c)) break;
        b.start(i++);
        continue;
      }
      // Three-byte characters (all of Chinese) checked inline; E0 and ED
      // have narrower second bytes and go the general way. Leads E3-EC
      // (CJK, Hangul) start no special sequence: nothing more to check.
      if (c >= 0xE3 && c <= 0xEC && i + 2 < size &&
          (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80 &&
          (static_cast<unsigned char>(bytes[i + 2]) & 0xC0) == 0x80) {
        b.start(i);
        i += 3;
        continue;
      }
      std::size_t n;
      if (c >= 0xE1 && c != 0xED && c <= 0xEF && i + 2 < size &&
          (static_cast<unsigned char>(bytes[i + 1]) & 0xC0) == 0x80 &&
          (static_cast<unsigned char>(bytes[i + 2]) & 0xC0) == 0x80)
        n = 3;
      else
        n = valid_sequence(bytes, i);
      if (n == 0 || is_special_sequence(bytes, i, n)) break;
      b.start(i);
      i += n;
    }
    b.copy(bytes, from, i);
    if (i >= size) break;
    const std::size_t n = static_cast<unsigned char>(bytes[i]) < 0x80 ? 1 : valid_sequence(bytes, i);
    if (n == 0) {
      if (strict) return false;
      if ((static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80) b.count_stray_byte();
      b.add(0xFFFD, i, i + 1);
      ++replaced;
      ++i;
      continue;
    }
    std::size_t j = i;
    const char32_t cp = utf8::next(bytes, j);
    b.add(cp, i, i + n);
    i += n;
    // A CR LF pair goes through add() whole, so that the pair becomes one newline.
    if (cp == U'\r' && i < size && bytes[i] == '\n') {
      b.add(U'\n', i, i + 1);
      ++i;
    }
  }
  out = b.finish("UTF-8");
  out.replaced = replaced;
  return true;
}

Decoded decode_utf8(std::string_view bytes, std::size_t skip) {
  Decoded d;
  decode_utf8_into(bytes, skip, false, d);
  return d;
}

struct ConverterCloser {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};

// Decodes with an ICU converter, substituting U+FFFD for invalid input;
// returns false when ICU has no such converter.
bool decode_with(std::string_view bytes, std::size_t skip, const std::string& codec, Decoded& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(codec.c_str(), &status));
  if (U_FAILURE(status)) return false;
  const std::string_view input = bytes.substr(skip);
  std::vector<UChar> units(input.size() * 2 + 16);
  std::vector<int32_t> offsets(units.size());
  UChar* target = units.data();
  const char* source = input.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &source, input.data() + input.size(),
                 offsets.data(), true, &status);
  if (U_FAILURE(status)) return false;
  const std::size_t count = static_cast<std::size_t>(target - units.data());
  DecodedBuilder b(bytes.size(), input.size() * 3 / 2, input.size());
  std::size_t replaced = 0;
  for (std::size_t k = 0; k < count;) {
    char32_t cp = units[k];
    std::size_t next = k + 1;
    if (cp >= 0xD800 && cp <= 0xDBFF && next < count && units[next] >= 0xDC00 && units[next] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[next] - 0xDC00);
      ++next;
    }
    // ICU substitutes U+FFFD or U+001A for undecodable bytes.
    if (cp == 0xFFFD || cp == 0x1A) {
      cp = 0xFFFD;
      ++replaced;
    }
    std::size_t begin = skip + static_cast<std::size_t>(std::max(offsets[k], 0));
    std::size_t end = next < count ? skip + static_cast<std::size_t>(std::max(offsets[next], 0)) : bytes.size();
    if (end <= begin) end = std::min(bytes.size(), begin + 1);
    b.add(cp, begin, end);
    k = next;
  }
  out = b.finish(codec);
  out.replaced = replaced;
  return true;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Reads charset=... from the first kilobytes of an HTML page.
std::string html_charset(std::string_view bytes) {
  const std::string head = lower(std::string(bytes.substr(0, 4096)));
  const std::size_t at = head.find("charset=");
  if (at == std::string::npos) return "";
  std::size_t i = at + 8;
  while (i < head.size() && (head[i] == '"' || head[i] == '\'' || head[i] == ' ')) ++i;
  std::size_t j = i;
  while (j < head.size() && (std::isalnum(static_cast<unsigned char>(head[j])) || head[j] == '-' || head[j] == '_'))
    ++j;
  return head.substr(i, j - i);
}

// How much a decoding looks like Chinese text: frequent Han characters
// count for it, rare ones a little against, replaced bytes heavily against.
double plausibility(const Decoded& d) {
  const CommonChars& common = CommonChars::instance();
  double score = 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < d.text.size();) {
    const char32_t cp = utf8::next(d.text, i);
    ++chars;
    if (cp < 0x80) continue;
    if (common.contains(cp))
      score += 1;
    else if (cp >= 0x3000 && cp <= 0x303F)
      score += 0.5;  // CJK punctuation
    else if (cp >= 0xFF00 && cp <= 0xFFEF)
      score += 0.3;
    else
      score -= 1;
  }
  score -= 10.0 * static_cast<double>(d.replaced);
  return chars ? score / static_cast<double>(chars) : 0;
}

std::vector<std::string> detector_guesses(std::string_view bytes) {
  std::vector<std::string> out;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return out;
  const std::string_view sample = bytes.substr(0, 1 << 16);
  ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det, &n, &status);
  for (int32_t k = 0; U_SUCCESS(status) && k < n && k < 3; ++k) {
    const char* name = ucsdet_getName(matches[k], &status);
    if (U_SUCCESS(status) && name) out.emplace_back(name);
  }
  ucsdet_close(det);
  return out;
}

Decoded decode_legacy(std::string_view bytes, const std::string& id) {
  std::vector<std::string> candidates = {"GB18030", "Big5"};
  const std::string hinted = html_charset(bytes);
  if (!hinted.empty()) {
    Decoded d;
    const std::string name = hinted == "gb2312" || hinted == "gbk" ? "GB18030" : hinted;
    if (name != "utf-8" && decode_with(bytes, 0, name, d) && d.replaced == 0) return d;
  }
  for (const std::string& guess : detector_guesses(bytes))
    if (std::find(candidates.begin(), candidates.end(), guess) == candidates.end()) candidates.push_back(guess);
  Decoded best;
  double best_score = -1e9;
  for (const std::string& codec : candidates) {
    Decoded d;
    if (!decode_with(bytes, 0, codec, d)) continue;
    const double score = plausibility(d);
    if (score > best_score) {
      best_score = score;
      best = std::move(d);
    }
  }
  if (best.text.empty() && !bytes.empty()) best = decode_utf8(bytes, 0);
  if (best.replaced > 0)
    best.warnings.push_back(id + ": " + std::to_string(best.replaced) + " invalid byte sequences replaced");
  return best;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) noexcept {
  for (std::size_t i = 0; i < bytes.size();) {
    // Skip ASCII eight bytes at a time: the common case.
    while (i + 8 <= bytes.size()) {
      std::uint64_t word;
      std::memcpy(&word, bytes.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    const std::size_t n = valid_sequence(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

Decoded decode(std::string_view bytes, const std::string& forced, const std::string& id) {
  const auto starts_with = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (!forced.empty()) {
    const std::string name = lower(forced);
    if (name == "utf-8" || name == "utf8") {
      if (!is_valid_utf8(bytes)) throw Error(ErrorCode::Encoding, id + ": not valid UTF-8");
      return decode_utf8(bytes, starts_with("\xEF\xBB\xBF") ? 3 : 0);
    }
    Decoded d;
    if (!decode_with(bytes, 0, forced, d))
      throw Error(ErrorCode::Encoding, id + ": unknown encoding '" + forced + "'");
    if (d.replaced > 0)
      throw Error(ErrorCode::Encoding, id + ": cannot decode as " + forced + " (" + std::to_string(d.replaced) +
                                           " invalid byte sequences)");
    return d;
  }
  if (starts_with("\xEF\xBB\xBF")) {
    Decoded d = decode_utf8(bytes, 3);
    if (d.replaced) d.warnings.push_back(id + ": " + std::to_string(d.replaced) + " invalid UTF-8 sequences replaced");
    return d;
  }
  if (starts_with("\xFF\xFE") || starts_with("\xFE\xFF")) {
    const std::string codec = starts_with("\xFF\xFE") ? "UTF-16LE" : "UTF-16BE";
    Decoded d;
    if (decode_with(bytes, 2, codec, d)) {
      if (d.replaced) d.warnings.push_back(id + ": " + std::to_string(d.replaced) + " invalid UTF-16 units replaced");
      return d;
    }
  }
  // Well-formed UTF-8 is decoded in the same pass that checks it.
  Decoded d;
  if (decode_utf8_into(bytes, 0, true, d)) return d;
  return decode_legacy(bytes, id);
}

}  // namespace kg::ingest
