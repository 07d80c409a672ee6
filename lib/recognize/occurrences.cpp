#include "recognize/occurrences.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace kg::recognize {

namespace {

// The bucket (of 4096) of a name's first bytes in find_occurrences.
inline std::uint32_t occurrence_bucket(std::uint32_t key) { return (key * 0x9E3779B1u) >> 20; }

bool is_continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Where a name's second character starts (a byte that is no continuation
// byte), or 0 when it has none.
std::size_t second_start(std::string_view name) {
  for (std::size_t i = 1; i < name.size(); ++i)
    if (!is_continuation_byte(name[i])) return i;
  return 0;
}

// Whether the every-second-character walk can find a name: it starts a
// character, has a second one, and three bytes from the start of each of
// its first two characters (its keys).
bool suits_alternate_walk(std::string_view name) {
  const std::size_t second = second_start(name);
  return !name.empty() && !is_continuation_byte(name[0]) && second != 0 && name.size() >= 3 &&
         name.size() - second >= 3;
}

// The three bytes at p as one number (the key of a character start).
std::uint32_t load3(const char* p) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(p[2])) << 16;
}

// Whether n bytes at a and b are equal: the same answer as memcmp() == 0,
// inline, eight bytes a step. The names are short (two to five Han
// characters), so a call to the library function would cost more than the
// comparison itself.
bool same_bytes(const char* a, const char* b, std::size_t n) {
  for (; n >= 8; n -= 8, a += 8, b += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
  }
  if (n >= 4) {
    std::uint32_t x, y;
    std::memcpy(&x, a, 4);
    std::memcpy(&y, b, 4);
    if (x != y) return false;
    n -= 4;
    a += 4;
    b += 4;
  }
  for (; n > 0; --n, ++a, ++b)
    if (*a != *b) return false;
  return true;
}

}  // namespace

// Finds every occurrence of every name (at any byte, as a substring search
// would) in one pass over the text; appends them in no particular order.
// Names of four bytes or more (nearly all: two Han characters are six) are
// chained in buckets by a hash of their first four bytes, so each position
// costs one load of the text, one table load and a comparison only on a
// likely hit; the few shorter names are chained by their first two bytes.
void find_occurrences_at_every_start(std::string_view text, const std::vector<std::string_view>& names,
                                     std::vector<Occurrence>& out) {
  constexpr std::uint32_t kBuckets = 4096, kNone = 0xFFFFFFFFu;
  auto load4 = [](const char* p) {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  };
  auto load2 = [](const char* p) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(p[0]) | (static_cast<unsigned char>(p[1]) << 8));
  };
  auto bucket = [](std::uint32_t key) { return occurrence_bucket(key); };
  // The bucket tables stay filled with kNone between calls: only the buckets
  // this call used are reset at the end, not all of them.
  thread_local std::vector<std::uint32_t> long_head(kBuckets, kNone), short_head(kBuckets, kNone);
  thread_local std::vector<std::uint32_t> chain, key;
  chain.assign(names.size(), kNone);
  key.assign(names.size(), 0);
  bool any_short = false;
  std::array<bool, 256> starts_some_name{};  // by first byte: most positions start no name
  for (std::uint32_t k = 0; k < names.size(); ++k) {
    const std::string_view n = names[k];
    starts_some_name[static_cast<unsigned char>(n[0])] = true;
    const bool is_long = n.size() >= 4;
    key[k] = is_long ? load4(n.data()) : load2(n.data());
    std::uint32_t& head = is_long ? long_head[bucket(key[k])] : short_head[bucket(key[k])];
    chain[k] = head;
    head = k;
    any_short |= !is_long;
  }
  // Puts the used buckets back to kNone however this call ends (push_back may throw).
  struct ResetBuckets {
    const std::vector<std::string_view>& names;
    const std::vector<std::uint32_t>& key;
    std::vector<std::uint32_t>& long_head;
    std::vector<std::uint32_t>& short_head;
    ~ResetBuckets() {
      for (std::uint32_t k = 0; k < names.size(); ++k)
        (names[k].size() >= 4 ? long_head : short_head)[occurrence_bucket(key[k])] = kNone;
    }
  } reset{names, key, long_head, short_head};
  auto try_chain = [&](std::uint32_t k, std::size_t i, std::uint32_t at) {
    for (; k != kNone; k = chain[k]) {
      const std::string_view name = names[k];
      if (key[k] == at && text.size() - i >= name.size() && std::memcmp(text.data() + i, name.data(), name.size()) == 0)
        out.push_back({i, i + name.size(), k});
    }
  };
  // Names start where characters do, so continuation bytes can be passed
  // over, unless some name (cut from broken text) starts with one.
  auto is_continuation = [](char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; };
  const bool any_name_at_continuation =
      std::any_of(names.begin(), names.end(), [&](std::string_view n) { return is_continuation(n[0]); });
  const char* data = text.data();
  const std::size_t long_end = text.size() >= 4 ? text.size() - 3 : 0;  // positions with four bytes left
  auto at_position = [&](std::size_t i) {
    if (!starts_some_name[static_cast<unsigned char>(data[i])]) return;
    const std::uint32_t at = load4(data + i);
    if (const std::uint32_t k = long_head[bucket(at)]; k != kNone) try_chain(k, i, at);
    if (any_short) {
      const std::uint32_t at2 = load2(data + i);
      if (const std::uint32_t k = short_head[bucket(at2)]; k != kNone) try_chain(k, i, at2);
    }
  };
  // Eight bytes at a time: the high bit of each byte of `starts` tells
  // whether a character (or a stray byte) starts there, that is, whether the
  // byte is not 10xxxxxx: its top bit is clear or the next bit is set.
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {  // byte k of `word` is bits 8k..8k+7
    for (; i + 8 <= long_end; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      std::uint64_t starts = any_name_at_continuation ? kHigh : (~word | (word << 1)) & kHigh;
      for (; starts != 0; starts &= starts - 1)
        at_position(i + (static_cast<std::size_t>(std::countr_zero(starts)) >> 3));
    }
  }
  for (; i < long_end; ++i)
    if (!is_continuation(data[i]) || any_name_at_continuation) at_position(i);
  if (any_short)
    for (std::size_t i = long_end; i + 1 < text.size(); ++i) {
      if (is_continuation(data[i]) && !any_name_at_continuation) continue;
      const std::uint32_t at2 = load2(data + i);
      if (const std::uint32_t k = short_head[bucket(at2)]; k != kNone) try_chain(k, i, at2);
    }
}

