#!/usr/bin/env bash
# End-to-end test of the client's windows in real terminals (tmux): alice, bob and carol on a chat
# server; alice keeps three windows (#lobby, #dev, carol) with traffic in all of them. Checks that
# lines for other windows do not scroll past, that the status bar shows their activity ("!" for a
# private message), switching with Alt-number, Alt-arrows and /win with a half-typed line that
# survives, a refused /join that does not switch, prefix-only completion (rooms from LIST), a paste
# paced at the server's rate with "[N queued]" on the status bar, /ignore, a CTCP VERSION answered
# by NOTICE to a raw IRC client, the --log-dir files, and room modes: an invite-only room that
# keeps carol out until alice invites her, and a ban that silences her and keeps her out. Exits 0 when all was seen, 1 on the first
# failure (after printing every screen).
#
# Usage:
#   chat-client/src/test/e2e/tmux-windows-e2e.sh [-p PORT] 'SERVER COMMAND'
#       runs the command through bash with every {port} replaced by PORT, for example
#       chat-client/src/test/e2e/tmux-windows-e2e.sh './chat server --port {port}'
# Needs tmux and java; builds chat-client.jar when it is missing.
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
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
server_spec="$1"
command -v tmux >/dev/null || { echo "e2e: tmux is not installed (apt-get install -y tmux)" >&2; exit 2; }

CLIENTS=(alice bob carol)
# shellcheck source=e2e-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e-lib.sh"
[[ -n "$port" ]] || port="$(pick_port)"

