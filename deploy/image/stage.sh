#!/usr/bin/env bash
# Stages everything the container image holds besides the application's jars, for Jib's extraDirectories:
# a jlinked Java runtime with only the modules the service needs, the shared libraries that runtime is linked
# against (the base image is scratch: no libc), a passwd/group entry for the non-root user, an empty /tmp for
# a tmpfs, and the CA bundle. It also lays out /app exactly as Jib will (classpath/ and libs/, in Maven's
# class-path order) and writes the class path the image's JVM is started with, relative to /app, so train.sh can
# record the AOT cache against an identical class path.
#
# Output in OUTPUT_DIR: root/ (a layer of the image), aot/app/stockroom.classpath (a layer with train.sh's
# aot/app/stockroom.aot), app/ (the staged /app, for train.sh) and jib-classpath-file (what Jib will write).
#
# Usage: stage.sh JDK_HOME APP_JAR OUTPUT_DIR CLASSPATH
#   APP_JAR    the plain (not repackaged) application jar, target/<name>.jar.original
#   CLASSPATH  the runtime class path as Maven orders it (exec-maven-plugin's <classpath/>); its first entry,
#              target/classes, is the application itself and is skipped
# Environment: IMAGE_MODULES (comma-separated, overrides the module list below).
set -euo pipefail

jdk=$1 app_jar=$2 classpath=$4
mkdir -p "$3"
out=$(cd "$3" && pwd)
app_name=$(basename "$app_jar" .jar.original)

# Found with `jdeps --print-module-deps --ignore-missing-deps --multi-release 25` over every jar of the runtime
# class path (modular jars with --module-path), plus jdk.zipfs, the zip file system provider, which jdeps cannot
# see because it is looked up as a service; proven by deploy/image/prove.sh. (jdk.crypto.ec is empty since
# JDK 22: the elliptic-curve provider is in java.base.)
modules=${IMAGE_MODULES:-java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.sql.rowset,java.transaction.xa,java.xml,jdk.jfr,jdk.management,jdk.net,jdk.unsupported,jdk.zipfs}

root=$out/root
java_home=$root/opt/java

# 1. The runtime. jlink takes a minute on two shared cores, so it is redone only when the JDK or the module
#    list changed. java.desktop is there for java.beans; its X11, sound and splash-screen libraries are left out
#    (a server is headless, and they would need X11 and ALSA libraries in the image).
stamp="$("$jdk/bin/java" -version 2>&1 | tr '\n' ' ') $modules"
if [ ! -x "$java_home/bin/java" ] || [ "$(cat "$out/jlink.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$root" "$out/jlink.stamp"
  mkdir -p "$root/opt"
  echo "jlink: $modules"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
    --exclude-files='**/libawt_xawt.so,**/libjawt.so,**/libsplashscreen.so,**/libjsound.so' \
    --output "$java_home"
  echo "$stamp" > "$out/jlink.stamp"
fi

# 2. The shared libraries the runtime needs, found by ldd on every ELF file in it; each is copied (not linked)
#    to the path ldd resolved it at, the dynamic loader to the path the binaries name as their interpreter.
#    libjvm.so is found through the binaries' $ORIGIN run path, which ldd does not follow for every library.
for dir in lib lib64; do rm -rf "${root:?}/$dir"; done
libs=$(mktemp)
trap 'rm -f "$libs"' EXIT
while IFS= read -r -d '' file; do
  head -c 4 "$file" | grep -q 'ELF' || continue
  ldd "$file" > "$libs.one" 2>&1 || true
  if grep 'not found' "$libs.one" | grep -v -q 'libjvm.so'; then
    echo "stage.sh: $file needs a library that is not on this machine:" >&2
    grep 'not found' "$libs.one" >&2
    exit 1
  fi
  awk '$2 == "=>" && $3 ~ /^\// {print $3} $1 ~ /^\// {print $1}' "$libs.one" >> "$libs"
done < <(find "$java_home" -type f -print0)
rm -f "$libs.one"
# glibc loads libgcc_s at run time (not named by ldd) to unwind a thread that pthread_exit or pthread_cancel ends.
libc_dir=$(dirname "$(grep -m 1 '/libc\.so\.6$' "$libs")")
[ -f "$libc_dir/libgcc_s.so.1" ] && echo "$libc_dir/libgcc_s.so.1" >> "$libs"
sort -u "$libs" | while read -r lib; do
  case "$lib" in "$java_home"/*) continue ;; esac
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
echo "libraries: $(cd "$root" && find lib lib64 -type f | sort | tr '\n' ' ')"

# 3. The few files a process expects. uid/gid 65532 is the non-root user the image runs as (as in distroless).
mkdir -p "$root/etc/ssl/certs" "$root/tmp" "$root/home/nonroot"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
# Java trusts its own store (opt/java/lib/security/cacerts); the system bundle is there for anything else.
if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
fi

# 4. /app as Jib lays it out in packaged mode: the application jar (Jib renames *.jar.original to
#    *.original.jar), then every runtime dependency under its file name, in Maven's order. Jib gives every file
#    the modification time 1970-01-01T00:00:01Z, and the AOT cache checks each jar's size and time, so these
#    copies get the same.
rm -rf "$out/app"
mkdir -p "$out/app/classpath" "$out/app/libs" "$out/aot/app"
cp "$app_jar" "$out/app/classpath/$app_name.original.jar"
container_cp="/app/classpath/*"
relative_cp="classpath/$app_name.original.jar"
IFS=: read -r -a entries <<< "$classpath"
for entry in "${entries[@]:1}"; do
  name=$(basename "$entry")
  if [ -e "$out/app/libs/$name" ]; then
    echo "stage.sh: two dependencies named $name (Jib would rename them; this script does not)" >&2
    exit 1
  fi
  cp "$entry" "$out/app/libs/$name"
  container_cp="$container_cp:/app/libs/$name"
  relative_cp="$relative_cp:libs/$name"
done
touch -h -d @1 "$out/app/classpath/"* "$out/app/libs/"*
# What Jib writes to /app/jib-classpath-file; prove.sh checks that Jib wrote the same.
printf '%s' "$container_cp" > "$out/jib-classpath-file"
# The image's JVM takes its class path from this file (-cp @/app/stockroom.classpath), relative to the working
# directory /app. JDK 25 accepts an AOT cache on a class path moved to another directory as a whole, but once the
# jars are gone from the recorded paths (as in the image) it fails on the sealed package org.tukaani.xz
# ("sealing violation: can't seal package org.tukaani.xz: already defined") and the JVM does not start. A relative
# class path is the same string in the build and in the image.
printf '%s\n' "$relative_cp" > "$out/aot/app/stockroom.classpath"
echo "staged $(find "$out/app/libs" -name '*.jar' | wc -l) dependencies and $(du -sh "$java_home" | cut -f1) of runtime in $out"
