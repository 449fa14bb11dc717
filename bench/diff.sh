#!/usr/bin/env bash
# Benchmark: whodecides diff on a generated organization of N entities (default 20000) and a
# pull request against it that takes the owner away from one release Decision in fifty.
# Reports wall time and peak memory (max RSS), the median of RUNS runs (default 3), for:
#   - diff of two directories (BASE and HEAD copies);
#   - diff git:HEAD DIR (BASE read from git's object database, as in CI);
#   - beside them, in the same rounds: one lint of HEAD (diff lints both sides, so about twice
#     this is what to expect) and the JVM start-up alone (`whodecides rules`).
# Runs the ./whodecides launcher, as users do (WHODECIDES_JAR names another jar).
#
# Usage: bench/diff.sh [ENTITIES]      e.g. RUNS=5 bench/diff.sh 20000
# Needs GNU time and git. Prints a Markdown table on stdout; the README's table is this output.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
wd="$here/whodecides"
"$wd" --version > /dev/null
needs_gnu_time bench/diff.sh
command -v git > /dev/null || { echo "bench/diff.sh needs git" >&2; exit 2; }
runs="${RUNS:-3}"
n="${1:-20000}"
work="${BENCH_DIR:-$here/bench/out}/diff-$n"
rm -rf "$work"
mkdir -p "$work"
"$wd" generate --entities "$n" --out "$work/repo/catalog" > /dev/null
git -C "$work/repo" init -q -b main
git -C "$work/repo" add -A
git -C "$work/repo" -c user.name=bench -c user.email=bench@example.com commit -q -m base
cp -r "$work/repo/catalog" "$work/base"
# The pull request: the release owner goes from every fiftieth release Decision.
python3 - "$work/repo/catalog" <<'PY'
import pathlib, re, sys
seen = 0
for f in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    text = f.read_text()
    def drop(m):
        global seen
        seen += 1
        return m.group(1) if seen % 50 == 1 else m.group(0)
    f.write_text(re.sub(r"(kind: Decision\nmetadata:\n  name: release-\d+\nspec:\n  type: release\n  scope: [^\n]+\n)  owner: [^\n]+\n", drop, text))
if seen < 50:
    sys.exit("bench/diff.sh: found only %d release Decisions to change" % seen)
PY
head="$work/repo/catalog"
entities=$("$wd" lint "$head" --format json --fail-on never | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(s["entities"])')
summary=$("$wd" diff "$work/base" "$head" --format json --fail-on never | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(" ".join(str(s[k]) for k in ("gapsOpened","gapsClosed","ownersChanged","findingsNew","findingsFixed")))')
# The git side must give the same answer as the two directories.
git_summary=$(cd "$work/repo" && "$wd" diff git:HEAD catalog --format json --fail-on never | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print(" ".join(str(s[k]) for k in ("gapsOpened","gapsClosed","ownersChanged","findingsNew","findingsFixed")))')
if [[ "$summary" != "$git_summary" ]]; then
  echo "bench/diff.sh: the git side disagrees with the directories: $summary vs $git_summary" >&2
  exit 1
fi
dirs_t=() dirs_m=() git_t=() git_m=() lint_t=() lint_m=() start_t=()
for ((r = 0; r < runs; r++)); do
  read -r t m < <(measure "$wd" diff "$work/base" "$head" --format json --fail-on never); dirs_t+=("$t") dirs_m+=("$m")
  read -r t m < <(cd "$work/repo" && measure "$wd" diff git:HEAD catalog --format json --fail-on never); git_t+=("$t") git_m+=("$m")
  read -r t m < <(measure "$wd" lint "$head" --format json --fail-on never); lint_t+=("$t") lint_m+=("$m")
  start_t+=("$(measure "$wd" rules | cut -d' ' -f1)")
done
med() { printf '%s\n' "$@" | median; }
mb() { awk -v k="$1" 'BEGIN {printf "%.0f", k / 1024}'; }
lint_med=$(med "${lint_t[@]}")
read -r opened closed changed new fixed <<< "$summary"
echo "Organization: $entities entities; the change: $opened gaps opened, $closed closed, $changed owners changed, $new new findings, $fixed fixed."
echo
echo "| run | wall s (median of $runs) | peak RSS MB (median) | wall / one lint |"
echo "|---|---:|---:|---:|"
for row in "diff BASE-dir HEAD-dir|dirs" "diff git:HEAD HEAD-dir|git" "lint HEAD-dir (one side)|lint"; do
  label=${row%%|*}; key=${row##*|}
  eval "ts=(\"\${${key}_t[@]}\")"; eval "ms=(\"\${${key}_m[@]}\")"
  t=$(med "${ts[@]}"); m=$(med "${ms[@]}")
  echo "| $label | $t | $(mb "$m") | $(awk -v a="$t" -v b="$lint_med" 'BEGIN {printf "%.2f", a / b}') |"
done
echo "| JVM start-up (\`whodecides rules\`) | $(med "${start_t[@]}") | | |"
echo
echo "Machine: $(nproc) cores, $(java -version 2>&1 | head -1), load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
