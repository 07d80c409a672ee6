// kg clean: the text as the extractor reads it, and with --explain what
// each cleaning step did to get there.
#include <ostream>

#include "cli/commands.hpp"

namespace kg::cli {

int run_clean(const InputOptions& input, bool explain_changes, Streams io) {
  CleanOptions options = pipeline_options(input).clean;
  options.record_changes = explain_changes;  // only the explanation lists them
  const Cleaner cleaner(options);
  bool first = true;
  for_each_document(input, io.in, [&](RawDocument doc) {
    const CleanDocument clean = cleaner.clean(doc);
    if (!first) io.out << '\n';
    first = false;
    if (explain_changes) {
      io.out << "== " << doc.id << " (" << clean.encoding << ")\n" << explain_cleaning(clean);
    } else {
      io.out << clean.text;
      if (!clean.text.empty() && clean.text.back() != '\n') io.out << '\n';
    }
    for (const std::string& warning : clean.warnings) io.err << "kg: warning: " << doc.id << ": " << warning << '\n';
  });
  return 0;
}

}  // namespace kg::cli
