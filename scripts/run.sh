#!/usr/bin/env bash
# run.sh — start the packaged service the fast way: extracted jar plus a class-data cache of its own start-up
#
# The first time (and whenever the jar or the JDK changes) it extracts target/arbiter-*.jar into target/run/
# (`java -Djarmode=tools -jar … extract`) and records a cache of the classes the service loads while it starts:
# on JDK 25 or newer an AOT cache (`-XX:AOTCacheOutput`, JEP 483/514: classes loaded and linked), on JDK 17-24 an
# AppCDS archive. The recording run starts the service once, lets it warm up and stop
# (`--arbiter.api.exit-after-warm-up=true`), on a throw-away database in a temp dir, so it neither touches ./data
# nor hands out API keys; it takes about a minute. Every later start maps the cache and is ready in about half the
# time (docs/benchmarks.md, "Started as `scripts/run.sh`").
# Method profiles: JDK 25 also records the JIT's method profiles into the cache (JEP 515) unless told not to. With
# them, some recordings (not all: it depends on the recording, then every start with it fails the same way) made
# Temurin 25.0.3 crash in C1 a few seconds into the start (SIGSEGV in ciReceiverTypeData::translate_receiver_data_from,
# compiling Drools' RuleExecutor; seen with G1 and -XX:MaxNewSize=64m, with ParallelGC and with SerialGC). So the
# cache holds classes only, and profiles are never replayed, even from a cache recorded by an older run.sh.
# Memory: glibc keeps what the JVM's native code mallocs and frees (C2's arenas, mostly) for reuse; under load that
# was 250 MB of VmRSS beyond what -XX:NativeMemoryTracking counted (JDK 17, 892 MB RSS against 640 MB committed).
# -XX:TrimNativeHeapInterval (in 17.0.15 and 25; left out on a JVM without it) returns it periodically. And under
# persisted load G1 committed 300-360 MB of heap to keep its default GC-time goal (GCTimeRatio 12, about 8 %) at
# ~1 GB/s of allocation; with -XX:GCTimeRatio=4 (20 %) VmRSS after the load was 520 MB instead of 654 MB on JDK 25
# (docs/benchmarks.md, "Evening runs"). JDK 17's G1 still grew the heap to 307-373 MB under that load (VmRSS 580-674 MB
# over five starts): at the remark of each concurrent cycle it keeps MinHeapFreeRatio (40 %) free above the occupancy
# it sees, eden included, and it expands whenever a burst of mixed collections pushes the short-term pause ratio over
# the GCTimeRatio goal. Below JDK 25 the script therefore sets -XX:MinHeapFreeRatio=0 -XX:GCTimeRatio=1: heap
# 239-247 MB and VmRSS 519-531 MB after the same load in three starts (509 MB in a full load-test.sh run), at the same
# throughput and latency within the spread of starts (docs/benchmarks.md, "JDK 17: heap sizing under the persisted
# load").
# On JDK 17-24 the archive is a static one, dumped from the list of classes the recording run loaded, without the
# lambda proxy classes: with them both the dynamic and the static dump crash JDK 17.0.15 (SIGSEGV in
# SystemDictionaryShared::adjust_lambda_proxy_class_dictionary).
#
# Usage (from the repository root, after ./mvnw -B -DskipTests package):
#   scripts/run.sh [--name=value ...]          # service arguments, as for java -jar
#   scripts/run.sh --print                     # record the cache if needed, then print the java command line
#                                              # (one word per line) instead of running it (scripts/load-test.sh)
# Environment (optional):
#   JAVA                the java binary (default: $JAVA_HOME/bin/java, else java on PATH)
#   ARBITER_JAVA_OPTS   JVM options (default: -Xmx512m); the cache is recorded with the same options
#   ARBITER_RUN_DIR     where the extracted jar and the cache live (default target/run)
# A cache that the JVM cannot use (another JDK build) is only a warning: the service starts without it.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"
RUN_DIR="${ARBITER_RUN_DIR:-target/run}"
[[ "$RUN_DIR" == /* ]] || RUN_DIR="$PWD/$RUN_DIR"
DEFAULT_OPTS="-Xmx512m"
read -r -a OPTS <<< "${ARBITER_JAVA_OPTS:-$DEFAULT_OPTS}"

fail() { echo "run.sh: $1" >&2; exit 2; }

JAR="$(ls target/arbiter-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)"
[[ -n "$JAR" ]] || fail "no target/arbiter-*.jar: run ./mvnw -B -DskipTests package first"
command -v "$JAVA" >/dev/null || fail "$JAVA not found"

JAVA_VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | head -n 1)"
# Before ARBITER_JAVA_OPTS (a later option wins): let G1 spend more time in GC rather than grow the heap (up to a fifth
# on JDK 25, up to half and no free-ratio floor below it), and, where the JVM has it, hand memory that the JVM's native
# side freed back to the OS every 5 s (see "Memory" above).
FEATURE="${JAVA_VERSION%%[.+-]*}"
if (( FEATURE >= 25 )); then
    OPTS=(-XX:GCTimeRatio=4 "${OPTS[@]}")
else
    OPTS=(-XX:MinHeapFreeRatio=0 -XX:GCTimeRatio=1 "${OPTS[@]}")
fi
if "$JAVA" -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
    OPTS=(-XX:TrimNativeHeapInterval=5000 "${OPTS[@]}")
fi
if (( FEATURE >= 25 )); then
    CACHE="$RUN_DIR/arbiter.aot"
    # Classes only, no method profiles (JEP 515): see "Method profiles" above.
    CACHE_OPTS=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining)
    RECORD=("${CACHE_OPTS[@]}" -XX:AOTCacheOutput="$CACHE")
    USE=(-XX:+UnlockDiagnosticVMOptions -XX:-AOTReplayTraining -XX:AOTCache="$CACHE")
else
    CACHE="$RUN_DIR/arbiter.jsa"
    CACHE_OPTS=()
    RECORD=(-XX:DumpLoadedClassList="$RUN_DIR/classes.all")
    USE=(-XX:SharedArchiveFile="$CACHE")
fi
APP="$RUN_DIR/$(basename "$JAR")"
STAMP="$RUN_DIR/stamp"
WANTED="$(stat -c '%s %Y' "$JAR") $JAVA_VERSION ${CACHE_OPTS[*]} ${OPTS[*]}"

record_cache() {
    echo "run.sh: extracting $JAR and recording the start-up cache for Java $JAVA_VERSION (once; about a minute)" >&2
    rm -rf "$RUN_DIR"
    mkdir -p "$RUN_DIR"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$RUN_DIR" >/dev/null
    local scratch
    scratch="$(mktemp -d "${TMPDIR:-/tmp}/arbiter-cache.XXXXXX")"
    if ! "$JAVA" "${OPTS[@]}" "${RECORD[@]}" -jar "$APP" \
            --arbiter.api.exit-after-warm-up=true --server.port=0 \
            --spring.datasource.url="jdbc:h2:file:$scratch/arbiter;DB_CLOSE_ON_EXIT=FALSE" \
            --arbiter.security.initial-keys-file="$scratch/initial-api-keys.txt" \
            >"$scratch/record.log" 2>&1; then
        tail -n 30 "$scratch/record.log" >&2
        rm -rf "$scratch"
        fail "the recording run failed (log above)"
    fi
    rm -rf "$scratch"
    if (( FEATURE < 25 )); then
        grep -v '^@lambda-proxy' "$RUN_DIR/classes.all" > "$RUN_DIR/classes.lst"
        "$JAVA" "${OPTS[@]}" -Xshare:dump -XX:SharedClassListFile="$RUN_DIR/classes.lst" \
            -XX:SharedArchiveFile="$CACHE" -jar "$APP" >"$RUN_DIR/dump.log" 2>&1 \
            || { tail -n 30 "$RUN_DIR/dump.log" >&2; fail "the class-data archive could not be dumped (log above)"; }
    fi
    [[ -f "$CACHE" ]] || fail "the JVM wrote no cache at $CACHE"
    echo "$WANTED" > "$STAMP"
}

if [[ ! -f "$STAMP" || "$(cat "$STAMP")" != "$WANTED" || ! -f "$CACHE" ]]; then
    record_cache
fi
COMMAND=("$JAVA" "${OPTS[@]}" "${USE[@]}" -jar "$APP")
if [[ "${1:-}" == --print ]]; then
    printf '%s\n' "${COMMAND[@]}"
    exit 0
fi
exec "${COMMAND[@]}" "$@"
