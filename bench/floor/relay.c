/*
 * The floor: a minimal IRC relay used to measure what the kernel and `chat bench` cost on their
 * own on this machine. It is NOT a chat server and must not be used as one.
 *
 * Why it exists: in workload 3 of docs/BENCHMARKS.md (1,000 clients in rooms of 10, 5 messages/s
 * each) every delivery is one write() on its own loopback TCP socket, and on this VM that
 * write, with the receiver's side of TCP that the kernel runs in the writer's context, is most
 * of a server's CPU. This program does the least work any single-threaded server can do per
 * delivery: one epoll loop, one read() per readable socket, the relayed line memcpy'd into each
 * recipient's buffer, and one write() per recipient per loop turn (a recipient's lines of one
 * turn coalesced, as a real server does) just before the next epoll_wait. No logging, no
 * allocation per message, no locks. Whatever latency the bench measures against it is the floor
 * that no single-threaded server with the same socket I/O can go below on this machine.
 *
 * What it leaves out (the bench does not need it): nick collision checks, modes, PART, nick
 * changes, QUIT notices to others, flood control; a client may be in one room only (a second
 * JOIN gets 405). Room names are compared byte for byte. It never drops or reorders output:
 * if a client's output buffer would overflow it exits with an error instead.
 *
 * Level-triggered epoll on purpose: edge-triggered would need one more read() per event (to
 * see EAGAIN); level-triggered costs one read() per readable socket per turn and nothing else.
 *
 * Build and run: gcc -O2 -o relay relay.c && ./relay PORT      (listens on 127.0.0.1 only)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_LINE 512              /* RFC 1459: a line is at most 512 bytes, CR LF included */
#define OUT_CAP (256 * 1024)      /* queued bytes per client before the relay gives up (exits) */
#define MAX_ROOMS 16384           /* open-addressing table size, a power of two */
#define NAME_LEN 50
#define MAX_EVENTS 1024
#define SERVER ":floor"

struct client {
    int open, registered, has_user, dirty, want_out;
    int room, slot;               /* room index and position among its members; room -1: none */
    char nick[NAME_LEN + 1];
    char carry[MAX_LINE];         /* a partial line left from the previous read */
    int carry_len;
    char *out;                    /* queued output [out_off, out_len), allocated on first use */
    int out_off, out_len;
};

struct room {
    char name[NAME_LEN + 1];      /* "" marks a free slot */
    int *members, count, cap;
};

static struct client *clients;    /* indexed by file descriptor */
static int max_fds;
static struct room rooms[MAX_ROOMS];
static int room_count;
static int epfd;
static int *dirty, dirty_count;   /* clients with output queued this turn, flushed before epoll_wait */
static char rbuf[MAX_LINE + 64 * 1024];

static void die(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("relay: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static void want_output(int fd, int on) {
    struct epoll_event ev = {.events = EPOLLIN | (on ? EPOLLOUT : 0), .data.fd = fd};
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &ev) < 0) die("epoll_ctl: %s", strerror(errno));
    clients[fd].want_out = on;
}

/* Appends to a client's output; the write happens once per turn, in flush_dirty(). */
static void queue(int fd, const char *data, int len) {
    struct client *c = &clients[fd];
    if (c->out == NULL && (c->out = malloc(OUT_CAP)) == NULL) die("out of memory");
    if (c->out_len + len > OUT_CAP) {
        memmove(c->out, c->out + c->out_off, c->out_len - c->out_off);
        c->out_len -= c->out_off;
        c->out_off = 0;
        if (c->out_len + len > OUT_CAP)
            die("output buffer of %s (fd %d) full with %d bytes; exiting rather than drop a line",
                c->nick, fd, c->out_len);
    }
    memcpy(c->out + c->out_len, data, len);
    c->out_len += len;
    if (!c->dirty && !c->want_out) {  /* a client waiting for EPOLLOUT is flushed by that event */
        c->dirty = 1;
        dirty[dirty_count++] = fd;
    }
}

static void reply(int fd, const char *fmt, ...) {
    char line[MAX_LINE * 2];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    queue(fd, line, len < (int)sizeof line ? len : (int)sizeof line - 1);
}

static void close_client(int fd) {
    struct client *c = &clients[fd];
    if (c->room >= 0) {           /* swap-remove from the room; member order does not matter */
        struct room *r = &rooms[c->room];
        int last = r->members[--r->count];
        r->members[c->slot] = last;
        clients[last].slot = c->slot;
    }
    if (c->dirty) {               /* rare (a client closed in the turn it got output) */
        for (int i = 0; i < dirty_count; i++)
            if (dirty[i] == fd) { dirty[i] = dirty[--dirty_count]; break; }
    }
    free(c->out);
    close(fd);                    /* also removes it from the epoll set */
    memset(c, 0, sizeof *c);
    c->room = -1;
}

