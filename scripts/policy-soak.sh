#!/usr/bin/env bash
# policy-soak.sh — does activating policy versions again and again leak memory?
#
# Starts the packaged service on a loopback port with a throw-away H2 database, then activates policy versions
# over the management API (POST /api/v1/policies/activate) CYCLES times, alternating between three candidate
# bundles built from the shipped rules/ and dmn-models/ files that differ only in one `owner:` line of
# rules/reason-codes.yaml (so every candidate passes the policy-tests/ gate and every activation really swaps).
# After each activation one decision must carry the new version. Heap after a full GC and metaspace are measured
# once the service is warm (after SOAK_WARMUP_CYCLES activations) and again at the end; the script prints both,
# the growth in percent and the seconds per activation, and fails when either grows more than SOAK_MAX_GROWTH_PCT.
#
# Builds nothing: run `./mvnw -B -DskipTests package` first (it needs target/arbiter-*.jar). Documented in
# docs/benchmarks.md ("Hot-swap soak"). Needs bash, curl, python3 (for JSON; jq is not required) and the JDK's jcmd.
#
# Usage (from anywhere; it works in the repository root):
#   scripts/policy-soak.sh [CYCLES]            # CYCLES defaults to 200 (~3-4 s each on 2 cores)
# Environment (all optional):
#   SOAK_PORT             loopback port for the service (default: a free one)
#   SOAK_WARMUP_DECISIONS decisions sent before the first measurement (default 500)
#   SOAK_WARMUP_CYCLES    activations before the first measurement (default 50: the JIT's profile data for the
#                         activation path fills metaspace during the first few dozen activations)
#   SOAK_MAX_GROWTH_PCT   allowed growth of heap-after-GC and of metaspace, in percent (default 5)
#   SOAK_READY_TIMEOUT    seconds to wait for /actuator/health/readiness to be UP (default 240)
#   SOAK_REPORT_DIR       where the service log and class histograms are kept (default target/policy-soak)
#   SOAK_JAVA_OPTS        extra JVM options (default none). Always set: -Xmx512m and -XX:SoftRefLRUPolicyMSPerMB=0,
#                         so that every GC clears soft-referenced caches (reflection data, Spring caches) and
#                         heap-after-GC is the strongly reachable memory, not how long ago a cache was last used
#   JAVA_HOME             the JDK to run with (default: java and jcmd on PATH)
# Exit status: 0 memory stable · 1 heap or metaspace grew more than allowed · 2 setup failed (no jar, service not
# ready, missing tool) · 3 an activation or a decision failed.
# The service is always stopped on exit (trap), and the temporary data directory removed.

set -euo pipefail

CYCLES="${1:-200}"
WARMUP_DECISIONS="${SOAK_WARMUP_DECISIONS:-500}"
WARMUP_CYCLES="${SOAK_WARMUP_CYCLES:-50}"
MAX_GROWTH_PCT="${SOAK_MAX_GROWTH_PCT:-5}"
READY_TIMEOUT="${SOAK_READY_TIMEOUT:-240}"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPORT_DIR="${SOAK_REPORT_DIR:-target/policy-soak}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JCMD="${JAVA_HOME:+$JAVA_HOME/bin/}jcmd"

fail() { echo "policy-soak: $2" >&2; exit "$1"; }

[[ "$CYCLES" =~ ^[1-9][0-9]*$ ]] || fail 2 "CYCLES must be a positive number, not '$CYCLES'"
for tool in curl python3 "$JAVA" "$JCMD"; do
    command -v "$tool" >/dev/null || fail 2 "$tool not found"
done
JAR="$(ls target/arbiter-*.jar 2>/dev/null | grep -v -e '-sources' -e '-javadoc' | head -n 1 || true)"
[[ -n "$JAR" ]] || fail 2 "no target/arbiter-*.jar: run ./mvnw -B -DskipTests package first"

PORT="${SOAK_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
BASE="http://127.0.0.1:$PORT"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/policy-soak.XXXXXX")"
mkdir -p "$REPORT_DIR"
LOG="$REPORT_DIR/service.log"
PID=""

stop_service() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
        kill "$PID" 2>/dev/null || true
        for _ in $(seq 1 60); do            # graceful shutdown, at most ~30 s
            kill -0 "$PID" 2>/dev/null || break
            sleep 0.5
        done
        kill -9 "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop_service EXIT
trap 'exit 130' INT TERM

# --- candidate bundles and requests, as JSON files --------------------------------------------------------------
python3 - "$WORK" <<'PY'
import json, os, sys

work = sys.argv[1]
files = {}
for folder in ("rules", "dmn-models"):                      # keys as PolicyFiles.read makes them
    for root, _, names in os.walk(folder):
        for name in names:
            if name.endswith((".drl", ".dmn", ".yaml", ".yml")):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    files[path.replace(os.sep, "/")] = f.read()
