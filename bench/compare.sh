#!/usr/bin/env bash
# Runs the four workloads of issue 5 against our server and against ngIRCd in the same run,
# each workload N times on freshly started servers, and prints one table of medians with the
# ratio ours/theirs. Results (one JSON per run) and server logs go to the --out directory.
#
#   bench/compare.sh                      # both servers, 3 repetitions, all workloads
#   bench/compare.sh --only theirs        # ngIRCd alone (no chat-server needed)
#   bench/compare.sh --repeat 5 --workloads 1,3
#   bench/floor.sh --only floor,ours,theirs --workloads 3 --set "--rate 2"   # with the C floor relay
#
# Needs: java 17, maven (to build), ngircd (apt-get install ngircd), python3 (for the table).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPEAT=3
ONLY=both
WORKLOADS=1,2,3,4
OURS_PORT=6723
THEIRS_PORT=6724
FLOOR_PORT=6725
OUT=""
SET=""
QUIET=""
QUIET_CORES=0.3
# The bench JVM keeps C2 (JDK default tiering): with its JIT warm-up (chat bench --jit-warmup, on by
# default) C2-compiled code costs 0.43 us of bench CPU per fan-out delivery against 0.57 us with C1
# alone (docs/BENCHMARKS.md, "The bench's own cost"). A 512 MiB young start: no GC during a run.
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xms512m -XX:+UseParallelGC}"

usage() {
    sed -n '2,11p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    cat <<USAGE
Options:
  --repeat N           runs of each workload per server (default $REPEAT); the table shows medians
  --only LIST          servers to run, comma-separated: ours, theirs (ngIRCd), floor (the C
                       relay of bench/floor, built by bench/floor.sh); default: both = ours,theirs
  --workloads LIST     comma-separated subset of 1,2,3,4 (default $WORKLOADS)
  --set "OPTIONS"      bench options that replace the same options of every workload chosen
                       (or are added), e.g. --set "--rate 2 --clients 500"
  --ours-port P        port for ./chat server (default $OURS_PORT)
  --theirs-port P      port for ngircd (default $THEIRS_PORT)
  --floor-port P       port for the floor relay (default $FLOOR_PORT)
  --quiet              before each run, wait (up to 10 minutes) until other processes have used
                       at most $QUIET_CORES cores for 3 s, and repeat (up to 4 times) a run during
                       which they used more: other work on the machine moves latency by 10x
  --out DIR            where JSON results and logs go (default: a new directory under /tmp)
Environment: BENCH_JAVA_OPTS (JVM options of the bench, default "$BENCH_JAVA_OPTS"),
  OURS_JAVA_OPTS (JVM options of our server; default: the launcher's JAVA_OPTS), MVN,
  FLOOR_RELAY (the relay binary; bench/floor.sh sets it).
USAGE
}

while (($#)); do
    case "$1" in
        --repeat) REPEAT="$2"; shift 2 ;;
        --only) ONLY="$2"; shift 2 ;;
        --workloads) WORKLOADS="$2"; shift 2 ;;
        --ours-port) OURS_PORT="$2"; shift 2 ;;
        --theirs-port) THEIRS_PORT="$2"; shift 2 ;;
        --floor-port) FLOOR_PORT="$2"; shift 2 ;;
        --set) SET="$2"; shift 2 ;;
        --quiet) QUIET=1; shift ;;
        --out) OUT="$2"; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "compare: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
[[ "$ONLY" == both ]] && ONLY=ours,theirs
IFS=, read -r -a SERVERS <<<"$ONLY"
for server in "${SERVERS[@]}"; do
    case "$server" in ours|theirs) ;;
        floor) [[ -x "${FLOOR_RELAY:-}" ]] || { echo "compare: floor needs FLOOR_RELAY; run bench/floor.sh" >&2; exit 2; } ;;
        *) echo "compare: --only takes ours, theirs, floor or a comma-separated list of them" >&2; exit 2 ;;
    esac
done
[[ "$REPEAT" =~ ^[1-9][0-9]*$ ]] || { echo "compare: --repeat must be a positive number" >&2; exit 2; }
OUT="${OUT:-$(mktemp -d /tmp/chat-bench.XXXXXX)}"
mkdir -p "$OUT"

