// The pipeline: every stage in order, one document at a time. Resources are
// loaded once in the constructor; extract() touches no shared mutable state,
// so one Pipeline serves many threads.
#include "kg/pipeline.hpp"

#include "kg/entity.hpp"
#include "kg/lexicon.hpp"
#include "kg/mention.hpp"
#include "kg/relation.hpp"
#include "kg/sentence.hpp"

namespace kg {

struct Pipeline::Impl {
  PipelineOptions options;
  Lexicon lexicon;
  Cleaner cleaner;
  SentenceSplitter splitter;
  Recognizer recognizer;
  EntityResolver resolver;
  RelationExtractor relations;

  explicit Impl(PipelineOptions opts)
      : options(std::move(opts)),
        lexicon(load_lexicon(options.lexicon_files)),
        cleaner(options.clean),
        recognizer(lexicon),
        resolver(lexicon),
        relations(lexicon) {}

  static Lexicon load_lexicon(const std::vector<std::string>& files) {
    Lexicon lexicon = Lexicon::builtin();
    for (const std::string& file : files) lexicon = lexicon.with_file(file);
    return lexicon;
  }
};

Pipeline::Pipeline(PipelineOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Pipeline::~Pipeline() = default;

const PipelineOptions& Pipeline::options() const noexcept { return impl_->options; }

DocumentExtraction Pipeline::extract(const RawDocument& doc) const {
  const Impl& p = *impl_;
  CleanDocument clean = p.cleaner.clean(doc);  // not const: its attributes and counts are moved out at the end
  const std::vector<Sentence> sentences = p.splitter.split(clean);
  Resolution resolution = p.resolver.resolve(clean, p.recognizer.recognize(clean, sentences));
  std::vector<Relation> relations = p.relations.extract(clean, sentences, resolution);
  if (!p.options.co_occurrence)
    std::erase_if(relations, [](const Relation& r) { return r.type == RelationType::CoOccurs; });

  DocumentExtraction out;
  out.document = doc.id;
  out.attributes = std::move(clean.attributes);
  out.attributes.insert_or_assign("encoding", std::move(clean.encoding));
  out.entities = std::move(resolution.entities);
  out.relations = std::move(relations);
  out.bytes = doc.bytes.size();
  out.sentences = sentences.size();
  out.cleaning = std::move(clean.counts);
  return out;
}

DocumentExtraction Pipeline::extract_text(std::string_view utf8, std::string id) const {
  return extract(make_document(std::move(id), std::string(utf8)));
}

Graph Pipeline::build_from_text(std::string_view utf8, std::string id) const {
  Graph graph;
  graph.add(extract_text(utf8, std::move(id)));
  return graph;
}

}  // namespace kg
