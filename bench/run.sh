#!/usr/bin/env bash
# The benchmark, side by side: Stockroom and a baseline (bench/baseline: a bare Spring MVC + JdbcClient
# application, the framework's own ceiling) one after the other in one invocation, on one fresh database of the
# machine's PostgreSQL, with the same JVM flags, and each scenario's figures with its ratio to the baseline's, so
# that the machine's noise (30 % from run to run here) cancels out. Ratios are what we track.
#
# Scenarios, wrk at 64 connections after a 10 s warm-up each (and, after each start, BENCH_WARMUP of product reads:
# the JIT needs about a minute on 2 cores before the figures settle):
#   get-by-id    authenticated GET /v1/products/{id} of 10,000 seeded products (the baseline: the same SELECT), first
#                with the product cache off (a process of its own), then on (the default, for every other scenario)
#   list         GET /v1/products?limit=20
#   orders       POST /v1/orders with an Idempotency-Key, one unit of one of 100 products; next to pgbench's
#                TPC-B on the same database in the same run; no oversell is checked afterwards in SQL
#   mixed        nine product reads to one order
#   fixed rate   GET /v1/products/{id} at 70 % of the get-by-id maximum (cache on), open model (bench/Rate.java), p99
# and Stockroom's resident set size after all of them.
#
# Loopback only; every phase is bounded in time. Needs wrk and pgbench (installed from Debian's packages when
# missing) and the PostgreSQL server on 127.0.0.1:5432 (BENCH_DB_HOST, BENCH_DB_PORT, user postgres).
# Usage: bench/run.sh [DURATION] (default 30s per scenario; 5s is a quick check).
# JVM flags for both: BENCH_JAVA_OPTS (default: the container image's, see the README), and MALLOC_ARENA_MAX=2.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-30s}
SECONDS_PER_RUN=${DURATION%s}
PORT=${BENCH_PORT:-18080}
BASELINE_PORT=${BENCH_BASELINE_PORT:-18090}
DB_HOST=${BENCH_DB_HOST:-127.0.0.1}
DB_PORT=${BENCH_DB_PORT:-5432}
JAVA_OPTS=${BENCH_JAVA_OPTS:--XX:MaxRAMPercentage=75 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2} # as in the image
WARMUP=${BENCH_WARMUP:-60s}
CONNECTIONS=64
THREADS=2
PRODUCTS=10000
OUT=bench/results
mkdir -p "$OUT"

if [ -z "${JAVA_HOME:-}" ] && [ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="$JAVA_HOME/bin:$PATH"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
command -v pgbench >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }

./mvnw -q -B -DskipTests package
./mvnw -q -B -f bench/baseline/pom.xml package
jar=$(ls target/stockroom-*.jar | grep -v plain | head -n 1)

db="stockroom_bench_$(date +%s)_$$"
psql_db() { psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }
psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -q -c "create database $db"
server=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; }
  psql -h "$DB_HOST" -p "$DB_PORT" -U postgres -d postgres -q -c "drop database if exists $db with (force)" || true
}
trap cleanup EXIT

await_ready() { # port
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" >/dev/null 2>&1 && return 0
    curl -fs -o /dev/null "http://127.0.0.1:$1/v1/products?limit=1" 2>/dev/null && return 0
    kill -0 "$server" 2>/dev/null || { tail -n 40 "$OUT/server.log"; exit 1; }
    sleep 0.5
  done
  echo "not ready within 60 s" >&2
  exit 1
}
stop_server() {
  kill "$server"
  wait "$server" 2>/dev/null || true
  server=""
}

