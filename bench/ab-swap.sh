#!/usr/bin/env bash
# Fan-out pairs in both orders (new then old, old then new), so a drift in the machine's load
# favours neither: bench/ab-swap.sh OLD.jar NEW.jar [REPEAT] [BENCH.jar]
OLD=$1 NEW=$2 N=${3:-3}
BENCH="${4:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/chat-bench/target/chat-bench.jar}"
source "$(dirname "${BASH_SOURCE[0]}")/run-one.sh"
args=(--rooms 10 --clients 200 --messages 500 --size 64 --window 16)
for ((i=1;i<=N;i++)); do
  run new "$NEW" 6742 "${args[@]}"; run old "$OLD" 6741 "${args[@]}"
  run old "$OLD" 6741 "${args[@]}"; run new "$NEW" 6742 "${args[@]}"
done
