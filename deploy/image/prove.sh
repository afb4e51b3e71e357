#!/usr/bin/env bash
# Proves the container image without a Docker engine: unpacks target/stockroom-image.tar with umoci and runs it
# with runc as a container platform would (read-only root file system with a tmpfs /tmp, the image's non-root
# user, no capabilities) on the host's network, against a fresh database on the machine's PostgreSQL
# (127.0.0.1:5432), and checks that it
#   - becomes ready within 60 s, as uid 65532, with its root file system mounted read-only;
#   - starts from the AOT cache (JDK_JAVA_OPTIONS=-XX:AOTMode=on: a cache the JVM cannot use ends the start) and
#     with Spring's ahead-of-time processing (shared.startup.AheadOfTimeSwitch says so in the log);
#   - issues a token for client credentials and answers an authenticated GET /v1/products with 200;
#   - stops by itself on SIGTERM within the graceful shutdown timeout, logging a graceful shutdown;
#   - exports spans to an OTLP endpoint (a stand-in collector, OtlpSink.java, on the JDK of JAVA_HOME or PATH);
#   - started again with settings the processing was not built for (no OTLP endpoint, the actuator on the main
#     port), starts the ordinary way instead, says why, and becomes ready all the same.
# Everything it made (container, bundle, database) is removed at the end, whatever happened. Run as root.
#
# Usage: deploy/image/prove.sh [IMAGE_TARBALL]   (default target/stockroom-image.tar)
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/image/lib.sh

tarball=${1:-target/stockroom-image.tar}
shutdown_timeout=20
[ "$(id -u)" = 0 ] || { echo "prove.sh: runc needs root" >&2; exit 1; }
[ -f "$tarball" ] || { echo "prove.sh: no $tarball; build it with ./mvnw -Pimage package -DskipTests" >&2; exit 1; }
image_tools

work=$(mktemp -d /tmp/stockroom-prove-XXXXXX)
id=stockroom-prove-$$
db=stockroom_image_$(date +%s)_$$
log=$work/console.log
db_created=false
cleanup() {
  local status=$?
  if [ "$(image_state "$id")" != gone ]; then
    runc kill "$id" KILL 2>/dev/null || true
    runc delete --force "$id" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] && [ -f "$log" ]; then
    echo "--- last lines of the container's console" >&2
    tail -n 40 "$log" | cut -c1-400 >&2
  fi
  if [ -n "${OTLP_SINK_PID:-}" ]; then kill "$OTLP_SINK_PID" 2>/dev/null || true; fi
  rm -rf "$work"
  if $db_created; then
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "drop database if exists $db with (force)" 2>/dev/null || true
  fi
}
trap cleanup EXIT
fail() { echo "prove.sh: FAILED: $*" >&2; exit 1; }
step() { echo "prove.sh: $*"; }

if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q -c "create database $db"
db_created=true

image_unpack "$tarball" "$work"
bundle=$work/bundle
step "image $(du -h "$tarball" | cut -f1) as a tarball, $(du -sh "$bundle/rootfs" | cut -f1) unpacked"
staged=target/image-build/image/jib-classpath-file
if [ -f "$staged" ]; then
  cmp -s "$staged" "$bundle/rootfs/app/jib-classpath-file" \
    || fail "the image's class path is not the one the AOT cache was trained with ($staged)"
fi
cp "$bundle/config.json" "$work/config.json.image"

port=$(image_free_port) || fail "no free port"
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
image_otlp_sink "$work" "$(image_build_java)" || fail "the stand-in collector did not start"
image_configure "$bundle" \
  PORT="$port" \
  STOCKROOM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD= \
  STOCKROOM_ADMIN_CLIENT_ID=prove-admin STOCKROOM_ADMIN_CLIENT_SECRET="$secret" \
  STOCKROOM_SHUTDOWN_TIMEOUT="${shutdown_timeout}s" STOCKROOM_OTLP_ENDPOINT="$OTLP_SINK_URL" \
  JDK_JAVA_OPTIONS=-XX:AOTMode=on

step "starting the container on port $port"
started=$(image_now_ms)
runc run --detach --bundle "$bundle" --pid-file "$work/pid" "$id" > "$log" 2>&1 < /dev/null \
  || fail "runc run"
image_wait_ready "$port" 60 "$id" || fail "not ready within 60 s"
step "ready after $(($(image_now_ms) - started)) ms; $(grep -o 'Started StockroomApplication in [0-9.]* seconds' "$log" | head -n 1)"