// Every name has at least two characters, and the characters of an
// occurrence are consecutive character starts of the text, so one of its
// first two characters is an even-numbered character start of the text
// (counting every byte that is no continuation byte). The walk looks only at
// those, half of them. Each name has two entries in one bucket table, keyed
// by its first character (an occurrence starting here) and by its second
// (one starting a character earlier); exactly one of the two finds each
// occurrence, so nothing is reported twice.
void find_occurrences(std::string_view text, const std::vector<std::string_view>& names,
                      std::vector<Occurrence>& out) {
  if (!std::all_of(names.begin(), names.end(), suits_alternate_walk)) {
    find_occurrences_at_every_start(text, names, out);
    return;
  }
  constexpr std::uint32_t kBuckets = 4096, kNone = 0xFFFFFFFFu;
  // The bucket table stays filled with kNone between calls: only the buckets
  // this call used are reset at the end, not all of them.
  thread_local std::vector<std::uint32_t> head(kBuckets, kNone);
  // A bit per value of a key's first two bytes, which in Chinese text rule
  // out nearly every position before the bucket table is read. Cleared the
  // same way as the buckets.
  thread_local std::vector<std::uint64_t> pairs(0x10000 / 64, 0);
  auto set_pair = [](std::uint32_t two) { pairs[two >> 6] |= std::uint64_t{1} << (two & 63); };
  auto has_pair = [](std::uint32_t two) { return (pairs[two >> 6] >> (two & 63) & 1) != 0; };
  // Per entry: entry 2k is name k by its first character, 2k + 1 by its second.
  thread_local std::vector<std::uint32_t> chain, key, back;  // back: bytes from the key to the name's start
  const std::size_t entries = 2 * names.size();
  chain.assign(entries, kNone);
  key.assign(entries, 0);
  back.assign(entries, 0);
  for (std::uint32_t e = 0; e < entries; ++e) {
    const std::string_view n = names[e / 2];
    const auto at = static_cast<std::uint32_t>(e % 2 == 0 ? 0 : second_start(n));
    back[e] = at;
    key[e] = load3(n.data() + at);
    set_pair(key[e] & 0xFFFFu);
    std::uint32_t& first = head[occurrence_bucket(key[e])];
    chain[e] = first;
    first = e;
  }
  // Puts the used buckets back to kNone however this call ends (push_back may throw).
  struct ResetBuckets {
    std::size_t entries;
    ~ResetBuckets() {
      for (std::uint32_t e = 0; e < entries; ++e) {
        head[occurrence_bucket(key[e])] = kNone;
        pairs[(key[e] & 0xFFFFu) >> 6] = 0;
      }
    }
  } reset{entries};
  const char* data = text.data();
  const std::size_t size = text.size();
  auto look_up = [&](std::size_t i, std::uint32_t at) {
    for (std::uint32_t e = head[occurrence_bucket(at)]; e != kNone; e = chain[e]) {
      if (key[e] != at || i < back[e]) continue;
      const std::size_t begin = i - back[e];
      const std::string_view name = names[e / 2];
      if (size - begin >= name.size() && same_bytes(data + begin, name.data(), name.size()))
        out.push_back({begin, begin + name.size(), e / 2});
    }
  };
  bool take = true;  // whether the next character start is even-numbered
  std::size_t i = 0;
  if constexpr (std::endian::native == std::endian::little) {  // byte k of `word` is bits 8k..8k+7
    // Eleven bytes left: a key can be read with one four-byte load at any of the eight.
    constexpr std::uint64_t kHigh = 0x8080808080808080ull;
    for (; i + 11 <= size; i += 8) {
      std::uint64_t word;
      std::memcpy(&word, data + i, 8);
      // The high bit of each byte: set when the byte is no continuation byte.
      std::uint64_t starts = (~word | (word << 1)) & kHigh;
      if (!take && starts != 0) {
        starts &= starts - 1;
        take = true;
      }
      // Two character starts per turn: the first is looked at, the second passed over.
      while (starts != 0) {
        const std::size_t at = i + (static_cast<std::size_t>(std::countr_zero(starts)) >> 3);
        std::uint32_t four;
        std::memcpy(&four, data + at, 4);
        if (has_pair(four & 0xFFFFu)) look_up(at, four & 0xFFFFFFu);
        starts &= starts - 1;
        if (starts == 0) {
          take = false;
          break;
        }
        starts &= starts - 1;
      }
    }
  }
  for (; i < size; ++i) {
    if (is_continuation_byte(data[i])) continue;
    if (take && size - i >= 3 && has_pair(load3(data + i) & 0xFFFFu)) look_up(i, load3(data + i));
    take = !take;
  }
}

}  // namespace kg::recognize
