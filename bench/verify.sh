#!/usr/bin/env bash
# Benchmark of `whodecides verify` on PostgreSQL: a 10,000,000-row table, a contract with
# twelve column checks, and three timings side by side (medians of RUNS runs, wall clock):
#   whodecides      the whole CLI run through the ./whodecides launcher, as users run it, JVM
#                   start included (one untimed run first writes the launcher's class archive)
#   single scan     one hand-written aggregate query computing the same numbers (the floor)
#   query per check one query per check, the naive way
# Usage: bench/verify.sh [ROWS] [RUNS]   (defaults 10000000 and 3); needs psql and the local
# PostgreSQL on 127.0.0.1:5432 with trust auth (.ci/run starts it).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-10000000}
RUNS=${2:-3}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PGUSER=${PGUSER:-postgres}
DB=whodecides_bench
export PGHOST PGPORT PGUSER
PSQL=(psql -X -q -v ON_ERROR_STOP=1)

[[ -f target/whodecides.jar ]] || mvn -q -B package -DskipTests
JAR=$(mktemp --suffix=.jar)   # a private copy: a rebuild of target/ during the run cannot disturb it
cp target/whodecides.jar "$JAR"
trap 'rm -f "$JAR" "${JAR%.jar}".*.jsa' EXIT

if [[ "$("${PSQL[@]}" -d postgres -tAc "SELECT count(*) FROM pg_database WHERE datname = '$DB'")" == 1 ]] \
  && [[ "$("${PSQL[@]}" -d "$DB" -tAc "SELECT count(*) FROM orders" 2>/dev/null || echo 0)" == "$ROWS" ]]; then
  echo "reusing $DB.orders with $ROWS rows" >&2
else
  echo "loading $ROWS rows into $DB.orders ..." >&2
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  "${PSQL[@]}" -d "$DB" <<SQL
CREATE TABLE orders (
  order_id    bigint,
  customer_id bigint,
  email       text,
  country     text,
  status      text,
  amount      numeric(12,2),
  quantity    integer,
  created_at  timestamptz
);
INSERT INTO orders
SELECT g,
       (g::bigint * 7919) % 1000003,
       CASE WHEN g % 1000 = 0 THEN NULL ELSE 'user' || (g % 500000) || '@example.com' END,
       (ARRAY['DE','FR','NL','US','GB'])[1 + g % 5],
       (ARRAY['open','shipped','delivered','returned'])[1 + g % 4],
       round(((g % 10000) / 10.0)::numeric, 2),
       1 + g % 20,
       now() - ((g % 86400) || ' seconds')::interval
FROM generate_series(1, $ROWS) g;
VACUUM ANALYZE orders;
SQL
fi

CONTRACT=$(mktemp -d)/orders.odcs.yaml
cat > "$CONTRACT" <<YAML
apiVersion: v3.1.0
kind: DataContract
id: bench-orders
version: 1.0.0
status: active
servers:
  - server: bench
    type: postgres
    host: $PGHOST
    port: $PGPORT
    database: $DB
    schema: public
schema:
  - name: orders
    quality:
      - metric: rowCount
        mustBeGreaterThan: 0
    properties:
      - name: order_id
        logicalType: integer
        required: true
      - name: customer_id
        logicalType: integer
        required: true
      - name: email
        logicalType: string
        logicalTypeOptions:
          pattern: '^[a-z0-9.]+@[a-z0-9.]+$'
        quality:
          - metric: nullValues
            mustBeLessThan: 1
            unit: percent
      - name: country
        logicalType: string
        logicalTypeOptions:
          maxLength: 2
          enum: [DE, FR, NL, US, GB]
      - name: status
        logicalType: string
        quality:
          - metric: invalidValues
            arguments:
              validValues: [open, shipped, delivered, returned]
            mustBe: 0
      - name: amount
        logicalType: number
        logicalTypeOptions:
          minimum: 0
          maximum: 100000
      - name: quantity
        logicalType: integer
        logicalTypeOptions:
          exclusiveMinimum: 0
slaProperties:
  - property: freshness
    value: 2
    unit: d
    element: orders.created_at
YAML

