// Character classes from ICU's converters.
#include "ingest/char_class.hpp"

#include <memory>
#include <string>
#include <vector>

#include <unicode/ucnv.h>

namespace kg::ingest {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const noexcept { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter open_strict(const char* codec) {
  UErrorCode status = U_ZERO_ERROR;
  Converter c(ucnv_open(codec, &status));
  if (U_FAILURE(status)) return nullptr;
  ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  return c;
}

// Adds every character of a two-byte encoding's rows [lead_first, lead_last]
// x [trail_first, trail_last] that decodes.
void add_rows(std::bitset<0x10000>& set, const char* codec, int lead_first, int lead_last, int trail_first,
              int trail_last, int last_lead_trail_last) {
  for (int lead = lead_first; lead <= lead_last; ++lead) {
    const int last = lead == lead_last ? last_lead_trail_last : trail_last;
    for (int trail = trail_first; trail <= last; ++trail) {
      const char bytes[2] = {static_cast<char>(lead), static_cast<char>(trail)};
      std::u32string out;
      if (decode_strict(std::string_view(bytes, 2), codec, out) && out.size() == 1 && out[0] < 0x10000)
        set.set(out[0]);
    }
  }
}

// A strict converter for `codec`, opened once per thread and reset before
// each use: opening one costs far more than the few characters it then
// converts (mojibake repair converts short runs, many times per document).
// Null when ICU has no such converter.
UConverter* strict_converter(const char* codec) {
  struct Entry {
    std::string codec;
    Converter converter;
  };
  thread_local std::vector<Entry> opened;
  for (Entry& e : opened)
    if (e.codec == codec) {
      if (e.converter) ucnv_reset(e.converter.get());
      return e.converter.get();
    }
  opened.push_back({codec, open_strict(codec)});
  return opened.back().converter.get();
}

}  // namespace

bool decode_strict(std::string_view bytes, const char* codec, std::u32string& out) {
  UConverter* const c = strict_converter(codec);
  if (!c) return false;
  const char* src = bytes.data();
  const char* const limit = bytes.data() + bytes.size();
  out.clear();
  UErrorCode status = U_ZERO_ERROR;
  while (src < limit) {
    const UChar32 cp = ucnv_getNextUChar(c, &src, limit, &status);
    if (U_FAILURE(status)) return false;
    out += static_cast<char32_t>(cp);
  }
  return true;
}

bool encode_strict(std::u32string_view text, const char* codec, std::string& out) {
  UConverter* const c = strict_converter(codec);
  if (!c) return false;
  out.clear();
  for (char32_t cp : text) {
    UChar units[2];
    int32_t n = 0;
    if (cp >= 0x10000) {
      units[0] = static_cast<UChar>(0xD7C0 + (cp >> 10));
      units[1] = static_cast<UChar>(0xDC00 | (cp & 0x3FF));
      n = 2;
    } else {
      units[0] = static_cast<UChar>(cp);
      n = 1;
    }
    char buffer[16];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t len = ucnv_fromUChars(c, buffer, sizeof buffer, units, n, &status);
    if (U_FAILURE(status) || len <= 0) return false;
    out.append(buffer, static_cast<std::size_t>(len));
  }
  return true;
}

CommonChars::CommonChars() {
  add_rows(set_, "GB2312", 0xB0, 0xD7, 0xA1, 0xFE, 0xF9);   // GB2312 level 1
  add_rows(set_, "Big5", 0xA4, 0xC6, 0x40, 0xFE, 0x7E);     // Big5 level 1
}

const CommonChars& CommonChars::instance() {
  static const CommonChars chars;
  return chars;
}

}  // namespace kg::ingest
