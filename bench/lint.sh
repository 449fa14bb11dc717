#!/usr/bin/env bash
# Benchmark: lint synthetic organizations of N entities (whodecides generate) and report
# entities per second and peak memory (max RSS), the median of RUNS runs per size.
#
# Runs the ./whodecides launcher, as users do. Beside it, in the same rounds so that a busy
# machine slows all alike:
#   - the same JVM starting and printing the rule list (`whodecides rules`), so the table shows how
#     much of each run is start-up;
#   - Backstage's own validation of the same files (tools/backstage-validate: @backstage/catalog-model
#     and the yaml package from npm, versions pinned in its package-lock.json) on Node.js, at sizes
#     up to BACKSTAGE_MAX entities (default 100000; a 1,000,000 run takes minutes);
#   - with BASELINE=path/to/another/whodecides launcher (e.g. a checkout of main), that launcher on
#     the same files, and the ratios of this one to it.
# Linearity: the 1,000,000 time over the 100,000 time (target under 12x).
#
# Usage: bench/lint.sh [SIZES...]   (default: 10000 100000 1000000)
#        RUNS=5 BASELINE=../main/whodecides BACKSTAGE_MAX=1000000 bench/lint.sh 100000
# Needs GNU time, and Node.js 18+ with npm for the Backstage column (skipped without them).
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



# Backstage's validator: installed once from the lock file.
backstage=""
bs_dir="$here/tools/backstage-validate"
if command -v node > /dev/null && command -v npm > /dev/null; then
  if [[ ! -d "$bs_dir/node_modules/@backstage/catalog-model" ]]; then
    (cd "$bs_dir" && npm ci --no-audit --no-fund --silent > /dev/null 2>&1) \
      || echo "bench/lint.sh: npm ci in $bs_dir failed; no Backstage column" >&2
  fi
  [[ -d "$bs_dir/node_modules/@backstage/catalog-model" ]] && backstage="$bs_dir/validate.js"
else
  echo "bench/lint.sh: node and npm not found; no Backstage column (apt-get install -y nodejs npm)" >&2
fi
backstage_max="${BACKSTAGE_MAX:-100000}"
baseline="${BASELINE:-}"
if [[ -n "$baseline" ]]; then
  "$baseline" --version > /dev/null
fi

base_times=()
for ((r = 0; r < runs; r++)); do
  base_times+=("$(measure "$wd" rules | cut -d' ' -f1)")
done
base=$(printf '%s\n' "${base_times[@]}" | median)

echo "| entities | files | wall s (median of $runs) | entities/s | peak RSS MB (median) | wall / JVM start-up | Backstage validation s | Backstage peak RSS MB | wall / Backstage | peak RSS / Backstage |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A wall
notes=()
for n in "${sizes[@]}"; do
  dir="$work/org-$n"
  if [[ ! -d "$dir" ]]; then
    "$wd" generate --entities "$n" --out "$dir" > /dev/null
  fi
  entities=$("$wd" lint "$dir" --format json --fail-on never | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["entities"], s["files"])')
  count=${entities% *}
  files=${entities#* }
  with_backstage=""
  if [[ -n "$backstage" && "$n" -le "$backstage_max" ]]; then
    with_backstage=1
    echo "bench/lint.sh: Backstage at $n entities: $(node "$backstage" "$dir")" >&2
  fi
  times=() mems=() btimes=() bmems=() otimes=() omems=()
  for ((r = 0; r < runs; r++)); do
    read -r t m < <(measure "$wd" lint "$dir" --format json --fail-on never)
    times+=("$t") mems+=("$m")
    if [[ -n "$baseline" ]]; then
      read -r t m < <(measure "$baseline" lint "$dir" --format json --fail-on never)
      otimes+=("$t") omems+=("$m")
    fi
    if [[ -n "$with_backstage" ]]; then
      read -r t m < <(measure node "$backstage" "$dir")
      btimes+=("$t") bmems+=("$m")
    fi
  done
  t=$(printf '%s\n' "${times[@]}" | median)
  m=$(printf '%s\n' "${mems[@]}" | median)
  wall[$n]=$t
  if [[ -n "$with_backstage" ]]; then
    bt=$(printf '%s\n' "${btimes[@]}" | median)
    bm=$(printf '%s\n' "${bmems[@]}" | median)
    awk -v n="$count" -v f="$files" -v t="$t" -v m="$m" -v b="$base" -v bt="$bt" -v bm="$bm" \
      'BEGIN { printf "| %d | %d | %.2f | %.0f | %.0f | %.1fx | %.2f | %.0f | %.2f | %.2f |\n", n, f, t, n / t, m / 1024, t / b, bt, bm / 1024, t / bt, m / bm }'
  else
    awk -v n="$count" -v f="$files" -v t="$t" -v m="$m" -v b="$base" \
      'BEGIN { printf "| %d | %d | %.2f | %.0f | %.0f | %.1fx | | | | |\n", n, f, t, n / t, m / 1024, t / b }'
  fi
  if [[ -n "$baseline" ]]; then
    ot=$(printf '%s\n' "${otimes[@]}" | median)
    om=$(printf '%s\n' "${omems[@]}" | median)
    notes+=("$(awk -v n="$count" -v t="$t" -v m="$m" -v ot="$ot" -v om="$om" -v r="$runs" \
      'BEGIN { printf "%d entities, baseline beside it: %.2f s, %.0f MB peak RSS (median of %d); this / baseline: time %.2fx, peak RSS %.2fx.", n, ot, om / 1024, r, t / ot, m / om }')")
  fi
done
echo
printf 'JVM start-up baseline (`whodecides rules`, median of %s): %.2f s. ' "$runs" "$base"
if [[ -n "${wall[100000]:-}" && -n "${wall[1000000]:-}" ]]; then
  awk -v a="${wall[1000000]}" -v b="${wall[100000]}" 'BEGIN { printf "1,000,000 / 100,000 wall-time ratio: %.1fx (target < 12x).", a / b }'
fi
echo
if [[ -n "$baseline" ]]; then
  echo
  echo "Baseline launcher: $baseline"
  for note in "${notes[@]}"; do
    echo "- $note"
  done
fi
echo
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), node $(node --version 2>/dev/null || echo none), load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