warm_up() { # base
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s bench/get-by-id.lua "$1/v1/products/x" >/dev/null
}
run() { # name, script, base, path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "bench/$2" "$3$4" >/dev/null # warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/$2" "$3$4" | tee "$OUT/$1.txt"
}
rps() { awk '/Requests\/sec/ {printf "%d", $2}' "$OUT/$1.txt"; }
pct() { awk -v p="$2" '$1 == p {print $2}' "$OUT/$1.txt"; }
errors() { awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' "$OUT/$1.txt"; }

# ---- Stockroom ----------------------------------------------------------------------------------------------------
# A throw-away admin client for this run only; every request carries one of its access tokens.
export STOCKROOM_ADMIN_CLIENT_ID=bench
export STOCKROOM_ADMIN_CLIENT_SECRET="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
# Every request is counted against the client's bucket, as in production, but one client sends them all here, so
# its limit is far above what the machine can serve: the limiter's cost is in the figures, its refusals are not.
export STOCKROOM_RATE_LIMIT=1000000/1s
# The management port is a free one, so the run clashes with no service on this machine (the default is 8081).
start_stockroom() { # product cache: on or off
  # shellcheck disable=SC2086
  STOCKROOM_PRODUCT_CACHE="$1" STOCKROOM_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$db" STOCKROOM_DB_USER=postgres \
    STOCKROOM_DB_PASSWORD= java $JAVA_OPTS -jar "$jar" --server.port="$PORT" --management.server.port=0 \
    >>"$OUT/server.log" 2>&1 &
  server=$!
  await_ready "$PORT"
  TOKEN=$(curl -fs -u "bench:$STOCKROOM_ADMIN_CLIENT_SECRET" "$base/oauth2/token" -d grant_type=client_credentials \
    -d 'scope=products:read products:write customers:write orders:read orders:write' |
    sed -E 's/.*"access_token":"([^"]+)".*/\1/')
  export TOKEN
}
base="http://127.0.0.1:$PORT"
: >"$OUT/server.log"

# First with the product cache off: every read asks the database, as the baseline does.
start_stockroom off
java bench/Seed.java "$base" "$PRODUCTS" "$OUT/ids.txt"
export IDS_FILE="$OUT/ids.txt" ORDER_PRODUCTS=100
CUSTOMER=$(curl -fs -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$base/v1/customers" \
  -d '{"name":"Bench Customer","email":"bench-'"$$"'@example.com","shipping_address":{"lines":["1 Bench Street"],"city":"London","postal_code":"NW1 6XE","country":"GB"}}' |
  sed -E 's/.*"id":"([0-9a-f-]{36})".*/\1/')
export CUSTOMER
warm_up "$base"
run stockroom-get-by-id-uncached get-by-id.lua "$base" "/v1/products/x"
stop_server

# Then as configured by default: the product cache on.
start_stockroom on
warm_up "$base"
run stockroom-get-by-id get-by-id.lua "$base" "/v1/products/x"
run stockroom-list list.lua "$base" "/v1/products?limit=20"
run stockroom-orders orders.lua "$base" "/v1/orders"
READS_PER_ORDER=9 run stockroom-mixed orders.lua "$base" "/v1/orders"
fixed_rate=$(( $(rps stockroom-get-by-id) * 70 / 100 ))
java bench/Rate.java "$base" "$fixed_rate" "$SECONDS_PER_RUN" "$IDS_FILE" | tee "$OUT/stockroom-rate.txt"
rss_mb=$(( $(ps -o rss= -p "$server") / 1024 ))
stop_server

# No order took more than there was: every product's stock is what it was seeded with less what its orders took.
oversold=$(psql_db -c "select count(*) from product p where p.stock < 0 or p.stock <> 1000
  + substring(p.sku from '[0-9]+\$')::int % 50 - coalesce((select sum(l.quantity) from order_line l
  join customer_order o on o.id = l.order_id where l.product_id = p.id and o.status <> 'cancelled'), 0)")
orders=$(psql_db -c "select count(*) from customer_order")

# ---- pgbench TPC-B on the same database ------------------------------------------------------------------------
pgbench -h "$DB_HOST" -p "$DB_PORT" -U postgres -i -s 10 -q "$db" >/dev/null 2>&1
pgbench -h "$DB_HOST" -p "$DB_PORT" -U postgres -c 10 -j "$THREADS" -T "$SECONDS_PER_RUN" "$db" 2>/dev/null |
  tee "$OUT/pgbench.txt"
tps=$(awk '/^tps/ {printf "%d", $3; exit}' "$OUT/pgbench.txt")

# ---- The baseline ---------------------------------------------------------------------------------------------------
# shellcheck disable=SC2086
BASELINE_DB_URL="jdbc:postgresql://$DB_HOST:$DB_PORT/$db" PORT="$BASELINE_PORT" \
  java $JAVA_OPTS -jar bench/baseline/target/baseline.jar >"$OUT/baseline.log" 2>&1 &
server=$!
await_ready "$BASELINE_PORT"
baseline="http://127.0.0.1:$BASELINE_PORT"
warm_up "$baseline"
run baseline-get-by-id get-by-id.lua "$baseline" "/v1/products/x"
run baseline-list list.lua "$baseline" "/v1/products?limit=20"
baseline_rate=$(( $(rps baseline-get-by-id) * 70 / 100 ))
java bench/Rate.java "$baseline" "$baseline_rate" "$SECONDS_PER_RUN" "$IDS_FILE" | tee "$OUT/baseline-rate.txt"
baseline_rss_mb=$(( $(ps -o rss= -p "$server") / 1024 ))
stop_server

# ---- Summary --------------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f %%", (b > 0 ? 100 * a / b : 0)}'; }
rate_p99() { awk '$1 == "p99" {print $2 " " $3}' "$OUT/$1-rate.txt"; }
{
  echo "| scenario | Stockroom | p50 | p99 | baseline | ratio | errors |"
  echo "|---|---|---|---|---|---|---|"
  for scenario in get-by-id-uncached:get-by-id get-by-id:get-by-id list:list; do
    mine=${scenario%%:*} theirs=${scenario##*:}
    label=$theirs
    [ "$mine" = get-by-id-uncached ] && label="get-by-id, cache off"
    [ "$mine" = get-by-id ] && label="get-by-id, cache on"
    echo "| GET $label | $(rps "stockroom-$mine")/s | $(pct "stockroom-$mine" 50%) |" \
      "$(pct "stockroom-$mine" 99%) | $(rps "baseline-$theirs")/s |" \
      "$(ratio "$(rps "stockroom-$mine")" "$(rps "baseline-$theirs")") | $(errors "stockroom-$mine")|"
  done
  echo "| POST /v1/orders | $(rps stockroom-orders)/s | $(pct stockroom-orders 50%) | $(pct stockroom-orders 99%) |" \
    "pgbench TPC-B $tps tps | $(ratio "$(rps stockroom-orders)" "$tps") | $(errors stockroom-orders)|"
  echo "| mixed 9:1 | $(rps stockroom-mixed)/s | $(pct stockroom-mixed 50%) | $(pct stockroom-mixed 99%) | | |" \
    "$(errors stockroom-mixed)|"
  echo "| GET by id at 70 % of its maximum | ${fixed_rate}/s | | $(rate_p99 stockroom) |" \
    "${baseline_rate}/s: p99 $(rate_p99 baseline) | | |"
  echo
  echo "Resident set after the run: Stockroom ${rss_mb} MB, baseline ${baseline_rss_mb} MB (JVM flags: $JAVA_OPTS)."
  echo "Orders placed: $orders; products whose stock disagrees with their orders: $oversold."
} | tee "$OUT/summary.md"
[ "$oversold" = 0 ] || { echo "OVERSOLD: $oversold products" >&2; exit 1; }
