/*
 * What one small write() on loopback TCP costs the writer on this machine, the unit of work of
 * workload 3 (docs/BENCHMARKS.md, "The floor"). One writer process sends SIZE-byte writes to
 * SOCKETS connections in bursts of BURST writes (each to a different socket, like one room
 * message relayed to BURST members), then sleeps until the next burst is due (PERIOD_US after
 * the previous one; 0 = no pause). A reader process reads them all with epoll, like the bench.
 * Printed: the writer's CPU time and wall time per write() inside the bursts, and the reader's
 * CPU per read(). On loopback the kernel runs the receiving side of TCP (and the wakeup of the
 * reader) inside the writer's write() call, so the writer pays for both ends.
 *
 *   gcc -O2 -o writecost writecost.c && ./writecost 1000 9 200 100 450000
 *   (1000 sockets, bursts of 9, one burst per 200 us = 45,000 writes/s, 100 bytes, 450,000 writes)
 */
#define _GNU_SOURCE
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void reader(int *fds, int n, long total_bytes) {
    int ep = epoll_create1(0);
    for (int i = 0; i < n; i++) {
        struct epoll_event ev = {.events = EPOLLIN, .data.fd = fds[i]};
        epoll_ctl(ep, EPOLL_CTL_ADD, fds[i], &ev);
    }
    static char buf[65536];
    struct epoll_event events[1024];
    long got = 0, reads = 0, waits = 0;
    while (got < total_bytes) {
        int k = epoll_wait(ep, events, 1024, -1);
        waits++;
        for (int i = 0; i < k; i++) {
            ssize_t r = read(events[i].data.fd, buf, sizeof buf);
            if (r <= 0) { perror("read"); exit(1); }
            got += r;
            reads++;
        }
    }
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double user = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6, sys = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    printf("reader: %ld reads in %ld epoll_waits, CPU %.2f us per read (user %.2f, sys %.2f)\n",
           reads, waits, (user + sys) * 1e6 / reads, user * 1e6 / reads, sys * 1e6 / reads);
}

int main(int argc, char **argv) {
    if (argc != 6) { fprintf(stderr, "usage: writecost SOCKETS BURST PERIOD_US SIZE WRITES\n"); return 2; }
    int n = atoi(argv[1]), burst = atoi(argv[2]), size = atoi(argv[4]);
    long period_ns = atol(argv[3]) * 1000L, writes = atol(argv[5]);
    int lfd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (bind(lfd, (struct sockaddr *)&addr, sizeof addr) || listen(lfd, 4096) || getsockname(lfd, (struct sockaddr *)&addr, &len)) {
        perror("listen");
        return 1;
    }
    int *out = calloc(n, sizeof *out), *in = calloc(n, sizeof *in);
    for (int i = 0; i < n; i++) {
        out[i] = socket(AF_INET, SOCK_STREAM, 0);
        if (connect(out[i], (struct sockaddr *)&addr, sizeof addr)) { perror("connect"); return 1; }
        setsockopt(out[i], IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        in[i] = accept(lfd, NULL, NULL);
    }
    pid_t child = fork();
    if (child == 0) { reader(in, n, writes * size); return 0; }

    char *line = malloc(size);
    for (int i = 0; i < size; i++) line[i] = 'x';
    line[size - 1] = '\n';
    usleep(200000);               /* let the reader reach epoll_wait */
    double cpu = 0, wall = 0;
    struct timespec due;
    clock_gettime(CLOCK_MONOTONIC, &due);
    int next = 0;
    for (long done = 0; done < writes;) {
        double c0 = now_s(CLOCK_THREAD_CPUTIME_ID), w0 = now_s(CLOCK_MONOTONIC);
        for (int b = 0; b < burst && done < writes; b++, done++) {
            if (write(out[next], line, size) != size) { perror("write"); return 1; }
            next = (next + 1) % n;
        }
        wall += now_s(CLOCK_MONOTONIC) - w0;
        cpu += now_s(CLOCK_THREAD_CPUTIME_ID) - c0;
        if (period_ns > 0) {
            due.tv_nsec += period_ns;
            while (due.tv_nsec >= 1000000000L) { due.tv_nsec -= 1000000000L; due.tv_sec++; }
            clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
        }
    }
    printf("writer: %ld writes of %d B to %d sockets, bursts of %d every %ld us: "
           "%.2f us CPU and %.2f us wall per write()\n",
           writes, size, n, burst, period_ns / 1000, cpu * 1e6 / writes, wall * 1e6 / writes);
    fflush(stdout);
    waitpid(child, NULL, 0);
    return 0;
}
