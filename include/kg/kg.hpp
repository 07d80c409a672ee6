// kg/kg.hpp - the whole public API in one include.
//
//   #include <kg/kg.hpp>
//   kg::Pipeline pipeline;
//   kg::Graph g = pipeline.build_from_text("华为在深圳发布盘古大模型。");
//   kg::write_jsonld(g, std::cout);
#pragma once

#include "kg/clean_text.hpp"
#include "kg/document.hpp"
#include "kg/entity.hpp"
#include "kg/error.hpp"
#include "kg/extraction.hpp"
#include "kg/fragment.hpp"
#include "kg/graph.hpp"
#include "kg/lexicon.hpp"
#include "kg/mention.hpp"
#include "kg/ontology.hpp"
#include "kg/pipeline.hpp"
#include "kg/relation.hpp"
#include "kg/sentence.hpp"
#include "kg/span.hpp"
#include "kg/version.hpp"
#include "kg/writers.hpp"
