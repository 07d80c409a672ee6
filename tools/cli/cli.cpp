// Argument parsing for kg: CLI11 turns argv into options, then one run_*
// function does the work. Errors from the library arrive as kg::Error and
// leave here as one "kg: error: ..." line.
#include "cli/cli.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <ostream>
#include <string>

#include "cli/commands.hpp"
#include "kg/error.hpp"
#include "kg/version.hpp"

namespace kg::cli {
namespace {

constexpr const char* kDescription =
    "kg turns Chinese news articles into a typed knowledge graph: places, firms,\n"
    "labs, universities, government bodies, organisations, programmes, products\n"
    "and people, with the relations between them and the sentences that show them.\n"
    "Articles may be plain text, HTML or Markdown, in UTF-8, GB18030 or Big5,\n"
    "simplified or traditional script.\n\n"
    "Examples:\n"
    "  kg build articles/ -o graph.graphml -o graph.jsonld\n"
    "  kg clean --explain article.txt\n"
    "  kg explain 华为 articles/\n"
    "  kg extract articles/ -o fragments.jsonl && kg merge fragments.jsonl -o graph.graphml\n";

void add_input_options(CLI::App& cmd, InputOptions& o, bool with_jobs) {
  cmd.add_option("INPUT", o.inputs,
                 "Article files, directories (searched recursively for *.txt, *.html, *.htm,\n"
                 "*.md and *.jsonl) or - for standard input. A .jsonl file holds one article\n"
                 "a line: {\"id\", \"text\", optional \"url\", \"date\", \"source\"}.")
      ->required();
  cmd.add_option("--encoding", o.encoding,
                 "Decode every input as this encoding (UTF-8, GB18030, Big5, UTF-16, ...)\n"
                 "instead of detecting it.");
  cmd.add_option("--format-in", o.format_in, "Input format instead of detecting it: text, html, markdown.")
      ->check(CLI::IsMember({"auto", "text", "html", "markdown"}));
  cmd.add_option("--keep", o.keep,
                 "Keep what a cleaning step would change, i.e. switch the step off; may repeat.\n"
                 "Steps: pinyin, mojibake, boilerplate, linejoin, width.")
      ->check(CLI::IsMember({"pinyin", "mojibake", "boilerplate", "linejoin", "width"}));
  cmd.add_option("--lexicon", o.lexicons,
                 "Add a lexicon TSV file to the built-in one (format: data/README.md); may repeat.")
      ->check(CLI::ExistingFile);
  if (with_jobs)
    cmd.add_option("-j,--jobs", o.jobs,
                   "Threads: documents are extracted and merged, and the output written, on N threads "
                   "(default 1); the output is the same bytes for any N.")
        ->check(CLI::Range(1u, 256u));
  cmd.add_flag("-q,--quiet", o.quiet, "Print no progress and no summary.");
}

// --max-evidence and --max-samples: a count, or "all" for no bound.
void add_bounds_options(CLI::App& cmd, GraphOptions& bounds) {
  auto count_or_all = [](const std::string& option, std::size_t& target) {
    return [option, &target](const std::string& value) {
      if (value == "all") {
        target = SIZE_MAX;
        return;
      }
      std::size_t used = 0;
      unsigned long long n = 0;
      try {
        n = std::stoull(value, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != value.size() || value[0] == '-')
        throw CLI::ValidationError(option, "'" + value + "' is neither a count nor 'all'");
      target = static_cast<std::size_t>(n);
    };
  };
  cmd.add_option_function<std::string>(
         "--max-evidence", count_or_all("--max-evidence", bounds.max_evidence),
         "Evidence sentences kept per edge, the most confident first (default " +
             std::to_string(bounds.max_evidence) +
             "; 'all' keeps every one,\n"
             "and memory then grows with the corpus). Counts are always exact.")
      ->type_name("N|all");
  cmd.add_option_function<std::string>(
         "--max-samples",
         [&bounds, set = count_or_all("--max-samples", bounds.max_mentions)](const std::string& value) {
           set(value);
           bounds.max_documents = bounds.max_mentions;
         },
         "Mentions and document ids kept per entity as samples (default " +
             std::to_string(bounds.max_mentions) + "; 'all' keeps every one).")
      ->type_name("N|all");
}

std::vector<std::string> reversed(std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector
  return args;
}

}  // namespace

int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  CLI::App app{kDescription, "kg"};
  app.set_version_flag("--version", std::string("kg ") + kg::version());
  app.require_subcommand(1);
  app.footer("Run 'kg COMMAND --help' for a command's options.");

