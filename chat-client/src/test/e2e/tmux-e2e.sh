#!/usr/bin/env bash
# End-to-end test of the terminal client in real terminals: starts a chat server, opens three
# clients (alice, bob, carol) in tmux windows, has them chat in #lobby and one-to-one while carol
# has a line half typed, checks every screen with `tmux capture-pane`, and has each type 88.
# Against our server (IRCv3) it also checks that others see "carol is typing…" and that a line
# sent while the server is stopped (SIGSTOP) waits dim with "…" until the server echoes it.
# With E2E_HISTORY=1 (a server that keeps history) it restarts the server, has someone speak
# before the clients are back, and checks each client shows those lines exactly once (which also
# waits until all three are back).
# Exits 0 when everything was seen, 1 on the first failure (after printing all three screens).
#
# Usage:
#   chat-client/src/test/e2e/tmux-e2e.sh [-p PORT] ngircd
#       runs ngircd (from apt) on 127.0.0.1:PORT with a config written to a temporary directory
#   chat-client/src/test/e2e/tmux-e2e.sh [-p PORT] 'SERVER COMMAND'
#       runs the command through bash with every {port} replaced by PORT, for example
#       chat-client/src/test/e2e/tmux-e2e.sh './chat server --port {port}'
# PORT defaults to a free port. Needs tmux and java; builds chat-client.jar when it is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
JAR="$ROOT/chat-client/target/chat-client.jar"
WAIT_SECONDS=${E2E_WAIT_SECONDS:-30}

port=""
if [[ "${1:-}" == "-p" ]]; then
    port="$2"
    shift 2
