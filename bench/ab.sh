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
# shellcheck source=run-one.sh
source "$ROOT/bench/run-one.sh"

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