/* Writes what is queued; a partial write means the socket is full, so wait for EPOLLOUT. */
static void flush(int fd) {
    struct client *c = &clients[fd];
    int left = c->out_len - c->out_off;
    ssize_t n = left > 0 ? write(fd, c->out + c->out_off, left) : 0;
    if (n < 0 && errno != EAGAIN && errno != EINTR) { close_client(fd); return; }
    if (n > 0) c->out_off += n;
    if (c->out_off == c->out_len) {
        c->out_off = c->out_len = 0;
        if (c->want_out) want_output(fd, 0);
    } else if (!c->want_out) {
        want_output(fd, 1);
    }
}

static void flush_dirty(void) {
    for (int i = 0; i < dirty_count; i++) {
        clients[dirty[i]].dirty = 0;
        flush(dirty[i]);
    }
    dirty_count = 0;
}

static int find_room(const char *name) {
    uint32_t h = 2166136261u;     /* FNV-1a */
    for (const char *p = name; *p; p++) h = (h ^ (unsigned char)*p) * 16777619u;
    for (uint32_t i = h & (MAX_ROOMS - 1);; i = (i + 1) & (MAX_ROOMS - 1)) {
        if (strcmp(rooms[i].name, name) == 0) return i;
        if (rooms[i].name[0] == '\0') {
            if (++room_count >= MAX_ROOMS / 2) die("more than %d rooms", MAX_ROOMS / 2);
            strcpy(rooms[i].name, name);
            return i;
        }
    }
}

static void join(int fd, const char *name) {
    struct client *c = &clients[fd];
    if (name[0] != '#' || strlen(name) > NAME_LEN) { reply(fd, SERVER " 403 %s %s :No such channel\r\n", c->nick, name); return; }
    int ri = find_room(name);
    if (c->room == ri) return;
    if (c->room >= 0) { reply(fd, SERVER " 405 %s %s :One room per client here\r\n", c->nick, name); return; }
    struct room *r = &rooms[ri];
    if (r->count == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        if ((r->members = realloc(r->members, r->cap * sizeof *r->members)) == NULL) die("out of memory");
    }
    c->room = ri;
    c->slot = r->count;
    r->members[r->count++] = fd;
    char line[MAX_LINE];
    int len = snprintf(line, sizeof line, ":%s!u@h JOIN %s\r\n", c->nick, name);
    for (int i = 0; i < r->count; i++) queue(r->members[i], line, len);
    /* NAMES, split into lines that stay under the 512-byte limit, then its end. */
    int head = snprintf(line, sizeof line, SERVER " 353 %s = %s :", c->nick, name);
    len = head;
    for (int i = 0; i < r->count; i++) {
        const char *nick = clients[r->members[i]].nick;
        int n = strlen(nick);
        if (len + n + 3 > MAX_LINE) { memcpy(line + len - 1, "\r\n", 2); queue(fd, line, len + 1); len = head; }
        memcpy(line + len, nick, n);
        len += n;
        line[len++] = ' ';
    }
    memcpy(line + len - 1, "\r\n", 2);
    queue(fd, line, len + 1);
    reply(fd, SERVER " 366 %s %s :End of NAMES list\r\n", c->nick, name);
}

/* The one per-message cost: the line is built once, then copied to every other member. */
static void privmsg(int fd, const char *target, const char *text) {
    struct client *c = &clients[fd];
    if (c->room < 0 || strcmp(rooms[c->room].name, target) != 0) {
        reply(fd, SERVER " 404 %s %s :Cannot send to channel\r\n", c->nick, target);
        return;
    }
    char line[MAX_LINE * 2];
    int len = snprintf(line, sizeof line, ":%s!u@h PRIVMSG %s :%s\r\n", c->nick, target, text);
    if (len >= (int)sizeof line) die("line from %s too long", c->nick);
    struct room *r = &rooms[c->room];
    for (int i = 0; i < r->count; i++)
        if (r->members[i] != fd) queue(r->members[i], line, len);
}

/* Splits "CMD a b :rest" in place into argv (command first); returns the count. */
static int split(char *s, char **argv, int max) {
    int n = 0;
    if (*s == ':') { s = strchr(s, ' '); if (s == NULL) return 0; }  /* a prefix from a client is ignored */
    while (n < max) {
        while (*s == ' ') s++;
        if (*s == '\0') break;
        if (*s == ':' && n > 0) { argv[n++] = s + 1; break; }
        argv[n++] = s;
        s = strchr(s, ' ');
        if (s == NULL) break;
        *s++ = '\0';
    }
    return n;
}

