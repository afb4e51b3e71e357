# Functions shared by prove.sh and startup.sh: unpack the image tarball into an OCI runtime bundle and run it
# with runc on the host's network, the way a container platform would (read-only root file system, a tmpfs /tmp,
# the image's non-root user, no capabilities). Sourced, not run. Needs root.

# Installs umoci, runc, jq and curl from Debian's packages when one is missing.
image_tools() {
  local missing=()
  for tool in umoci runc jq curl; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q "${missing[@]}" >/dev/null; }
}

# image_otlp_sink DIR JAVA: starts deploy/image/OtlpSink.java, a stand-in OpenTelemetry collector, on the JDK's
# java JAVA; sets OTLP_SINK_PID and OTLP_SINK_URL (http://127.0.0.1:PORT). DIR/otlp.exports counts the exports
# it received. Stop it with kill "$OTLP_SINK_PID".
image_otlp_sink() {
  local dir=$1 java=$2
  "$java" -XX:-UsePerfData "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/OtlpSink.java" \
    "$dir/otlp.port" "$dir/otlp.exports" > "$dir/otlp.log" 2>&1 < /dev/null &
  OTLP_SINK_PID=$!
  for _ in $(seq 1 300); do
    [ -s "$dir/otlp.port" ] && break
    kill -0 "$OTLP_SINK_PID" 2>/dev/null || { cat "$dir/otlp.log" >&2; return 1; }
    sleep 0.1
  done
  [ -s "$dir/otlp.port" ] || return 1
  OTLP_SINK_URL=http://127.0.0.1:$(cat "$dir/otlp.port")
}

# image_build_java: a JDK's java for the scripts' helpers (JAVA_HOME's, else the one on the PATH).
image_build_java() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then echo "$JAVA_HOME/bin/java"; else command -v java; fi
}

# image_unpack TARBALL DIR: DIR/layout (the OCI archive Jib wrote is an OCI image layout once extracted) and
# DIR/bundle (rootfs/ and the config.json umoci derives from the image's configuration).
image_unpack() {
  local tarball=$1 dir=$2 tag
  mkdir -p "$dir/layout"
  tar -xf "$tarball" -C "$dir/layout"
  tag=$(umoci ls --layout "$dir/layout" | head -n 1)
  umoci unpack --image "$dir/layout:$tag" "$dir/bundle" >/dev/null
}

# image_configure BUNDLE NAME=VALUE...: the bundle's config.json for one run. The image's own entry point, user,
# working directory and environment stay; the given variables are added.
image_configure() {
  local bundle=$1
  shift
  local env nofile
  env=$(printf '%s\n' "$@" | jq -R . | jq -s .)
  # As many open files as this shell may have, up to 65536 (a runtime may not raise its own hard limit).
  nofile=$(ulimit -Hn)
  if [ "$nofile" = unlimited ] || [ "$nofile" -gt 65536 ]; then nofile=65536; fi
  jq --argjson env "$env" --argjson nofile "$nofile" '
      .process.terminal = false
    | .process.env += $env
    | .process.capabilities = {bounding: [], effective: [], inheritable: [], permitted: [], ambient: []}
    | .process.noNewPrivileges = true
    | .process.rlimits = [{type: "RLIMIT_NOFILE", hard: $nofile, soft: $nofile}]
    | .root.readonly = true
    | .linux.namespaces |= map(select(.type != "network"))
    | .mounts += [{destination: "/tmp", type: "tmpfs", source: "tmpfs",
                   options: ["nosuid", "nodev", "mode=1777", "size=256m"]}]
    ' "$bundle/config.json" > "$bundle/config.json.new"
  mv "$bundle/config.json.new" "$bundle/config.json"
}

# A TCP port on 127.0.0.1 that nothing listens on.
image_free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  return 1
}

# image_wait_ready PORT SECONDS CONTAINER: polls the readiness probe every 0.1 s; fails early if the container
# stopped. Asks runc about the container once a second only: runc and jq are processes of their own, and on two
# cores every poll's CPU is taken from the start being measured.
image_wait_ready() {
  local port=$1 limit=$2 id=$3 deadline polls=0
  deadline=$((${EPOCHREALTIME/./} / 1000 + limit * 1000))
  while [ $((${EPOCHREALTIME/./} / 1000)) -lt "$deadline" ]; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness")" = 200 ]; then
      return 0
    fi
    polls=$((polls + 1))
    if [ $((polls % 10)) = 0 ] && [ "$(image_state "$id")" != running ]; then
      return 1
    fi
    sleep 0.1
  done
  return 1
}

# image_stop CONTAINER SECONDS: sends SIGTERM and waits until the container no longer runs; fails if it still
# runs after SECONDS.
image_stop() {
  local id=$1 deadline
  runc kill "$id" TERM
  deadline=$(($(image_now_ms) + $2 * 1000))
  while [ "$(image_state "$id")" = running ] && [ "$(image_now_ms)" -lt "$deadline" ]; do sleep 0.1; done
  [ "$(image_state "$id")" != running ]
}

# The container's status (creating, created, running, stopped), or "gone".
image_state() {
  runc state "$1" 2>/dev/null | jq -r .status || echo gone
}

# Milliseconds since the epoch.
image_now_ms() {
  echo $(($(date +%s%N) / 1000000))
}
