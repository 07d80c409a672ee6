#!/usr/bin/env bash
# Builds kg in Release, generates a corpus and runs the benchmarks; see
# docs/benchmarks.md for what each figure means.
#
#   bench/run.sh                 # 16 MB generated corpus
#   bench/run.sh 64M             # 64 MB, plus the sample articles repeated to 64 MB
#   KG_BENCH_SCALING=1 bench/run.sh 16M   # also peak memory at 1x, 4x and 16x the size
#
# Environment: KG_BENCH_BUILD (build directory, default build-bench),
# KG_BENCH_SEED (default 1), KG_BENCH_JOBS (parallel jobs compared with one,
# default 2), KG_BENCH_OUT (results directory, default $KG_BENCH_BUILD/bench-results).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size=${1:-16M}
build=${KG_BENCH_BUILD:-$root/build-bench}
seed=${KG_BENCH_SEED:-1}
jobs=${KG_BENCH_JOBS:-2}
out=${KG_BENCH_OUT:-$build/bench-results}

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"$jobs" --target kg_bench_gen_corpus kg_bench_throughput kg_cli

commit=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
if ! git -C "$root" diff --quiet HEAD 2>/dev/null; then commit="$commit+dirty"; fi
gen="$build/bench/kg_bench_gen_corpus"
throughput="$build/bench/kg_bench_throughput"
kg="$build/tools/kg"

mkdir -p "$out"
rm -rf "$out/corpus"
echo "== corpus: $size, seed $seed (commit $commit, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
"$gen" --bytes "$size" --seed "$seed" -o "$out/corpus"

echo "== stages and end to end, generated corpus"
"$throughput" --input "$out/corpus" --jobs "$jobs" --commit "$commit" --json "$out/generated.json"

seeds="$root/../shared/seeds"
if [ -d "$seeds" ]; then
  echo "== stages and end to end, sample articles repeated to $size"
  "$throughput" --seeds "$seeds" --bytes "$size" --jobs "$jobs" --commit "$commit" --json "$out/seeds.json"
fi

# The command-line tool itself: one job against $jobs jobs, same bytes expected.
elapsed() { # prints the seconds a command took
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
echo "== kg build, 1 job vs $jobs jobs"
t1=$(elapsed "$kg" build "$out/corpus" -o "$out/kg-1.graphml" -q)
tn=$(elapsed "$kg" build "$out/corpus" -o "$out/kg-$jobs.graphml" --jobs "$jobs" -q)
bytes=$(du -sb "$out/corpus" | cut -f1)
printf 'kg build --jobs 1: %.2f s (%.1f MB/s)\n' "$t1" "$(echo "$bytes / $t1 / 1000000" | bc -l)"
printf 'kg build --jobs %s: %.2f s (%.1f MB/s), speed-up %.2fx\n' "$jobs" "$tn" \
  "$(echo "$bytes / $tn / 1000000" | bc -l)" "$(echo "$t1 / $tn" | bc -l)"
if cmp -s "$out/kg-1.graphml" "$out/kg-$jobs.graphml"; then
  echo "outputs byte-identical"
else
  echo "OUTPUTS DIFFER: $out/kg-1.graphml $out/kg-$jobs.graphml"
fi

if [ "${KG_BENCH_SCALING:-0}" = 1 ]; then
  echo "== peak memory against corpus size (end to end, one job, streamed from the generator)"
  base=$(numfmt --from=iec "$size")
  for factor in 1 4 16; do
    "$throughput" --only e2e --from-memory --bytes $((base * factor)) --seed "$seed" --commit "$commit" \
      --json "$out/scaling-$factor.json" | grep '^e2e'
  done
fi
echo "== results in $out"