# 10,000 clients need 10,000 descriptors in the bench and in each server.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
if (($(ulimit -n) < 10100)) && [[ ",$WORKLOADS," == *",4,"* ]]; then
    echo "compare: warning: ulimit -n is $(ulimit -n); workload 4 needs about 10100" >&2
fi

# Workload name and bench options. Window 1 in the big room: 199 senders x 1 unconfirmed
# message x ~110 bytes stays under the 32 KiB that ngIRCd queues per client before it drops
# the client ("Write buffer space exhausted"); both servers get the same window.
# Ten clients connecting at a time in the idle workload: ngIRCd listens with a backlog of 10,
# and more simultaneous connects overflow it (the kernel then resets some of them).
workload_name() { case "$1" in 1) echo fanout ;; 2) echo bigroom ;; 3) echo latency ;; 4) echo idle ;; esac; }
workload_args() {
    case "$1" in
        1) echo "--rooms 10 --clients 200 --messages 500 --size 64 --window 16" ;;
        2) echo "--rooms 1 --clients 200 --messages 100 --size 64 --window 1" ;;
        3) echo "--rooms 100 --clients 1000 --messages 0 --rate 5 --warmup 2 --duration 20 --size 64" ;;
        4) echo "--rooms 1000 --clients 10000 --messages 0 --connect-batch 10" ;;
    esac
}
# The workload's options with those of --set replacing the same names (picocli refuses repeats).
bench_args() {
    local -a base extra out
    read -r -a base <<<"$(workload_args "$1")"
    read -r -a extra <<<"$SET"
    local i j replaced
    for ((i = 0; i < ${#base[@]}; i += 2)); do
        replaced=""
        for ((j = 0; j < ${#extra[@]}; j += 2)); do [[ "${extra[j]}" == "${base[i]}" ]] && replaced=1; done
        [[ -n "$replaced" ]] || out+=("${base[i]}" "${base[i + 1]}")
    done
    echo "${out[*]} ${extra[*]}"
}
[[ -z "$SET" ]] || echo "$SET" >"$OUT/set.txt"

echo "compare: building the jars (tests skipped) ..." >&2
modules=chat-bench
[[ " ${SERVERS[*]} " == *" ours "* ]] && modules=chat-server,chat-bench
(cd "$ROOT" && "${MVN:-mvn}" -q -B -Dmaven.test.skip=true -pl "$modules" -am package) >&2
BENCH_JAR="$ROOT/chat-bench/target/chat-bench.jar"

SERVER_PID=""
wait_listening() {
    local port="$1" pid="$2"
    for _ in $(seq 1 300); do
        kill -0 "$pid" 2>/dev/null || return 1
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        sleep 0.1
    done
    return 1
}

start_server() {
    local which="$1" log="$OUT/$1-server.log"
    if [[ "$which" == ours ]]; then
        # The launcher execs java, so $! is the server JVM itself.
        # The bench opens thousands of connections from one address: per-address limits off.
        CHAT_NO_HISTORY=${CHAT_NO_HISTORY:-true} CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 JAVA_OPTS="${OURS_JAVA_OPTS:-${JAVA_OPTS:-}}" "$ROOT/chat" server --port "$OURS_PORT" \
            --flood-rate 0 --max-clients 20000 >>"$log" 2>&1 </dev/null &
        SERVER_PID=$!
        wait_listening "$OURS_PORT" "$SERVER_PID" || { echo "compare: our server did not start (see $log)" >&2; exit 1; }
    elif [[ "$which" == floor ]]; then
        "$FLOOR_RELAY" "$FLOOR_PORT" >>"$log" 2>&1 </dev/null &
        SERVER_PID=$!
        wait_listening "$FLOOR_PORT" "$SERVER_PID" || { echo "compare: the floor relay did not start (see $log)" >&2; exit 1; }
    else
        command -v ngircd >/dev/null || { echo "compare: ngircd not found (apt-get install ngircd)" >&2; exit 1; }
        sed "s/^\([[:space:]]*Ports[[:space:]]*=\).*/\1 $THEIRS_PORT/" "$ROOT/bench/ngircd.conf" >"$OUT/ngircd.conf"
        ngircd --nodaemon --config "$OUT/ngircd.conf" >>"$log" 2>&1 </dev/null &
        SERVER_PID=$!
        wait_listening "$THEIRS_PORT" "$SERVER_PID" || { echo "compare: ngircd did not start (see $log)" >&2; exit 1; }
    fi
}

stop_server() {
    if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        # ngIRCd takes minutes to say goodbye to 10,000 clients; the next run needs the port.
        for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    SERVER_PID=""
}
trap stop_server EXIT

# Busy and total jiffies of all CPUs (user nice system irq softirq steal; + idle iowait).
cpu_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat; }
# Cores busy between two cpu_jiffies samples, all processes together.
busy_cores() { awk -v a="$1" -v b="$2" -v n="$(nproc)" 'BEGIN { split(a, x, " "); split(b, y, " ");
    printf "%.2f", (y[2] > x[2]) ? n * (y[1] - x[1]) / (y[2] - x[2]) : 0 }'; }
# CPU seconds (user + system) used so far by this script's finished children (the bench and,
# once stopped and reaped, the server) into CHILDREN_CPU_S. `times` runs in this shell: in a
# command substitution it would report the subshell's children.
children_cpu() {
    times >"$OUT/.times"
    CHILDREN_CPU_S="$(tail -n 1 "$OUT/.times" | awk '{ split($1 $2, t, /[ms]/); print 60 * t[1] + t[2] + 60 * t[3] + t[4] }')"
}
wait_for_quiet() {
    [[ -n "$QUIET" ]] || return 0
    local before after
    for _ in $(seq 1 200); do
        before="$(cpu_jiffies)"; sleep 3; after="$(cpu_jiffies)"
        awk -v c="$(busy_cores "$before" "$after")" -v max="$QUIET_CORES" 'BEGIN { exit !(c <= max) }' && return 0
    done
    echo "compare: the machine is still busy after 10 minutes; running anyway" >&2
}

IFS=, read -r -a WORKLOAD_LIST <<<"$WORKLOADS"
for ((rep = 1; rep <= REPEAT; rep++)); do
    for w in "${WORKLOAD_LIST[@]}"; do
        for server in "${SERVERS[@]}"; do
            case "$server" in ours) port=$OURS_PORT ;; theirs) port=$THEIRS_PORT ;; floor) port=$FLOOR_PORT ;; esac
            result="$OUT/$server-w$w-$(workload_name "$w")-$rep.json"
            for ((attempt = 1; ; attempt++)); do
                wait_for_quiet
                children_cpu; jiffies_before="$(cpu_jiffies)" children_before="$CHILDREN_CPU_S" started="$(date +%s.%N)"
                start_server "$server"
                echo "compare: run $rep/$REPEAT workload $w ($(workload_name "$w")) on $server (pid $SERVER_PID)" >&2
                # Other processes on the machine skew every number: keep the load next to the results.
                echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) before $server w$w run $rep" >>"$OUT/loadavg.txt"
                # shellcheck disable=SC2046,SC2086 # option lists are split on purpose
                java $BENCH_JAVA_OPTS -jar "$BENCH_JAR" --port "$port" \
                    --server-pid "$SERVER_PID" --json $(bench_args "$w") >"$result" || true
                stop_server
                # What the machine did beyond this run's server and bench (0 on a quiet machine).
                busy="$(busy_cores "$jiffies_before" "$(cpu_jiffies)")"
                children_cpu
                others="$(awk -v b="$busy" -v c0="$children_before" -v c1="$CHILDREN_CPU_S" -v t0="$started" \
                    -v t1="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - (c1 - c0) / (t1 - t0) }')"
                echo "$(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg) after $server w$w run $rep;" \
                    "$busy cores busy during it, other processes $others cores" >>"$OUT/loadavg.txt"
                tail -c 400 "$result" >&2; echo >&2
                # With --quiet, a run disturbed by other processes is kept aside and repeated.
                if [[ -z "$QUIET" ]] || ((attempt == 5)) || awk -v o="$others" -v max="$QUIET_CORES" 'BEGIN { exit !(o <= max) }'; then
                    break
                fi
                mv "$result" "$result.disturbed-$attempt"
                echo "compare: other processes used $others cores during that run; repeating it" >&2
            done
        done
    done
done

python3 "$ROOT/bench/table.py" "$OUT"
echo "compare: JSON results in $OUT" >&2
