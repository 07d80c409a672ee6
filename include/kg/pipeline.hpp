// kg/pipeline.hpp - every stage in order, from bytes to a graph.
//
// bytes -> RawDocument -> CleanDocument -> sentences -> mentions ->
// entities -> relations -> DocumentExtraction -> Graph. A Pipeline loads its
// resources once (lexicon, recogniser) and is then immutable: several
// threads may call extract() at once.
//
//   kg::Pipeline pipeline;                      // built-in lexicon, all cleaning steps
//   kg::Graph g = pipeline.build_from_text("华为在深圳发布盘古大模型。");
//   kg::write_graphml(g, std::cout);
//
// Thread-safety: const methods only; share freely.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/extraction.hpp"
#include "kg/graph.hpp"

namespace kg {

struct PipelineOptions {
  CleanOptions clean;
  std::vector<std::string> lexicon_files;  // user lexicons added to the built-in one
  bool co_occurrence = true;               // emit coOccurs edges
};

class Pipeline {
 public:
  // Loads resources. Throws kg::Error for an unreadable or malformed lexicon.
  explicit Pipeline(PipelineOptions options = {});
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs every stage on one document.
  DocumentExtraction extract(const RawDocument& doc) const;

  // Runs every stage on UTF-8 text held in memory.
  DocumentExtraction extract_text(std::string_view utf8, std::string id = "text") const;

  // Builds a graph from UTF-8 text held in memory.
  Graph build_from_text(std::string_view utf8, std::string id = "text") const;

  const PipelineOptions& options() const noexcept;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kg
