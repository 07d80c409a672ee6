// kg::parse_jsonl_documents: JSON Lines articles -> RawDocuments.
#include <nlohmann/json.hpp>

#include "kg/document.hpp"
#include "kg/error.hpp"

namespace kg {
namespace {

std::string field_as_string(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  return value.dump();
}

}  // namespace

std::vector<RawDocument> parse_jsonl_documents(std::string_view jsonl, const std::string& origin,
                                               std::size_t first_line) {
  std::vector<RawDocument> docs;
  std::size_t line_no = first_line - 1;
  std::size_t start = 0;
  while (start <= jsonl.size()) {
    std::size_t end = jsonl.find('\n', start);
    if (end == std::string_view::npos) end = jsonl.size();
    ++line_no;
    std::string_view line = jsonl.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (end >= jsonl.size()) break;
      continue;
    }
    const std::string where = origin + " line " + std::to_string(line_no);
    const nlohmann::json record = nlohmann::json::parse(line.begin(), line.end(), nullptr, false);
    if (record.is_discarded() || !record.is_object()) throw Error(ErrorCode::Format, where + ": not a JSON object");
    if (!record.contains("text") || !record["text"].is_string())
      throw Error(ErrorCode::Format, where + ": missing string field \"text\"");
    RawDocument doc;
    doc.id = record.contains("id") ? field_as_string(record["id"]) : origin + ":" + std::to_string(line_no);
    doc.path = origin;
    doc.bytes = record["text"].get<std::string>();
    for (const char* key : {"url", "date", "source", "title", "author"})
      if (record.contains(key) && !record[key].is_null()) doc.attributes[key] = field_as_string(record[key]);
    docs.push_back(std::move(doc));
    if (end >= jsonl.size()) break;
  }
  return docs;
}

}  // namespace kg
