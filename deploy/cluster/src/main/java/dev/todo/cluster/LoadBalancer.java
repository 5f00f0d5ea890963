package dev.todo.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * haproxy in front of the replicas, as a Service in front of its pods: each request goes to one server that
 * passes the readiness check ({@code GET /ready} every 500 ms, 3 s to answer, out after 2 failures, as the
 * chart's readinessProbe but ten times as often; back after 1 success), with
 * no retry and no redispatch, so a failure reaches the client as it would through a Service. The servers are
 * fixed slots named after the release that runs in them (v1-0-a, v1-1-a, ...), pointed at a replica's port and
 * switched on, drained and taken out through haproxy's runtime API. Each response says its slot in
 * {@code X-Served-By}.
 */
final class LoadBalancer implements AutoCloseable {

    static final String BACKEND = "todo-backend";

    private final Process process;
    private final Path socket;
    private final int port;

    private LoadBalancer(Process process, Path socket, int port) {
        this.process = process;
        this.socket = socket;
        this.port = port;
    }

    static LoadBalancer start(Path haproxy, Path workDirectory, List<String> slots) throws IOException, InterruptedException {
        Files.createDirectories(workDirectory);
        int port = Replica.freePort();
        Path socket = workDirectory.resolve("haproxy.sock");
        Files.deleteIfExists(socket);
        StringBuilder config = new StringBuilder("""
                global
                  stats socket %s mode 600 level admin
                  maxconn 2000

                defaults
                  mode http
                  timeout connect 2s
                  timeout client 30s
                  timeout server 30s
                  # The chart's readinessProbe timeoutSeconds: a busy replica answers /ready late, not never.
                  timeout check 3s
                  # A Service does not retry nor send a failed request elsewhere.
                  retries 0
                  option forwardfor

                frontend todo
                  bind 127.0.0.1:%d
                  default_backend %s

                backend %s
                  balance roundrobin
                  option httpchk GET /ready
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 1
                  # Also on haproxy's own answers (503 when the server refused the connection).
                  http-after-response set-header X-Served-By %%s
                """.formatted(socket, port, BACKEND, BACKEND));
        for (String slot : slots) {
            config.append("  server ").append(slot).append(" 127.0.0.1:1 disabled check\n");
        }
        Path configFile = workDirectory.resolve("haproxy.cfg");
        Files.writeString(configFile, config);
        Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", configFile.toString())
                .redirectErrorStream(true).redirectOutput(workDirectory.resolve("haproxy.log").toFile()).start();
        LoadBalancer balancer = new LoadBalancer(process, socket, port);
        // Started once its runtime API answers (the socket file appears a moment before haproxy listens on it).
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                balancer.command("show info");
                return balancer;
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("haproxy did not start; " + workDirectory.resolve("haproxy.log")
                            + " says:\n" + Files.readString(workDirectory.resolve("haproxy.log")));
                }
                Thread.sleep(20);
            }
        }
    }

    int port() {
        return port;
    }

    /** Points the slot at the replica and lets it take traffic once its readiness check passes. */
    void enable(String slot, int replicaPort) throws IOException {
        String moved = command("set server " + BACKEND + "/" + slot + " addr 127.0.0.1 port " + replicaPort);
        if (!moved.contains("port changed") && !moved.contains("no need to change")) {
            throw new IllegalStateException("haproxy did not point " + slot + " at port " + replicaPort + ": "
                    + moved.strip());
        }
        setState(slot, "ready");
    }

    /** No new requests to the slot; the ones it is serving finish. */
    void drain(String slot) throws IOException {
        setState(slot, "drain");
    }

    /** Out of the backend altogether (the endpoint removed). */
    void remove(String slot) throws IOException {
        setState(slot, "maint");
    }

    private void setState(String slot, String state) throws IOException {
        String answer = command("set server " + BACKEND + "/" + slot + " state " + state);
        if (!answer.isBlank()) {
            throw new IllegalStateException("haproxy refused state " + state + " for " + slot + ": " + answer.strip());
        }
    }

    /** Waits until the slot's health is {@code wanted} ("UP", "DOWN", ...); how long it took. */
    Duration awaitStatus(String slot, String wanted, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = stats().get(slot).status();
            if (status.equals(wanted)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("haproxy did not mark " + slot + " " + wanted + " within "
                + timeout.toMillis() + " ms (still " + status + ")");
    }

    /** Waits until the slot serves no request any more (current sessions 0); how long it took. */
    Duration awaitIdle(String slot, Duration timeout) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (stats().get(slot).currentSessions() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(slot + " still served requests " + timeout.toSeconds()
                        + " s after it was drained");
            }
            Thread.sleep(10);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    record ServerStats(String status, int currentSessions, long totalSessions) {
    }

    /** {@code show stat} of the backend's servers, by slot. */
    Map<String, ServerStats> stats() throws IOException {
        String[] lines = command("show stat").split("\n");
        List<String> header = List.of(lines[0].replaceFirst("^# ", "").split(","));
        int proxy = header.indexOf("pxname");
        int server = header.indexOf("svname");
        int status = header.indexOf("status");
        int current = header.indexOf("scur");
        int total = header.indexOf("stot");
        Map<String, ServerStats> stats = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].split(",", -1);
            // The backend's own line (svname BACKEND) sums its servers; only the servers are wanted.
            if (fields.length > status && fields[proxy].equals(BACKEND) && !fields[server].equals("BACKEND")) {
                stats.put(fields[server], new ServerStats(fields[status], Integer.parseInt(fields[current]),
                        Long.parseLong(fields[total])));
            }
        }
        return stats;
    }

    /** One command on the runtime API (the stats socket); its answer. */
    private String command(String command) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
