#!/usr/bin/env python3
"""The two attacks of the hardening issue, against a server jar, for before/after figures.

  bench/sendq-attack.py rooms JAR [--xmx 256m] [--rooms 20000] [--nc 600] [--seconds 20]
      four connections create ROOMS rooms; NC plain-text users each send /rooms and never read.
  bench/sendq-attack.py burst JAR
      100 clones each send 40 lines of ~450 bytes to one reader, who reads as fast as it can.

Prints one summary: whether the server survived (exit status), its peak RSS, the largest
"bytes queued" its console /stats reported, and a bystander's PING round trip (p50/max) while the
attack ran. Port 6741. The server runs as the launcher starts it (serial GC, C1, ExitOnOOM).
"""
import argparse, os, re, select, socket, subprocess, sys, threading, time

PORT = 6741


def connect(rcvbuf=None):
    s = socket.socket()
    if rcvbuf:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    s.connect(("127.0.0.1", PORT))
    return s


def read_until(s, token, timeout=60):
    s.settimeout(timeout)
    data = b""
    while token not in data:
        chunk = s.recv(65536)
        if not chunk:
            raise EOFError("closed while waiting for %r" % token)
        data += chunk
    return data


def register(nick):
    s = connect()
    s.sendall(("NICK %s\r\nUSER %s 0 * :%s\r\n" % (nick, nick, nick)).encode())
    read_until(s, b"\r\n:", 30)  # the greeting; the PONG below proves registration went through
    s.sendall(b"PING reg\r\n")
    read_until(s, b"PONG", 30)
    return s


class Server:
    def __init__(self, jar, xmx, extra):
        opts = ["-XX:+UseSerialGC", "-Xms32m", "-Xmx" + xmx, "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"]
        # The attack comes from one address: lift the per-address limits (by environment, which a
        # server from before them ignores) so that what is measured is the output budget.
        env = dict(os.environ, CHAT_MAX_PER_IP="0", CHAT_CONNECTS_PER_MINUTE="0", CHAT_NO_HISTORY="true")
        self.p = subprocess.Popen(["java"] + opts + ["-jar", jar, "--port", str(PORT), "--max-clients", "20000"] + extra,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
        self.lines = []
        threading.Thread(target=self._pump, daemon=True).start()
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", PORT)).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("server did not start")

    def _pump(self):
        for raw in self.p.stdout:
            self.lines.append(raw.decode(errors="replace").rstrip())

    def queued(self):
        if self.p.poll() is not None:
            return None
        n = len(self.lines)
        try:
            self.p.stdin.write(b"/stats\n"); self.p.stdin.flush()
        except OSError:
            return None
        deadline = time.time() + 2
        while time.time() < deadline:
            for line in self.lines[n:]:
                m = re.search(r"bytes queued (\d+)", line)
                if m:
                    return int(m.group(1))
            time.sleep(0.01)
        return None

    def rss_kb(self):
        try:
            with open("/proc/%d/status" % self.p.pid) as f:
                return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))
        except (OSError, AttributeError):
            return 0

    def stop(self):
        if self.p.poll() is None:
            self.p.kill()
        self.p.wait()
        return self.p.returncode


class Bystander(threading.Thread):
    """Pings every 50 ms; records round trips; notes when the server stops answering."""
    def __init__(self):
        super().__init__(daemon=True)
        self.s = register("bystander")
        self.rtts, self.failed, self.stop = [], None, False

    def run(self):
        i = 0
        while not self.stop:
            i += 1
            t = time.time()
            try:
                self.s.sendall(b"PING b%d\r\n" % i)
                read_until(self.s, b"b%d\r\n" % i, 10)
            except (OSError, EOFError) as e:
                self.failed = repr(e)
                return
            self.rtts.append((time.time() - t) * 1000)
            time.sleep(0.05)

    def summary(self):
        r = sorted(self.rtts) or [0]
        return "bystander PING p50 %.1f ms, max %.1f ms, %d pings%s" % (
            r[len(r) // 2], r[-1], len(self.rtts), ", FAILED: " + self.failed if self.failed else "")


def rooms(args, server):
    # 20 rooms per creator: the most a user may join since CHANLIMIT (the attack now needs
    # rooms/20 connections, which the per-address limit refuses unless lifted as below).
    creators = []
    for c in range(0, args.rooms, 20):
        s = register("creator%d" % (c // 20))
        s.sendall(("JOIN " + ",".join("#c%05d" % j for j in range(c, min(args.rooms, c + 20))) + "\r\nPING j\r\n").encode())
        read_until(s, b"j\r\n", 60)
        creators.append(s)
    by = Bystander(); by.start()
    attackers = []
    for i in range(args.nc):
        try:
            s = connect(2048)
            s.sendall(b"nc%d\r\n/rooms\r\n" % i)
            attackers.append(s)
        except OSError:
            break
    peak_q, peak_rss, t0 = 0, 0, time.time()
    while time.time() - t0 < args.seconds and server.p.poll() is None:
        q = server.queued()
        peak_q = max(peak_q, q or 0)
        peak_rss = max(peak_rss, server.rss_kb())
        time.sleep(0.2)
    by.stop = True
    alive = server.p.poll() is None
    print("rooms %d, nc %d: server %s; peak RSS %d MB; max bytes queued %d; %s" % (
        args.rooms, len(attackers), "alive" if alive else "EXITED (status %s)" % server.p.returncode,
        peak_rss // 1024, peak_q, by.summary()))
    for s in attackers:
        s.close()


def burst(args, server):
    reader = register("reader")
    clones = [register("clone%d" % i) for i in range(100)]
    by = Bystander(); by.start()
    pad = "x" * 400
    for i, s in enumerate(clones):
        s.sendall("".join("PRIVMSG reader :seq %d clone%d %s\r\n" % (n, i, pad) for n in range(40)).encode())
    got, dropped, buf = 0, None, b""
    reader.settimeout(15)
    try:
        while got < 4000:
            chunk = reader.recv(65536)
            if not chunk:
                dropped = dropped or "closed"
                break
            buf += chunk
            *lines, buf = buf.split(b"\r\n")
            for line in lines:
                if b" PRIVMSG reader :seq " in line:
                    got += 1
                elif line.startswith(b"ERROR"):
                    dropped = line.decode()
    except socket.timeout:
        dropped = dropped or "timeout"
    by.stop = True
    print("burst 100 x 40 x ~450 B: reader got %d of 4000%s; %s" % (
        got, ", DROPPED: " + dropped if dropped else ", not dropped", by.summary()))


def main():
    a = argparse.ArgumentParser()
    a.add_argument("scenario", choices=["rooms", "burst"])
    a.add_argument("jar")
    a.add_argument("--xmx", default="256m")
    a.add_argument("--rooms", type=int, default=20000)
    a.add_argument("--nc", type=int, default=600)
    a.add_argument("--seconds", type=float, default=20)
    a.add_argument("--server-args", default="--flood-rate 0", help="extra server options (room creation is faster without flood control)")
    args = a.parse_args()
    server = Server(args.jar, args.xmx, args.server_args.split() if args.scenario == "rooms" else [])
    try:
        (rooms if args.scenario == "rooms" else burst)(args, server)
    except (OSError, EOFError) as e:
        print("attack script failed: %r; server's last lines: %s" % (e, " | ".join(server.lines[-3:])))
    finally:
        status = server.stop()
        oom = [l for l in server.lines if "OutOfMemory" in l or "Terminating due to" in l]
        if oom:
            print("server said: " + " | ".join(oom[:2]))


if __name__ == "__main__":
    main()
