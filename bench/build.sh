#!/usr/bin/env bash
# Benchmark: the build itself, on a fresh clone of HEAD with the Maven repository and the
# Backstage node_modules already in place (run `npm ci` in tools/backstage and
# tools/backstage-validate first, and one `mvn verify` to fill ~/.m2; the script runs Maven offline).
#   1. compile + test-compile (Error Prone included), RUNS times each, alternating: with
#      .mvn/jvm.config as committed (client compiler only, parallel collector) and, as the
#      baseline beside it, with those two lines taken out; wall and CPU seconds, medians.
#   2. one `mvn -B -o clean verify` with Maven's timestamps: the wall time of each step, the test
#      counts and the CPU the whole run used.
#
# Usage: bench/build.sh            e.g. RUNS=3 bench/build.sh
# Needs GNU time and git. Prints Markdown on stdout; the README's build table is this output.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$here/bench/lib.sh"
needs_gnu_time bench/build.sh
runs="${RUNS:-3}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$here" "$work/repo"
ln -s "$(cd "$here/.." && pwd)/shared" "$work/shared"
for d in backstage backstage-validate; do
  if [[ -d "$here/tools/$d/node_modules" ]]; then
    ln -s "$here/tools/$d/node_modules" "$work/repo/tools/$d/node_modules"
  fi
done
cd "$work/repo"
cp .mvn/jvm.config "$work/jvm.config.client"
grep -v -e TieredStopAtLevel -e UseParallelGC .mvn/jvm.config > "$work/jvm.config.default"

# cpu_run LOG CMD... -> prints "wall cpu" seconds of one run (CPU = user + system, children included)
cpu_run() {
  local log=$1 f
  shift
  f=$(mktemp)
  /usr/bin/time -o "$f" -f "%e %U %S" "$@" > "$log" 2>&1 || { echo "failed: $* (see $log)" >&2; tail -20 "$log" >&2; exit 1; }
  tail -1 "$f" | awk '{printf "%.1f %.1f\n", $1, $2 + $3}'
  rm -f "$f"
}

: > "$work/client"
: > "$work/default"
for _ in $(seq 1 "$runs"); do
  for jit in client default; do
    cp "$work/jvm.config.$jit" .mvn/jvm.config
    cpu_run "$work/compile.log" mvn -B -o -q clean test-compile >> "$work/$jit"
  done
done
cp "$work/jvm.config.client" .mvn/jvm.config
cw=$(cut -d' ' -f1 "$work/client" | median); cc=$(cut -d' ' -f2 "$work/client" | median)
dw=$(cut -d' ' -f1 "$work/default" | median); dc=$(cut -d' ' -f2 "$work/default" | median)
echo "compile + test-compile, median of $runs runs each, alternating:"
echo
echo "| Maven's JVM | wall | CPU |"
echo "|---|---|---|"
echo "| client compiler only, parallel collector (.mvn/jvm.config) | ${cw} s | ${cc} s |"
echo "| the JVM's defaults (baseline) | ${dw} s | ${dc} s |"
echo "| ratio | $(awk -v a="$cw" -v b="$dw" 'BEGIN {printf "%.2f", a / b}') | $(awk -v a="$cc" -v b="$dc" 'BEGIN {printf "%.2f", a / b}') |"
echo

log="$work/verify.log"
read -r wall cpu < <(cpu_run "$log" mvn -B -o clean verify -Dstyle.color=never \
  -Dorg.slf4j.simpleLogger.showDateTime=true -Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss)
# The second at which each step starts, from Maven's "--- plugin:version:goal" lines.
at() { grep -E "\] --- $1" "$log" | head -1 | cut -c1-8 | awk -F: '{print $1 * 3600 + $2 * 60 + $3}'; }
ended=$(grep -E "\] Total time" "$log" | cut -c1-8 | awk -F: '{print $1 * 3600 + $2 * 60 + $3}')
compile=$(at "maven-compiler-plugin:[^:]*:compile"); unit=$(at "maven-surefire-plugin")
jar=$(at "maven-jar-plugin"); its=$(at "maven-failsafe-plugin:[^:]*:integration-test")
itsEnd=$(at "maven-failsafe-plugin:[^:]*:verify")
tests() { grep -E "Tests run: [0-9]+, Failures" "$log" | grep -v "Time elapsed" | sed -n "$1p" | sed -E 's/.*Tests run: ([0-9]+).*/\1/'; }
mins() { awk -v s="$1" 'BEGIN {printf "%d min %02d s", s / 60, s % 60}'; }
echo "mvn -B -o clean verify, one run:"
echo
echo "| step | wall time |"
echo "|---|---|"
echo "| compile and test-compile (with Error Prone) | $((unit - compile)) s |"
echo "| unit tests ($(tests 1)) | $((jar - unit)) s |"
echo "| jar (shaded) and the Trino server unpacked for the tests | $((its - jar)) s |"
echo "| integration tests ($(tests 2)) | $((itsEnd - its)) s |"
echo "| **mvn verify, all of it** | **$(mins "${wall%.*}")** |"
echo "| compile through the end of the unit tests (what mvn test runs) | $(mins $((jar - compile))) |"
echo
echo "CPU used by the whole run: $(mins "${cpu%.*}") (user + system, every process it started)."
