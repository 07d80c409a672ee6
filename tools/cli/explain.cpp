// kg explain NAME: an entity's relations with the sentences that support
// them, so a reader can check each claim against its source.
#include <algorithm>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <utility>

#include "cli/commands.hpp"
#include "kg/error.hpp"
#include "kg/graph.hpp"

namespace kg::cli {
namespace {

void print_entity(std::ostream& out, const Entity& e) {
  out << e.name << "  [" << to_string(e.type);
  if (e.level != PlaceLevel::None) out << ", " << to_string(e.level);
  out << "]  " << e.mention_count << " mentions in " << e.document_count << " documents\n";
  if (e.aliases.size() > 1) {
    out << "  also written:";
    for (const std::string& a : e.aliases)
      if (a != e.name) out << ' ' << a;
    out << '\n';
  }
}

void print_relation(std::ostream& out, const Relation& r) {
  out << "\n" << r.head << " -" << to_string(r.type) << "-> " << r.tail;
  if (!r.role.empty()) out << "  (role: " << r.role << ")";
  out << "  [" << r.evidence_count << " evidence]\n";
  for (const Evidence& ev : r.evidence) {
    out << "  " << ev.document << " sentence " << ev.sentence << ", bytes " << ev.source.byte_begin << "-"
        << ev.source.byte_end;
    if (!ev.trigger.empty()) out << ", trigger " << ev.trigger;
    out << ", confidence " << ev.confidence << "\n    " << ev.text << '\n';
  }
}

}  // namespace

int run_explain(const std::string& name, const InputOptions& input, Streams io) {
  const Pipeline pipeline(pipeline_options(input));
  // A user checking a claim wants every sentence behind it.
  GraphOptions everything;
  everything.max_evidence = everything.max_mentions = everything.max_documents = SIZE_MAX;
  Graph graph(everything);
  std::mutex graph_mutex;
  extract_each(pipeline, input, io, [&](DocumentExtraction&& x) {
    std::lock_guard lock(graph_mutex);
    graph.add(std::move(x));
  });
  const Entity* entity = graph.find(name);
  if (entity == nullptr) entity = graph.find(canonical_name(name));
  if (entity == nullptr) {
    io.err << "kg: no entity named '" << name << "' in " << graph.document_count() << " documents\n";
    return 1;
  }
  print_entity(io.out, *entity);
  std::vector<Relation> co_occurring;
  for (const Relation& r : graph.relations()) {
    if (r.head != entity->name && r.tail != entity->name) continue;
    if (r.type == RelationType::CoOccurs)
      co_occurring.push_back(r);
    else
      print_relation(io.out, r);
  }
  // Co-occurrence is weak evidence: list the partners, strongest first.
  std::stable_sort(co_occurring.begin(), co_occurring.end(),
                   [](const Relation& a, const Relation& b) { return a.weight > b.weight; });
  if (!co_occurring.empty()) {
    io.out << "\nco-occurs with:";
    for (const Relation& r : co_occurring)
      io.out << ' ' << (r.head == entity->name ? r.tail : r.head) << " (" << r.weight << ")";
    io.out << '\n';
  }
  return 0;
}

}  // namespace kg::cli
