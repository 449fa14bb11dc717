#!/usr/bin/env bash
# Benchmark: cluster synthetic use-case texts (words drawn Zipf-like from a 20,000-word
# vocabulary, 10% planted rewordings of earlier texts) the way duplicated-work does, with
# MinHash + LSH, and time brute-force all-pairs TF-IDF cosine beside it at the smaller sizes.
# Each line is the median of RUNS runs in one JVM (the first run includes JIT warm-up), and the
# LSH lines at sizes up to 20,000 also give the recall against the exact pairs.
#
# Usage: bench/duplicates.sh                (LSH at 5,000, 20,000, 100,000; all-pairs at 5,000, 20,000)
#        RUNS=7 bench/duplicates.sh         (default RUNS=5; all-pairs at 20,000 uses 3)
# Prints a Markdown table on stdout; the README's table is this output.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
"$here/whodecides" --version > /dev/null   # builds target/whodecides.jar when needed
# The driver and the exact all-pairs reference are test code, not in the product jar: compile the
# test classes (quick when they are up to date) and run from them with the jar's classes.
(cd "$here" && mvn -q -B test-compile >&2)
jar="$here/target/whodecides.jar"
runs="${RUNS:-5}"
run() { java -XX:+UseParallelGC -cp "$here/target/test-classes:$jar" dev.whodecides.rules.DuplicatesBench "$@"; }
median() { sed -E 's/.*median=([0-9.]+)s.*/\1/'; }
recall() { sed -E 's/.*recall=([0-9.]+).*/\1/'; }

echo "| use cases | MinHash + LSH (median s) | recall vs exact | all-pairs cosine (median s) |"
echo "|---:|---:|---:|---:|"
for n in 5000 20000; do
  l=$(run lsh "$n" "$runs" --recall)
  a=$(run allpairs "$n" $([[ $n -gt 5000 ]] && echo 3 || echo "$runs"))
  echo "| $n | $(echo "$l" | median) | $(echo "$l" | recall) | $(echo "$a" | median) |"
done
l=$(run lsh 100000 "$runs")
echo "| 100000 | $(echo "$l" | median) | (not computed) | (not run: about 25x the 20,000 time) |"
echo
echo "$(nproc) cores, $(java -version 2>&1 | head -1)"