static void handle_line(int fd, char *line) {
    struct client *c = &clients[fd];
    char *argv[16];
    int argc = split(line, argv, 16);
    if (argc == 0) return;
    const char *cmd = argv[0];
    if (strcasecmp(cmd, "PRIVMSG") == 0 && c->registered && argc >= 3) {
        privmsg(fd, argv[1], argv[2]);
    } else if (strcasecmp(cmd, "PING") == 0) {
        reply(fd, SERVER " PONG floor :%s\r\n", argc > 1 ? argv[1] : "");
    } else if (strcasecmp(cmd, "PONG") == 0) {
        /* nothing to do */
    } else if (strcasecmp(cmd, "QUIT") == 0) {
        close_client(fd);
    } else if (strcasecmp(cmd, "NICK") == 0 && argc >= 2 && !c->registered) {
        snprintf(c->nick, sizeof c->nick, "%s", argv[1]);
    } else if (strcasecmp(cmd, "USER") == 0 && argc >= 5 && !c->registered) {
        c->has_user = 1;
    } else if (strcasecmp(cmd, "JOIN") == 0 && c->registered && argc >= 2) {
        join(fd, argv[1]);
    } else {
        reply(fd, SERVER " 421 %s %s :Not supported by the floor relay\r\n", c->nick[0] ? c->nick : "*", cmd);
    }
    if (c->open && !c->registered && c->nick[0] && c->has_user) {
        c->registered = 1;
        reply(fd, SERVER " 001 %s :Welcome to the floor relay %s!u@h\r\n", c->nick, c->nick);
    }
}

/* One read() per readable socket per turn; whole lines are handled, a partial one is kept. */
static void on_readable(int fd) {
    struct client *c = &clients[fd];
    memcpy(rbuf, c->carry, c->carry_len);
    ssize_t n = read(fd, rbuf + c->carry_len, sizeof rbuf - c->carry_len);
    if (n < 0 && (errno == EAGAIN || errno == EINTR)) return;
    if (n <= 0) { close_client(fd); return; }
    int end = c->carry_len + n, start = 0;
    char *nl;
    while ((nl = memchr(rbuf + start, '\n', end - start)) != NULL) {
        int stop = nl - rbuf;
        rbuf[stop > start && rbuf[stop - 1] == '\r' ? stop - 1 : stop] = '\0';
        handle_line(fd, rbuf + start);
        if (!c->open) return;
        start = stop + 1;
    }
    if (end - start >= MAX_LINE) die("%s sent a line longer than %d bytes", c->nick, MAX_LINE);
    memcpy(c->carry, rbuf + start, end - start);
    c->carry_len = end - start;
}

static void accept_all(int lfd) {
    for (;;) {
        int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK);
        if (fd < 0) {
            if (errno == EAGAIN || errno == ECONNABORTED || errno == EINTR) return;
            die("accept: %s", strerror(errno));
        }
        if (fd >= max_fds) die("descriptor %d over the limit %d", fd, max_fds);
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = fd};
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &ev) < 0) die("epoll_ctl: %s", strerror(errno));
        memset(&clients[fd], 0, sizeof clients[fd]);
        clients[fd].open = 1;
        clients[fd].room = -1;
    }
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: relay PORT\n"); return 2; }
    signal(SIGPIPE, SIG_IGN);
    struct rlimit lim;
    getrlimit(RLIMIT_NOFILE, &lim);
    lim.rlim_cur = lim.rlim_max;
    setrlimit(RLIMIT_NOFILE, &lim);
    max_fds = lim.rlim_cur > 1000000 ? 1000000 : (int)lim.rlim_cur;
    clients = calloc(max_fds, sizeof *clients);
    dirty = calloc(max_fds, sizeof *dirty);
    if (clients == NULL || dirty == NULL) die("out of memory");

    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), one = 1;
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])),
                               .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(lfd, 4096) < 0)
        die("cannot listen on 127.0.0.1:%s: %s", argv[1], strerror(errno));
    if ((epfd = epoll_create1(0)) < 0) die("epoll_create1: %s", strerror(errno));
    struct epoll_event ev = {.events = EPOLLIN, .data.fd = lfd}, events[MAX_EVENTS];
    epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &ev);
    fprintf(stderr, "relay: listening on 127.0.0.1:%s (descriptors up to %d)\n", argv[1], max_fds);

    for (;;) {
        flush_dirty();
        int n = epoll_wait(epfd, events, MAX_EVENTS, -1);
        if (n < 0 && errno != EINTR) die("epoll_wait: %s", strerror(errno));
        for (int i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == lfd) { accept_all(lfd); continue; }
            if (!clients[fd].open) continue;  /* closed earlier in this turn */
            if (events[i].events & EPOLLOUT) flush(fd);
            if (clients[fd].open && (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))) on_readable(fd);
        }
    }
}
