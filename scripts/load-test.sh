#!/usr/bin/env bash
# load-test.sh — HTTP load over loopback: throughput and latency at fixed offered rates, start-up time, memory
#
# In one invocation, for each persistence mode (traces persisted, then `arbiter.traces.persist=false`), it starts
# the packaged service on a free loopback port with a throw-away H2 database (the shipped JDBC URL's settings, e.g.
# WRITE_DELAY=0, kept) and `-Xmx512m`, times the start to
# ready (`/actuator/health/readiness` answers 200, which the service does only after its own warm-up), then drives
# `POST /api/v1/decisions` with the open-loop generator `dev.arbiter.load.LoadGenerator` (src/jmh/java, compiled by
# the bench profile): the first 200 requests one at a time, a closed-loop warm-up left out of the figures, each
# fixed offered rate (latency from the INTENDED send time, HdrHistogram) and closed-loop max-throughput phases.
# The request mix is the requests of the policy-tests/ scenarios, one per case (exported by dev.arbiter.load.ScenarioRequests),
# in turn, each with a unique requestId. After the load it reads VmRSS/VmHWM from /proc/<pid>/status and stops the
# service. Every phase reports how the 2 cores were split (service / generator / other processes / idle, from
# /proc), so a generator that starves the service, or other work on the machine, shows.
#
# PostgreSQL instead of H2: set LOAD_DB_URL to the JDBC URL of a PostgreSQL database (LOAD_DB_USER / LOAD_DB_PASSWORD
# for its user, who must be allowed to create schemas in it). Each mode then runs the service with
# --spring.profiles.active=postgres (the production profile, src/main/resources/application-postgres.properties, its
# settings given as ARBITER_DB_URL/USER/PASSWORD in the service's environment) in a schema of its own,
# load_<mode>_<time>_<pid>, which the script creates before the start (currentSchema= in the URL) and drops after the
# load (also on exit); the "database" figure is then that schema's size (pg_total_relation_size of its tables). The
# script starts no PostgreSQL server: the "others" CPU column includes the server's processes (they are not the
# service's), so read it as PostgreSQL plus whatever else runs on the machine.
#
# Security: the service is started with --arbiter.security.initial-keys-file=<tmp>/keys.txt and a rate limit of
# 1,000,000/s; when that file exists the DECISION_CLIENT key is sent as X-API-Key, otherwise no key is sent.
#
# Needs: target/arbiter-*.jar and the compiled generator — run `./mvnw -B -Pbench -DskipTests package` first —
# plus bash, curl, python3; Maven (the wrapper) once, to write the generator's class path (cached in the report
# dir). Documented in docs/benchmarks.md ("HTTP load over loopback").
#
# Usage (from anywhere; it works in the repository root):
#   scripts/load-test.sh                                             # JDK on PATH (or JAVA / JAVA_HOME)
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 scripts/load-test.sh
# Environment (all optional):
#   JAVA                  the java binary to run the service and the generator with (else $JAVA_HOME/bin/java, else java)
#   LOAD_MODES            persistence modes, in order (default "persisted unpersisted")
#   LOAD_RATES            fixed offered rates per second (default 1000,2000,4000,6000; empty for none)
#   LOAD_SECONDS          measured seconds per phase (default 30)
#   LOAD_SETTLE           seconds at the start of each phase left out of its figures (default 5)
#   LOAD_WARMUP           longest closed-loop warm-up before the first phase, in 10 s slices that are printed; it
#                         ends once 3 slices in a row were not 3 % faster than the best before (default 300: on 2
#                         busy cores the JIT needs minutes to compile the whole HTTP path)
#   LOAD_WARMUP_MIN       shortest warm-up (default 120: other load on the machine can stall a slice)
#   LOAD_WARMUP_CONNECTIONS connections of the warm-up (default 16: with persisted traces each request waits for
#                         its commit, so more in flight warm the JIT faster)
#   LOAD_CONNECTIONS      connections of the fixed-rate phases (default 32)
#   LOAD_MAX_CONNECTIONS  connections of the max-throughput phases, one phase each (default 4,16,64: computing
#                         peaks at a few connections — not persisted, 32 already thrash the two cores — while group
#                         commit needs more requests in flight; each mode's max is its best phase)
#   LOAD_FIRST            requests sent one at a time right after ready (default 200)
#   LOAD_JFR              1 to record a JFR profile (settings=profile) of the service per mode into the report dir
#   LOAD_WRK              1 to cross-check the max-throughput phase with wrk (closed loop, same connections and
#                         request mix through a Lua script, LOAD_SECONDS long) after the generator's phases
#   LOAD_NMT              1 to run the service with -XX:NativeMemoryTracking=summary and keep `jcmd VM.native_memory
#                         summary` and `GC.heap_info` after the load in the report dir (explains the RSS)
#   LOAD_JAVA_OPTS        extra JVM options of the service (always: -Xmx512m)
#   LOAD_LAUNCH           jar (default): java -Xmx512m -jar target/arbiter-*.jar · run: the command scripts/run.sh
#                         starts the service with (extracted jar plus a start-up cache recorded once: AOT cache on
#                         JDK 25, CDS archive on JDK 17; its G1 goals and native memory trimming), -Xmx512m
#   LOAD_SERVICE_ARGS     extra --name=value arguments of the service
#   LOAD_DB_URL           JDBC URL of a PostgreSQL database to run on instead of a throw-away H2 file (see above), e.g.
#                         jdbc:postgresql://127.0.0.1:5432/arbiter; LOAD_DB_USER, LOAD_DB_PASSWORD its credentials
#   LOAD_READY_TIMEOUT    seconds to wait for readiness (default 240)
#   LOAD_REPORT_DIR       where logs, results (load-<jdk>.tsv, summary-<jdk>.tsv, report-<jdk>.md), histograms and
#                         JFR files go (default target/load-test)
# Targets checked at the end (issue 7): persisted max throughput ≥ 0.8 × not persisted; p99 ≤ 10 ms at 4000/s;
# no failed request; ready within 10 s; VmRSS ≤ 600 MB after the load.
# Exit status: 0 every target met · 1 a target missed (figures printed all the same) · 2 setup failed (no jar, no
# generator, service not ready, missing tool).
# The service is always stopped on exit (trap), and the temporary data directory removed.

