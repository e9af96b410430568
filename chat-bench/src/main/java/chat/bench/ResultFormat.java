package chat.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link BenchResult} as the one-line summary people read and as JSON for scripts. */
public final class ResultFormat {
    private ResultFormat() {
    }

    public static String summary(BenchResult r) {
        BenchOptions o = r.options();
        StringBuilder line = new StringBuilder(256);
        line.append(String.format(Locale.ROOT, "bench %s:%s  %d clients in %d rooms  joined %d in %.2f s",
                o.host(), portList(o), o.clients(), o.rooms(), r.joined(), r.connectSeconds()));
        if (!o.idleOnly()) {
            line.append(String.format(Locale.ROOT,
                    "  sent %d  delivered %d/%d  lost %d dup %d reord %d misrouted %d  %.0f deliveries/s"
                            + "  latency p50 %s p99 %s p99.9 %s max %s  bench cpu %.2f s loop thread (%.0f%% of %.2f s), %.2f s process",
                    r.sent(), r.received(), r.expected(), r.lost(), r.duplicated(), r.reordered(), r.misrouted(),
                    r.deliveriesPerSecond(), micros(r.latencyP50Micros()), micros(r.latencyP99Micros()),
                    micros(r.latencyP999Micros()), micros(r.latencyMaxMicros()), r.benchThreadCpuSeconds(),
                    percent(r.benchThreadCpuSeconds(), r.trafficSeconds()), r.trafficSeconds(),
                    r.benchProcessCpuSeconds()));
            if (r.crossNode() != null) {
                BenchResult.CrossNode c = r.crossNode();
                line.append(String.format(Locale.ROOT, "  cross-node (%d nodes) %d deliveries p50 %s p99 %s p99.9 %s max %s",
                        c.nodes(), c.latencyCount(), micros(c.latencyP50Micros()), micros(c.latencyP99Micros()),
                        micros(c.latencyP999Micros()), micros(c.latencyMaxMicros())));
            }
            if (o.echoes()) {
                line.append("  echoed ").append(r.echoed());
            }
        }
        if (r.server() != null) {
            BenchResult.ServerUsage s = r.server();
            line.append(String.format(Locale.ROOT, "  server rss %d->%d KiB (%.0f B/client)  server cpu connect %.2f s traffic %.2f s",
                    s.rssBeforeKiB(), s.rssJoinedKiB(), s.rssBytesPerClient(o.clients()),
                    s.connectCpuSeconds(), s.trafficCpuSeconds()));
        }
        if (r.failure() != null) {
            line.append("  FAILED: ").append(r.failure());
        }
        return line.toString();
    }

    public static String json(BenchResult r) {
        BenchOptions o = r.options();
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("host", o.host());
        options.put("port", o.port());
        options.put("rooms", o.rooms());
        options.put("clients", o.clients());
        options.put("messages", o.messagesPerClient());
        options.put("rate", o.ratePerClient());
        options.put("window", o.window());
        options.put("size", o.sizeBytes());
        options.put("warmup_s", o.warmupSeconds());
        options.put("duration_s", o.durationSeconds());
        options.put("caps", o.capabilities());
        options.put("ports", portList(o));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("options", options);
        root.put("ok", r.failure() == null);
        root.put("clean", r.clean());
        root.put("failure", r.failure());
        root.put("joined", r.joined());
        root.put("connect_s", r.connectSeconds());
        root.put("sent", r.sent());
        root.put("expected", r.expected());
        root.put("received", r.received());
        root.put("lost", r.lost());
        root.put("duplicated", r.duplicated());
        root.put("reordered", r.reordered());
        root.put("misrouted", r.misrouted());
        root.put("echoed", r.echoed());
        root.put("traffic_s", r.trafficSeconds());
        root.put("measured_s", r.measuredSeconds());
        root.put("deliveries_per_s", r.deliveriesPerSecond());
        root.put("messages_per_s", r.messagesPerSecond());
        root.put("latency_count", r.latencyCount());
        root.put("latency_p50_us", r.latencyP50Micros());
        root.put("latency_p99_us", r.latencyP99Micros());
        root.put("latency_p999_us", r.latencyP999Micros());
        root.put("latency_max_us", r.latencyMaxMicros());
        root.put("bench_thread_cpu_s", r.benchThreadCpuSeconds());
        root.put("bench_process_cpu_s", r.benchProcessCpuSeconds());
        Map<String, Object> io = new LinkedHashMap<>();
        io.put("turns", r.benchIo().turns());
        io.put("reads", r.benchIo().reads());
        io.put("bytes_read", r.benchIo().bytesRead());
        io.put("write_batches", r.benchIo().writeBatches());
        io.put("max_send_lag_us", r.benchIo().maxSendLagMicros());
        io.put("late_sends_over_1ms", r.benchIo().lateSends());
        root.put("bench_io", io);
        if (r.crossNode() != null) {
            BenchResult.CrossNode c = r.crossNode();
            Map<String, Object> cross = new LinkedHashMap<>();
            cross.put("nodes", c.nodes());
            cross.put("latency_count", c.latencyCount());
            cross.put("latency_p50_us", c.latencyP50Micros());
            cross.put("latency_p99_us", c.latencyP99Micros());
            cross.put("latency_p999_us", c.latencyP999Micros());
            cross.put("latency_max_us", c.latencyMaxMicros());
            root.put("cross_node", cross);
        }
        if (r.server() != null) {
            BenchResult.ServerUsage s = r.server();
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("rss_before_kib", s.rssBeforeKiB());
            server.put("rss_joined_kib", s.rssJoinedKiB());
            server.put("rss_after_kib", s.rssAfterKiB());
            server.put("rss_bytes_per_client", s.rssBytesPerClient(o.clients()));
            server.put("connect_cpu_s", s.connectCpuSeconds());
            server.put("traffic_cpu_s", s.trafficCpuSeconds());
            root.put("server", server);
        }
        return toJson(root);
    }

    private static String toJson(Map<String, Object> map) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(entry.getKey())).append(':').append(value(entry.getValue()));
        }
        return out.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> nested) {
            return toJson((Map<String, Object>) nested);
        }
        if (value instanceof Double d) {
            // Three decimals: milliseconds for seconds, nanoseconds for microseconds.
            return Double.isFinite(d)
                    ? BigDecimal.valueOf(d).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
                    : "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** "6667", or "6667,6668,6669" with several nodes. */
    private static String portList(BenchOptions o) {
        return o.ports().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    private static String micros(double micros) {
        if (micros >= 1000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
        }
        return String.format(Locale.ROOT, "%.0f us", micros);
    }

    private static double percent(double part, double whole) {
        return whole > 0 ? 100 * part / whole : 0;
    }
}