fi
if [[ $# -ne 1 ]]; then
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
server_spec="$1"

command -v tmux >/dev/null || { echo "e2e: tmux is not installed (apt-get install -y tmux)" >&2; exit 2; }

CLIENTS=(alice bob carol)
# shellcheck source=e2e-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e-lib.sh"
[[ -n "$port" ]] || port="$(pick_port)"

work="$(mktemp -d /tmp/chat-e2e.XXXXXX)"
socket="chat-e2e-$$"
T=(tmux -L "$socket")
server_pid=""

cleanup() {
    "${T[@]}" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket" # kill-server leaves the socket file behind
    if [[ -n "$server_pid" ]]; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f "$JAR" ]]; then
    echo "e2e: building the client jar"
    (cd "$ROOT" && "${MVN:-mvn}" -q -B -Dmaven.test.skip=true -pl chat-client -am package)
fi

# --- the server -------------------------------------------------------------------------------
if [[ "$server_spec" == ngircd ]]; then
    cat > "$work/ngircd.conf" <<CONF
[Global]
    Name = e2e.test
    Info = chat e2e test
    Listen = 127.0.0.1
    Ports = $port
    PidFile = $work/ngircd.pid
[Limits]
    PingTimeout = 120
    PongTimeout = 20
[Options]
    PAM = no
    DNS = no
    Ident = no
CONF
    chmod 755 "$work"
    ngircd -n -f "$work/ngircd.conf" > "$work/server.log" 2>&1 &
else
    bash -c "${server_spec//\{port\}/$port}" > "$work/server.log" 2>&1 &
fi
server_pid=$!

for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
    port_is_open "$port" && break
    kill -0 "$server_pid" 2>/dev/null || { echo "e2e: the server exited:"; cat "$work/server.log"; exit 1; }
    sleep 0.2
done
port_is_open "$port" || { echo "e2e: nothing listens on 127.0.0.1:$port"; cat "$work/server.log"; exit 1; }
echo "e2e: server up on 127.0.0.1:$port ($server_spec)"

# ngIRCd offers no IRCv3 capabilities: typing and delivery confirmation are checked with ours only.
ircv3=yes
[[ "$server_spec" == ngircd ]] && ircv3=no

# --- helpers (screen_of, expect_screen, type_line ... in e2e-lib.sh) ---------------------------
# The server command's process and all its descendants (a wrapper script, the JVM it started).
server_processes() {
    local pids=("$server_pid") dir ppid changed=1
    while [[ $changed == 1 ]]; do
        changed=0
        for dir in /proc/[0-9]*; do
            ppid="$(awk '{print $4}' "$dir/stat" 2>/dev/null)" || continue
            if [[ " ${pids[*]} " == *" $ppid "* && " ${pids[*]} " != *" ${dir#/proc/} "* ]]; then
                pids+=("${dir#/proc/}")
                changed=1
            fi
        done
    done
    echo "${pids[@]}"
}


# --- three clients ----------------------------------------------------------------------------
"${T[@]}" new-session -d -s e2e -x 120 -y 40 -n alice
"${T[@]}" set-option -g remain-on-exit on
for who in bob carol; do "${T[@]}" new-window -d -t e2e -n "$who"; done
for who in alice bob carol; do
    # The exit code goes to a file: tmux's own pane_dead_status is not always filled in.
    "${T[@]}" respawn-pane -k -t "e2e:$who" \
        "TERM=xterm-256color XDG_CONFIG_HOME='$work/config' XDG_STATE_HOME='$work/state' java -jar '$JAR' --host 127.0.0.1 --port $port --nick $who --room '#lobby' --history-file '$work/$who.history'; echo \$? > '$work/$who.exit'"
    expect_screen "$who" "in #lobby:"
done
# ngircd shows the user as ~carol (no ident), our server as carol: match what both show.
expect_screen alice "carol@127.0.0.1) joined #lobby"

# carol starts a line and leaves it half typed while the others talk.
"${T[@]}" send-keys -t e2e:carol -l -- "carol is half way through"
expect_input_line carol "#lobby> carol is half way through"
if [[ "$ircv3" == yes ]]; then
    expect_screen alice "carol is typing…"
    expect_screen bob "carol is typing…"
fi

type_line alice "hello from alice in the lobby"
expect_screen bob "<alice> hello from alice in the lobby"
expect_screen carol "<alice> hello from alice in the lobby"

type_line bob "/msg alice a secret for alice only"
expect_screen bob "-> *alice* <bob> a secret for alice only"
# It opened window 2 for bob on alice's side, marked on her status bar, without scrolling past #lobby.
expect_status alice "2:bob!"
refuse_screen alice "a secret for alice only"
"${T[@]}" send-keys -t e2e:alice M-2
expect_screen alice "*private* <bob> a secret for alice only"
expect_input_line alice "bob> "

type_line alice "/query bob"
expect_input_line alice "bob> "
type_line alice "and one back for bob"
expect_status bob "2:alice!" # bob's window 2 (opened by his /msg) holds it; he stays in #lobby
"${T[@]}" send-keys -t e2e:alice M-1
expect_input_line alice "#lobby> "

type_line bob "bob says hi to the lobby"
expect_screen carol "<bob> bob says hi to the lobby"
refuse_screen carol "a secret for alice only"
refuse_screen carol "and one back for bob"

# The half-typed line survived every message that arrived above it.
expect_input_line carol "#lobby> carol is half way through"
body_of carol | sed '/^$/d' | tail -n 2 | head -n 1 | grep -qF "<bob> bob says hi to the lobby" \
    || fail "the newest message is not right above carol's prompt"
echo "e2e: ok: carol's half-typed line survived, messages appeared above it"

"${T[@]}" send-keys -t e2e:carol -l -- " and sends it now"
"${T[@]}" send-keys -t e2e:carol Enter
expect_screen alice "<carol> carol is half way through and sends it now"
expect_screen bob "<carol> carol is half way through and sends it now"

# --- delivery confirmation (echo-message) -----------------------------------------------------
if [[ "$ircv3" == yes ]]; then
    paused="$(server_processes)"
    # shellcheck disable=SC2086 # one pid per word
    kill -STOP $paused
    type_line alice "sent while the server sleeps"
    expect_screen alice "<alice> sent while the server sleeps …"
    refuse_screen bob "sent while the server sleeps"
    # shellcheck disable=SC2086
    kill -CONT $paused
    expect_screen bob "<alice> sent while the server sleeps"
    expect_gone alice "sent while the server sleeps …"
    expect_screen alice "<alice> sent while the server sleeps"
    echo "e2e: ok: alice's line waited as pending and was confirmed by the server's echo"
fi

# --- no gap after a reconnect (chathistory) --------------------------------------------------
if [[ "${E2E_HISTORY:-0}" == 1 ]]; then
    # shellcheck disable=SC2046
    kill $(server_processes)
    wait "$server_pid" 2>/dev/null || true
    bash -c "${server_spec//\{port\}/$port}" >> "$work/server.log" 2>&1 &
    server_pid=$!
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do port_is_open "$port" && break; sleep 0.1; done
    # dave speaks right after the restart, while the clients wait out their reconnect delay.
    exec 5<>"/dev/tcp/127.0.0.1/$port"
    printf 'NICK dave\r\nUSER dave 0 * :dave\r\nJOIN #lobby\r\nPRIVMSG #lobby :said while you were away one\r\nPRIVMSG #lobby :said while you were away two\r\nPING :done\r\n' >&5
    while read -r -t "$WAIT_SECONDS" line <&5; do [[ "$line" == *PONG*done* ]] && break; done
    for who in alice bob carol; do
        expect_screen "$who" "said while you were away two"
        count="$(screen_of "$who" | grep -cF -- "said while you were away one")"
        [[ "$count" == 1 ]] || fail "$who shows dave's first line $count times, not once"
    done
    echo "e2e: ok: after the restart, everyone got what was said before they were back, once each"
    printf 'QUIT :bye\r\n' >&5
    exec 5>&-
fi

# --- everyone leaves with 88 ------------------------------------------------------------------
type_line bob "88"
expect_screen alice "<-- bob quit"
type_line carol "88"
type_line alice "88"
for who in alice bob carol; do
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        [[ -s "$work/$who.exit" ]] && break
        sleep 0.2
    done
    status="$(cat "$work/$who.exit" 2>/dev/null || echo none)"
    [[ "$status" == 0 ]] || fail "$who did not exit with 0 after 88 (exit code: $status)"
    echo "e2e: ok: $who left with exit code 0"
done

echo "e2e: PASS (server: $server_spec, port $port)"