  InputOptions input;
  std::vector<std::string> outputs;
  std::string format;
  bool no_cooccurrence = false;
  CLI::App* build = app.add_subcommand(
      "build", "Build one knowledge graph from articles and write it as GraphML and/or JSON-LD.");
  add_input_options(*build, input, true);
  build->add_option("-o,--output", outputs,
                    "Write the graph to FILE; the format follows the extension (.graphml, .jsonld);\n"
                    "may repeat. Without -o the graph goes to standard output as --format.");
  build->add_option("--format", format, "Output format when it cannot come from -o: graphml or jsonld.")
      ->check(CLI::IsMember({"graphml", "jsonld"}));
  build->add_flag("--no-cooccurrence", no_cooccurrence, "Leave out the coOccurs edges.");
  GraphOptions bounds;
  add_bounds_options(*build, bounds);

  std::string fragment_output = "-";
  CLI::App* extract = app.add_subcommand(
      "extract", "Write one JSON line of entities and relations per article (the 'map' of map-reduce).");
  add_input_options(*extract, input, true);
  extract->add_option("-o,--output", fragment_output,
                      "Write the fragments to FILE (default: standard output).");

  std::vector<std::string> fragments;
  bool merge_quiet = false;
  CLI::App* merge = app.add_subcommand(
      "merge",
      "Merge fragment files from 'kg extract' (or 'kg merge -o x.jsonl') into one graph (the 'reduce').");
  merge->add_option("FRAGMENTS", fragments, "JSON Lines fragment files, or - for standard input.")
      ->required();
  merge->add_option("-o,--output", outputs,
                    "Write the graph to FILE (.graphml, .jsonld, or .jsonl for fragments that can be\n"
                    "merged again); may repeat. Without -o: standard output as --format.");
  merge->add_option("--format", format, "Output format for standard output: graphml, jsonld or jsonl.")
      ->check(CLI::IsMember({"graphml", "jsonld", "jsonl"}));
  merge->add_flag("-q,--quiet", merge_quiet, "Print no summary.");
  add_bounds_options(*merge, bounds);

  bool explain_changes = false;
  CLI::App* clean =
      app.add_subcommand("clean", "Print the clean text of articles, as the extractor reads it.");
  add_input_options(*clean, input, false);
  clean->add_flag("--explain", explain_changes,
                  "Show what each cleaning step removed or changed, and where (line and byte offsets).");

  std::string name;
  CLI::App* explain = app.add_subcommand(
      "explain",
      "Print what the articles say about one entity: its relations, each with its evidence sentence.");
  explain->add_option("NAME", name, "The entity's name or one of its aliases (either script).")->required();
  add_input_options(*explain, input, true);

  try {
    app.parse(reversed(args));
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e, out, err);
    return code == 0 ? 0 : 2;
  }

  const Streams io{in, out, err};
  try {
    if (*build) return run_build(input, outputs, format, !no_cooccurrence, bounds, io);
    if (*extract) return run_extract(input, fragment_output, io);
    if (*merge) return run_merge(fragments, outputs, format, merge_quiet, bounds, io);
    if (*clean) return run_clean(input, explain_changes, io);
    if (*explain) return run_explain(name, input, io);
  } catch (const kg::Error& e) {
    err << "kg: error: " << e.what() << '\n';
    return e.code() == ErrorCode::Usage ? 2 : 1;
  } catch (const std::exception& e) {
    err << "kg: error: " << e.what() << '\n';
    return 1;
  }
  return 2;
}

}  // namespace kg::cli
