#!/usr/bin/env bash
# Measures how much a person has to read: lints a corpus of real catalog repositories with the
# ./whodecides launcher (and, with BASELINE=path/to/another/launcher, that one beside it) and
# prints, per launcher, the lines of the text report, how many of them are podcast citations, the
# findings and unknown-reference findings of the JSON report, and how many references those
# unknown-reference findings stand for. The counts are exact (no timing), so one run suffices.
#
# Usage: bench/text-output.sh CORPUS_DIR
#        BASELINE=../main/whodecides bench/text-output.sh /tmp/corpus
# CORPUS_DIR holds one checkout per repository of bench/corpus.txt, in folders named owner+name;
# to make one: while read -r repo commit; do d="$CORPUS_DIR/${repo/\//+}"; git clone -q
#   "https://github.com/$repo" "$d" && git -C "$d" checkout -q "$commit"; done < <(grep -v '^#' bench/corpus.txt)
# Needs python3 for reading the JSON report. Prints a Markdown table on stdout.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${1:?usage: bench/text-output.sh CORPUS_DIR}"
launchers=("$here/whodecides")
[[ -n "${BASELINE:-}" ]] && launchers=("$BASELINE" "${launchers[@]}")
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "| launcher | text lines | citation lines | findings | unknown-reference findings | references they stand for |"
echo "|---|---:|---:|---:|---:|---:|"
for wd in "${launchers[@]}"; do
  (cd "$corpus" && "$wd" lint --fail-on never . > "$out/text" 2> /dev/null) || true
  (cd "$corpus" && "$wd" lint --fail-on never --format json . > "$out/json" 2> /dev/null) || true
  lines=$(wc -l < "$out/text")
  cites=$(grep -c 'https://www.youtube.com/' "$out/text" || true)
  read -r findings unknown refs < <(python3 - "$out/json" <<'PY'
import json, sys
f = json.load(open(sys.argv[1]))["findings"]
u = [x for x in f if x["rule"] == "unknown-reference"]
print(len(f), len(u), sum(max(1, len(x.get("places", []))) for x in u))
PY
)
  echo "| $wd | $lines | $cites | $findings | $unknown | $refs |"
done
