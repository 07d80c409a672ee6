// The "linejoin" step: lines broken in the middle of a sentence are joined.
// Internal: not installed.
#pragma once

#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Joins a line with the next non-blank one when it stops mid-sentence: it
// ends without terminal punctuation and is body text (it ends with a comma
// or enumeration mark, or is long and already holds sentence punctuation, so
// headings and bylines, which have none, keep their breaks). Chinese joins
// with nothing, Latin words with one space.
StepResult join_broken_lines(std::string_view text);

}  // namespace kg::ingest
