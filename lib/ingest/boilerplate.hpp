// The "boilerplate" step: navigation, widgets, contact lines, registration
// numbers, copyright and disclaimer lines, editor credits and spam.
// Internal: not installed.
#pragma once

#include <string>
#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Why a line or part of a line is noise; "" when it is text.
std::string classify_noise_line(std::string_view folded_line);

// Drops noise lines (and widget tokens inside metadata lines) using keyword
// classes from data/ingest_noise_terms.tsv and the shape of each line
// (length, punctuation, separators). Lines are judged in simplified script.
StepResult remove_boilerplate(std::string_view text);

// The same, given fold_to_simplified(text) already made (the cleaner keeps
// it to carry the folded copy through the later steps).
StepResult remove_boilerplate_folded(std::string_view text, std::string_view folded);

}  // namespace kg::ingest
