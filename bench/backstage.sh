#!/usr/bin/env bash
# Benchmark: lint a generated organization (whodecides generate, N entities) once from its files
# and once with its Backstage kinds read from a real Backstage through --backstage (its catalog
# API, page by page), the Decision, UseCase, Improvement and contract documents staying local.
# Reports the median wall time of RUNS runs of each, side by side in the same rounds, and the
# ratio of the API path to the files path.
#
# The Backstage is tools/backstage (the pinned catalog backend, installed with npm ci on first
# use) on the local PostgreSQL, in databases named for this run and dropped at the end, listening
# on PORT (default 7401), with one file location per generated file.
#
# Usage: bench/backstage.sh [N]            (default 10000)
#        RUNS=5 PORT=7405 bench/backstage.sh 10000
# Needs GNU time, Node.js 20 with npm, python3 and PostgreSQL on 127.0.0.1:5432 (trust auth).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
wd="$here/whodecides"
"$wd" --version > /dev/null
needs_gnu_time bench/backstage.sh
n="${1:-10000}"
runs="${RUNS:-3}"
port="${PORT:-7401}"
pg_user="${PGUSER:-postgres}"
work="${BENCH_DIR:-$here/bench/out}/backstage-$n"
home="$here/tools/backstage"
if [[ ! -d "$home/node_modules/@backstage/plugin-catalog-backend" ]]; then
  (cd "$home" && npm ci --no-audit --no-fund --loglevel=error > /dev/null)
fi

# The organization, split by kind: what a Backstage holds, and what stays in the repository.
rm -rf "$work"
mkdir -p "$work"
"$wd" generate --entities "$n" --out "$work/generated" > /dev/null
python3 - "$work" <<'PY'
import pathlib, re, sys
work = pathlib.Path(sys.argv[1])
backstage_kinds = {"group", "user", "domain", "system", "component", "api", "resource", "location"}
for f in sorted((work / "generated").rglob("*.yaml")):
    parts = {"backstage": [], "local": []}
    for doc in re.split(r"(?m)^---\s*$", f.read_text()):
        if not doc.strip():
            continue
        kind = re.search(r"(?m)^kind:\s*(\S+)", doc)
        api = re.search(r"(?m)^apiVersion:\s*(\S+)", doc)
        to_backstage = (kind and api and api.group(1).startswith("backstage.io/")
                        and kind.group(1).lower() in backstage_kinds)
        parts["backstage" if to_backstage else "local"].append(doc.strip("\n") + "\n")
    rel = f.relative_to(work / "generated")
    for side, docs in parts.items():
        if docs:
            out = work / side / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text("---\n".join(docs))
PY
files=$(find "$work/backstage" -name '*.yaml' | wc -l)

token="bench-$(date +%s)-$RANDOM"
prefix="whodecides_bench_${RANDOM}_"
{
  cat <<YAML
backend:
  baseUrl: http://127.0.0.1:$port
  listen: {host: 127.0.0.1, port: $port}
  database:
    client: pg
    connection: {host: 127.0.0.1, port: 5432, user: $pg_user}
    prefix: $prefix
  auth:
    externalAccess:
      - type: static
        options: {token: '$token', subject: bench}
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, User, Group, Domain]
  locations:
YAML
  find "$work/backstage" -name '*.yaml' | sort | sed "s|^|    - {type: file, target: '|; s|\$|'}|"
} > "$work/app-config.yaml"

started=$(date +%s.%N)
(cd "$home" && exec node server.js --config "$work/app-config.yaml") > "$work/backstage.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2> /dev/null || true
  wait "$server" 2> /dev/null || true
  for db in $(psql -h 127.0.0.1 -U "$pg_user" -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'" 2> /dev/null); do
    psql -h 127.0.0.1 -U "$pg_user" -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null 2>&1 || true
  done
}
trap cleanup EXIT

# Ready when Backstage serves every entity of the split files (its own Locations aside).
expected=$(grep -rh '^kind:' "$work/backstage" | grep -vic 'location' || true)
url="http://127.0.0.1:$port"
count() {
  curl -s -H "Authorization: Bearer $token" "$url/api/catalog/entities/by-query?limit=1&filter=kind=user&filter=kind=group&filter=kind=component&filter=kind=api&filter=kind=resource&filter=kind=system&filter=kind=domain" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin).get("totalItems", 0))' 2> /dev/null || echo 0
}
for ((i = 0; i < 1800; i++)); do
  [[ "$(count)" -ge "$expected" ]] && break
  kill -0 "$server" 2> /dev/null || { echo "bench/backstage.sh: Backstage stopped; see $work/backstage.log" >&2; exit 1; }
  sleep 1
done
[[ "$(count)" -ge "$expected" ]] || { echo "bench/backstage.sh: Backstage ingested $(count) of $expected in 30 min" >&2; exit 1; }
ingested=$(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.0f", e - s }')

export WHODECIDES_BACKSTAGE_TOKEN="$token"
files_times=() api_times=() api_mems=() files_mems=()
for ((r = 0; r < runs; r++)); do
  read -r t m < <(measure "$wd" lint "$work/backstage" "$work/local" --format json --fail-on never)
  files_times+=("$t") files_mems+=("$m")
  read -r t m < <(measure "$wd" lint --backstage "$url" "$work/local" --format json --fail-on never)
  api_times+=("$t") api_mems+=("$m")
done
# The two paths must report the same: count the findings of one run of each.
f_count=$("$wd" lint "$work/backstage" "$work/local" --format json --fail-on never | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
a_count=$("$wd" lint --backstage "$url" "$work/local" --format json --fail-on never | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')
ft=$(printf '%s\n' "${files_times[@]}" | median)
at=$(printf '%s\n' "${api_times[@]}" | median)
fm=$(printf '%s\n' "${files_mems[@]}" | median)
am=$(printf '%s\n' "${api_mems[@]}" | median)

echo "| path | entities from Backstage | wall s (median of $runs) | peak RSS MB (median) | findings | wall / files path |"
echo "|---|---:|---:|---:|---:|---:|"
awk -v t="$ft" -v m="$fm" -v c="$f_count" 'BEGIN { printf "| files (baseline) | 0 | %.2f | %.0f | %d | 1.00 |\n", t, m / 1024, c }'
awk -v e="$expected" -v t="$at" -v m="$am" -v c="$a_count" -v b="$ft" 'BEGIN { printf "| --backstage (catalog API) | %d | %.2f | %.0f | %d | %.2f |\n", e, t, m / 1024, c, t / b }'
echo
echo "Generated with whodecides generate --entities $n; $files files registered in Backstage one location each, ingested in about $ingested s (start-up included)."
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), node $(node --version), load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
