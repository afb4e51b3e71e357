#!/usr/bin/env bash
# Records the JDK's AOT cache (JEP 483/514) for the image: starts the service once on the staged runtime and the
# staged /app (stage.sh), with the image's JVM flags, waits until it is ready, gets a token and lists products
# (so the request path is trained too), and stops it with SIGTERM. At exit the JVM writes the classes it loaded
# and linked, and the method profiles it gathered, to OUTPUT_DIR/aot/app/stockroom.aot.
#
# Usage: train.sh OUTPUT_DIR MAIN_CLASS [JVM_FLAG...]
# The service must start with the image's ahead-of-time processing (shared.startup.AheadOfTimeSwitch says so in
# its log), as the image does by default: a cache trained on the ordinary start would not fit. So it gets an OTLP
# endpoint, a stand-in collector (OtlpSink.java) on the build's JDK (BUILD_JAVA_HOME), as the processing expects.
# Database: STOCKROOM_IMAGE_TRAINING_DB_URL (with _USER and _PASSWORD; a throw-away database: it is migrated and
# gets an API client) if set, else an ephemeral embedded PostgreSQL started beside the service by the build's JDK
# (BUILD_JAVA_HOME; TrainingDatabase.java). PostgreSQL refuses to run as root and needs a passwd entry, so as root
# both run as the machine's user nobody. Every JVM here runs with -XX:-UsePerfData: the JVM that assembles the
# cache at exit left its file in /tmp/hsperfdata_nobody (the flag does not change what the cache fits).
set -euo pipefail

out=$(cd "$1" && pwd) main=$2
shift 2
java=$out/root/opt/java/bin/java
cache=$out/aot/app/stockroom.aot
log=$out/training.log

# The class path is the image's, relative to /app (stage.sh says why); the JVM runs in the staged copy of /app.
classpath=$out/aot/app/stockroom.classpath