catalog = "rules/reason-codes.yaml"
if "owner: Legal\n" not in files.get(catalog, ""):
    sys.exit("policy-soak: expected 'owner: Legal' in " + catalog)
for i, owner in enumerate(("Legal (soak A)", "Legal (soak B)", "Legal (soak C)")):
    edited = dict(files)
    edited[catalog] = files[catalog].replace("owner: Legal\n", "owner: " + owner + "\n", 1)
    body = {"label": "soak " + "ABC"[i], "comment": "policy-soak.sh", "files": edited}
    with open(os.path.join(work, "candidate-%d.json" % i), "w", encoding="utf-8") as f:
        json.dump(body, f)
decision = {"lineOfBusiness": "RETAIL", "at": "2026-11-21T10:00:00Z",
            "customer": {"id": "c-soak", "tier": "STANDARD", "timeZone": "Europe/Berlin"},
            "interaction": {"channel": "CHAT", "message": "Where is my parcel?",
                            "intent": {"label": "track_order", "confidence": 0.95}, "sentiment": 0.1}}
with open(os.path.join(work, "decision.json"), "w", encoding="utf-8") as f:
    json.dump(decision, f)
PY

# --- start and wait for readiness -------------------------------------------------------------------------------
echo "policy-soak: starting $JAR on $BASE (data in $WORK, log in $LOG)"
# shellcheck disable=SC2086
"$JAVA" -Xmx512m -XX:SoftRefLRUPolicyMSPerMB=0 ${SOAK_JAVA_OPTS:-} -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$PORT" \
    --spring.datasource.url="jdbc:h2:file:$WORK/arbiter;DB_CLOSE_ON_EXIT=FALSE" \
    --arbiter.security.initial-keys-file="$WORK/initial-api-keys.txt" \
    --arbiter.security.rate-limit.requests-per-second=0 >"$LOG" 2>&1 &
PID=$!

started=$SECONDS
ready() {   # the overall status of the readiness group is UP (components have statuses of their own)
    curl -s --max-time 2 "$BASE/actuator/health/readiness" \
        | python3 -c 'import json, sys; sys.exit(0 if json.load(sys.stdin).get("status") == "UP" else 1)' 2>/dev/null
}
until ready; do
    kill -0 "$PID" 2>/dev/null || fail 2 "the service exited during start-up; see $LOG"
    (( SECONDS - started < READY_TIMEOUT )) || fail 2 "not ready after ${READY_TIMEOUT}s; see $LOG"
    sleep 1
done
echo "policy-soak: ready after $((SECONDS - started))s"
# The first start wrote one key per role; the soak acts as a decision client and as a policy owner.
CLIENT_KEY="$(sed -n 's/^DECISION_CLIENT=//p' "$WORK/initial-api-keys.txt")"
OWNER_KEY="$(sed -n 's/^POLICY_OWNER=//p' "$WORK/initial-api-keys.txt")"

# --- helpers ----------------------------------------------------------------------------------------------------
decide() {   # prints the policyVersion of one decision; fails unless 200
    local out status
    out="$(curl -s --max-time 30 -w '\n%{http_code}' -H 'Content-Type: application/json' -H "X-API-Key: $CLIENT_KEY" \
        --data-binary "@$WORK/decision.json" "$BASE/api/v1/decisions")" || fail 3 "decision request failed"
    status="${out##*$'\n'}"
    [[ "$status" == 200 ]] || fail 3 "decision answered $status: ${out%$'\n'*}"
    python3 -c 'import json, sys; print(json.load(sys.stdin)["policyVersion"])' <<<"${out%$'\n'*}"
}

ACTIVATED=0
activate() {   # activates candidate $1; checks that it swapped and that the next decision carries it
    local out status version decided
    out="$(curl -s --max-time 300 -w '\n%{http_code}' -H 'Content-Type: application/json' -H "X-API-Key: $OWNER_KEY" \
        --data-binary "@$WORK/candidate-$1.json" "$BASE/api/v1/policies/activate")" || fail 3 "activation request failed"
    status="${out##*$'\n'}"
    [[ "$status" == 200 ]] || fail 3 "activation answered $status: $(head -c 2000 <<<"${out%$'\n'*}")"
    version="$(python3 -c '
import json, sys
r = json.load(sys.stdin)
print(r["version"] if r.get("activated") and r.get("changed") else "unchanged")' <<<"${out%$'\n'*}")"
    [[ "$version" != unchanged ]] || fail 3 "activation of candidate $1 did not swap the version"
    decided="$(decide)" || exit 3
    [[ "$decided" == "$version" ]] || fail 3 "the decision after activating $version carries $decided"
    ACTIVATED=$((ACTIVATED + 1))
}

