// Reading raw documents: files, pipes, standard input, JSON Lines.
#include "kg/document.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "kg/error.hpp"

namespace kg {
namespace fs = std::filesystem;

RawDocument read_document(std::istream& in, std::string id, std::string path) {
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw Error(ErrorCode::Io, path + ": read failed");
  return RawDocument{std::move(id), std::move(path), std::move(buffer).str(), {}};
}

RawDocument read_document(const std::string& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw Error(ErrorCode::Io, path + ": no such file");
  if (fs::is_directory(status)) throw Error(ErrorCode::Io, path + ": is a directory, not a file");
  // Pipes and process substitutions (/dev/fd/N) are read like files.
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::Io, path + ": cannot open for reading");
  if (!fs::is_regular_file(status)) return read_document(in, fs::path(path).filename().string(), path);
  // A regular file is read straight into a string of its size, without the
  // doubling copies of a string stream; whatever it grew by since is appended.
  std::string bytes(static_cast<std::size_t>(fs::file_size(path, ec)), '\0');
  if (ec) throw Error(ErrorCode::Io, path + ": cannot read its size");
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (in.bad()) throw Error(ErrorCode::Io, path + ": read failed");
  if (!in.eof()) bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::Io, path + ": read failed");
  return RawDocument{fs::path(path).filename().string(), path, std::move(bytes), {}};
}

RawDocument make_document(std::string id, std::string bytes) {
  return RawDocument{std::move(id), "", std::move(bytes), {}};
}

namespace {

bool is_article_file(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".md" || ext == ".jsonl";
}

}  // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const std::string& input : inputs) {
    if (input == "-") {
      files.push_back(input);
      continue;
    }
    std::error_code ec;
    const auto status = fs::status(input, ec);
    if (ec || !fs::exists(status)) throw Error(ErrorCode::Io, input + ": no such file or directory");
    if (!fs::is_directory(status)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::recursive_directory_iterator(input, ec))
      if (entry.is_regular_file() && is_article_file(entry.path())) found.push_back(entry.path().string());
    if (ec) throw Error(ErrorCode::Io, input + ": cannot list directory: " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace kg
