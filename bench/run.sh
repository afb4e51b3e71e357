#!/usr/bin/env bash
# Load test of the read paths: starts the service on a fresh embedded PostgreSQL, seeds 10,000 products through
# the API, then drives GET /v1/products/{id} and GET /v1/products?limit=20 with wrk at 64 connections.
# Loopback only; every phase is bounded in time. Usage: bench/run.sh [DURATION] (default 30s per endpoint).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${1:-30s}
PORT=${BENCH_PORT:-18080}
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

./mvnw -q -B -DskipTests package
jar=$(ls target/stockroom-*.jar | grep -v plain | head -n 1)

# A throw-away admin client for this run only; every request carries one of its access tokens.
export STOCKROOM_ADMIN_CLIENT_ID=bench
export STOCKROOM_ADMIN_CLIENT_SECRET="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
# The management port is a free one, so the run clashes with no service on this machine (the default is 8081).
java -jar "$jar" --server.port="$PORT" --management.server.port=0 --stockroom.embedded-db.ephemeral=true \
  >"$OUT/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  kill -0 $server 2>/dev/null || { cat "$OUT/server.log"; exit 1; }
  sleep 1
done

TOKEN=$(curl -fs -u "bench:$STOCKROOM_ADMIN_CLIENT_SECRET" "http://127.0.0.1:$PORT/oauth2/token" \
  -d grant_type=client_credentials -d 'scope=products:read products:write' |
  sed -E 's/.*"access_token":"([^"]+)".*/\1/')
export TOKEN
java bench/Seed.java "http://127.0.0.1:$PORT" "$PRODUCTS" "$OUT/ids.txt"
export IDS_FILE="$OUT/ids.txt"

run() { # name, script, path
  wrk -t"$THREADS" -c"$CONNECTIONS" -d10s -s "bench/$2" "http://127.0.0.1:$PORT$3" >/dev/null # warm-up
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "bench/$2" "http://127.0.0.1:$PORT$3" | tee "$OUT/$1.txt"
}
run get-by-id get-by-id.lua "/v1/products/x"
run list list.lua "/v1/products?limit=20"

summary() { # name
  local file="$OUT/$1.txt"
  printf '| %s | %s | %s | %s | %s |\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' "$file")" \
    "$(awk '$1 == "50%" {print $2}' "$file")" \
    "$(awk '$1 == "99%" {print $2}' "$file")" \
    "$(awk '/Non-2xx|Socket errors/ {print}' "$file" | tr '\n' ' ')"
}
{
  echo "| endpoint | requests/s | p50 | p99 | errors |"
  echo "|---|---|---|---|---|"
  summary get-by-id
  summary list
} | tee "$OUT/summary.md"
