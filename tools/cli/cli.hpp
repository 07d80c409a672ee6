// The kg command line as a testable function: argv in, exit code out.
//
//   std::ostringstream out, err;
//   int code = kg::cli::run({"build", "a.txt", "-o", "g.graphml"}, std::cin, out, err);
//
// Exit codes: 0 success, 1 a data error (bad input file, unwritable output),
// 2 a usage error (unknown option, missing argument).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace kg::cli {

// Runs one kg command line (without the program name). Never throws: every
// error becomes one "kg: error: ..." line on `err` and a non-zero code.
int run(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
        std::ostream& err);

}  // namespace kg::cli