pid=$(cat "$work/pid")
uid=$(awk '/^Uid:/ {print $2}' "/proc/$pid/status")
[ "$uid" = 65532 ] || fail "the JVM runs as uid $uid, not 65532"
awk '$5 == "/" {print $6}' "/proc/$pid/mountinfo" | grep -q '^ro' || fail "the root file system is writable"
awk '$5 == "/tmp" {print $9}' "/proc/$pid/mountinfo" | grep -q tmpfs || fail "/tmp is not a tmpfs"
grep -q '"log":{"level":"INFO"' "$log" || fail "the console log is not ECS JSON"
step "runs as uid 65532 on a read-only root file system with a tmpfs /tmp; logs ECS JSON"
grep -q "Starting with the image's ahead-of-time processing" "$log" && grep -q 'Starting AOT-processed' "$log" \
  || fail "the start did not use Spring's ahead-of-time processing"
step "started with Spring's ahead-of-time processing"

base=http://127.0.0.1:$port
response=$(curl -s --max-time 10 -u "prove-admin:$secret" -d grant_type=client_credentials "$base/oauth2/token")
token=$(echo "$response" | jq -r '.access_token // empty')
[ -n "$token" ] || fail "no access token: $response"
status=$(curl -s -o "$work/products.json" -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $token" \
  "$base/v1/products?limit=5")
[ "$status" = 200 ] || fail "GET /v1/products answered $status: $(head -c 300 "$work/products.json")"
jq -e '.data | type == "array"' "$work/products.json" >/dev/null || fail "GET /v1/products: not a page of products"
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$base/v1/products")
[ "$status" = 401 ] || fail "GET /v1/products without a token answered $status, not 401"
step "token issued; GET /v1/products 200 with it, 401 without"

step "SIGTERM"
stop_started=$(image_now_ms)
image_stop "$id" $((shutdown_timeout + 10)) || fail "still running $((shutdown_timeout + 10)) s after SIGTERM"
stopped_ms=$(($(image_now_ms) - stop_started))
grep -q 'Graceful shutdown complete' "$log" || fail "no graceful shutdown in the log"
grep -q 'HikariPool-1 - Shutdown completed' "$log" || fail "the connection pool was not closed"
step "stopped by itself $stopped_ms ms after SIGTERM, gracefully"
runc delete "$id"
[ "$(cat "$work/otlp.exports" 2>/dev/null || echo 0)" -ge 1 ] || fail "no spans reached the OTLP endpoint"
step "spans exported over OTLP ($(cat "$work/otlp.exports") exports to the stand-in collector)"

# The same image without an OTLP endpoint and with the actuator on the main port: the processing decided on both,
# so this start must be an ordinary one (and still work).
cp "$work/config.json.image" "$bundle/config.json"
port=$(image_free_port) || fail "no free port"
image_configure "$bundle" \
  PORT="$port" STOCKROOM_MANAGEMENT_PORT="$port" \
  STOCKROOM_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD= \
  STOCKROOM_ADMIN_CLIENT_ID=prove-admin STOCKROOM_ADMIN_CLIENT_SECRET="$secret"
runc run --detach --bundle "$bundle" --pid-file "$work/pid" "$id" > "$log" 2>&1 < /dev/null || fail "runc run"
image_wait_ready "$port" 60 "$id" || fail "the ordinary start was not ready within 60 s"
reason=$(grep -o "Starting without the image's ahead-of-time processing[^\"]*" "$log" || true)
case "$reason" in
  *management.opentelemetry.tracing.export.otlp.endpoint*management.server.port*) ;;
  *) fail "a start without OTLP and with the actuator on the main port did not say why it starts the ordinary way" ;;
esac
grep -q 'Starting AOT-processed' "$log" && fail "a start the processing was not made for used it"
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "http://127.0.0.1:$port/actuator/health/liveness")
[ "$status" = 200 ] || fail "the actuator is not on the main port ($status)"
image_stop "$id" $((shutdown_timeout + 10)) || fail "the ordinary start still runs after SIGTERM"
runc delete "$id"
step "without STOCKROOM_OTLP_ENDPOINT, with STOCKROOM_MANAGEMENT_PORT=PORT: an ordinary start, ready," \
  "the actuator on the main port"
echo "prove.sh: image proven"
