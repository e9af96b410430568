#!/usr/bin/env bash
# The cost of IRCv3 tags on the relay: the same server jar, fan-out (workload 1 of compare.sh) with
# every bench client asking for no capabilities, then for message-tags, server-time and
# echo-message, alternating in one sitting (plain, tagged, plain, tagged, ...), a fresh server each run.
#
#   bench/caps.sh [SERVER.jar] [REPEAT]
#
# Tagged lines carry "@time=...;msgid=... " (about 55 bytes more each), and with echo-message every
# sender also gets its own line back; "deliveries/s" counts only the lines to the other members.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="${1:-$ROOT/chat-server/target/chat-server.jar}" REPEAT="${2:-3}"
BENCH="$ROOT/chat-bench/target/chat-bench.jar"
# shellcheck source=run-one.sh
source "$ROOT/bench/run-one.sh"

fanout=(--rooms 10 --clients 200 --messages 500 --size 64 --window 16)
for ((i = 1; i <= REPEAT; i++)); do
    echo "== run $i fanout"
    run plain "$JAR" 6733 "${fanout[@]}"
    run tags "$JAR" 6734 "${fanout[@]}" --caps message-tags,server-time,echo-message
done
