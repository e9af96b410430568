#!/usr/bin/env bash
# Heap bytes per idle connection, exactly (no RSS noise): starts a server jar, holds N registered
# clients in N/10 rooms open from a small Python client, takes a class histogram with jcmd, and
# prints the chat classes and the heap total. Run it for two jars and compare the totals.
#
#   bench/heap-per-connection.sh chat-server/target/chat-server.jar [PORT] [CLIENTS]
set -euo pipefail
JAR="$1" PORT="${2:-6745}" CLIENTS="${3:-2000}"
OUT="$(mktemp /tmp/heap-histo.XXXXXX)"
CHAT_NO_HISTORY=true CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 java -XX:+UseSerialGC -Xms32m -Xmx1g -XX:TieredStopAtLevel=1 -jar "$JAR" --port "$PORT" --flood-rate 0 \
    --max-clients 20000 </dev/null >/dev/null 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
python3 - "$PORT" "$CLIENTS" <<'PY' &
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
held = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(("NICK u%d\r\nUSER u 0 * :u\r\nJOIN #r%d\r\n" % (i, i % max(1, n // 10))).encode())
    s.setblocking(False)
    held.append(s)
    if i % 100 == 99:  # read the welcomes so no send queue holds them
        for t in held[-100:]:
            try:
                while t.recv(65536):
                    pass
            except BlockingIOError:
                pass
time.sleep(30)
PY
HOLDER=$!
# Wait until every client is registered (LUSERS would need a client; the histogram shows it).
for _ in $(seq 1 60); do
    sleep 1
    jcmd "$SERVER" GC.class_histogram >"$OUT" 2>&1 || true
    users=$(awk '$4 == "chat.server.model.User" || $4 == "chat.server.Connection" { print $2 }' "$OUT")
    [[ "${users:-0}" -ge "$CLIENTS" ]] && break
done
kill "$HOLDER" 2>/dev/null || true
grep -E 'chat\.|Total' "$OUT"
awk -v n="$CLIENTS" '/^Total/ { printf "heap %d B, %.0f B per connection (all objects / %d)\n", $3, $3 / n, n }' "$OUT"