set -euo pipefail

MODES="${LOAD_MODES:-persisted unpersisted}"
RATES="${LOAD_RATES-1000,2000,4000,6000}"
MEASURED="${LOAD_SECONDS:-30}"
SETTLE="${LOAD_SETTLE:-5}"
WARMUP="${LOAD_WARMUP:-300}"
WARMUP_MIN="${LOAD_WARMUP_MIN:-120}"
WARMUP_CONNECTIONS="${LOAD_WARMUP_CONNECTIONS:-16}"
CONNECTIONS="${LOAD_CONNECTIONS:-32}"
MAX_CONNECTIONS="${LOAD_MAX_CONNECTIONS:-4,16,64}"
FIRST="${LOAD_FIRST:-200}"
READY_TIMEOUT="${LOAD_READY_TIMEOUT:-240}"
DB_URL="${LOAD_DB_URL:-}"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPORT_DIR="${LOAD_REPORT_DIR:-target/load-test}"
JAVA="${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}"

fail() { echo "load-test: $2" >&2; exit "$1"; }

for tool in curl python3 "$JAVA"; do
    command -v "$tool" >/dev/null || fail 2 "$tool not found"
done
for mode in $MODES; do
    [[ "$mode" == persisted || "$mode" == unpersisted ]] || fail 2 "LOAD_MODES: '$mode' is neither persisted nor unpersisted"
done
JAR="$(ls target/arbiter-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)"
[[ -n "$JAR" ]] || fail 2 "no target/arbiter-*.jar: run ./mvnw -B -Pbench -DskipTests package first"
[[ -f target/test-classes/dev/arbiter/load/LoadGenerator.class ]] \
    || fail 2 "the load generator is not compiled: run ./mvnw -B -Pbench -DskipTests package first"

# how the service is started: the plain jar, or scripts/run.sh's command (extracted jar plus start-up cache)
case "${LOAD_LAUNCH:-jar}" in
    jar) LAUNCH=("$JAVA" -Xmx512m -jar "$JAR") ;;
    run) launch_words="$(JAVA="$JAVA" ARBITER_JAVA_OPTS=-Xmx512m scripts/run.sh --print)" \
             || fail 2 "scripts/run.sh could not prepare the start-up cache"
         mapfile -t LAUNCH <<< "$launch_words" ;;
    *) fail 2 "LOAD_LAUNCH: '${LOAD_LAUNCH}' is neither jar nor run" ;;