work="$(mktemp -d /tmp/chat-e2e-windows.XXXXXX)"
socket="chat-e2e-windows-$$"
T=(tmux -L "$socket")
server_pid=""
cleanup() {
    "${T[@]}" kill-server 2>/dev/null || true
    rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$socket"
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

bash -c "${server_spec//\{port\}/$port}" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
    port_is_open "$port" && break
    kill -0 "$server_pid" 2>/dev/null || { echo "e2e: the server exited:"; cat "$work/server.log"; exit 1; }
    sleep 0.2
done
port_is_open "$port" || { echo "e2e: nothing listens on 127.0.0.1:$port"; cat "$work/server.log"; exit 1; }
echo "e2e: server up on 127.0.0.1:$port ($server_spec)"

# --- three clients, alice with a log directory ------------------------------------------------
"${T[@]}" new-session -d -s e2e -x 110 -y 30 -n alice
"${T[@]}" set-option -g remain-on-exit on
for who in bob carol; do "${T[@]}" new-window -d -t e2e -n "$who"; done
for who in alice bob carol; do
    "${T[@]}" respawn-pane -k -t "e2e:$who" \
        "TERM=xterm-256color XDG_CONFIG_HOME='$work/config-$who' XDG_STATE_HOME='$work/state' java -jar '$JAR' --host 127.0.0.1 --port $port --nick $who --room '#lobby' --log-dir '$work/logs-$who'; echo \$? > '$work/$who.exit'"
    expect_screen "$who" "in #lobby:"
done
expect_status alice "[alice] [1:#lobby]"

# --- a second window, and a join that is refused ----------------------------------------------
type_line alice "/join #dev"
expect_input_line alice "#dev> "
expect_status alice "[2:#dev]"
type_line bob "/join #dev"
expect_screen alice "bob (bob@127.0.0.1) joined #dev"
type_line bob "/join #locked"
expect_input_line bob "#locked> "
type_line bob "/key sesame"
expect_screen bob "a key is needed"
type_line alice "/join #locked"
expect_screen alice "cannot join #locked"
expect_input_line alice "#dev> "
expect_status alice "[2:#dev]"
echo "e2e: ok: the refused join left alice in #dev"

# --- traffic in all three windows; only #dev's scrolls past her ------------------------------
"${T[@]}" send-keys -t e2e:bob M-1
expect_input_line bob "#lobby> "
type_line bob "a lobby line from bob"
type_line carol "/msg alice a private line from carol"
expect_screen carol "-> *alice* <carol> a private line from carol"
"${T[@]}" send-keys -t e2e:bob M-2
expect_input_line bob "#dev> "
type_line bob "a dev line from bob"
expect_screen alice "<bob> a dev line from bob"
expect_status alice "[act: 1:#lobby 3:carol!]"
refuse_screen alice "a lobby line from bob"
refuse_screen alice "a private line from carol"

# --- switching keeps the half-typed line -----------------------------------------------------
"${T[@]}" send-keys -t e2e:alice -l -- "still typing"
"${T[@]}" send-keys -t e2e:alice M-1
expect_screen alice "<bob> a lobby line from bob"
expect_input_line alice "#lobby> still typing"
refuse_screen alice "a dev line from bob"
expect_status alice "[act: 3:carol!]"
"${T[@]}" send-keys -t e2e:alice M-3
expect_screen alice "*private* <carol> a private line from carol"
expect_input_line alice "carol> still typing"
expect_gone alice "[act:"
"${T[@]}" send-keys -t e2e:alice M-Right
expect_input_line alice "#lobby> still typing"
"${T[@]}" send-keys -t e2e:alice M-Left
expect_input_line alice "carol> still typing"
"${T[@]}" send-keys -t e2e:alice M-Left
expect_input_line alice "#dev> still typing"
# The line goes where the window is now.
"${T[@]}" send-keys -t e2e:alice -l -- " and sent in dev"
"${T[@]}" send-keys -t e2e:alice Enter
expect_screen bob "<alice> still typing and sent in dev"
type_line alice "/win 1"
expect_input_line alice "#lobby> "
expect_status alice "[1:#lobby]"

# --- completion by prefix only, rooms from LIST too -------------------------------------------
type_line bob "/join #devroom"
expect_input_line bob "#devroom> "
type_line alice "/list"
expect_screen alice "#devroom"
"${T[@]}" send-keys -t e2e:alice -l -- "/join #devr"
"${T[@]}" send-keys -t e2e:alice Tab
expect_input_line alice "#lobby> /join #devroom "
"${T[@]}" send-keys -t e2e:alice C-u
expect_input_line alice "#lobby> "
"${T[@]}" send-keys -t e2e:alice -l -- "hi xo"
"${T[@]}" send-keys -t e2e:alice Tab
sleep 0.5
expect_input_line alice "#lobby> hi xo"
"${T[@]}" send-keys -t e2e:alice C-u
"${T[@]}" send-keys -t e2e:alice -l -- "hi ca"
"${T[@]}" send-keys -t e2e:alice Tab
expect_input_line alice "#lobby> hi carol "
"${T[@]}" send-keys -t e2e:alice C-u
expect_input_line alice "#lobby> "

# --- a paste at the server's pace --------------------------------------------------------------
# 60 lines: our server takes a burst of 40, then 10 a second; the client keeps to that, so the
# last line arrives after about 2 s (at the old 2 lines a second it took 28 s) and nobody is
# disconnected for flooding.
seq -f "pasted line %g of 60" 1 60 > "$work/paste.txt"
"${T[@]}" load-buffer -b paste "$work/paste.txt"
started=$(date +%s%N)
"${T[@]}" paste-buffer -p -b paste -t e2e:alice
"${T[@]}" send-keys -t e2e:alice Enter
expect_status alice "queued]"
expect_screen carol "<alice> pasted line 60 of 60"
elapsed_ms=$(( ($(date +%s%N) - started) / 1000000 ))
echo "e2e: the 60-line paste reached carol in $elapsed_ms ms"
(( elapsed_ms >= 1500 )) || fail "the paste arrived in $elapsed_ms ms: faster than the server's 10 lines a second"
(( elapsed_ms <= 10000 )) || fail "the paste took $elapsed_ms ms: slower than the server's pace"
expect_gone alice "queued]"
[[ "$(grep -c "pasted line" "$work/logs-carol/#lobby.log")" == 60 ]] || fail "carol's log does not hold the 60 lines"
echo "e2e: ok: all 60 pasted lines arrived, in carol's log too"

# --- /ignore -----------------------------------------------------------------------------------
type_line alice "/ignore bob"
expect_screen alice "ignoring bob"
"${T[@]}" send-keys -t e2e:bob M-1
expect_input_line bob "#lobby> "
type_line bob "bob talks while ignored"
type_line carol "carol after the ignore"
expect_screen alice "<carol> carol after the ignore"
refuse_screen alice "bob talks while ignored"
grep -qx bob "$work/config-alice/chat/ignore" || fail "the ignore list was not kept in the config directory"
type_line alice "/unignore bob"
expect_screen alice "no longer ignoring bob"
type_line bob "bob heard again"
expect_screen alice "<bob> bob heard again"

# --- CTCP VERSION answered by NOTICE to a raw IRC client ----------------------------------------
exec 5<>"/dev/tcp/127.0.0.1/$port"
printf 'NICK zed\r\nUSER zed 0 * :zed\r\nPRIVMSG alice :\001VERSION\001\r\n' >&5
answer=""
while read -r -t "$WAIT_SECONDS" line <&5; do
    if [[ "$line" == *"NOTICE zed :"$'\001'"VERSION chat client"* ]]; then answer="$line"; break; fi
done
exec 5>&-
[[ -n "$answer" ]] || fail "no CTCP VERSION answer reached the raw client"
echo "e2e: ok: alice answered CTCP VERSION: ${answer//$'\001'/^A}"
refuse_screen alice "4:zed"

# --- the log files -----------------------------------------------------------------------------
grep -qF "<bob> a dev line from bob" "$work/logs-alice/#dev.log" || fail "#dev.log lacks bob's line"
grep -qF "*private* <carol> a private line from carol" "$work/logs-alice/carol.log" || fail "carol.log lacks her line"
grep -qE '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} ' "$work/logs-alice/#dev.log" || fail "log lines carry no date and time"
[[ "$(stat -c %a "$work/logs-alice/#dev.log")" == 600 ]] || fail "the log file is not mode 600"
echo "e2e: ok: one log per conversation, mode 600, with date and time"

# --- an invite-only room and a ban (room modes), run from alice's #dev window --------------------
"${T[@]}" send-keys -t e2e:alice M-2
expect_input_line alice "#dev> "
type_line alice "/mode +i"
expect_screen alice "invite only"
type_line carol "/join #dev"
expect_screen carol "(+i: invite only)"
refuse_screen alice "carol (carol@127.0.0.1) joined #dev"
type_line alice "/invite carol"
expect_screen carol "alice invites you to #dev"
type_line carol "/join #dev"
expect_screen alice "carol (carol@127.0.0.1) joined #dev"
expect_input_line carol "#dev> "
type_line alice "/ban carol"
expect_screen carol "carol!*@*"
type_line carol "may I still speak"
expect_screen carol "not delivered"
refuse_screen alice "may I still speak"
type_line alice "/kick carol spam"
expect_screen carol "was kicked from #dev"
type_line carol "/join #dev"
expect_screen carol "(+b: you are banned)"
echo "e2e: ok: +i kept carol out until invited; the ban silenced her and kept her out after the kick"

# --- the server goes away: one line, a countdown on the status bar, Enter retries ------------------
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
expect_screen alice "connection lost"
# 1 s, then 2 s, then 4 s: by the time the bar counts down from 4 the client has failed twice more.
expect_status alice "reconnecting in 4 s"
lost_lines="$(screen_of alice | grep -cF "connection lost" || true)"
[[ "$lost_lines" == 1 ]] || fail "alice shows $lost_lines 'connection lost' lines, not one updating status"
bash -c "${server_spec//\{port\}/$port}" >> "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 $((WAIT_SECONDS * 5))); do port_is_open "$port" && break; sleep 0.2; done
"${T[@]}" send-keys -t e2e:alice Enter
expect_gone alice "reconnecting in"
"${T[@]}" send-keys -t e2e:alice M-1
type_line alice "back after the restart"
expect_screen bob "<alice> back after the restart"
echo "e2e: ok: one line for the lost connection, the countdown on the status bar, and back"

# --- everyone leaves ---------------------------------------------------------------------------
for who in bob carol alice; do type_line "$who" "88"; done
for who in alice bob carol; do
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        [[ -s "$work/$who.exit" ]] && break
        sleep 0.2
    done
    status="$(cat "$work/$who.exit" 2>/dev/null || echo none)"
    [[ "$status" == 0 ]] || fail "$who did not exit with 0 after 88 (exit code: $status)"
done
echo "e2e: ok: everyone left with exit code 0"
echo "e2e: PASS (windows; server: $server_spec, port $port)"
