// Markdown with front matter -> text. Internal: not installed.
#pragma once

#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Reads a Markdown article: a leading "---" front matter block gives the
// attributes (title, date, url, author, source); the title also becomes the
// first paragraph. In the body, heading, list and quote markers, emphasis,
// link targets, images, code fences and HTML comments are dropped.
FormatResult extract_markdown(std::string_view text);

// Tells whether text starts with front matter or looks like Markdown.
bool looks_like_markdown(std::string_view text) noexcept;

}  // namespace kg::ingest
