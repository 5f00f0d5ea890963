package dev.todo.images.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built todo-backend image (target/images/todo-backend.tar) run in runc inside the backend pod's limits
 * (NFR-4.1: 256Mi, 250m CPU) against a real PostgreSQL: it starts on a read-only root as uid 10001, serves its
 * probes and the API, carries 50 concurrent users for a minute without a failed request, an OOM kill or memory
 * above the limit, and stops on SIGTERM. The same image with TODO_ROLE=assistant serves only the chat API.
 */
class BackendImageIT {

    private static final long MEMORY_LIMIT = 256L * 1024 * 1024;
    private static final long CPU_QUOTA = 25_000;
    private static final long CPU_PERIOD = 100_000;
    private static final int USERS = 50;
    private static final Duration LOAD = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final String JWT_SECRET = "gerJuqxm7JRLpxCf7asQ+LmngXtQsCPIb25ebVOa7DPIdEeWTun/ybAw9LVuPw3N";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static ImageArchive image;
    private static EmbeddedPostgres postgres;
    private static RuncContainer api;
    private static RuncContainer assistant;
    private static int apiPort;
    private static int assistantPort;
    private static long apiStartedAt;
    private static long assistantStartedAt;

    @BeforeAll
    static void startTheImageInBothRoles() throws Exception {
        Path work = Path.of(System.getProperty("image.work", "target/image-it")).toAbsolutePath();
        image = ImageArchive.unpack(Path.of(System.getProperty("image.tar", "../../../target/images/todo-backend.tar"))
                .toAbsolutePath(), work);
        postgres = EmbeddedPostgres.builder().start();
        apiPort = freePort();
        assistantPort = freePort();
        // Both start together: each is held to its own quarter of a core, so neither slows the other down.
        apiStartedAt = System.nanoTime();
        api = RuncContainer.start(image, "todo-backend-it-" + ProcessHandle.current().pid(), work,
                environment(apiPort, Map.of()), MEMORY_LIMIT, CPU_QUOTA, CPU_PERIOD);
        assistantStartedAt = System.nanoTime();
        assistant = RuncContainer.start(image, "todo-ai-it-" + ProcessHandle.current().pid(), work,
                environment(assistantPort, Map.of("TODO_ROLE", "assistant",
                        "TODO_ASSISTANT_MCP_URL", "http://127.0.0.1:" + apiPort + "/mcp")),
                MEMORY_LIMIT, CPU_QUOTA, CPU_PERIOD);
    }

