// TEMPORARY stub of the lexicon and recognition stages so the pipeline
// links; replaced by the entity work (issue 4).
#include "kg/lexicon.hpp"
#include "kg/mention.hpp"

namespace kg {

struct Lexicon::Index {};
Lexicon::Lexicon() = default;
Lexicon::~Lexicon() = default;
Lexicon::Lexicon(const Lexicon&) = default;
Lexicon& Lexicon::operator=(const Lexicon&) = default;
Lexicon::Lexicon(Lexicon&&) noexcept = default;
Lexicon& Lexicon::operator=(Lexicon&&) noexcept = default;
const Lexicon& Lexicon::builtin() {
  static const Lexicon lexicon;
  return lexicon;
}
Lexicon Lexicon::with_file(const std::string&) const { return *this; }
Lexicon Lexicon::with_tsv(std::string_view, const std::string&) const { return *this; }
const std::vector<LexiconEntry>& Lexicon::entries() const noexcept { return entries_; }
const LexiconEntry* Lexicon::find(std::string_view) const { return nullptr; }
std::vector<const LexiconEntry*> Lexicon::find_all(std::string_view) const { return {}; }
void Lexicon::reindex() {}

struct Recognizer::Impl {};
Recognizer::Recognizer(const Lexicon&) : impl_(std::make_unique<Impl>()) {}
Recognizer::~Recognizer() = default;
std::vector<Mention> Recognizer::recognize(const CleanDocument&, const std::vector<Sentence>&) const {
  return {};
}

}  // namespace kg
