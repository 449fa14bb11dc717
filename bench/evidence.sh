#!/usr/bin/env bash
# Benchmark: build the evidence index of a podcast archive from cold, and time warm queries.
#
#   cold build: `whodecides evidence ... --rebuild`, wall time of the whole command (JVM start,
#               reading and checking every episode file, indexing), median of RUNS runs; beside
#               it the JVM start-up baseline (`whodecides rules`).
#   warm query: one JVM runs every query of bench/evidence-queries.txt 5 times after three
#               warm-up rounds, against the cached index; p50/p95/p99 latency (target p95 under 20 ms).
#
# Usage: bench/evidence.sh [ARCHIVE]   (default ../shared/podcast); RUNS=5 for more runs.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
archive="${1:-$here/../shared/podcast}"
runs="${RUNS:-3}"
wd="$here/whodecides"
"$wd" --version > /dev/null
needs_gnu_time bench/evidence.sh
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT


files=$(find "$archive" -maxdepth 1 -type f \( -name '*.md' -o -name '*.vtt' -o -name '*.srt' \) | wc -l)
builds=(); mems=(); bases=()
for ((r = 0; r < runs; r++)); do
  read -r t m < <(measure "$wd" evidence "warm up" --archive "$archive" --cache "$cache" --rebuild)
  builds+=("$t"); mems+=("$m")
  bases+=("$(measure "$wd" rules | cut -d' ' -f1)")
done
build=$(printf '%s\n' "${builds[@]}" | median)
mem=$(printf '%s\n' "${mems[@]}" | median)
base=$(printf '%s\n' "${bases[@]}" | median)
passages=$("$wd" evidence "x" --archive "$archive" --cache "$cache" --rebuild 2>&1 >/dev/null | sed -n 's/^indexed \([0-9]*\) passages.*/\1/p')
stats=$("$wd" evidence --archive "$archive" --cache "$cache" --latency "$here/bench/evidence-queries.txt" 2>/dev/null)

echo "| what | measured | target |"
echo "|---|---:|---:|"
awk -v f="$files" -v p="$passages" -v t="$build" -v m="$mem" -v b="$base" -v runs="$runs" 'BEGIN {
  printf "| cold index build, %d files, %d passages (wall, median of %d) | %.2f s (%.0f MB peak) | < 10 s |\n", f, p, runs, t, m / 1024
  printf "| JVM start-up baseline (`whodecides rules`) | %.2f s | |\n", b
}'
echo "$stats" | awk '{
  for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
  printf "| warm query latency over %d queries: p50 / p95 / p99 | %.2f / %.2f / %.2f ms | p95 < 20 ms |\n", v["queries"], v["p50_ms"], v["p95_ms"], v["p99_ms"]
}'
echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1 || true), load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
