// Format names and atomic file output. The graph is written to a new file
// beside the target and renamed over it only once complete, so readers never
// see half a graph and a failed write leaves the old file as it was.
#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "kg/error.hpp"
#include "kg/writers.hpp"

namespace kg {
namespace {

std::string io_message(const std::string& path, const std::string& what, int error) {
  return path + ": " + what + (error ? std::string(": ") + std::strerror(error) : std::string());
}

// Creates a new, empty file beside `path` (with the permissions a normal
// create gives, umask applied) and returns its name.
std::string create_temporary_beside(const std::string& path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path target(path);
  for (int attempt = 0; attempt < 100; ++attempt) {
    // Built by append: GCC 12 warns falsely (-Wrestrict) on "." + string.
    std::string name(1, '.');
    name.append(target.filename().string()).append(".tmp-").append(std::to_string(::getpid()));
    name.append("-").append(std::to_string(counter++));
    const std::string temporary = (target.parent_path() / name).string();
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0) {
      ::close(fd);
      return temporary;
    }
    if (errno != EEXIST)
      throw Error(ErrorCode::Io, io_message(path, "cannot create a file beside it", errno));
  }
  throw Error(ErrorCode::Io, path + ": cannot create a temporary file beside it");
}

// Flushes a written file to disk, so the rename never publishes lost data.
bool sync_file(const std::string& file) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

void write_stream(const Graph& graph, std::ostream& out, OutputFormat format, const WriteOptions& options) {
  if (format == OutputFormat::GraphML)
    write_graphml(graph, out, options);
  else
    write_jsonld(graph, out, options);
}

}  // namespace

OutputFormat format_for_path(std::string_view path) {
  if (path.ends_with(".graphml")) return OutputFormat::GraphML;
  if (path.ends_with(".jsonld")) return OutputFormat::JsonLd;
  throw Error(ErrorCode::Usage,
              std::string(path) + ": unknown output format (name the file .graphml or .jsonld)");
}

OutputFormat parse_output_format(std::string_view name) {
  if (name == "graphml") return OutputFormat::GraphML;
  if (name == "jsonld" || name == "json-ld") return OutputFormat::JsonLd;
  throw Error(ErrorCode::Usage, "unknown output format '" + std::string(name) + "' (use graphml or jsonld)");
}

void write_file(const Graph& graph, const std::string& path, OutputFormat format) {
  write_file(graph, path, format, WriteOptions{});
}

void write_file(const Graph& graph, const std::string& path, OutputFormat format,
                const WriteOptions& options) {
  if (path.empty()) throw Error(ErrorCode::Usage, "write_file: empty output path");
  const std::string temporary = create_temporary_beside(path);
  try {
    {
      std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
      if (!out) throw Error(ErrorCode::Io, io_message(path, "cannot open a file beside it", errno));
      write_stream(graph, out, format, options);
      out.flush();
      if (!out) throw Error(ErrorCode::Io, io_message(path, "cannot write", errno));
    }
    if (!sync_file(temporary)) throw Error(ErrorCode::Io, io_message(path, "cannot write", errno));
    if (std::rename(temporary.c_str(), path.c_str()) != 0)
      throw Error(ErrorCode::Io, io_message(path, "cannot replace", errno));
  } catch (...) {
    std::remove(temporary.c_str());
    throw;
  }
}

void write_file(const Graph& graph, const std::string& path) {
  write_file(graph, path, format_for_path(path));
}

}  // namespace kg
