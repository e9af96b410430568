# Sourced by ab.sh and caps.sh: one bench run against a fresh server, then the server ends.
# Needs BENCH set; prints one summary line (deliveries/s, lost/dup/reordered, RSS, connect time).
# SERVER_ARGS adds server options (tls.sh: --tls-port); BENCH_PORT points the bench elsewhere than
# the plain port (tls.sh: the TLS port); SERVER_OPTS replaces the server's JVM options.
SERVER_OPTS="${SERVER_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g -XX:TieredStopAtLevel=1}"
BENCH_OPTS="-Xms512m -XX:+UseParallelGC"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

run() { # label jar port workload-args...
    local label="$1" jar="$2" port="$3"; shift 3
    # SERVER_CPUS / BENCH_CPUS (taskset lists, e.g. 0 and 1) pin each to its own cores.
    local server_pin=() bench_pin=()
    [[ -n "${SERVER_CPUS:-}" ]] && server_pin=(taskset -c "$SERVER_CPUS")
    [[ -n "${BENCH_CPUS:-}" ]] && bench_pin=(taskset -c "$BENCH_CPUS")
    # shellcheck disable=SC2086
    # Per-address limits off through the environment (a jar from before them ignores it).
    # History off unless the caller keeps it (HISTORY=1, with a fresh --data-dir each run); older jars ignore it.
    CHAT_NO_HISTORY=$([[ "${HISTORY:-0}" == 1 ]] && echo false || echo true) CHAT_DATA_DIR="${DATA_DIR:-chat-data}" \
    CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 "${server_pin[@]}" java $SERVER_OPTS -jar "$jar" --port "$port" --flood-rate 0 --max-clients 20000 ${SERVER_ARGS:-} </dev/null >/dev/null 2>&1 &
    local pid=$!
    for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
    local main=chat.bench.BenchMain
    # Benches built before chat-bench was its own module have the class under chat.client.
    unzip -Z1 "$BENCH" chat/client/bench/BenchMain.class >/dev/null 2>&1 && main=chat.client.bench.BenchMain
    # shellcheck disable=SC2086
    printf '%-4s %s\n' "$label" "$("${bench_pin[@]}" java $BENCH_OPTS -cp "$BENCH" "$main" --port "${BENCH_PORT:-$port}" --server-pid "$pid" "$@" \
        | grep -E 'deliver|rss|joined' | tr -s ' \n' ' ')"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

