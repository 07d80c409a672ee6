// Text cleaning and formatting shared by the writers. Internal: not installed.
#pragma once

#include <string>
#include <string_view>

namespace kg::output {

// Returns `text` as valid UTF-8 without the characters XML 1.0 forbids or
// discourages: C0 controls other than tab, line feed and carriage return,
// DEL and the C1 controls, surrogates, and the noncharacters (U+FDD0..U+FDEF,
// U+xFFFE, U+xFFFF). Each byte that does not start a valid UTF-8 sequence
// becomes U+FFFD, so a reader sees that something was there.
std::string sanitize_text(std::string_view text);

// Returns how many leading bytes of `text` sanitize_text would keep as they
// are: all of them for clean text, which then needs no copy.
std::size_t clean_prefix_length(std::string_view text) noexcept;

// Returns `text` (already sanitised) with & < > " ' escaped for XML, and the
// carriage return written as a character reference so parsers keep it.
std::string xml_escape(std::string_view text);

// Formats a double the same way on every run: the shortest form that reads
// back to the same value, always with a '.' or an exponent ("2.0", "0.75").
std::string format_double(double value);

}  // namespace kg::output
