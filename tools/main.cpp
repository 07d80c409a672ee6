// The kg command-line tool; everything happens in kg::cli::run.
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  // kg reads and writes through the C++ streams only; unsynchronised
  // streams read standard input (JSON Lines from a pipe) several times faster.
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv + 1, argv + argc);
  return kg::cli::run(args, std::cin, std::cout, std::cerr);
}
