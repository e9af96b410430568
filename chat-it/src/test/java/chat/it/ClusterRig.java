package chat.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import chat.server.TestClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;

/**
 * A cluster for a test: its own Redis on a free port and server nodes from the packaged jar, each
 * in its own JVM. Processes' output is read by a thread each, so a test waits for a line ("Ready
 * to accept connections", "is part of the network") instead of sleeping.
 */
final class ClusterRig implements AutoCloseable {
    private static final Path REDIS = Path.of("/usr/bin/redis-server");

    /** One process and the lines it printed (stdout and stderr together). */
    static final class Watched {
        final Process process;
        private final List<String> lines = new ArrayList<>();

        Watched(Process process) {
            this.process = process;
            Thread reader = new Thread(() -> read(process.getInputStream()), "watch-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void read(InputStream in) {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }

        /** Waits for a line (from index {@code from} on) matching {@code wanted}; returns its index. */
        int await(int from, Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
            long deadline = System.currentTimeMillis() + timeoutMillis;
            synchronized (lines) {
                while (true) {
                    for (int i = from; i < lines.size(); i++) {
                        if (wanted.test(lines.get(i))) {
                            return i;
                        }
                    }
                    long left = deadline - System.currentTimeMillis();
                    if (left <= 0 || !process.isAlive() && from >= lines.size()) {
                        fail("no such line within " + timeoutMillis + " ms; saw " + lines);
                    }
                    lines.wait(Math.max(1, left));
                }
            }
        }

        int lineCount() {
            synchronized (lines) {
                return lines.size();
            }
        }

        String all() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    /** One node: its process, its client port, its name. */
    record Node(String name, int port, Watched watched) {
        void kill9() throws InterruptedException {
            watched.process.destroyForcibly();
            watched.process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private final Path work;
    final int redisPort;
    private Watched redis;
    private final List<Node> nodes = new ArrayList<>();
    /** Clients a test made, closed before the nodes stop. */
    private final List<TestClient> clients = new ArrayList<>();

    ClusterRig(Path work) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(REDIS), "redis-server is not installed (.ci/run installs it)");
        this.work = work;
        this.redisPort = freePort();
        startRedis();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void startRedis() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(REDIS.toString(), "--port", Integer.toString(redisPort), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no").redirectErrorStream(true).start();
        redis = new Watched(process);
        redis.await(0, line -> line.contains("Ready to accept connections"), 20_000);
    }

    /** A command to the rig's Redis, as redis-cli prints its answer. */
    String redis(String... command) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of("/usr/bin/redis-cli", "-p", Integer.toString(redisPort)));
        all.addAll(List.of(command));
        Process cli = new ProcessBuilder(all).redirectErrorStream(true).start();
        String answer = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(10, TimeUnit.SECONDS));
        return answer;
    }

    /** Sends a signal (STOP, CONT) to a node's process. */
    static void signal(Node node, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(node.watched.process.pid())).start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0);
    }

    void stopRedis() throws InterruptedException {
        redis.process.destroyForcibly();
        assertTrue(redis.process.waitFor(10, TimeUnit.SECONDS));
    }

    /** Waits until {@code node} says it is part of the network, in a line after its {@code fromLine}th. */
    static void awaitWhole(Node node, int fromLine) throws InterruptedException {
        node.watched.await(fromLine, l -> l.contains("node " + node.name() + " is part of the network"), 60_000);
    }

    /** Starts a node without history and waits until it is part of the network. */
    Node start(String name) throws IOException, InterruptedException {
        return start(name, "--no-history");
    }

    /** Starts a node with these options (e.g. "--history-max-messages", "50"; no "--no-history" then) and waits until it is part of the network. */
    Node start(String name, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Jars.java().toString(), "-Xmx256m", "-jar", Jars.server().toString(),
                "--port", "0", "--server-name", "cluster.test", "--data-dir",
                work.resolve("data-" + name).toString(), "--flood-rate", "0",
                "--cluster", "redis://127.0.0.1:" + redisPort, "--node-name", name));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Watched watched = new Watched(process);
        int at = watched.await(0, line -> line.contains("listening on"), 30_000);
        String line;
        synchronized (watched.lines) {
            line = watched.lines.get(at);
        }
        int port = Integer.parseInt(line.replaceAll(".*listening on [0-9.]+:(\\d+).*", "$1"));
        watched.await(0, l -> l.contains("node " + name + " is part of the network"), 30_000);
        Node node = new Node(name, port, watched);
        nodes.add(node);
        return node;
    }

    /** Stops a node as an operator would (SIGTERM: it says goodbye, its name is free at once). */
    void stop(Node node) throws InterruptedException {
        node.watched.process.destroy();
        assertTrue(node.watched.process.waitFor(30, TimeUnit.SECONDS));
    }

    /** Closes {@code client} when the rig closes; returns it. */
    TestClient keep(TestClient client) {
        clients.add(client);
        return client;
    }

    /** An IRC client registered as {@code nick} on {@code node}, closed when the rig closes. */
    TestClient irc(Node node, String nick) throws IOException {
        return keep(TestClient.irc(node.port(), nick));
    }

    /** Types {@code line} on a node's operator console (its stdin). */
    static void console(Node node, String line) throws IOException {
        var in = node.watched.process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    @Override
    public void close() throws InterruptedException {
        for (TestClient client : clients) {
            try {
                client.close();
            } catch (IOException e) {
                // closing a socket the server closed already: nothing to do
            }
        }
        for (Node node : nodes) {
            node.watched.process.destroyForcibly();
        }
        for (Node node : nodes) {
            System.out.println("---- node " + node.name() + "\n" + node.watched.all()); // in the surefire report
        }
        for (Node node : nodes) {
            node.watched.process.waitFor(10, TimeUnit.SECONDS);
        }
        if (redis != null) {
            redis.process.destroyForcibly();
            redis.process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