    /** What the chart's ConfigMap and Secret give the pod, on this machine's loopback. */
    private static Map<String, String> environment(int port, Map<String, String> extra) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        env.put("DATABASE_USERNAME", "postgres");
        env.put("DATABASE_PASSWORD", "postgres");
        env.put("TODO_JWT_SECRET", JWT_SECRET);
        env.put("TODO_PUBLIC_URL", "http://127.0.0.1:" + port);
        // The chart's ConfigMap default (values.yaml javaToolOptions): extra flags on top of the image's own.
        env.put("JAVA_TOOL_OPTIONS", "-XX:+ExitOnOutOfMemoryError");
        // The load measures the image's memory, not the rate limiter (100 calls a minute per user by default).
        env.put("TODO_RATE_LIMIT_USER_PER_MINUTE", "1000000");
        env.put("TODO_RATE_LIMIT_ADDRESS_PER_MINUTE", "1000000");
        env.putAll(extra);
        return env;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (RuncContainer container : new RuncContainer[] {api, assistant}) {
            if (container != null) {
                container.close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theArchiveIsTaggedAndRunsAsANonRootUserOnPort8080() {
        assertThat(image.tags()).containsExactlyInAnyOrder("todo-backend:0.1.0-SNAPSHOT", "todo-backend:latest");
        assertThat(image.user()).isEqualTo("10001:10001");
        assertThat(image.exposedPorts()).containsExactly("8080/tcp");
        assertThat(image.command()).startsWith("/opt/jre/bin/java");
        assertThat(image.environment()).anyMatch(variable -> variable.startsWith("JDK_JAVA_OPTIONS=-XX:+UseSerialGC"));
        assertThat(image.rootfs().resolve("bin/sh")).as("no shell in the image").doesNotExist();
    }

    @Test
    void theApiRoleCarries50UsersForAMinuteInsideThePodLimitsAndStopsOnSigterm() throws Exception {
        double readyAfter = waitUntilReady(api, apiPort, apiStartedAt);
        assertThat(api.memoryLimit()).isEqualTo(String.valueOf(MEMORY_LIMIT));
        assertThat(api.cpuLimit()).isEqualTo(CPU_QUOTA + "/" + CPU_PERIOD);
        Client client = new Client(apiPort);
        assertThat(client.send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        assertThat(client.send("GET", "/ready", null, null).statusCode()).isEqualTo(200);

        String token = client.register();
        long taskId = client.createTask(token, "Pack the image");
        JsonNode listed = JSON.readTree(client.send("GET", "/api/v1/tasks", null, token).body());
        assertThat(listed.get("tasks")).extracting(task -> task.get("title").stringValue()).containsExactly("Pack the image");
        assertThat(client.send("PATCH", "/api/v1/tasks/" + taskId, "{\"status\":\"done\"}", token).statusCode())
                .isEqualTo(200);

        Load load = load(client);
        long peak = api.peakMemoryBytes();
        long oomKills = api.oomKills();
        long stopFrom = System.nanoTime();
        Integer exit = api.stop(Duration.ofSeconds(30));
        double stoppedAfter = (System.nanoTime() - stopFrom) / 1e9;

        System.out.printf("todo-backend image in runc, limits 256Mi / 250m: ready after %.1f s; %d users for %d s: "
                        + "%,d requests (%.0f/s), %d failed, p50 %.0f ms, p95 %.0f ms; peak memory %.1f MiB of 256; "
                        + "OOM kills %d; SIGTERM: exit %s after %.1f s%n",
                readyAfter, USERS, LOAD.toSeconds(), load.requests(), load.requests() / (double) LOAD.toSeconds(),
                load.failed(), load.p50(), load.p95(), peak / 1048576.0, oomKills, exit, stoppedAfter);
        assertThat(load.failed()).as("failed requests; first failures: " + load.failures()).isZero();
        assertThat(load.requests()).as("requests served under load").isGreaterThan(1000);
        assertThat(oomKills).as("OOM kills in the container's cgroup").isZero();
        assertThat(peak).as("peak memory of the container (bytes)").isLessThan(MEMORY_LIMIT);
        assertThat(exit).as("exit code after SIGTERM (null: still running after 30 s)\n" + api.logTail())
                .isIn(0, 143);
        assertThat(api.log()).doesNotContain("java.lang.OutOfMemoryError");
        // The image's sizing held with the ConfigMap's JAVA_TOOL_OPTIONS set beside it.
        assertThat(api.log()).contains("Picked up JDK_JAVA_OPTIONS: -XX:+UseSerialGC -Xmx96m");
        // The JVM took the image's AOT cache: it warns when the cache does not fit the JVM or the jars.
        assertThat(api.log()).doesNotContainPattern("\\[(warning|error) *\\]\\[aot");
    }

    @Test
    void theAssistantRoleOfTheSameImageServesOnlyTheChatApi() throws Exception {
        double readyAfter = waitUntilReady(assistant, assistantPort, assistantStartedAt);
        Client client = new Client(assistantPort);
        System.out.printf("todo-backend image, TODO_ROLE=assistant: ready after %.1f s, peak memory %.1f MiB%n",
                readyAfter, assistant.peakMemoryBytes() / 1048576.0);
        assertThat(client.send("GET", "/health", null, null).statusCode()).isEqualTo(200);
        // The chat API is there (it asks for a sign-in); the task API is not this role's.
        assertThat(client.send("POST", "/api/v1/chat", "{\"message\":\"hi\"}", null).statusCode()).isEqualTo(401);
        HttpResponse<String> tasks = client.send("GET", "/api/v1/tasks", null, null);
        assertThat(tasks.statusCode()).isEqualTo(404);
        assertThat(tasks.body()).contains("assistant role");
        assertThat(assistant.stop(Duration.ofSeconds(30))).isIn(0, 143);
    }

    /** Seconds from `runc run` until /ready answers 200. */
    private static double waitUntilReady(RuncContainer container, int port, long startedAt) throws Exception {
        Client client = new Client(port);
        long deadline = startedAt + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!container.isRunning()) {
                throw new AssertionError("The container stopped before it was ready:\n" + container.logTail());
            }
            try {
                if (client.send("GET", "/ready", null, null).statusCode() == 200) {
                    return (System.nanoTime() - startedAt) / 1e9;
                }
            } catch (IOException notListeningYet) {
                // The JVM is still starting.
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Not ready after " + START_TIMEOUT.toSeconds() + " s:\n" + container.logTail());
    }

    private record Load(long requests, long failed, double p50, double p95, List<String> failures) {
    }

    /** 50 users (each their own account), back to back: 60% listings, 25% creates, 15% completions. */
    private static Load load(Client client) throws Exception {
        List<String> tokens = new ArrayList<>();
        try (ExecutorService setup = Executors.newFixedThreadPool(10)) {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                registered.add(setup.submit(client::register));
            }
            for (Future<String> token : registered) {
                tokens.add(token.get());
            }
        }
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + LOAD.toNanos();
        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String token : tokens) {
                users.submit(() -> {
                    List<Long> tasks = new ArrayList<>();
                    long[] mine = new long[1024];
                    int count = 0;
                    while (System.nanoTime() < end) {
                        int dice = ThreadLocalRandom.current().nextInt(100);
                        long before = System.nanoTime();
                        String outcome;
                        try {
                            if (dice < 25 || tasks.isEmpty()) {
                                tasks.add(client.createTask(token, "Load task " + dice));
                                outcome = null;
                            } else if (dice < 85) {
                                outcome = expect(200, client.send("GET", "/api/v1/tasks?limit=20", null, token));
                            } else {
                                long id = tasks.get(ThreadLocalRandom.current().nextInt(tasks.size()));
                                outcome = expect(200, client.send("PATCH", "/api/v1/tasks/" + id,
                                        "{\"status\":\"done\"}", token));
                            }
                        } catch (Exception e) {
                            outcome = e.toString();
                        }
                        if (outcome != null) {
                            failed.incrementAndGet();
                            if (failures.size() < 5) {
                                failures.add(outcome);
                            }
                        }
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, count * 2);
                        }
                        mine[count++] = System.nanoTime() - before;
                    }
                    latencies.add(Arrays.copyOf(mine, count));
                    return null;
                });
            }
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Load(all.length, failed.get(), percentile(all, 50), percentile(all, 95), List.copyOf(failures));
    }

    private static String expect(int status, HttpResponse<String> response) {
        return response.statusCode() == status ? null : response.statusCode() + " " + response.body();
    }

    private static double percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /**
     * A port for the server under test, from below the kernel's ephemeral range (32768 and up): a port from
     * {@code bind(0)} lies in that range, where the test's own outgoing connections (to PostgreSQL, the polls
     * while the server starts) take local ports and could take this one before the server binds it. As in
     * deploy/cluster's Replica.freePort.
     */
    private static int freePort() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            try (ServerSocket socket = new ServerSocket(20_000 + random.nextInt(12_000), 1,
                    java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // Another listener has it: try another.
            }
        }
        throw new IOException("No free port between 20000 and 32000 on 127.0.0.1");
    }

    /** The API over real HTTP on 127.0.0.1. */
    private record Client(int port) {

        HttpResponse<String> send(String method, String path, String json, String token)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Registers a new account and returns its access token. */
        String register() throws IOException, InterruptedException {
            String body = "{\"email\":\"image-" + UUID.randomUUID() + "@example.com\",\"password\":\"image test password\","
                    + "\"name\":\"Image\"}";
            HttpResponse<String> response = send("POST", "/api/v1/auth/register", body, null);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("register: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("accessToken").stringValue();
        }

        long createTask(String token, String title) throws IOException, InterruptedException {
            HttpResponse<String> response = send("POST", "/api/v1/tasks", "{\"title\":\"" + title + "\"}", token);
            if (response.statusCode() != 201) {
                throw new IllegalStateException("create: " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body()).get("task").get("id").asLong();
        }
    }
}
