// HTML pages -> text, with gumbo. Internal: not installed.
#pragma once

#include <string_view>

#include "ingest/step.hpp"

namespace kg::ingest {

// Takes the visible text of an HTML page (UTF-8): tags, comments, scripts,
// styles and attributes dropped, character references decoded, block
// elements becoming paragraph breaks. With `drop_chrome`, <nav>, <footer>,
// <aside> and <form> are dropped too (recorded as boilerplate changes).
// Title and <meta> author/date/url become attributes.
FormatResult extract_html(std::string_view html, bool drop_chrome);

// Tells whether text looks like an HTML page.
bool looks_like_html(std::string_view text) noexcept;

}  // namespace kg::ingest
