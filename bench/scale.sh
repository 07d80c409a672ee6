#!/usr/bin/env bash
# Scale check for issue #6: builds one graph from a large generated corpus
# (JSON Lines, streamed article by article) and reports time, MB/s and peak
# memory, for several corpus sizes, so that memory can be seen to stay flat.
#
#   bench/scale.sh                  # 64M 256M 1G, with --jobs 2
#   bench/scale.sh 16M 64M          # other sizes
#
# Environment: KG_BENCH_BUILD (default build-bench), KG_BENCH_JOBS (default 2),
# KG_BENCH_SEED (default 1), KG_BENCH_OUT (default $KG_BENCH_BUILD/scale).
# Needs /usr/bin/time (Debian package `time`) for peak memory.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${KG_BENCH_BUILD:-$root/build-bench}
jobs=${KG_BENCH_JOBS:-2}
seed=${KG_BENCH_SEED:-1}
out=${KG_BENCH_OUT:-$build/scale}
sizes=("$@")
((${#sizes[@]})) || sizes=(64M 256M 1G)

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target kg_bench_gen_corpus kg_cli >/dev/null
gen="$build/bench/kg_bench_gen_corpus"
kg="$build/tools/kg"
mkdir -p "$out"

printf '%-6s %-6s %10s %10s %14s %14s\n' size jobs seconds MB/s "peak RSS MiB" "graph MB"
for size in "${sizes[@]}"; do
  corpus="$out/corpus-$size-seed$seed.jsonl"
  [ -s "$corpus" ] || "$gen" --bytes "$size" --seed "$seed" -o "$corpus" 2>/dev/null
  bytes=$(stat -c %s "$corpus")
  graph="$out/graph-$size.graphml"
  /usr/bin/time -f '%e %M' -o "$out/time.txt" "$kg" build "$corpus" --jobs "$jobs" -q -o "$graph"
  read -r seconds kib <"$out/time.txt"
  printf '%-6s %-6s %10.2f %10.1f %14.1f %14.1f\n' "$size" "$jobs" "$seconds" \
    "$(echo "$bytes / $seconds / 1000000" | bc -l)" "$(echo "$kib / 1024" | bc -l)" \
    "$(echo "$(stat -c %s "$graph") / 1000000" | bc -l)"
done
echo "corpora and graphs in $out (the corpora are kept for the next run; delete them to free disk)"
