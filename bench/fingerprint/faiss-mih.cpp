// The peer for the index benchmark: FAISS IndexBinaryMultiHash(256, 16, 16) with nflip 1 (the
// design Meta's HMA uses), on the same hashes and queries as athar's index, one query at a time on
// one thread. Built by bench/fingerprint/faiss.ts with g++ against Debian's libfaiss-dev.
//
// Input file: u32 n, u32 nq, u32 radius (inclusive), u32 0; n*32 bytes of hashes; nq*32 bytes of
// queries. Output (stdout): "build_s S", "peak_rss_kb K", then per query
// "qi time_us cpu_us count id1 id2 ..." with ids sorted ascending (CPU time as well as wall time,
// because the benchmark machine's cores are shared).
#include <faiss/IndexBinaryHash.h>
#include <faiss/impl/AuxIndexStructures.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <type_traits>
#include <vector>

// FAISS moved idx_t from faiss::Index to namespace faiss after 1.7.3 (Debian 12's): take it from
// the result type, which both versions share.
using idx_t = std::remove_pointer_t<decltype(faiss::RangeSearchResult::labels)>;

static double cpu_us() {
  timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static long peak_rss_kb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: faiss-mih INPUT\n");
    return 2;
  }
  FILE* f = std::fopen(argv[1], "rb");
  if (!f) {
    std::perror(argv[1]);
    return 1;
  }
  uint32_t header[4];
  if (std::fread(header, 4, 4, f) != 4) return 1;
  const size_t n = header[0], nq = header[1];
  const int radius = static_cast<int>(header[2]);
  // FAISS reads each 16-bit chunk as 8 bytes from the chunk's first byte: the last chunk reads 6
  // bytes past a hash, so both arrays get 8 bytes of padding.
  std::vector<uint8_t> db(n * 32 + 8, 0), queries(nq * 32 + 8, 0);
  if (std::fread(db.data(), 32, n, f) != n || std::fread(queries.data(), 32, nq, f) != nq) {
    std::fprintf(stderr, "short input\n");
    return 1;
  }
  std::fclose(f);

  auto t0 = std::chrono::steady_clock::now();
  faiss::IndexBinaryMultiHash index(256, 16, 16);
  index.nflip = 1;
  index.add(static_cast<idx_t>(n), db.data());
  auto t1 = std::chrono::steady_clock::now();
  std::vector<uint8_t>().swap(db); // the index keeps its own copy of the codes
  std::printf("build_s %.3f\n", std::chrono::duration<double>(t1 - t0).count());

  for (size_t qi = 0; qi < nq; qi++) {
    faiss::RangeSearchResult result(1);
    double c0 = cpu_us();
    auto s = std::chrono::steady_clock::now();
    // range_search keeps distances strictly below its radius argument: radius + 1 means "≤ radius".
    index.range_search(1, queries.data() + qi * 32, radius + 1, &result);
    auto e = std::chrono::steady_clock::now();
    double c1 = cpu_us();
    std::vector<idx_t> ids(result.labels, result.labels + result.lims[1]);
    std::sort(ids.begin(), ids.end());
    std::printf("%zu %.1f %.1f %zu", qi, std::chrono::duration<double, std::micro>(e - s).count(), c1 - c0, ids.size());
    for (auto id : ids) std::printf(" %lld", static_cast<long long>(id));
    std::printf("\n");
  }
  std::printf("peak_rss_kb %ld\n", peak_rss_kb());
  return 0;
}
