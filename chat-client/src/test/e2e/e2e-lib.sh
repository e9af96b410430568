# Helpers shared by the tmux end-to-end scripts (sourced, not run). The caller sets T (the tmux
# command as an array), WAIT_SECONDS and CLIENTS (the window names show_all prints).

port_is_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port from 20000-39999, or the given one.
pick_port() {
    local candidate
    for _ in $(seq 1 50); do
        candidate=$((20000 + RANDOM % 20000))
        if ! port_is_open "$candidate"; then echo "$candidate"; return 0; fi
    done
    return 1
}

# The whole pane, and the pane without the status bar (the client's bottom line, "[12:34] [nick] ...").
screen_of() { "${T[@]}" capture-pane -p -J -t "e2e:$1"; }
body_of() { screen_of "$1" | grep -v '^\[[0-9][0-9]:[0-9][0-9]\] \['; }
status_of() { screen_of "$1" | grep '^\[[0-9][0-9]:[0-9][0-9]\] \[' | tail -n 1; }

show_all() {
    for who in "${CLIENTS[@]}"; do
        echo "----- $who's screen -----"
        screen_of "$who" 2>/dev/null | sed '/^$/d' || true
    done
}

fail() {
    echo "e2e: FAIL: $*"
    show_all
    exit 1
}

# Waits until a window's screen holds the text (fixed string).
expect_screen() {
    local who="$1" text="$2"
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        screen_of "$who" | grep -qF -- "$text" && { echo "e2e: ok: $who sees: $text"; return 0; }
        sleep 0.2
    done
    fail "$who never showed: $text"
}

refuse_screen() {
    local who="$1" text="$2"
    if screen_of "$who" | grep -qF -- "$text"; then fail "$who shows what it must not: $text"; fi
    echo "e2e: ok: $who does not see: $text"
}

# Waits until a window's screen no longer holds the text.
expect_gone() {
    local who="$1" text="$2"
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        screen_of "$who" | grep -qF -- "$text" || { echo "e2e: ok: $who no longer shows: $text"; return 0; }
        sleep 0.2
    done
    fail "$who still shows: $text"
}

# Waits until a window's status bar holds the text.
expect_status() {
    local who="$1" text="$2"
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        status_of "$who" | grep -qF -- "$text" && { echo "e2e: ok: $who's status bar shows: $text"; return 0; }
        sleep 0.2
    done
    fail "$who's status bar never showed '$text' (it is '$(status_of "$who")')"
}

type_line() { "${T[@]}" send-keys -t "e2e:$1" -l -- "$2"; "${T[@]}" send-keys -t "e2e:$1" Enter; }

# The last non-empty line above the status bar, without trailing blanks: where the prompt and the
# line being typed are.
input_line() { body_of "$1" | sed 's/[[:space:]]*$//; /^$/d' | tail -n 1; }

# Waits until a window's input line (prompt plus typed text) is this (trailing blanks aside).
expect_input_line() {
    local who="$1" wanted="$2"
    local trimmed="${wanted%"${wanted##*[![:space:]]}"}"
    for _ in $(seq 1 $((WAIT_SECONDS * 5))); do
        [[ "$(input_line "$who")" == "$trimmed" ]] && { echo "e2e: ok: $who's input line is: $wanted"; return 0; }
        sleep 0.2
    done
    fail "$who's input line never became '$wanted' (it is '$(input_line "$who")')"
}
