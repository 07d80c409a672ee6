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

}  // namespace kg::ingest
