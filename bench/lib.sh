# Helpers shared by the bench/ scripts; source it, don't run it.

# measure CMD... -> prints "seconds kilobytes" of one run (wall time, peak RSS), via GNU time
measure() {
  local f
  f=$(mktemp)
  /usr/bin/time -o "$f" -f "%e %M" "$@" > /dev/null 2>&1 || true
  tail -1 "$f"
  rm -f "$f"
}

# median of the numbers on standard input, one per line
median() { sort -g | awk '{a[NR]=$1} END {m=int((NR+1)/2); if (NR%2) print a[m]; else print (a[m]+a[m+1])/2}'; }

# needs_gnu_time SCRIPT -> exits 2 with an install hint when GNU time is missing
needs_gnu_time() {
  if [[ ! -x /usr/bin/time ]]; then
    echo "$1 needs GNU time for wall time and peak memory: apt-get install -y time" >&2
    exit 2
  fi
}