# measure LABEL: full GC, then prints "<heap used KB> <metaspace used KB> <class loaders> <classes>" and keeps the
# jcmd outputs (with a class histogram) in the report dir
measure() {
    "$JCMD" "$PID" GC.run >/dev/null
    "$JCMD" "$PID" GC.run >/dev/null
    "$JCMD" "$PID" GC.heap_info >"$REPORT_DIR/heap-$1.txt"
    "$JCMD" "$PID" VM.metaspace >"$REPORT_DIR/metaspace-$1.txt"
    "$JCMD" "$PID" GC.class_histogram >"$REPORT_DIR/histogram-$1.txt"
    python3 - "$REPORT_DIR/heap-$1.txt" "$REPORT_DIR/metaspace-$1.txt" <<'PY'
import re, sys
heap = open(sys.argv[1]).read()
used = re.search(r"heap\s+total\s+\d+K,\s+used\s+(\d+)K", heap)
meta = re.search(r"Metaspace\s+used\s+(\d+)K", heap)
loaders = re.search(r"Total Usage - (\d+) loaders, (\d+) classes", open(sys.argv[2]).read())
if not used or not meta or not loaders:
    sys.exit("policy-soak: cannot read GC.heap_info / VM.metaspace:\n" + heap)
print(used.group(1), meta.group(1), loaders.group(1), loaders.group(2))
PY
}

# --- warm up, measure, soak, measure ----------------------------------------------------------------------------
echo "policy-soak: warming up ($WARMUP_DECISIONS decisions, $WARMUP_CYCLES activations)"
warm=0
while (( warm < WARMUP_DECISIONS )); do
    batch=$(( WARMUP_DECISIONS - warm < 50 ? WARMUP_DECISIONS - warm : 50 ))
    urls=()
    for _ in $(seq 1 "$batch"); do urls+=(-o /dev/null "$BASE/api/v1/decisions"); done   # one connection per batch
    codes="$(curl -s -w '%{http_code}\n' -H 'Content-Type: application/json' -H "X-API-Key: $CLIENT_KEY" \
        --data-binary "@$WORK/decision.json" "${urls[@]}")" || fail 3 "warm-up decisions failed"
    [[ "$(grep -cv '^200$' <<<"$codes" || true)" == 0 ]] || fail 3 "a warm-up decision did not answer 200"
    warm=$((warm + batch))
done
for i in $(seq 0 $((WARMUP_CYCLES - 1))); do activate $((i % 3)); done

measure before >"$WORK/before.txt"
read -r heap_before meta_before loaders_before classes_before <"$WORK/before.txt"
echo "policy-soak: before: heap after GC ${heap_before} KB, metaspace ${meta_before} KB, ${loaders_before} class loaders, ${classes_before} classes"

echo "policy-soak: $CYCLES activation cycles"
t0=$(date +%s%N)
for i in $(seq 0 $((CYCLES - 1))); do
    activate $(((WARMUP_CYCLES + i) % 3))
    if (( (i + 1) % 25 == 0 )); then echo "policy-soak:   $((i + 1))/$CYCLES"; fi
done
t1=$(date +%s%N)

measure after >"$WORK/after.txt"
read -r heap_after meta_after loaders_after classes_after <"$WORK/after.txt"
echo "policy-soak: after:  heap after GC ${heap_after} KB, metaspace ${meta_after} KB, ${loaders_after} class loaders, ${classes_after} classes"

python3 - "$heap_before" "$heap_after" "$meta_before" "$meta_after" "$MAX_GROWTH_PCT" "$CYCLES" "$t0" "$t1" "$ACTIVATED" <<'PY'
import sys
hb, ha, mb, ma, limit, cycles, t0, t1, activated = sys.argv[1:]
hb, ha, mb, ma, limit, cycles = int(hb), int(ha), int(mb), int(ma), float(limit), int(cycles)
seconds = (int(t1) - int(t0)) / 1e9
heap = 100.0 * (ha - hb) / hb
meta = 100.0 * (ma - mb) / mb
print("policy-soak: %d activations measured (%s in all), %.2f s per activation (activation + one decision)"
      % (cycles, activated, seconds / cycles))
print("policy-soak: heap after GC  %8d KB -> %8d KB  growth %+.2f %%" % (hb, ha, heap))
print("policy-soak: metaspace used %8d KB -> %8d KB  growth %+.2f %%" % (mb, ma, meta))
if heap > limit or meta > limit:
    print("policy-soak: FAILED: growth above %.1f %% (class histograms in the report dir)" % limit)
    sys.exit(1)
print("policy-soak: OK: both within %.1f %%" % limit)
PY
