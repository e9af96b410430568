#!/usr/bin/env bash
# Before/after for a server change: two chat-server jars, the same bench, alternating runs in one
# sitting (A, B, A, B, ...), fan-out (workload 1) and 10,000 idle (workload 4) of compare.sh.
#
#   bench/ab.sh OLD.jar NEW.jar [REPEAT] [BENCH.jar]
#
# Each run starts a fresh server with the launcher's JVM options and ends it; one summary line per
# run (deliveries/s, lost/dup/reordered, RSS per client, connect time). Ports 6731/6732.
set -euo pipefail
OLD="$1" NEW="$2" REPEAT="${3:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="${4:-$ROOT/chat-bench/target/chat-bench.jar}"
SERVER_OPTS="-XX:+UseSerialGC -Xms32m -Xmx1g -XX:TieredStopAtLevel=1"
BENCH_OPTS="-Xms512m -XX:+UseParallelGC"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

run() { # label jar port workload-args...
    local label="$1" jar="$2" port="$3"; shift 3
    # shellcheck disable=SC2086
    # Per-address limits off through the environment (a jar from before them ignores it).
    CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 java $SERVER_OPTS -jar "$jar" --port "$port" --flood-rate 0 --max-clients 20000 </dev/null >/dev/null 2>&1 &
    local pid=$!
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    local main=chat.bench.BenchMain
    # Benches built before chat-bench was its own module have the class under chat.client.
    unzip -Z1 "$BENCH" chat/client/bench/BenchMain.class >/dev/null 2>&1 && main=chat.client.bench.BenchMain
    # shellcheck disable=SC2086
    printf '%-4s %s\n' "$label" "$(java $BENCH_OPTS -cp "$BENCH" "$main" --port "$port" --server-pid "$pid" "$@" \
        | grep -E 'deliver|rss|joined' | tr -s ' \n' ' ')"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

for ((i = 1; i <= REPEAT; i++)); do
    for w in fanout idle; do
        case "$w" in
            fanout) args=(--rooms 10 --clients 200 --messages 500 --size 64 --window 16) ;;
            idle) args=(--rooms 1000 --clients 10000 --messages 0 --connect-batch 10) ;;
        esac
        echo "== run $i $w"
        run old "$OLD" 6731 "${args[@]}"
        run new "$NEW" 6732 "${args[@]}"
    done
done
