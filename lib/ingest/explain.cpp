// kg::explain_cleaning: a plain, deterministic listing of what each step did.
#include <sstream>

#include "kg/clean_text.hpp"

namespace kg {
namespace {

// Makes a snippet printable on one line.
std::string one_line(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else out += c;
  }
  return out;
}

}  // namespace

std::string explain_cleaning(const CleanDocument& doc) {
  std::ostringstream out;
  out << "document: " << doc.id << "\n";
  out << "encoding: " << doc.encoding << "\n";
  out << "format: " << to_string(doc.format) << "\n";
  for (const auto& [key, value] : doc.attributes) out << "attribute " << key << ": " << one_line(value) << "\n";
  out << "changes:";
  if (doc.counts.empty()) out << " none";
  for (const auto& [step, n] : doc.counts) out << " " << step << "=" << n;
  out << "\n";
  for (const std::string& w : doc.warnings) out << "warning: " << w << "\n";
  for (const CleanChange& c : doc.changes) {
    out << to_string(c.step) << " " << c.what;
    if (!c.reason.empty()) out << " (" << c.reason << ")";
    out << " line " << c.line << " bytes " << c.source.byte_begin << "-" << c.source.byte_end << ": \""
        << one_line(c.before) << "\"";
    if (c.what != "removed") out << " -> \"" << one_line(c.after) << "\"";
    out << "\n";
  }
  return out.str();
}

}  // namespace kg
