package dev.todo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One backend replica, like one pod: the real server jar in its own JVM on its own loopback port, with the
 * replicas' shared settings. Its release ("1.0", "1.1") is its haproxy slot's name and a system property.
 */
final class Replica {

    /** A small JVM, as in a pod with a tight memory limit; C1 only, which starts faster. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private static final HttpClient PROBE = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1)).build();

    private final String slot;
    private final String release;
    private final int port;
    private final Path log;
    private final Process process;
    private final long startedAt;
    private Duration timeToReady;
    private Duration drainTime;
    private Duration stopTime;
    private String ending = "running";
    private Integer exitCode;

    private Replica(String slot, String release, int port, Path log, Process process, long startedAt) {
        this.slot = slot;
        this.release = release;
        this.port = port;
        this.log = log;
        this.process = process;
        this.startedAt = startedAt;
    }

    /** Starts {@code java -jar serverJar} with the settings' environment (and nothing of this process's own). */
    static Replica start(String slot, String release, ReplicaSettings settings, Path serverJar, Path javaHome,
                         Path workDirectory) throws IOException {
        int port = freePort();
        Path home = Files.createDirectories(workDirectory.resolve(slot + "-" + port));
        Path log = home.resolve("server.log");
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dtodo.release=" + release);
        command.add("-jar");
        command.add(serverJar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(settings.environment(port, home));
        long startedAt = System.nanoTime();
        return new Replica(slot, release, port, log, builder.start(), startedAt);
    }

    /** Waits until {@code /ready} answers 200 (the readiness probe), or fails with the end of the server's log. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Replica " + slot + " exited with " + process.exitValue()
                        + " before it was ready; its log ends with:\n" + logTail());
            }
            try {
                if (PROBE.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    timeToReady = Duration.ofNanos(System.nanoTime() - startedAt);
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Replica " + slot + " was not ready within " + timeout.toSeconds()
                + " s; its log ends with:\n" + logTail());
    }

    /** SIGTERM, as the kubelet sends it, then waits for the JVM to finish its graceful shutdown; the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Replica " + slot + " did not stop within " + timeout.toSeconds()
                    + " s of SIGTERM; its log ends with:\n" + logTail());
        }
        stopTime = Duration.ofNanos(System.nanoTime() - start);
        ending = "SIGTERM";
        exitCode = process.exitValue();
        return exitCode;
    }

    /** SIGKILL, as when the node or the OOM killer takes the pod: no shutdown at all. The exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        ending = "SIGKILL";
        exitCode = process.waitFor();
        return exitCode;
    }

    void drained(Duration time) {
        drainTime = time;
    }

    /** What this replica went through, for the report. */
    ClusterHarness.ReplicaFigures figures() {
        return new ClusterHarness.ReplicaFigures(slot, release, timeToReady, drainTime, ending, stopTime, exitCode,
                ending.equals("SIGTERM") && logShowsGracefulShutdown());
    }

    /** Stops the process whatever its state (cleanup on the way out). */
    void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    boolean logShowsGracefulShutdown() {
        return logTail().contains("Graceful shutdown complete");
    }

    String slot() {
        return slot;
    }

    String release() {
        return release;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Duration timeToReady() {
        return timeToReady;
    }

    Duration stopTime() {
        return stopTime;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port for a replica or haproxy to listen on, chosen below the kernel's ephemeral range (32768 and up on
     * Linux). A port the kernel hands out for {@code bind(0)} comes from that range, which is also where the load
     * generator's thousands of outgoing connections take their local ports: between choosing the port and the
     * replica binding it (seconds, while the JVM starts), one of those connections could take it, and the replica
     * then failed with "Port … was already in use" (seen in CI). Below the range only another listener can.
     */
    static int freePort() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LISTEN_PORTS_FROM + RANDOM.nextInt(LISTEN_PORTS_TO - LISTEN_PORTS_FROM);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Another listener has it: try another.
            }
        }
        throw new IOException("No free port between " + LISTEN_PORTS_FROM + " and " + LISTEN_PORTS_TO + " on 127.0.0.1");
    }

    private static final int LISTEN_PORTS_FROM = 20_000;
    private static final int LISTEN_PORTS_TO = 32_000;
    private static final java.util.random.RandomGenerator RANDOM = new java.security.SecureRandom();
}
