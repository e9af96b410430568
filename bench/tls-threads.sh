#!/usr/bin/env bash
# Where a TLS server's CPU goes while clients connect, per thread: one fresh server with a TLS port,
# 1,000 TLS clients connecting 50 at a time, then another 1,000 on the same server (the JIT has
# compiled most of the handshake by then); after each, the CPU each thread name took (from
# /proc/PID/task/*/stat): the event loop, the handshake threads, the JIT compilers.
#
#   bench/tls-threads.sh [SERVER.jar]          # ports 6735 (plain) and 6736 (TLS); SERVER_OPTS as tls.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/chat-server/target/chat-server.jar}"
BENCH="$ROOT/chat-bench/target/chat-bench.jar"
SERVER_OPTS="${SERVER_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TrimNativeHeapInterval=2000}"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
# shellcheck disable=SC2086
CHAT_NO_HISTORY=true CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 java $SERVER_OPTS -jar "$JAR" --port 6735 \
    --flood-rate 0 --max-clients 20000 --tls-port 6736 </dev/null >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/6735") 2>/dev/null && break; sleep 0.1; done
hz=$(getconf CLK_TCK)
ticks() { # thread name (spaces as _) and its user+system ticks, summed per name
    for t in /proc/"$pid"/task/*; do echo "$(tr ' ' _ <"$t/comm") $(awk '{ print $14 + $15 }' "$t/stat")"; done \
        | awk '{ c[$1] += $2 } END { for (k in c) print k, c[k] }' | sort
}
for run in 1 2; do
    before="$(ticks)"
    echo "== run $run ($(cut -d' ' -f1 /proc/loadavg) load)"
    java -Xms512m -XX:+UseParallelGC -cp "$BENCH" chat.bench.BenchMain --port 6736 --tls --server-pid "$pid" \
        --nick-prefix "r$run" --room-prefix "#r$run" --rooms 100 --clients 1000 --messages 0 --connect-batch 50 \
        | grep -E 'joined' | tr -s ' \n' ' '
    echo
    join -a 2 -e 0 -o 0,1.2,2.2 <(echo "$before") <(ticks) | awk -v hz="$hz" '$3 - $2 > 0 { printf "  %s %.2f s\n", $1, ($3 - $2) / hz }'
done
