// The kg command-line tool; everything happens in kg::cli::run.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

#ifdef KG_WITH_MIMALLOC
#include <mimalloc.h>
#endif

int main(int argc, char** argv) {
  // kg reads and writes through the C++ streams only; unsynchronised
  // streams read standard input (JSON Lines from a pipe) several times faster.
  std::ios::sync_with_stdio(false);
#ifdef KG_WITH_MIMALLOC
  // A call into the library, so the linker keeps it (and with it the
  // malloc it provides) even when linking only what is needed.
  (void)mi_version();
#endif
  std::vector<std::string> args(argv + 1, argv + argc);
  return kg::cli::run(args, std::cin, std::cout, std::cerr);
}
