#!/usr/bin/env bash
# Three nodes and one Redis against one node alone, the same workload, alternating in one sitting:
#
#   bench/cluster.sh SERVER.jar [REPEAT] [BENCH.jar]
#
# Each cluster run starts a fresh redis-server on a free port and NODES (default 3, at most 5)
# nodes (a, b, c ...) of SERVER.jar with --cluster, waits until each says it is part of the
# network, runs `chat bench --ports A,B,C` (member k of every room on node k mod NODES, so every
# message crosses to every other node) and ends them all. Each single run starts one node without --cluster. One line per
# run: deliveries/s, lost/dup/reordered, latency, and for the cluster the cross-node latency.
#
# WORKLOAD (bench options) defaults to the fan-out of compare.sh; for latency at a fixed load:
#   WORKLOAD="--rooms 10 --clients 200 --messages 0 --rate 2.63 --warmup 2 --duration 20" bench/cluster.sh ...
# (20 members a room: each message is 19 deliveries, 200 x 2.63/s x 19 = 10,000 deliveries/s).
# Warm fan-out (the figures of docs/SCALING.md since 2026-12-06: the first second left out):
#   WORKLOAD="--rooms 10 --clients 200 --messages 4000 --size 64 --window 16 --warmup 1" bench/cluster.sh ...
#
# COMPARE=none runs the cluster alone (to compare two server jars, one run each, alternating).
# COMPARE=history alternates the cluster without history against the cluster keeping history in
# Redis (streams written by the publish script) instead of against one node. After each cluster
# run the nodes' and Redis's CPU seconds are printed (from /proc/PID/stat); THREADS=1 adds each
# thread kind's CPU summed over the nodes (the kernel's tick samples and schedstat's exact count).
set -euo pipefail
JAR="$(realpath "$1")" REPEAT="${2:-3}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$(realpath "${3:-$ROOT/chat-bench/target/chat-bench.jar}")"
read -r -a WORKLOAD <<<"${WORKLOAD:---rooms 10 --clients 200 --messages 500 --size 64 --window 16}"
SERVER_OPTS="${SERVER_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g -XX:TieredStopAtLevel=1}"
BENCH_OPTS="-Xms512m -XX:+UseParallelGC"
REDIS="${REDIS:-redis-server}"
COMPARE="${COMPARE:-single}"
NODES="${NODES:-3}"
NAMES=(a b c d e)
(( NODES >= 2 && NODES <= ${#NAMES[@]} )) || { echo "cluster.sh: NODES must be 2 to ${#NAMES[@]}" >&2; exit 2; }
NAMES=("${NAMES[@]:0:$NODES}")
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

WORK="$(mktemp -d)"
PIDS=()
stop_all() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    PIDS=()
}
trap 'stop_all; rm -rf "$WORK"' EXIT

# A port nobody listens on now (the kernel's pick, released at once).
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

await_port() {
    for _ in $(seq 1 200); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.05; done
    echo "cluster.sh: nothing listens on $1" >&2
    return 1
}

await_log() { # file text
    for _ in $(seq 1 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.05; done
    echo "cluster.sh: $1 never said '$2'" >&2
    return 1
}

start_node() { # port log [server options...]
    local port="$1" log="$2"; shift 2
    # shellcheck disable=SC2086
    CHAT_NO_HISTORY="${NO_HISTORY:-true}" CHAT_DATA_DIR="$WORK/data-$port" CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 \
        java $SERVER_OPTS -jar "$JAR" --port "$port" --flood-rate 0 --max-clients 20000 "$@" </dev/null >"$log" 2>&1 &
    PIDS+=($!)
}

# One line from the bench's JSON: the figures this comparison is about.
bench() { # label ports
    local label="$1" ports="$2" json
    # shellcheck disable=SC2086
    json="$(java $BENCH_OPTS -cp "$BENCH" chat.bench.BenchMain --ports "$ports" --json "${WORKLOAD[@]}" || true)"
    python3 -c '
import json, sys
label, text = sys.argv[1], sys.argv[2]
try:
    r = json.loads(text)
except ValueError:
    print("%-7s no result: %r" % (label, text))
    sys.exit(0)
line = ("{label:<7} {deliveries_per_s:>9.0f} deliveries/s  lost {lost} dup {duplicated} reord {reordered}"
        " misrouted {misrouted}  latency p50 {latency_p50_us:.0f} us p99 {latency_p99_us:.0f} us"
        "  joined {joined} in {connect_s:.2f} s").format(label=label, **r)
c = r.get("cross_node")
if c:
    line += "  cross-node {latency_count} deliveries p50 {latency_p50_us:.0f} us p99 {latency_p99_us:.0f} us p99.9 {latency_p999_us:.0f} us max {latency_max_us:.0f} us".format(**c)
line += "  bench cpu %.2f s" % r.get("bench_process_cpu_s", 0)
if r["failure"]:
    line += "  FAILED: " + r["failure"]
print(line)
' "$label" "$json"
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() { # pid
    python3 -c '
import os, sys
fields = open("/proc/%s/stat" % sys.argv[1]).read().rsplit(")", 1)[1].split()
print("%.2f" % ((int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")))
' "$1"
}

# Each thread's CPU ticks, "pid/name ticks" a line (THREADS=1: where each node's time goes).
thread_ticks() { # pid...
    python3 -c '
import glob, sys
for pid in sys.argv[1:]:
    for stat in glob.glob("/proc/%s/task/*/stat" % pid):
        try:
            text = open(stat).read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")].replace(" ", "_")
        fields = text.rsplit(")", 1)[1].split()
        try:
            ran = open(stat.replace("/stat", "/schedstat")).read().split()[0]
        except OSError:
            ran = "0"
        print("%s/%s/%s %s,%s,%s" % (pid, name, stat.split("/")[4], fields[11], fields[12], ran))
' "$@"
}

run_cluster() { # label [history: "on"]
    local label="$1" history="${2:-off}" redis_port ports=() node=0 redis_pid nodes=() before=() after=()
    redis_port="$(free_port)"
    "$REDIS" --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no >"$WORK/redis.log" 2>&1 &
    redis_pid=$!
    PIDS+=($!)
    await_port "$redis_port"
    for name in "${NAMES[@]}"; do
        ports+=("$(free_port)")
        NO_HISTORY="$([[ "$history" == on ]] && echo false || echo true)" \
            start_node "${ports[$node]}" "$WORK/node-$name.log" --cluster "redis://127.0.0.1:$redis_port" --node-name "$name"
        nodes+=("${PIDS[-1]}")
        node=$((node + 1))
    done
    for name in "${NAMES[@]}"; do await_log "$WORK/node-$name.log" "is part of the network"; done
    for pid in "${nodes[@]}" "$redis_pid"; do before+=("$(cpu_seconds "$pid")"); done
    [[ "${THREADS:-0}" == 1 ]] && thread_ticks "${nodes[@]}" >"$WORK/threads.before"
    bench "$label" "$(IFS=,; echo "${ports[*]}")"
    if [[ "${THREADS:-0}" == 1 ]]; then
        thread_ticks "${nodes[@]}" >"$WORK/threads.after"
        python3 -c '
import collections, os, sys
before = dict(line.split() for line in open(sys.argv[1]))
user, system, ran = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(sys.argv[2]):
    key, ticks = line.split()
    name = key.split("/")[1]
    then = before.get(key, "0,0,0").split(",")
    now = ticks.split(",")
    user[name] += int(now[0]) - int(then[0])
    system[name] += int(now[1]) - int(then[1])
    ran[name] += int(now[2]) - int(then[2])
hz = os.sysconf("SC_CLK_TCK")
# user+system: the kernel tick samples; ran: the scheduler count from schedstat, exact
print("        threads (all nodes, user+system ticks / ran): " + ", ".join(
    "%s %.2f+%.2f / %.2f s" % (n, user[n] / hz, system[n] / hz, ran[n] / 1e9) for n, _ in ran.most_common(6)))
' "$WORK/threads.before" "$WORK/threads.after"
    fi
    for pid in "${nodes[@]}" "$redis_pid"; do after+=("$(cpu_seconds "$pid")"); done
    python3 -c '
import sys
b, a = [float(x) for x in sys.argv[1].split()], [float(x) for x in sys.argv[2].split()]
used = [y - x for x, y in zip(b, a)]
nodes, redis = used[:-1], used[-1]
print("        CPU during the bench: nodes %.2f s (%s), redis %.2f s" % (sum(nodes), ", ".join("%.2f" % u for u in nodes), redis))
' "${before[*]}" "${after[*]}"
    # Redis's own time per command (scripts' inner calls counted apart), for where Redis's CPU goes.
    redis-cli -p "$redis_port" info commandstats | tr -d '\r' \
        | sed -n 's/^cmdstat_\(evalsha\|publish\|xadd\|pexpire\|xrevrange\):calls=\([0-9]*\),usec=\([0-9]*\),usec_per_call=\([0-9.]*\).*/\1 \2 calls \4 us/p' \
        | paste -sd';' | sed 's/^/        redis: /; s/;/; /g'
    if [[ "$history" == on ]]; then
        echo "        history kept: $(redis-cli -p "$redis_port" --scan --pattern 'chat:history:*' | wc -l) streams," \
            "redis used_memory $(redis-cli -p "$redis_port" info memory | grep '^used_memory_human' | cut -d: -f2 | tr -d '\r')"
    fi
    stop_all
}

run_single() {
    local port
    port="$(free_port)"
    start_node "$port" "$WORK/single.log"
    await_port "$port"
    bench single "$port"
    stop_all
}

echo "== $(date -u +%FT%TZ)  load average $(cut -d' ' -f1-3 /proc/loadavg)  $(nproc) cores  $NODES nodes  workload: ${WORKLOAD[*]}"
for ((i = 1; i <= REPEAT; i++)); do
    echo "== run $i"
    if [[ "$COMPARE" == history ]]; then
        run_cluster cluster
        run_cluster history on
    elif [[ "$COMPARE" == none ]]; then
        run_cluster cluster
    else
        run_cluster cluster
        run_single
    fi
done
echo "== done  load average $(cut -d' ' -f1-3 /proc/loadavg)"
