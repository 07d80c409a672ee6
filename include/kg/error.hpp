// kg/error.hpp - the one error type at the library's boundary.
//
// Every failure that comes from data (a missing file, undecodable bytes, a
// malformed lexicon line, an unknown format name) is thrown as kg::Error with
// a stable code and a message that names the file and the problem. The
// library never aborts or exits; tools catch kg::Error and print
// "kg: error: <message>".
//
//   try { auto doc = kg::read_document("a.txt"); }
//   catch (const kg::Error& e) { std::cerr << e.what() << '\n'; }
//
// Thread-safety: plain value type.
#pragma once

#include <stdexcept>
#include <string>

namespace kg {

// Stable error codes; their numeric values never change once released.
enum class ErrorCode {
  Io = 1,          // a file cannot be opened, read or written
  Encoding = 2,    // bytes cannot be decoded in the detected or forced encoding
  Format = 3,      // input or data in the wrong shape (lexicon TSV, JSON, ...)
  Usage = 4,       // an argument or option the library cannot honour
  Internal = 5,    // a third-party library failed in a way we did not expect
};

// Names the code ("io", "encoding", ...), for messages and JSON.
const char* to_string(ErrorCode code) noexcept;

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message)
      : std::runtime_error(message), code_(code) {}

  // Returns the stable code of this error.
  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace kg
