// Helpers shared by the ingestion tests.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <unicode/ucnv.h>

inline std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(KG_TESTS_DIR) + "/fixtures/ingest/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Converts UTF-8 to a legacy encoding with ICU (what `uconv -t CODEC` does).
inline std::string encode_as(const std::string& utf8, const char* codec) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(codec, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                                 static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}

// Decodes a legacy encoding to UTF-8 with ICU.
inline std::string decode_from(const std::string& bytes, const char* codec) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(bytes.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", codec, out.data(), static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}
