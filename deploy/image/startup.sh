#!/usr/bin/env bash
# Measures the image's start-up with and without its AOT cache: runs the container (as prove.sh does: runc,
# read-only root, host network) RUNS times each way, alternating, against one fresh database on the machine's
# PostgreSQL (127.0.0.1:5432), after one unmeasured start that migrates it, with an OTLP endpoint (a stand-in
# collector, as the image is processed for one). "noaot" is the same image with JDK_JAVA_OPTIONS=-XX:AOTMode=off;
# "plain" keeps the cache but switches Spring's ahead-of-time processing off (-Dspring.aot.enabled=false: the
# ordinary start, as with settings the image was not built for). Prints, per run and as medians, the time from `runc
# run` to the first 200 from /actuator/health/readiness, Spring Boot's own "Started StockroomApplication in X
# seconds", and the CPU time the JVM had used by then (user + system, all threads: less swayed than wall time by
# other work on the machine).
# Run as root.
#
# Usage: deploy/image/startup.sh [RUNS] [IMAGE_TARBALL]   (defaults: 5, target/stockroom-image.tar)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/image/lib.sh

runs=${1:-5}
tarball=${2:-target/stockroom-image.tar}
[ "$(id -u)" = 0 ] || { echo "startup.sh: runc needs root" >&2; exit 1; }
[ -f "$tarball" ] || { echo "startup.sh: no $tarball; build it with ./mvnw -Pimage package -DskipTests" >&2; exit 1; }
image_tools

work=$(mktemp -d /tmp/stockroom-startup-XXXXXX)
id=stockroom-startup-$$
db=stockroom_image_$(date +%s)_$$
db_created=false
cleanup() {
  if [ "$(image_state "$id")" != gone ]; then
    runc kill "$id" KILL 2>/dev/null || true
    runc delete --force "$id" 2>/dev/null || true
  fi
  if [ -n "${OTLP_SINK_PID:-}" ]; then kill "$OTLP_SINK_PID" 2>/dev/null || true; fi
  rm -rf "$work"
  if $db_created; then
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $db with (force)" 2>/dev/null || true
  fi
}
trap cleanup EXIT

psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "create database $db"
db_created=true
image_unpack "$tarball" "$work"
image_otlp_sink "$work" "$(image_build_java)" \
  || { echo "startup.sh: the stand-in collector did not start" >&2; exit 1; }
cp "$work/bundle/config.json" "$work/config.json.image"

# start_once MODE: prints "READY_MS STARTED_S CPU_S" for one start (MODE: aot, noaot or plain).
start_once() {
  local mode=$1 port log=$work/console.log started ready_ms cpu
  port=$(image_free_port)
  cp "$work/config.json.image" "$work/bundle/config.json"
  local options=-XX:AOTMode=auto
  [ "$mode" = noaot ] && options=-XX:AOTMode=off
  [ "$mode" = plain ] && options="-XX:AOTMode=auto -Dspring.aot.enabled=false"
  image_configure "$work/bundle" PORT="$port" JDK_JAVA_OPTIONS="$options" \
    STOCKROOM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD= \
    STOCKROOM_ADMIN_CLIENT_ID=startup-admin STOCKROOM_ADMIN_CLIENT_SECRET=startup-admin-secret-0123456789abcdef \
    STOCKROOM_OTLP_ENDPOINT="$OTLP_SINK_URL"
  started=$(image_now_ms)
  runc run --detach --bundle "$work/bundle" --pid-file "$work/pid" "$id" > "$log" 2>&1 < /dev/null
  if ! image_wait_ready "$port" 120 "$id"; then
    tail -n 20 "$log" | cut -c1-300 >&2
    echo "startup.sh: not ready within 120 s" >&2
    return 1
  fi
  ready_ms=$(($(image_now_ms) - started))
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$(cat "$work/pid")/stat")
  image_stop "$id" 60 || true
  runc delete --force "$id"
  echo "$ready_ms $(grep -o 'Started StockroomApplication in [0-9.]*' "$log" | grep -o '[0-9.]*$') $cpu"
}

# median PRINTF_FORMAT: the median of the numbers on standard input.
median() { sort -n | awk -v f="$1" '{v[NR] = $1} END {printf f "\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

echo "startup.sh: one unmeasured start migrates the database"
start_once aot > /dev/null
: > "$work/aot.txt"
: > "$work/noaot.txt"
: > "$work/plain.txt"
for run in $(seq 1 "$runs"); do
  for mode in aot noaot plain; do
    result=$(start_once "$mode")
    echo "$result" >> "$work/$mode.txt"
    read -r ready started cpu <<< "$result"
    printf 'run %d %-6s ready after %6d ms, Started in %s s, CPU %s s (load average %s)\n' "$run" "$mode" \
      "$ready" "$started" "$cpu" "$(cut -d ' ' -f 1 /proc/loadavg)"
  done
done
for mode in aot noaot plain; do
  printf 'median %-6s ready after %6s ms, Started in %s s, CPU %s s (%d runs)\n' "$mode" \
    "$(cut -d ' ' -f 1 "$work/$mode.txt" | median %.0f)" "$(cut -d ' ' -f 2 "$work/$mode.txt" | median %.2f)" \
    "$(cut -d ' ' -f 3 "$work/$mode.txt" | median %.2f)" "$runs"
done