stamp=$({ "$java" -version 2>&1; echo "$main $* ${STOCKROOM_IMAGE_TRAINING_DB_URL:-embedded}"; cat "$0"; \
  cat "$(dirname "$0")/TrainingDatabase.java" "$(dirname "$0")/OtlpSink.java" "$classpath"; \
  sha256sum "$out"/app/classpath/*.jar; stat -c '%n %s' "$out"/app/libs/*; } | sha256sum)
if [ -f "$cache" ] && [ "$(cat "$out/aot.stamp" 2>/dev/null)" = "$stamp" ]; then
  echo "AOT cache up to date: $cache"
  exit 0
fi
rm -f "$cache" "$out/aot.stamp"
mkdir -p "$(dirname "$cache")"

[ -x "${BUILD_JAVA_HOME:-}/bin/java" ] || { echo "train.sh: BUILD_JAVA_HOME must name a JDK" >&2; exit 1; }
source "$(dirname "$0")/lib.sh"
work=$(mktemp -d /tmp/stockroom-aot-XXXXXX)
pid=""
db_pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  if [ -n "${OTLP_SINK_PID:-}" ]; then kill "$OTLP_SINK_PID" 2>/dev/null || true; fi
  if [ -n "$db_pid" ] && kill -0 "$db_pid" 2>/dev/null; then
    kill -TERM "$db_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$db_pid" 2>/dev/null || break; sleep 0.1; done
  fi
  # An embedded PostgreSQL outlives a JVM that did not stop normally: end it by the pid in its data directory.
  for pidfile in "$work"/tmp/stockroom-pg-*/postmaster.pid; do
    [ -f "$pidfile" ] && kill -TERM "$(head -n 1 "$pidfile")" 2>/dev/null || true
  done
  sleep 0.5
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  grep -v '\[warning\]\[aot' "$log" | tail -n 30 | cut -c1-400 >&2 || true
  echo "train.sh: $* (full log: $log)" >&2
  exit 1
}

mkdir "$work/tmp"
secret=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
env=(PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$work" PORT=0 LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs STOCKROOM_LOG_FORMAT=json
  STOCKROOM_ADMIN_CLIENT_ID=aot-training STOCKROOM_ADMIN_CLIENT_SECRET="$secret" STOCKROOM_WEBHOOK_WORKER=false)
run_as=()
if [ -n "${STOCKROOM_IMAGE_TRAINING_DB_URL:-}" ]; then
  env+=(STOCKROOM_DB_URL="$STOCKROOM_IMAGE_TRAINING_DB_URL" STOCKROOM_DB_USER="${STOCKROOM_IMAGE_TRAINING_DB_USER:-}"
    STOCKROOM_DB_PASSWORD="${STOCKROOM_IMAGE_TRAINING_DB_PASSWORD:-}")
else
  # The image's start is processed ahead of time for an external database (pom.xml, image-spring-aot), so the
  # service is trained against one: an embedded PostgreSQL of its own (TrainingDatabase.java), on the build's JDK.
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody: "$work"
    run_as=(setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups --)
    if ! "${run_as[@]}" test -r "$(ls -d "$out"/app/classpath/*.jar)"; then
      echo "train.sh: user nobody cannot read $out; set STOCKROOM_IMAGE_TRAINING_DB_URL to train as root" >&2
      exit 1
    fi
  fi
  env -i -C "$out/app" PATH=/usr/bin:/bin LANG=C.UTF-8 HOME="$work" "${run_as[@]}" "$BUILD_JAVA_HOME/bin/java" \
    -XX:-UsePerfData -Djava.io.tmpdir="$work/tmp" -cp "@$classpath" \
    "$(cd "$(dirname "$0")" && pwd)/TrainingDatabase.java" \
    "$work/tmp/stockroom-pg-training" "$work/db.url" > "$work/db.log" 2>&1 &
  db_pid=$!
  for _ in $(seq 1 240); do
    [ -s "$work/db.url" ] && break
    if ! kill -0 "$db_pid" 2>/dev/null; then
      tail -n 20 "$work/db.log" >&2
      echo "train.sh: the training database did not start" >&2
      exit 1
    fi
    sleep 0.5
  done
  [ -s "$work/db.url" ] || { echo "train.sh: the training database did not start within 120 s" >&2; exit 1; }
  env+=(STOCKROOM_DB_URL="$(cat "$work/db.url")" STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD=)
fi

# ... and for an OTLP endpoint: a stand-in collector (OtlpSink.java).
image_otlp_sink "$work" "$BUILD_JAVA_HOME/bin/java" \
  || { echo "train.sh: the stand-in collector did not start" >&2; exit 1; }
env+=(STOCKROOM_OTLP_ENDPOINT="$OTLP_SINK_URL")

echo "Training the AOT cache (log: $log)"
start=$SECONDS
env -i -C "$out/app" "${env[@]}" "${run_as[@]}" "$java" "$@" -XX:-UsePerfData -Djava.io.tmpdir="$work/tmp" \
  -XX:AOTCacheOutput="$work/stockroom.aot" -cp "@$classpath" "$main" > "$log" 2>&1 &
pid=$!

port=""
for _ in $(seq 1 240); do
  kill -0 "$pid" 2>/dev/null || fail "the service stopped before it was ready"
  port=$(grep -o 'Tomcat started on port [0-9]*' "$log" | head -n 1 | grep -o '[0-9]*$' || true)
  if [ -n "$port" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null; then
    break
  fi
  port=""
  sleep 0.5
done
[ -n "$port" ] || fail "not ready within 120 s"
grep -q "Starting with the image's ahead-of-time processing" "$log" \
  || fail "the service did not start with the image's ahead-of-time processing"
base=http://127.0.0.1:$port
token=$(curl -fsS -u "aot-training:$secret" -d grant_type=client_credentials "$base/oauth2/token" \
  | sed -E 's/.*"access_token":"([^"]+)".*/\1/') || fail "no token"
curl -fsS -o /dev/null -H "Authorization: Bearer $token" "$base/v1/products?limit=20" || fail "GET /v1/products failed"
curl -fsS -o /dev/null "$base/actuator/health/liveness" || fail "liveness failed"

kill -TERM "$pid"
for _ in $(seq 1 240); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
kill -0 "$pid" 2>/dev/null && fail "did not stop within 120 s of SIGTERM"
wait "$pid" || true
pid=""
[ -s "$work/stockroom.aot" ] || fail "no AOT cache was written"
mv "$work/stockroom.aot" "$cache"
chmod 644 "$cache"
echo "$stamp" > "$out/aot.stamp"
echo "AOT cache: $(du -h "$cache" | cut -f1) in $((SECONDS - start)) s"
