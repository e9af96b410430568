#!/usr/bin/env python3
"""Start-up times of issue 5: server start to listening, client start to prompt.

    bench/startup.py                 # 8 of each on ports 6790/6791
    bench/startup.py --runs 5 --port 7000

Server: launches `./chat server --port P` and tries connect() every 2 ms until the port accepts;
the time from launch to the first accepted connection, launcher included, then SIGTERM.

Client: starts a server of its own on P+1, opens a tmux pane, types `./chat client --port P+1
--nick tN` with `tmux send-keys` and reads the pane with `tmux capture-pane` every 10 ms until the
joined prompt (`#lobby>`) shows, i.e. until the client is connected, registered and in its room.
Then it types 88. The first client run after a rebuild also writes the class-data archive
(see the launcher), so it is reported apart. Needs tmux.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CHAT = os.path.join(ROOT, "chat")
PROMPT = "#lobby>"


def start_server(port):
    return subprocess.Popen([CHAT, "server", "--port", str(port)], cwd=ROOT,
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=10)


def wait_listening(port, timeout_s=30):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.002)
    raise SystemExit(f"startup: nothing listens on port {port} after {timeout_s} s")


def server_start(port):
    begin = time.monotonic()
    server = start_server(port)
    try:
        wait_listening(port)
        return time.monotonic() - begin
    finally:
        stop(server)


def tmux(*args):
    return subprocess.run(["tmux", *args], check=True, capture_output=True, text=True).stdout


def client_start(port, nick, session):
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "30", "bash --norc")
    try:
        time.sleep(0.5)  # let the shell draw its prompt first
        begin = time.monotonic()
        tmux("send-keys", "-t", session, f"cd {ROOT} && ./chat client --port {port} --nick {nick}", "Enter")
        deadline = begin + 30
        while not any(line.startswith(PROMPT) for line in tmux("capture-pane", "-p", "-t", session).splitlines()):
            if time.monotonic() > deadline:
                raise SystemExit("startup: no prompt after 30 s:\n" + tmux("capture-pane", "-p", "-t", session))
            time.sleep(0.01)
        elapsed = time.monotonic() - begin
        tmux("send-keys", "-t", session, "88", "Enter")
        time.sleep(0.7)  # the client leaves and writes its archive, if it is the first run
        return elapsed
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def summary(name, times):
    shown = ", ".join(f"{t:.3f}" for t in times)
    return f"{name}: median {statistics.median(times):.3f} s (min {min(times):.3f}, max {max(times):.3f}; {shown})"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--port", type=int, default=6790, help="server runs on PORT, the clients' server on PORT+1")
    options = parser.parse_args()

    subprocess.run([CHAT, "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    print(summary("server start to listening", [server_start(options.port) for _ in range(options.runs)]))

    if shutil.which("tmux") is None:
        sys.exit("startup: client start to prompt needs tmux")
    server = start_server(options.port + 1)
    try:
        wait_listening(options.port + 1)
        archive = os.path.join(ROOT, "chat-client", "target", "chat-client.jsa")
        if not os.path.exists(archive):
            first = client_start(options.port + 1, "startup0", "startup-bench")
            print(f"client start to prompt, first run (writes the class-data archive): {first:.3f} s")
        times = [client_start(options.port + 1, f"startup{i + 1}", "startup-bench") for i in range(options.runs)]
        print(summary("client start to prompt", times))
    finally:
        stop(server)


if __name__ == "__main__":
    main()
