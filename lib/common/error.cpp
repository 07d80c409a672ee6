#include "kg/error.hpp"

namespace kg {

const char* to_string(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::Io: return "io";
    case ErrorCode::Encoding: return "encoding";
    case ErrorCode::Format: return "format";
    case ErrorCode::Usage: return "usage";
    case ErrorCode::Internal: return "internal";
  }
  return "unknown";
}

}  // namespace kg
