// The "mojibake" step: runs of GBK/Big5 bytes decoded at the wrong offset or
// with the wrong codec are re-decoded. Internal: not installed.
#pragma once

#include <string>
#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Finds runs dense in rare characters (at least 3 of 4 consecutive ones
// outside the frequent GB2312/Big5 sets), re-encodes each with GB18030 or
// Big5 and decodes it again shifted by a byte or with another codec (UTF-8,
// GB18030, Big5). A run is replaced only when one re-decoding gives nothing
// but frequent characters; otherwise it is left alone.
StepResult repair_mojibake(std::string_view text);

// Tells whether repair_mojibake(text) has anything to look at (false: it
// gives the text back as it is). When it has not, `folded` receives
// fold_to_simplified(text), made in the same pass over the characters.
bool may_hold_mojibake_folding(std::string_view text, std::string& folded);

// The same pass, telling where the first run dense in rare characters ends
// (the byte after it; npos when there is none and repair_mojibake() would
// change nothing). `folded` always receives fold_to_simplified(text).
std::size_t first_mojibake_window_folding(std::string_view text, std::string& folded);

// repair_mojibake(text), given first_mojibake_window_folding()'s answer for
// the text, so that the text is not searched again up to there.
StepResult repair_mojibake_from(std::string_view text, std::size_t first_window_end);

}  // namespace kg::ingest