# The same numbers by hand, in one scan.
SINGLE="SELECT COUNT(*),
  COUNT(*) - COUNT(order_id), COUNT(*) - COUNT(customer_id),
  SUM(CASE WHEN email IS NOT NULL AND NOT CAST(email AS TEXT) ~ '^[a-z0-9.]+@[a-z0-9.]+\$' THEN 1 ELSE 0 END),
  COUNT(*) - COUNT(email),
  SUM(CASE WHEN LENGTH(country) > 2 THEN 1 ELSE 0 END),
  SUM(CASE WHEN country IS NOT NULL AND country NOT IN ('DE','FR','NL','US','GB') THEN 1 ELSE 0 END),
  SUM(CASE WHEN status IS NOT NULL AND status NOT IN ('open','shipped','delivered','returned') THEN 1 ELSE 0 END),
  SUM(CASE WHEN amount < 0 THEN 1 ELSE 0 END), SUM(CASE WHEN amount > 100000 THEN 1 ELSE 0 END),
  SUM(CASE WHEN quantity <= 0 THEN 1 ELSE 0 END), MAX(created_at)
FROM orders"
# One query per check.
PER_CHECK=(
  "SELECT COUNT(*) FROM orders"
  "SELECT COUNT(*) FROM orders WHERE order_id IS NULL"
  "SELECT COUNT(*) FROM orders WHERE customer_id IS NULL"
  "SELECT COUNT(*) FROM orders WHERE email IS NOT NULL AND email !~ '^[a-z0-9.]+@[a-z0-9.]+\$'"
  "SELECT COUNT(*) FROM orders WHERE email IS NULL"
  "SELECT COUNT(*) FROM orders WHERE LENGTH(country) > 2"
  "SELECT COUNT(*) FROM orders WHERE country NOT IN ('DE','FR','NL','US','GB')"
  "SELECT COUNT(*) FROM orders WHERE status NOT IN ('open','shipped','delivered','returned')"
  "SELECT COUNT(*) FROM orders WHERE amount < 0"
  "SELECT COUNT(*) FROM orders WHERE amount > 100000"
  "SELECT COUNT(*) FROM orders WHERE quantity <= 0"
  "SELECT MAX(created_at) FROM orders"
)

now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

t_wd=(); t_single=(); t_naive=()
export WHODECIDES_JAR="$JAR"   # the launcher runs the private copy
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
"${PSQL[@]}" -d "$DB" -c "$SINGLE" >/dev/null   # warm the cache once for everyone
./whodecides verify "$CONTRACT" >/dev/null || true   # writes the class archive of the jar copy, once
for ((i = 1; i <= RUNS; i++)); do
  s=$(now); ./whodecides verify "$CONTRACT" >/tmp/whodecides-bench.txt || true; e=$(now)
  t_wd+=("$(echo "$e - $s" | bc)")
  s=$(now); "${PSQL[@]}" -d "$DB" -c "$SINGLE" >/dev/null; e=$(now)
  t_single+=("$(echo "$e - $s" | bc)")
  s=$(now); for q in "${PER_CHECK[@]}"; do "${PSQL[@]}" -d "$DB" -c "$q" >/dev/null; done; e=$(now)
  t_naive+=("$(echo "$e - $s" | bc)")
done
grep -E 'scan|passed,' /tmp/whodecides-bench.txt >&2
checks=$(grep -cE '^  (passed|failed|error) ' /tmp/whodecides-bench.txt)
wd=$(printf '%s\n' "${t_wd[@]}" | median)
single=$(printf '%s\n' "${t_single[@]}" | median)
naive=$(printf '%s\n' "${t_naive[@]}" | median)
printf '| rows | checks | whodecides verify | one hand-written aggregate query | one query per check | whodecides / single scan |\n'
printf '|---:|---:|---:|---:|---:|---:|\n'
printf '| %s | %s | %.2f s | %.2f s | %.2f s | %.2fx |\n' "$ROWS" "$checks" "$wd" "$single" "$naive" "$(echo "$wd / $single" | bc -l)"
echo "medians of $RUNS runs; whodecides includes JVM start-up and the schema checks ($(nproc) cores, PostgreSQL $("${PSQL[@]}" -d postgres -tAc 'SHOW server_version'), $(java -version 2>&1 | head -1))" >&2
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
