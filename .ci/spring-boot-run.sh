#!/usr/bin/env bash
# The README's "./mvnw spring-boot:run", as a person runs it: how long from the command to readiness (/readyz
# answers 200), then a SIGTERM to Maven, which must end in the service's graceful shutdown and no BUILD FAILURE.
# On ports 18080 and 18081 (PORT, STOCKROOM_MANAGEMENT_PORT) so that it does not meet a service on 8080; its
# embedded database is a throwaway one under target/. Bounded: 240 s to readiness, 60 s to stop.
# Usage: .ci/spring-boot-run.sh [extra Maven arguments, e.g. -o]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18080}
management=${STOCKROOM_MANAGEMENT_PORT:-18081}
mkdir -p target
log=target/spring-boot-run.log
data=$(mktemp -d -p target spring-boot-run-data.XXXXXX)

started=$(date +%s%N)
PORT=$port STOCKROOM_MANAGEMENT_PORT=$management STOCKROOM_EMBEDDED_DB_DIR="$PWD/$data" \
  ./mvnw -B "$@" spring-boot:run >"$log" 2>&1 &
maven=$!
stop() { kill -TERM "$maven" 2>/dev/null || true; }
trap stop EXIT
until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
  if ! kill -0 "$maven" 2>/dev/null; then
    echo "spring-boot:run ended before it was ready:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  if [ $(( ($(date +%s%N) - started) / 1000000000 )) -ge 240 ]; then
    echo "spring-boot:run was not ready within 240 s" >&2
    exit 1
  fi
  sleep 0.2
done
ready_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "spring-boot:run: ready $((ready_ms / 1000)).$(printf '%03d' $((ready_ms % 1000))) s after the command"

kill -TERM "$maven"
for _ in $(seq 1 300); do kill -0 "$maven" 2>/dev/null || break; sleep 0.2; done
if kill -0 "$maven" 2>/dev/null; then
  echo "spring-boot:run did not stop within 60 s of SIGTERM" >&2
  kill -KILL "$maven"
  exit 1
fi
trap - EXIT
if grep -q "BUILD FAILURE\|\[ERROR\]" "$log"; then
  echo "spring-boot:run stopped with an error after SIGTERM:" >&2
  grep -n "BUILD FAILURE\|\[ERROR\]" "$log" >&2
  exit 1
fi
if ! grep -qi "graceful shutdown complete" "$log"; then
  echo "spring-boot:run stopped without a graceful shutdown:" >&2
  tail -n 20 "$log" >&2
  exit 1
fi
rm -rf "$data"
echo "spring-boot:run: SIGTERM stopped it gracefully, without BUILD FAILURE"
