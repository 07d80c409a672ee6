// kg/shared_text.hpp - an immutable string whose copies share one buffer.
//
// Results repeat the same text many times: every piece of evidence of a
// document names the document, and a sentence is the evidence of every
// relation found in it. A SharedText holds such text once; copying it
// copies a pointer and counts a reference instead of copying characters,
// and slices of it (substr) share its buffer too. It reads like a
// std::string_view, to which it converts.
//
//   kg::SharedText sentence("星河智能发布了星河大模型。");
//   kg::SharedText copy = sentence;          // no copy of the characters
//   std::string_view v = copy;                // a view of the shared buffer
//   std::cout << copy.substr(0, 12) << '\n';  // 星河智能, sharing the buffer
//
// Thread-safety: a plain value; copies may be used and destroyed on any
// threads (the count is atomic); one object is not for concurrent writes.
#pragma once

#include <atomic>
#include <compare>
#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <new>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

namespace kg {

class SharedText {
  // The shared buffer: a reference count followed by the characters.
  struct Block {
    std::atomic<std::size_t> refs{1};
    char* chars() noexcept { return reinterpret_cast<char*>(this + 1); }
    static Block* make(std::size_t size) { return new (::operator new(sizeof(Block) + size)) Block; }
    static void destroy(Block* b) noexcept {
      b->~Block();
      ::operator delete(static_cast<void*>(b));
    }
  };

 public:
  // An empty text.
  SharedText() noexcept = default;
  // Copies the characters into a new buffer (once; copies of the result share it).
  SharedText(std::string_view text) { *this = concatenation({text}); }
  SharedText(const std::string& text) : SharedText(std::string_view(text)) {}
  SharedText(const char* text) : SharedText(std::string_view(text)) {}

  // Returns a text that views `text` without copying or counting: for
  // string literals and tables that live as long as the program.
  static SharedText from_static(std::string_view text) noexcept {
    SharedText s;
    s.data_ = text.data();
    s.size_ = text.size();
    return s;
  }

  // Returns the pieces written one after another in one new buffer (one
  // allocation for all of them); take slices of it with substr().
  static SharedText concatenation(std::initializer_list<std::string_view> pieces) {
    return concatenation(pieces.begin(), pieces.end());
  }
  template <typename It>
  static SharedText concatenation(It first, It last) {
    std::size_t size = 0;
    for (It it = first; it != last; ++it) size += std::string_view(*it).size();
    SharedText s;
    if (size == 0) return s;
    s.block_ = Block::make(size);
    char* out = s.block_->chars();
    for (It it = first; it != last; ++it) {
      const std::string_view piece(*it);
      if (!piece.empty()) std::memcpy(out, piece.data(), piece.size());
      out += piece.size();
    }
    s.data_ = s.block_->chars();
    s.size_ = size;
    return s;
  }

  SharedText(const SharedText& other) noexcept : data_(other.data_), size_(other.size_), block_(other.block_) {
    if (block_) block_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  SharedText(SharedText&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)),
        block_(std::exchange(other.block_, nullptr)) {}
  SharedText& operator=(const SharedText& other) noexcept {
    if (other.block_) other.block_->refs.fetch_add(1, std::memory_order_relaxed);  // first: other may be *this
    release();
    data_ = other.data_;
    size_ = other.size_;
    block_ = other.block_;
    return *this;
  }
  SharedText& operator=(SharedText&& other) noexcept {
    if (this != &other) {
      release();
      data_ = std::exchange(other.data_, nullptr);
      size_ = std::exchange(other.size_, 0);
      block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
  }
  ~SharedText() { release(); }

  void swap(SharedText& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(block_, other.block_);
  }

  // Returns the characters from `pos`, at most `count` of them (as
  // std::string_view::substr, clamped), sharing this text's buffer.
  SharedText substr(std::size_t pos, std::size_t count = std::string_view::npos) const noexcept {
    SharedText s(*this);
    if (pos > size_) pos = size_;
    s.data_ = data_ ? data_ + pos : nullptr;
    s.size_ = count < size_ - pos ? count : size_ - pos;
    return s;
  }

  // Hands out up to `count` slices of one text at the cost of one atomic
  // count for the lot (substr counts each slice on its own): for code that
  // cuts many values out of one buffer at once. References not handed out
  // are given back when the slicer goes.
  //
  //   kg::SharedText::Slicer cut(whole, 2);
  //   kg::SharedText a = cut.slice(0, 3), b = cut.slice(3, 6);
  class Slicer {
   public:
    Slicer(const SharedText& whole, std::size_t count) noexcept
        : data_(whole.data_), size_(whole.size_), block_(whole.block_), left_(whole.block_ ? count : 0) {
      if (left_ > 0) block_->refs.fetch_add(left_, std::memory_order_relaxed);
    }
    Slicer(const Slicer&) = delete;
    Slicer& operator=(const Slicer&) = delete;
    ~Slicer() {
      if (left_ > 0 && block_->refs.fetch_sub(left_, std::memory_order_acq_rel) == left_) Block::destroy(block_);
    }

    // Returns whole.substr(pos, count), using one of the references counted in advance.
    SharedText slice(std::size_t pos, std::size_t count = std::string_view::npos) noexcept {
      SharedText s;
      if (pos > size_) pos = size_;
      s.data_ = data_ ? data_ + pos : nullptr;
      s.size_ = count < size_ - pos ? count : size_ - pos;
      s.block_ = block_;
      if (left_ > 0) --left_;  // counted in advance
      else if (block_) block_->refs.fetch_add(1, std::memory_order_relaxed);
      return s;
    }

   private:
    const char* data_;
    std::size_t size_;
    Block* block_;
    std::size_t left_;
  };

  std::string_view view() const noexcept { return {data_ ? data_ : "", size_}; }
  operator std::string_view() const noexcept { return view(); }
  // Returns an independent std::string copy.
  std::string str() const { return std::string(view()); }
  explicit operator std::string() const { return str(); }

  const char* data() const noexcept { return view().data(); }
  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  char operator[](std::size_t i) const noexcept { return data_[i]; }

  friend bool operator==(const SharedText& a, const SharedText& b) noexcept { return a.view() == b.view(); }
  friend bool operator==(const SharedText& a, std::string_view b) noexcept { return a.view() == b; }
  friend bool operator==(const SharedText& a, const std::string& b) noexcept { return a.view() == b; }
  friend bool operator==(const SharedText& a, const char* b) noexcept { return a.view() == b; }
  friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) noexcept {
    return a.view() <=> b.view();
  }
  friend std::strong_ordering operator<=>(const SharedText& a, std::string_view b) noexcept {
    return a.view() <=> b;
  }
  friend std::strong_ordering operator<=>(const SharedText& a, const std::string& b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::strong_ordering operator<=>(const SharedText& a, const char* b) noexcept {
    return a.view() <=> std::string_view(b);
  }
  friend std::ostream& operator<<(std::ostream& out, const SharedText& s) { return out << s.view(); }

 private:
  void release() noexcept {
    if (block_ && block_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) Block::destroy(block_);
    block_ = nullptr;
  }

  const char* data_ = nullptr;
  std::size_t size_ = 0;
  Block* block_ = nullptr;  // null: empty or static
};

}  // namespace kg
