#!/usr/bin/env python3
"""Prints the comparison table of bench/compare.sh: medians per workload and server, and the
ratio ours/theirs. Reads every <server>-w<N>-<name>-<rep>.json in the directory given. Runs of
the floor relay (bench/floor.sh) get a column of their own, after the ratio."""
import glob
import json
import os
import statistics
import sys

WORKLOADS = {
    "1": ("fanout 10x20x500", ["deliveries_per_s", "p50_ms", "p99_ms", "p999_ms", "faults", "server_cpu_s", "bench_cpu_pct", "failed_runs"]),
    "2": ("bigroom 1x200x100", ["deliveries_per_s", "p50_ms", "p99_ms", "p999_ms", "faults", "server_cpu_s", "bench_cpu_pct", "failed_runs"]),
    "3": ("latency 100x10 @5/s", ["deliveries_per_s", "p50_ms", "p99_ms", "p999_ms", "max_ms", "faults", "server_cpu_s", "bench_cpu_pct", "failed_runs"]),
    "4": ("idle 10000 in 1000", ["connect_s", "rss_bytes_per_client", "rss_joined_kib", "failed_runs"]),
}


def metric(run, name):
    server = run.get("server") or {}
    if name == "p50_ms":
        return run["latency_p50_us"] / 1000
    if name == "p99_ms":
        return run["latency_p99_us"] / 1000
    if name == "p999_ms":
        return run["latency_p999_us"] / 1000
    if name == "max_ms":
        return run["latency_max_us"] / 1000
    if name == "faults":  # lost + duplicated + reordered + misrouted: should be 0
        return run["lost"] + run["duplicated"] + run["reordered"] + run["misrouted"]
    if name == "failed_runs":
        return 0 if run["ok"] else 1
    if name == "server_cpu_s":
        return server.get("traffic_cpu_s")
    if name == "bench_cpu_pct":
        return 100 * run["bench_thread_cpu_s"] / run["traffic_s"] if run["traffic_s"] else None
    if name in ("rss_bytes_per_client", "rss_joined_kib"):
        return server.get(name)
    return run[name]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarise(runs, name):
    """Faults and failed runs are summed over all runs (one lost message anywhere must show);
    everything else is the median over the runs that completed."""
    if not runs:
        return None
    if name in ("faults", "failed_runs"):
        return sum(metric(r, name) for r in runs)
    return median([metric(r, name) for r in runs if r["ok"]])


def fmt(value):
    if value is None:
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def main(directory):
    runs = {}
    for path in sorted(glob.glob(os.path.join(directory, "*-w*-*.json"))):
        server, workload = os.path.basename(path).split("-")[:2]
        try:
            with open(path) as f:
                run = json.load(f)
        except (ValueError, OSError):
            print(f"table: {path} holds no result (the bench failed to start?)", file=sys.stderr)
            continue
        runs.setdefault((workload[1:], server), []).append(run)
        if not run["ok"]:
            print(f"table: {os.path.basename(path)} failed: {run['failure']}", file=sys.stderr)
    with_floor = any(server == "floor" for _, server in runs)
    try:
        with open(os.path.join(directory, "set.txt")) as f:
            print(f"bench options replaced in every workload (--set): {f.read().strip()}")
    except OSError:
        pass
    header = f"{'workload':<22} {'metric':<22} {'ours':>12} {'theirs':>12} {'ours/theirs':>12}"
    header += f" {'floor':>12} {'runs':>8}" if with_floor else f" {'runs':>6}"
    print(header)
    print("-" * len(header))
    for workload, (title, metrics) in WORKLOADS.items():
        ours, theirs = runs.get((workload, "ours"), []), runs.get((workload, "theirs"), [])
        floor = runs.get((workload, "floor"), [])
        if not ours and not theirs and not floor:
            continue
        for name in metrics:
            # Faults and failed runs are summed: one lost message in any run must show.
            o, t = summarise(ours, name), summarise(theirs, name)
            ratio = fmt(o / t) if o is not None and t else "-"
            line = f"{title:<22} {name:<22} {fmt(o):>12} {fmt(t):>12} {ratio:>12}"
            if with_floor:
                line += f" {fmt(summarise(floor, name)):>12} {len(ours)}/{len(theirs)}/{len(floor):<4}"
            else:
                line += f" {len(ours)}/{len(theirs):<4}"
            print(line)
            title = ""


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
