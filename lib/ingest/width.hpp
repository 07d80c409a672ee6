// The "width" step: NFKC (full-width letters and digits, compatibility
// forms) and whitespace. Internal: not installed.
#pragma once

#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Applies NFKC one normalisation chunk at a time (so every changed piece
// maps to exactly the bytes it came from), then collapses runs of spaces,
// trims lines and keeps at most one blank line between paragraphs.
StepResult normalise_width(std::string_view text);

// The two halves of normalise_width, which the cleaner runs one after the
// other: NFKC, then whitespace.
StepResult apply_nfkc(std::string_view text);
StepResult collapse_whitespace(std::string_view text);

}  // namespace kg::ingest
