#!/usr/bin/env bash
# What history costs, in one sitting (docs/BENCHMARKS.md "History"):
#   1. fan-out (workload 1) with history kept (a fresh --data-dir each run) against --no-history,
#      alternating on one server jar;
#   2. one room filled with 1,000,000 messages as fast as the bench sends them (2 clients x
#      500,000): the sustained rate with every line persisted, then /stats (written, waiting) and
#      the bytes on disk per message;
#   3. CHATHISTORY LATEST #room * 100 (and BEFORE, walking back) latency on that room;
#   4. server start to listening with that database.
#
#   bench/history.sh [SERVER.jar] [REPEAT]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/chat-server/target/chat-server.jar}" REPEAT="${2:-3}"
BENCH="$ROOT/chat-bench/target/chat-bench.jar"
WORK="$(mktemp -d /tmp/chat-history-bench.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=run-one.sh
source "$ROOT/bench/run-one.sh"

fanout=(--rooms 10 --clients 200 --messages 500 --size 64 --window 16)
for ((i = 1; i <= REPEAT; i++)); do
    echo "== run $i fanout"
    run none "$JAR" 6735 "${fanout[@]}"
    HISTORY=1 DATA_DIR="$WORK/fanout-$i" run kept "$JAR" 6736 "${fanout[@]}"
done

echo "== one room, 1,000,000 messages kept"
mkfifo "$WORK/console"
CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 java $SERVER_OPTS -jar "$JAR" --port 6737 --flood-rate 0 \
    --data-dir "$WORK/big" --history-max-messages 2000000 < "$WORK/console" > "$WORK/server.out" 2>&1 &
server=$!
exec 7> "$WORK/console"
for _ in $(seq 1 100); do (exec 3<>/dev/tcp/127.0.0.1/6737) 2>/dev/null && break; sleep 0.1; done
java $BENCH_OPTS -cp "$BENCH" chat.bench.BenchMain --port 6737 --rooms 1 --clients 2 --messages 500000 --size 64 \
    --window 64 --room-prefix '#big' --server-pid "$server" | grep -E 'deliver' | tr -s ' '
echo /stats >&7
sleep 1 # the console answers on stdout; give it a moment before reading the file
grep -E '^history:' "$WORK/server.out" || true
java -cp "$BENCH" chat.bench.HistoryLatency 6737 '#big0' 1000 100
echo 88 >&7
exec 7>&-
wait "$server" || true
du -sb "$WORK/big" | awk '{printf "on disk: %d bytes, %.0f bytes per message\n", $1, $1 / 1000000}'

echo "== start to listening with that database (3 starts)"
for _ in 1 2 3; do
    start=$(date +%s%N)
    CHAT_MAX_PER_IP=0 java $SERVER_OPTS -jar "$JAR" --port 6738 --data-dir "$WORK/big" </dev/null >/dev/null 2>&1 &
    pid=$!
    until (exec 3<>/dev/tcp/127.0.0.1/6738) 2>/dev/null; do sleep 0.005; done
    echo "listening after $(( ($(date +%s%N) - start) / 1000000 )) ms"
    kill "$pid"; wait "$pid" 2>/dev/null || true
done
