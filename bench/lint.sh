#!/usr/bin/env bash
# Benchmark: lint synthetic organizations of N entities (whodecides generate) and report
# entities per second and peak memory (max RSS), the median of RUNS runs per size.
#
# Runs the ./whodecides launcher, as users do. Baseline beside it: the same JVM starting and
# printing the rule list (`whodecides rules`),
# so the table shows how much of each run is start-up. Linearity: the 1,000,000 time over the
# 100,000 time (target under 12x).
#
# Usage: bench/lint.sh [SIZES...]   (default: 10000 100000 1000000)
#        RUNS=5 bench/lint.sh        (default RUNS=3)
# Prints a Markdown table on stdout; the README's table is this output.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
wd="$here/whodecides"   # the launcher users run, with its JVM options
"$wd" --version > /dev/null
needs_gnu_time bench/lint.sh
runs="${RUNS:-3}"
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 100000 1000000)
work="${BENCH_DIR:-$here/bench/out}"
mkdir -p "$work"



base_times=()
for ((r = 0; r < runs; r++)); do
  base_times+=("$(measure "$wd" rules | cut -d' ' -f1)")
done
base=$(printf '%s\n' "${base_times[@]}" | median)

echo "| entities | files | wall s (median of $runs) | entities/s | peak RSS MB (median) | wall / JVM start-up |"
echo "|---:|---:|---:|---:|---:|---:|"
declare -A wall
for n in "${sizes[@]}"; do
  dir="$work/org-$n"
  if [[ ! -d "$dir" ]]; then
    "$wd" generate --entities "$n" --out "$dir" > /dev/null
  fi
  entities=$("$wd" lint "$dir" --format json --fail-on never | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["entities"], s["files"])')
  count=${entities% *}
  files=${entities#* }
  times=()
  mems=()
  for ((r = 0; r < runs; r++)); do
    read -r t m < <(measure "$wd" lint "$dir" --format json --fail-on never)
    times+=("$t")
    mems+=("$m")
  done
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${mems[@]}" | median)
  wall[$n]=$t
  awk -v n="$count" -v f="$files" -v t="$t" -v m="$m" -v b="$base" \
    'BEGIN { printf "| %d | %d | %.2f | %.0f | %.0f | %.1fx |\n", n, f, t, n / t, m / 1024, t / b }'
done
echo
printf 'JVM start-up baseline (`whodecides rules`, median of %s): %.2f s. ' "$runs" "$base"
if [[ -n "${wall[100000]:-}" && -n "${wall[1000000]:-}" ]]; then
  awk -v a="${wall[1000000]}" -v b="${wall[100000]}" 'BEGIN { printf "1,000,000 / 100,000 wall-time ratio: %.1fx (target < 12x).", a / b }'
fi
echo
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