esac

JDK_VERSION="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p' | head -n 1)"
JDK_VENDOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.vendor = //p' | head -n 1)"
JDK="jdk${JDK_VERSION%%[.+-]*}"
mkdir -p "$REPORT_DIR"
REPORT_DIR="$(cd "$REPORT_DIR" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/load-test.XXXXXX")"
PID=""
SCHEMA=""

stop_service() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 1 60); do            # graceful shutdown (JFR dumps on exit), at most ~30 s
            kill -0 "$PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$PID" 2>/dev/null || true
    fi
    PID=""
}
cleanup() { stop_service; [[ -z "$SCHEMA" ]] || drop_schema; rm -rf "$WORK"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the generator's class path and the request mix -------------------------------------------------------------
CLASSPATH_FILE="$REPORT_DIR/classpath.txt"
if [[ ! -s "$CLASSPATH_FILE" || pom.xml -nt "$CLASSPATH_FILE" ]]; then
    echo "load-test: writing the generator's class path (Maven, once)"
    mvn_cp=(-B -q -Pbench dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE")
    ./mvnw -o "${mvn_cp[@]}" >/dev/null 2>&1 || ./mvnw "${mvn_cp[@]}" >/dev/null || fail 2 "cannot write the class path"
fi
GENERATOR_CP="target/test-classes:target/classes:$(cat "$CLASSPATH_FILE")"
REQUESTS="$REPORT_DIR/requests.jsonl"
if [[ ! -s "$REQUESTS" || -n "$(find policy-tests -newer "$REQUESTS" -print -quit)" ]]; then
    "$JAVA" -cp "$GENERATOR_CP" dev.arbiter.load.ScenarioRequests policy-tests "$REQUESTS" || fail 2 "cannot export the requests"
fi

# the shipped JDBC URL's settings (e.g. ;WRITE_DELAY=0), kept for the throw-away database
DB_SETTINGS="$(sed -n 's/^spring\.datasource\.url=jdbc:h2:file:[^;]*//p' src/main/resources/application.properties | head -n 1)"
DB_SETTINGS="${DB_SETTINGS:-;DB_CLOSE_ON_EXIT=FALSE}"

# --- PostgreSQL (LOAD_DB_URL): a schema per mode, created and dropped through JDBC (no psql needed) --------------
cat >"$WORK/Sql.java" <<'JAVA'
import java.sql.*;
import java.util.Properties;
/** Sql URL STATEMENT...: runs each statement; prints the first column of the first row of a query. */
class Sql {
    public static void main(String[] args) throws SQLException {
        Properties credentials = new Properties();
        if (System.getenv("LOAD_DB_USER") != null) credentials.setProperty("user", System.getenv("LOAD_DB_USER"));
        if (System.getenv("LOAD_DB_PASSWORD") != null) credentials.setProperty("password", System.getenv("LOAD_DB_PASSWORD"));
        try (Connection connection = DriverManager.getConnection(args[0], credentials);
             Statement statement = connection.createStatement()) {
            for (int i = 1; i < args.length; i++) {
                if (statement.execute(args[i])) {
                    try (ResultSet rows = statement.getResultSet()) {
                        if (rows.next()) System.out.println(rows.getString(1));
                    }
                }
            }
        }
    }
}
JAVA
sql() { "$JAVA" -cp "$GENERATOR_CP" "$WORK/Sql.java" "$DB_URL" "$@"; }
schema_url() { if [[ "$DB_URL" == *\?* ]]; then echo "$DB_URL&currentSchema=$1"; else echo "$DB_URL?currentSchema=$1"; fi; }
schema_mb() {
    sql "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0)::bigint / 1048576 FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '$1' AND c.relkind IN ('r', 'm')"
}
drop_schema() {
    if [[ -n "$SCHEMA" ]]; then
        sql "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" >/dev/null || echo "load-test: could not drop schema $SCHEMA" >&2
        SCHEMA=""
    fi
}
if [[ -n "$DB_URL" ]]; then
    [[ "$DB_URL" == jdbc:postgresql:* ]] || fail 2 "LOAD_DB_URL must be a jdbc:postgresql: URL, not $DB_URL"
    sql "SELECT 1" >/dev/null || fail 2 "cannot connect to $DB_URL (LOAD_DB_USER / LOAD_DB_PASSWORD?)"
    echo "load-test: PostgreSQL $(sql "SHOW server_version") at $DB_URL, a schema per mode"
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
load_average() { cut -d ' ' -f 1-3 /proc/loadavg; }
kb_of() { sed -n "s/^$1:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$PID/status"; }

LOAD_TSV="$REPORT_DIR/load-$JDK.tsv"
SUMMARY_TSV="$REPORT_DIR/summary-$JDK.tsv"
rm -f "$LOAD_TSV" "$REPORT_DIR"/histograms/"$JDK"-*.hgrm
printf 'label\tjdk\tmode\tready_s\tspring_started_s\twarm_up_ms\trss_mb\thwm_mb\tdb_mb\tapi_key\tload_before\tload_exit\n' >"$SUMMARY_TSV"
LOAD_FAILED=0
echo "load-test: $JDK_VENDOR $JDK_VERSION, $(nproc) cores, load average $(load_average); report in $REPORT_DIR"

# wrk_max LABEL PORT KEYS_FILE: closed-loop max throughput with wrk, as a cross-check of the generator's "max"
wrk_max() {
    command -v wrk >/dev/null || fail 2 "LOAD_WRK=1 needs wrk (apt-get install wrk)"
    cat >"$WORK/mix.lua" <<'LUA'
-- the request mix in turn, a unique requestId per request, X-API-Key from the keys file when it exists
local bodies, sent, key, tid = {}, 0, nil, 0
local next_thread = 0
function setup(thread) thread:set("tid", next_thread); next_thread = next_thread + 1 end
function init(args)
  for line in io.lines(args[1]) do if #line > 2 then bodies[#bodies + 1] = string.sub(line, 2) end end
  local keys = io.open(args[2], "r")
  if keys then
    for line in keys:lines() do key = key or string.match(line, "^DECISION_CLIENT=(%S+)") end
    keys:close()
  end
  prefix = args[3] .. "-" .. tostring(tid)
end
function request()
  sent = sent + 1
  local headers = { ["Content-Type"] = "application/json" }
  if key then headers["X-API-Key"] = key end
  local body = '{"requestId":"' .. prefix .. "-" .. sent .. '",' .. bodies[(sent % #bodies) + 1]
  return wrk.format("POST", "/api/v1/decisions", headers, body)
end
LUA
    local connections
    for connections in ${MAX_CONNECTIONS//,/ }; do
        echo "load-test: [$1] wrk cross-check: $connections connections, ${MEASURED}s"
        wrk -t 2 -c "$connections" -d "${MEASURED}s" --latency -s "$WORK/mix.lua" "http://127.0.0.1:$2" \
            -- "$REQUESTS" "$3" "wrk$connections-$(date +%s)" | tee "$REPORT_DIR/wrk-$1-${connections}c.txt"
    done
}

run_mode() {   # $1 = persisted | unpersisted
    local mode="$1" label="$JDK-$1" port data log started ready_ns ready_s spring_s warm_ms rss hwm db key exit_code
    local persist=true diagnostics=() db_env=() db_args=()
    [[ "$mode" == unpersisted ]] && persist=false
    [[ "${LOAD_JFR:-0}" == 1 ]] && diagnostics+=("-XX:StartFlightRecording=filename=$REPORT_DIR/$label.jfr,settings=profile,dumponexit=true")
    [[ "${LOAD_NMT:-0}" == 1 ]] && diagnostics+=("-XX:NativeMemoryTracking=summary")
    port="$(free_port)"
    data="$WORK/$mode"
    log="$REPORT_DIR/service-$label.log"
    mkdir -p "$data"
    if [[ -n "$DB_URL" ]]; then
        SCHEMA="load_${mode}_$(date +%s)_$$"
        sql "CREATE SCHEMA $SCHEMA" >/dev/null || fail 2 "[$label] cannot create schema $SCHEMA in $DB_URL"
        db_env=(ARBITER_DB_URL="$(schema_url "$SCHEMA")")
        [[ -n "${LOAD_DB_USER:-}" ]] && db_env+=(ARBITER_DB_USER="$LOAD_DB_USER")
        [[ -n "${LOAD_DB_PASSWORD:-}" ]] && db_env+=(ARBITER_DB_PASSWORD="$LOAD_DB_PASSWORD")
        db_args=(--spring.profiles.active=postgres)
    else
        db_args=(--spring.datasource.url="jdbc:h2:file:$data/arbiter$DB_SETTINGS")
    fi
    local load_before
    load_before="$(load_average)"
    echo "load-test: [$label] starting ${LAUNCH[-1]} on 127.0.0.1:$port (arbiter.traces.persist=$persist, ${SCHEMA:+PostgreSQL schema $SCHEMA, }log $log)"
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    env "${db_env[@]}" "${LAUNCH[@]:0:${#LAUNCH[@]}-2}" "${diagnostics[@]}" ${LOAD_JAVA_OPTS:-} -jar "${LAUNCH[-1]}" \
        --server.address=127.0.0.1 --server.port="$port" \
        "${db_args[@]}" \
        --arbiter.traces.persist="$persist" \
        --arbiter.security.rate-limit.requests-per-second=1000000 \
        --arbiter.security.initial-keys-file="$data/keys.txt" \
        ${LOAD_SERVICE_ARGS:-} >"$log" 2>&1 &
    PID=$!
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/actuator/health/readiness")" == 200 ]]; do
        kill -0 "$PID" 2>/dev/null || fail 2 "[$label] the service exited during start-up; see $log"
        (( ($(date +%s%N) - started) / 1000000000 < READY_TIMEOUT )) || fail 2 "[$label] not ready after ${READY_TIMEOUT}s; see $log"
        sleep 0.1
    done
    ready_ns=$(( $(date +%s%N) - started ))
    ready_s="$(python3 -c "print('%.1f' % ($ready_ns / 1e9))")"
    spring_s="$(sed -n 's/.*Started .* in \([0-9.]*\) seconds.*/\1/p' "$log" | head -n 1)"
    warm_ms="$(sed -n 's/.*Warmed up with .* in \([0-9]*\) ms.*/\1/p' "$log" | head -n 1)"
    key=no; [[ -f "$data/keys.txt" ]] && key=yes
    echo "load-test: [$label] ready after ${ready_s}s (Spring context ${spring_s:-?}s, warm-up ${warm_ms:-?} ms), API key: $key"

    exit_code=0
    "$JAVA" -Xms256m -Xmx256m -XX:+UseSerialGC -cp "$GENERATOR_CP" dev.arbiter.load.LoadGenerator \
        --target "http://127.0.0.1:$port" --requests "$REQUESTS" --keys-file "$data/keys.txt" \
        --connections "$CONNECTIONS" --warmup-connections "$WARMUP_CONNECTIONS" \
        --max-connections "$MAX_CONNECTIONS" --rates "$RATES" --max true \
        --first "$FIRST" --warmup "$WARMUP" --warmup-min "$WARMUP_MIN" --settle "$SETTLE" --seconds "$MEASURED" \
        --service-pid "$PID" --label "$label" --out "$LOAD_TSV" --histograms "$REPORT_DIR/histograms" || exit_code=$?
    (( exit_code == 0 )) || LOAD_FAILED=1
    (( exit_code <= 1 )) || fail 2 "[$label] the load generator failed (exit $exit_code)"
    [[ "${LOAD_WRK:-0}" == 1 ]] && wrk_max "$label" "$port" "$data/keys.txt"

    rss=$(( $(kb_of VmRSS) / 1024 ))
    hwm=$(( $(kb_of VmHWM) / 1024 ))
    if [[ "${LOAD_NMT:-0}" == 1 ]]; then
        "${JAVA%java}jcmd" "$PID" VM.native_memory summary >"$REPORT_DIR/native-memory-$label.txt" 2>&1 || true
        "${JAVA%java}jcmd" "$PID" GC.heap_info >"$REPORT_DIR/heap-$label.txt" 2>&1 || true
    fi
    stop_service
    if [[ -n "$SCHEMA" ]]; then
        db="$(schema_mb "$SCHEMA")"
        drop_schema
    else
        db=$(( $(du -sk "$data" | cut -f 1) / 1024 ))
    fi
    echo "load-test: [$label] VmRSS after the load ${rss} MB (peak ${hwm} MB); database ${db} MB"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$JDK_VERSION" "$mode" "$ready_s" "${spring_s:-}" \
        "${warm_ms:-}" "$rss" "$hwm" "$db" "$key" "$load_before" "$exit_code" >>"$SUMMARY_TSV"
    rm -rf "$data"
}

for mode in $MODES; do run_mode "$mode"; done

# --- report: one table per mode, the ratio and the targets ------------------------------------------------------
python3 - "$LOAD_TSV" "$SUMMARY_TSV" "$REPORT_DIR/report-$JDK.md" "$JDK_VENDOR $JDK_VERSION" "$LOAD_FAILED" <<'PY'
import csv, sys

load_tsv, summary_tsv, report_md, jdk, load_failed = sys.argv[1:]
phases = list(csv.DictReader(open(load_tsv), delimiter="\t"))
summary = list(csv.DictReader(open(summary_tsv), delimiter="\t"))
out = []
missed = []

def f(value, digits=2):
    return ("%." + str(digits) + "f") % float(value)

out.append("### %s" % jdk)
for s in summary:
    rows = [p for p in phases if p["label"] == s["label"]]
    out.append("")
    out.append("**%s** — ready after %s s (Spring context %s s, warm-up %s ms), VmRSS after the load %s MB "
               "(peak %s MB), database %s MB after the run, API key sent: %s, load average before: %s"
               % (s["mode"], s["ready_s"], s["spring_started_s"] or "?", s["warm_up_ms"] or "?", s["rss_mb"],
                  s["hwm_mb"], s["db_mb"], s["api_key"], s["load_before"]))
    out.append("")
    out.append("| phase | offered/s | conns | achieved/s | p50 ms | p99 ms | p99.9 ms | max ms | errors | unsent "
               "| CPU service | generator | others | idle |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for p in rows:
        out.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            p["phase"], p["offered_per_s"] if p["offered_per_s"] != "0" else "—", p["connections"],
            f(p["achieved_per_s"], 0), f(p["p50_ms"]), f(p["p99_ms"]), f(p["p999_ms"]), f(p["max_ms"]), p["errors"],
            p["unsent"], f(p["service_cores"]), f(p["generator_cores"]), f(p["other_cores"]), f(p["idle_cores"])))
        if int(p["errors"]) or int(p["unsent"]):
            missed.append("%s %s: %s errors, %s unsent" % (s["label"], p["phase"], p["errors"], p["unsent"]))
        if p["phase"] == "rate 4000/s" and s["mode"] == "persisted" and float(p["p99_ms"]) > 10:
            missed.append("%s: p99 at 4000/s is %s ms (target ≤ 10 ms)" % (s["label"], f(p["p99_ms"])))
    if float(s["ready_s"]) > 10:
        missed.append("%s: ready after %s s (target ≤ 10 s)" % (s["label"], s["ready_s"]))
    if int(s["rss_mb"]) > 600:
        missed.append("%s: VmRSS %s MB after the load (target ≤ 600 MB)" % (s["label"], s["rss_mb"]))

maxima = {}
for s in summary:   # the best of the max-throughput phases of each mode
    for p in phases:
        if p["label"] == s["label"] and p["phase"].startswith("max"):
            maxima[s["mode"]] = max(maxima.get(s["mode"], 0.0), float(p["achieved_per_s"]))
out.append("")
if "persisted" in maxima and maxima.get("unpersisted"):
    ratio = maxima["persisted"] / maxima["unpersisted"]
    out.append("Max throughput persisted / not persisted: %.0f / %.0f = %.2f" % (maxima["persisted"], maxima["unpersisted"], ratio))
    if ratio < 0.8:
        missed.append("persisted/not persisted at max throughput is %.2f (target ≥ 0.8)" % ratio)
    unpersisted = [s for s in summary if s["mode"] == "unpersisted"]
    persisted = [s for s in summary if s["mode"] == "persisted"]
    if unpersisted and persisted and int(unpersisted[0]["db_mb"]) * 4 > int(persisted[0]["db_mb"]):
        out.append("WARNING: the database grew about as much without persistence: arbiter.traces.persist=false "
                   "seems to have no effect in this build")
out.append("")
out.extend(["Target missed: " + m for m in missed] or ["Every target met."])
text = "\n".join(out)
print(text)
open(report_md, "w").write(text + "\n")
sys.exit(1 if missed or load_failed == "1" else 0)
PY
