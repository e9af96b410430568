#!/usr/bin/env bash
# TLS against plain on the same server jar, alternating in one sitting (plain, TLS, plain, TLS, ...),
# a fresh server each run listening on both ports: fan-out (workload 1 of compare.sh), connecting
# 1,000 clients 50 at a time (the TLS run's extra connect time is the handshakes), and 10,000 idle
# clients (RSS per client). The TLS bench clients accept the server's self-signed certificate,
# made in chat-data/ of the current directory on the first run and reused.
#
#   bench/tls.sh [SERVER.jar] [REPEAT] [WORKLOADS]     # WORKLOADS: any of fanout,connect,idle
#   MESSAGES=1500 bench/tls.sh …                       # fan-out messages per client (500)
#   SERVER_CPUS=0 BENCH_CPUS=1 bench/tls.sh …          # server and bench pinned to a core each
#
# Ports 6735 (plain) and 6736 (TLS). The server gets the launcher's JVM options for a server with a
# TLS port (C2 too); SERVER_OPTS replaces them.
set -euo pipefail
export SERVER_OPTS="${SERVER_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TrimNativeHeapInterval=2000}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/chat-server/target/chat-server.jar}" REPEAT="${2:-3}" WORKLOADS="${3:-fanout,connect,idle}"
BENCH="$ROOT/chat-bench/target/chat-bench.jar"
# shellcheck source=run-one.sh
source "$ROOT/bench/run-one.sh"

export SERVER_ARGS="--tls-port 6736"
for ((i = 1; i <= REPEAT; i++)); do
    for w in ${WORKLOADS//,/ }; do
        case "$w" in
            fanout) args=(--rooms 10 --clients 200 --messages "${MESSAGES:-500}" --size 64 --window 16) ;;
            connect) args=(--rooms 100 --clients 1000 --messages 0 --connect-batch 50) ;;
            idle) args=(--rooms 1000 --clients 10000 --messages 0 --connect-batch 50) ;;
            *) echo "tls.sh: unknown workload $w" >&2; exit 2 ;;
        esac
        echo "== run $i $w ($(cut -d' ' -f1 /proc/loadavg) load)"
        run plain "$JAR" 6735 "${args[@]}"
        BENCH_PORT=6736 run tls "$JAR" 6735 "${args[@]}" --tls
    done
done
