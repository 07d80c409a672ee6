// The "mojibake" step: runs of GBK/Big5 bytes decoded at the wrong offset or
// with the wrong codec are re-decoded. Internal: not installed.
#pragma once

#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Finds runs dense in rare characters (at least 3 of 4 consecutive ones
// outside the frequent GB2312/Big5 sets), re-encodes each with GB18030 or
// Big5 and decodes it again shifted by a byte or with another codec (UTF-8,
// GB18030, Big5). A run is replaced only when one re-decoding gives nothing
// but frequent characters; otherwise it is left alone.
StepResult repair_mojibake(std::string_view text);

}  // namespace kg::ingest
