// kg/sentence.hpp - the third stage: clean text cut into sentences.
//
// Sentences end at Chinese and Western sentence punctuation (。！？；!?, and
// a full stop followed by space) and at paragraph breaks; a quotation
// (“…”「…」) is kept whole, with the closing mark in the sentence it ends.
//
//   kg::SentenceSplitter splitter;
//   for (const kg::Sentence& s : splitter.split(clean)) std::cout << s.text << '\n';
//
// Thread-safety: const methods only; share freely.
#pragma once

#include <cstddef>
#include <vector>

#include "kg/clean_text.hpp"
#include "kg/shared_text.hpp"
#include "kg/span.hpp"

namespace kg {

struct Sentence {
  std::size_t index = 0;  // 0-based position in the document
  std::size_t begin = 0;  // byte offsets in CleanDocument::text
  std::size_t end = 0;
  // The sentence as written (original script). The sentences of one split
  // share one copy of the document's text (kg::SharedText: copying a
  // sentence copies no characters), which they own together: they stay
  // valid after the CleanDocument is gone.
  SharedText text;
  SourceSpan source;      // where it is in the original file
};

class SentenceSplitter {
 public:
  // Splits a clean document; whitespace-only pieces are dropped.
  std::vector<Sentence> split(const CleanDocument& doc) const;
};

}  // namespace kg
