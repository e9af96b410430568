#!/usr/bin/env bash
# Live heap per idle connection, plain against TLS, exactly (no RSS noise): one server with both
# ports, N registered clients held open from Python (ssl, certificate not checked) on the plain
# port, then the same on the TLS port; a class histogram (jcmd, after a full GC) while they are held
# and after they left. Per connection = (held - after) / N.
#
#   bench/heap-tls.sh chat-server/target/chat-server.jar [CLIENTS]      # ports 6747/6748
set -euo pipefail
JAR="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")" CLIENTS="${2:-2000}"
DIR="$(mktemp -d /tmp/heap-tls.XXXXXX)"
cd "$DIR"
CHAT_MAX_PER_IP=0 CHAT_CONNECTS_PER_MINUTE=0 java ${SERVER_OPTS:--XX:+UseSerialGC -Xms32m -Xmx1g -Xmn8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:TrimNativeHeapInterval=2000} -jar "$JAR" --port 6747 \
    --tls-port 6748 --no-history --flood-rate 0 --max-clients 20000 </dev/null >server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/6747") 2>/dev/null && break; sleep 0.1; done
cat >hold.py <<'PY'
import socket, ssl, sys, time
port, n, tls = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "tls"
ctx = ssl.create_default_context(); ctx.check_hostname = False; ctx.verify_mode = ssl.CERT_NONE
held = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port))
    if tls:
        s = ctx.wrap_socket(s)
    s.sendall(("NICK u%d\r\nUSER u 0 * :u\r\nJOIN #r%d\r\n" % (i, i % max(1, n // 10))).encode())
    held.append(s)
    if i % 100 == 99:  # read the welcomes so no send queue holds them
        for t in held[-100:]:
            t.setblocking(False)
            try:
                while t.recv(65536):
                    pass
            except (BlockingIOError, ssl.SSLWantReadError):
                pass
print("held", flush=True)
time.sleep(300)
PY
for mode in plain tls; do
    port=6747; [[ "$mode" == tls ]] && port=6748
    python3 hold.py "$port" "$CLIENTS" "$mode" >"hold-$mode.out" 2>&1 &
    HOLDER=$!
    for _ in $(seq 1 300); do grep -q held "hold-$mode.out" 2>/dev/null && break; sleep 1; done
    sleep 3
    held=$(jcmd "$SERVER" GC.class_histogram | awk '/^Total/ { print $3 }')
    kill "$HOLDER"; wait "$HOLDER" 2>/dev/null || true; sleep 5
    after=$(jcmd "$SERVER" GC.class_histogram | awk '/^Total/ { print $3 }')
    echo "$mode: heap $held B with $CLIENTS held, $after B after they left: $(( (held - after) / CLIENTS )) B per connection"
done
