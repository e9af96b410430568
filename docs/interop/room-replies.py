#!/usr/bin/env python3
"""Sends the same room-moderation lines to an IRC server from two clients (alice the operator, bob)
and prints what each got back, normalised, so two servers can be diffed: docs/INTEROP.md."""
import re, socket, sys, time

host, port = "127.0.0.1", int(sys.argv[1])

class C:
    def __init__(self, nick):
        self.s = socket.create_connection((host, port)); self.s.settimeout(0.2); self.buf = b""; self.nick = nick
        self.send(f"NICK {nick}"); self.send(f"USER {nick} 0 * :{nick}")
        self.read(2.0)
    def send(self, line): self.s.sendall((line + "\r\n").encode())
    def read(self, wait=0.6):
        end = time.time() + wait; out = []
        while time.time() < end:
            try:
                d = self.s.recv(65536)
                if not d: break
                self.buf += d
            except socket.timeout: pass
        *lines, self.buf = self.buf.split(b"\r\n")
        for l in lines:
            t = l.decode(errors="replace")
            if t.startswith("PING"): self.send("PONG" + t[4:]); continue
            out.append(t)
        return out

def norm(line):
    line = re.sub(r"^@\S+ ", "", line)
    line = re.sub(r"^:[^ !]+ (\d{3}|NOTICE|MODE|KICK|INVITE|JOIN|PART|PRIVMSG|TOPIC) ", lambda m: ":SERVER " + m.group(1) + " " if "!" not in line.split(" ")[0] else m.group(0), line)
    line = re.sub(r"![^ ]*@[^ ]+", "!u@h", line)
    line = re.sub(r"\b1[6-9]\d{8}\b", "TS", line)
    return line

a = C("alice"); b = C("bob")
steps = [
    (a, "JOIN #t"), (a, "MODE #t"), (a, "MODE #t +i"), (b, "JOIN #t"), (a, "INVITE bob #t"), (b, "JOIN #t"),
    (a, "MODE #t +b mallory"), (a, "MODE #t b"), (a, "MODE #t +k key"), (a, "MODE #t +k other"), (a, "MODE #t"),
    (a, "MODE #t +l 1"), (a, "MODE #t +m"), (b, "PRIVMSG #t :hi"), (b, "MODE #t -m"), (b, "TOPIC #t :x"),
    (a, "MODE #t +z"), (a, "MODE #t +o nosuch"), (a, "KICK #t nosuch"), (a, "KICK #t bob :bye"),
    (b, "JOIN #t"), (b, "JOIN #t key"), (a, "MODE #t -l"), (a, "MODE #t +e bob!*@*"), (a, "MODE #t e"),
    (a, "MODE #t +b bob!*@*"), (b, "JOIN #t key"), (a, "MODE #t -e bob!*@*"), (b, "PRIVMSG #t :banned?"), (b, "PART #t"),
    (b, "JOIN #t key"), (a, "MODE #t I"), (b, "KICK #t alice"), (b, "MODE #t +o bob"), (a, "INVITE bob #t"), (a, "INVITE nosuch #t"),
]
for who, line in steps:
    who.send(line)
    ra = a.read(); rb = b.read()
    print(f"## {who.nick}: {line}")
    for l in ra: print("   alice< " + norm(l))
    for l in rb: print("   bob  < " + norm(l))
