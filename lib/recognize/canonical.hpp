// Internal: kg::canonical_name without ICU for the names that need nothing.
//
// Most names the recogniser and resolver handle are already canonical:
// simplified Han characters, ASCII letters and digits, none of which NFKC,
// the traditional-to-simplified fold or the wrapper strip would change.
// A bitset over the Basic Multilingual Plane, built once from ICU's NFKC
// quick check and the fold table, tells such characters apart in one load;
// only a name with some other character goes through canonical_name().
#pragma once

#include <string>
#include <string_view>

namespace kg::recognize {

// Tells whether canonical_name(s) == s is certain: valid UTF-8 whose every
// character is inert (NFKC quick check yes, combining class 0, folds to
// itself, not a wrapper). False means "maybe not", never "not".
bool is_canonical(std::string_view s) noexcept;

// Returns canonical_name(s), skipping ICU when is_canonical(s).
std::string canonical(std::string_view s);

}  // namespace kg::recognize
