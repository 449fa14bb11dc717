#!/usr/bin/env bash
# Benchmark: the service under load. Serves a generated catalog of N entities (default 100,000)
# with a fresh SQLite store, then for DURATION seconds each (default 30) drives, at RATE requests a
# second (default 200) from wrk on loopback:
#   GET /api/status          the baseline: the cheapest answer the service gives (same HTTP stack)
#   GET /api/findings        the first page (100) of the findings, JSON
#   GET /matrix              the decision matrix page, HTML, first 100 products
#   POST /api/releases       a ship call by the product's release owner, stored in SQLite
# Each is run RUNS times (default 3); the table shows medians of p50/p99 and of the rate reached,
# and p99 over the baseline's p99. Targets: reads p99 < 50 ms, release recording p99 < 100 ms.
#
# Usage: bench/serve.sh [ENTITIES]      RUNS=5 DURATION=30 RATE=200 bench/serve.sh
# Needs wrk and curl (apt-get install -y wrk curl). Prints a Markdown table on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
for tool in wrk curl; do
  command -v "$tool" > /dev/null || { echo "bench/serve.sh needs $tool: apt-get install -y $tool" >&2; exit 2; }
done
wd="$here/whodecides"
"$wd" --version > /dev/null
n="${1:-100000}"
runs="${RUNS:-3}"
duration="${DURATION:-30}"
export RATE="${RATE:-200}"
export CONNS="${CONNS:-8}"
work="${BENCH_DIR:-$here/bench/out}"
mkdir -p "$work"
org="$work/org-$n"
[[ -d "$org" ]] || "$wd" generate --entities "$n" --out "$org" > /dev/null
db="$work/serve-$n.db"
rm -f "$db" "$db-wal" "$db-shm"
port="${PORT:-18080}"
base="http://127.0.0.1:$port"

"$wd" serve "$org" --port "$port" --db "$db" > "$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
start=$(date +%s.%N)
until curl -sf "$base/api/status" > /dev/null; do
  kill -0 $pid 2>/dev/null || { echo "the service stopped; see $work/serve.log" >&2; exit 1; }
  sleep 0.5
done
ready=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')

# A product with a release owner, and a token for that owner.
product="" owner=""
for i in $(seq 0 200); do
  for kind in model service; do
    body=$(curl -sf "$base/api/entities/component:default%2F$kind-$i" || true)
    owner=$( (grep -o '"type":"release","owner":"user:[^"]*"' <<< "$body" || true) | head -1 | sed 's/.*"owner":"//; s/"$//')
    if [[ -n "$owner" ]]; then product="component:default/$kind-$i"; break 2; fi
  done
done
[[ -n "$owner" ]] || { echo "no product with a release owner among the first 200" >&2; exit 1; }
export TOKEN
TOKEN=$("$wd" token create --user "$owner" --db "$db" | tail -1)
export BODY_FILE="$work/release.json"
cat > "$BODY_FILE" <<JSON
{"product":"$product","version":"1.0.0","decision":"ship","by":"$owner","metrics":{"precision":0.84},"bar":{"precision":">= 0.80"},"rationale":"bench"}
JSON
curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" \
  --data @"$BODY_FILE" "$base/api/releases" || { echo "the release post was refused" >&2; exit 1; }

# ms from wrk's "99%  12.34ms" style figures
to_ms() { awk '{v=$1; u=v; gsub(/[0-9.]/, "", u); gsub(/[a-z]/, "", v); if (u=="us") v/=1000; else if (u=="s") v*=1000; else if (u=="m") v*=60000; printf "%.2f\n", v}'; }

# run NAME PATH [post] -> prints "p50 p99 rate errors" for one wrk run
run() {
  local out
  if [[ "${3:-}" == post ]]; then
    out=$(METHOD=POST wrk -t2 -c"$CONNS" -d"${duration}s" --latency -s "$here/bench/paced.lua" "$base$2")
  else
    out=$(env -u TOKEN wrk -t2 -c"$CONNS" -d"${duration}s" --latency -s "$here/bench/paced.lua" "$base$2")
  fi
  local p50 p99 rate bad
  p50=$(awk '$1=="50%" {print $2}' <<< "$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<< "$out" | to_ms)
  rate=$(awk '/^Requests\/sec/ {print $2}' <<< "$out")
  bad=$(awk '/Non-2xx/ {print $NF}' <<< "$out")
  echo "$p50 $p99 $rate ${bad:-0}"
}

# Warm the JIT on every path first (not measured).
for path in /api/status "/api/findings" /matrix; do
  wrk -t2 -c"$CONNS" -d5s "$base$path" > /dev/null
done
METHOD=POST wrk -t2 -c"$CONNS" -d5s -s "$here/bench/paced.lua" "$base/api/releases" > /dev/null

declare -A p50s p99s rates errs
names=("GET /api/status (baseline)" "GET /api/findings" "GET /matrix" "POST /api/releases")
paths=(/api/status /api/findings /matrix /api/releases)
for ((r = 0; r < runs; r++)); do
  for i in "${!names[@]}"; do
    mode=get
    [[ "${paths[$i]}" == /api/releases ]] && mode=post
    read -r a b c d <<< "$(run "${names[$i]}" "${paths[$i]}" $mode)"
    p50s[$i]+="$a "; p99s[$i]+="$b "; rates[$i]+="$c "; errs[$i]=$(( ${errs[$i]:-0} + d ))
  done
done
rss=$(awk '/VmHWM/ {printf "%d", $2/1024}' /proc/$pid/status)
# The size of the whole findings JSON (lint --format json), the reason the API pages it.
json_mb=$( ("$wd" lint "$org" --format json 2>/dev/null || true) | wc -c | awk '{printf "%.1f", $1 / 1e6}')
stored=$(curl -sf "$base/api/releases?product=$product" | grep -o '"id":' | wc -l)

med() { tr ' ' '\n' <<< "$1" | grep -v '^$' | median; }
base99=$(med "${p99s[0]}")
echo "Service over $n generated entities ($(curl -sf "$base/api/status" | grep -o '"findings":[0-9]*' | cut -d: -f2) findings, ${json_mb} MB as one lint JSON), ready in ${ready} s, peak RSS ${rss} MB; wrk -t2 -c$CONNS paced to $RATE req/s, ${duration} s a run, median of $runs runs."
echo
echo "| request | req/s reached | p50 ms | p99 ms | p99 / baseline p99 | non-2xx |"
echo "|---|---:|---:|---:|---:|---:|"
for i in "${!names[@]}"; do
  p99=$(med "${p99s[$i]}")
  ratio=$(awk -v a="$p99" -v b="$base99" 'BEGIN {printf "%.1f", a / b}')
  echo "| ${names[$i]} | $(med "${rates[$i]}") | $(med "${p50s[$i]}") | $p99 | $ratio | ${errs[$i]} |"
done
echo
echo "Release records stored for $product during the run: $stored."
