// The "pinyin" step: 業(yè) -> 業. Internal: not installed.
#pragma once

#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Removes pinyin readings some sites append after characters: a
// parenthesised run of Latin syllables with at least one tone mark or ü,
// right after a Han character (or after '?' / U+FFFD, which stand for a
// character lost in transcoding). Ordinary parentheses stay.
StepResult remove_pinyin(std::string_view text);

// Returns the end of a pinyin mark starting at `at` ('(' or '（'), or `at`
// when there is none.
std::size_t pinyin_mark_end(std::string_view text, std::size_t at) noexcept;

}  // namespace kg::ingest
