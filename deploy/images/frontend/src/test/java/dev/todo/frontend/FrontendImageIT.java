package dev.todo.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The built image (target/images/todo-frontend.tar) in a real container runtime, runc, with the frontend pod's
 * limits (128Mi memory, 100m CPU), as uid 10001 on a read-only root with a tmpfs /tmp, and the host's loopback
 * (no network namespace), in front of the real server: the todo-server jar of this build, with its embedded
 * PostgreSQL, as a separate process. Everything a browser does goes through the frontend's port.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrontendImageIT {

    private static final String RUNC = "/usr/sbin/runc";
    private static final long MEMORY_LIMIT = 128L * 1024 * 1024;
    private static final int LOAD_USERS = 20;
    private static final Duration LOAD_TIME = Duration.ofSeconds(20);

    private static final Path WORK = Path.of(System.getProperty("todo.work.dir", "target/it")).toAbsolutePath();
    private static final Path IMAGE_TAR = Path.of(System.getProperty("todo.image.tar", "../../../target/images/todo-frontend.tar"));
    private static final Path SERVER_JAR = Path.of(System.getProperty("todo.server.jar", "../../../todo-server/target/todo-server.jar"));
    private static final String CONTAINER = "todo-frontend-it-" + ProcessHandle.current().pid();
    private static final String CGROUP = "/todo-frontend-it/" + CONTAINER;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static Process server;
    private static Process container;
    private static int frontendPort;
    private static Path rootfs;
    private static long startMillis;
    private static String accessToken;

    @BeforeAll
    static void startServerAndImage() throws Exception {
        assertThat(Path.of(RUNC)).as("runc (apt-get install runc)").isExecutable();
        assertThat(System.getProperty("user.name")).as("runc runs containers as root").isEqualTo("root");
        assertThat(IMAGE_TAR).as("the image, built by this module's package phase").isRegularFile();
        assertThat(SERVER_JAR).as("the server jar, built by todo-server").isRegularFile();
        deleteTree(WORK);
        Files.createDirectories(WORK);

        int backendPort = freePort();
        ProcessBuilder serverProcess = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", SERVER_JAR.toAbsolutePath().toString(),
                "--server.address=127.0.0.1", "--server.port=" + backendPort,
                // The load below is one user's; the server's per-user and per-address limits are not under test.
                "--todo.rate-limit.user-per-minute=1000000", "--todo.rate-limit.address-per-minute=1000")
                .redirectErrorStream(true).redirectOutput(WORK.resolve("server.log").toFile());
        serverProcess.environment().put("TODO_HOME", WORK.resolve("server-home").toString());
        server = serverProcess.start();

        Path bundle = unpackImage();
        frontendPort = freePort();
        writeRuncConfig(bundle, "http://127.0.0.1:" + backendPort);
        awaitOk("http://127.0.0.1:" + backendPort + "/ready", Duration.ofMinutes(3), server);

        long launched = System.nanoTime();
        container = new ProcessBuilder(RUNC, "--root", WORK.resolve("runc").toString(), "run", "--bundle", bundle.toString(), CONTAINER)
                .redirectErrorStream(true).redirectOutput(WORK.resolve("frontend.log").toFile()).start();
        awaitOk(frontend("/healthz"), Duration.ofSeconds(60), container);
        startMillis = (System.nanoTime() - launched) / 1_000_000;
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (container != null && container.isAlive()) {
            container.destroyForcibly();
        }
        run(RUNC, "--root", WORK.resolve("runc").toString(), "delete", "--force", CONTAINER);
        if (server != null) {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void healthzPagesAndHashedAssetsWithTheirCachingHeaders() throws Exception {
        HttpResponse<String> health = HTTP.send(get("/healthz").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);

        HttpResponse<String> login = HTTP.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(login.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(login.body()).isEqualTo(Files.readString(rootfs.resolve("srv/web/login.html")));

        Path script;
        try (Stream<Path> files = Files.list(rootfs.resolve("srv/web/_next/static/chunks"))) {
            script = files.filter(f -> f.toString().endsWith(".js")).filter(f -> f.toFile().length() > 10_000).findFirst().orElseThrow();
        }
        String path = "/" + rootfs.resolve("srv/web").relativize(script);
        HttpResponse<byte[]> asset = HTTP.send(get(path).header("Accept-Encoding", "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(asset.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(asset.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(asset.body()))) {
            assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(script));
        }
        assertThat(asset.body().length).isLessThan((int) Files.size(script) / 2);

        HttpResponse<String> missing = HTTP.send(get("/no-such-page").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo(Files.readString(rootfs.resolve("srv/web/404.html")));
        System.out.printf("FrontendImageIT: %s %d bytes, %d gzipped%n", path, Files.size(script), asset.body().length);
        // The JVM says "[warning][aot] ..." when it cannot use the image's AOT cache (a jar or a flag that differs
        // from the training run's) and then starts without it, slowly.
        assertThat(Files.readString(WORK.resolve("frontend.log"))).doesNotContain("[warning]", "[error]");
    }

    @Test
    @Order(2)
    void registerCreateAndListATaskThroughTheFrontend() throws Exception {
        HttpResponse<String> registered = HTTP.send(post("/api/v1/auth/register",
                "{\"email\":\"frontend-it@example.com\",\"password\":\"correct horse battery\",\"name\":\"Fran\"}").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        accessToken = field(registered.body(), "accessToken");

        HttpResponse<String> created = HTTP.send(post("/api/v1/tasks", "{\"title\":\"Through the frontend\",\"priority\":\"high\"}")
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"title\":\"Through the frontend\"", "\"priority\":\"high\"");

        HttpResponse<String> listed = HTTP.send(get("/api/v1/tasks").header("Authorization", "Bearer " + accessToken).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"title\":\"Through the frontend\"", "\"total\":1");

        HttpResponse<String> anonymous = HTTP.send(get("/api/v1/tasks").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    @Order(3)
    void aShortLoadOfPagesAndApiCallsHasNoFailureAndStaysUnderTheMemoryLimit() throws Exception {
        assertThat(accessToken).as("set by the registration test").isNotNull();
        long idle = memoryUsage();
        String[] paths = {"/today", "/_next/static/chunks/" + someChunk(), "/api/v1/tasks"};
        AtomicInteger requests = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + LOAD_TIME.toNanos();
        List<Thread> users = new ArrayList<>();
        for (int u = 0; u < LOAD_USERS; u++) {
            int user = u;
            users.add(Thread.ofVirtual().start(() -> {
                for (int i = user; System.nanoTime() < deadline; i++) {
                    String path = paths[i % paths.length];
                    long started = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = HTTP.send(get(path).timeout(Duration.ofSeconds(30))
                                .header("Accept-Encoding", "gzip").header("Authorization", "Bearer " + accessToken).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            failures.add(path + " " + response.statusCode());
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.add(path + " " + e);
                    }
                    latencies.add((System.nanoTime() - started) / 1_000_000);
                    requests.incrementAndGet();
                }
            }));
        }
        for (Thread user : users) {
            user.join();
        }
        long peak = peakMemory();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("FrontendImageIT: start %d ms (to the first /healthz 200), memory idle %.1f MiB, peak %.1f MiB of %d MiB; "
                + "load %d users %d s: %d requests (%.0f/s), %d failed, latency p50 %d ms p99 %d ms; cpu throttled %s; %s%n",
                startMillis, idle / 1048576.0, peak / 1048576.0, MEMORY_LIMIT / 1048576, LOAD_USERS, LOAD_TIME.toSeconds(),
                requests.get(), requests.get() / (double) LOAD_TIME.toSeconds(), failures.size(),
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() * 99 / 100), cpuThrottled(), startedLine());
        assertThat(failures).as("failed requests").isEmpty();
        assertThat(requests.get()).isGreaterThan(LOAD_USERS * 10);
        assertThat(peak).as("peak memory of the container's cgroup").isLessThan(MEMORY_LIMIT);
        assertThat(oomKills()).as("OOM kills in the container").isZero();
        assertThat(container.isAlive()).isTrue();
    }

    @Test
    @Order(4)
    void sigtermStopsItGracefully() throws Exception {
        long started = System.nanoTime();
        run(RUNC, "--root", WORK.resolve("runc").toString(), "kill", CONTAINER, "TERM");
        assertThat(container.waitFor(20, TimeUnit.SECONDS)).as("the container stops after SIGTERM").isTrue();
        long stopMillis = (System.nanoTime() - started) / 1_000_000;
        String log = Files.readString(WORK.resolve("frontend.log"));
        System.out.printf("FrontendImageIT: SIGTERM to exit %d ms, exit code %d%n", stopMillis, container.exitValue());
        assertThat(log).contains("todo-frontend: stopped in ");
        assertThat(container.exitValue()).as("the JVM's exit code after SIGTERM").isEqualTo(143);
    }

    // --- the image in runc -----------------------------------------------------------------------------------

    /** Unpacks the image's layers, in order, into a bundle's rootfs; returns the bundle. */
    @SuppressWarnings("unchecked")
    private static Path unpackImage() throws Exception {
        Path image = Files.createDirectories(WORK.resolve("image"));
        run("tar", "-xf", IMAGE_TAR.toAbsolutePath().toString(), "-C", image.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> manifest = (Map<String, Object>) ((List<Object>) Json.parse(Files.readString(image.resolve("manifest.json")))).get(0);
        assertThat((List<Object>) manifest.get("RepoTags")).containsExactly("todo-frontend:0.1.0-SNAPSHOT", "todo-frontend:latest");
        Path bundle = WORK.resolve("bundle");
        rootfs = Files.createDirectories(bundle.resolve("rootfs"));
        for (Object layer : (List<?>) manifest.get("Layers")) {
            run("tar", "--warning=no-unknown-keyword", "-xzf", image.resolve((String) layer).toString(), "-C", rootfs.toString());
        }
        return bundle;
    }

    /** {@code runc spec}, then the image's entrypoint, user and environment and the pod's limits. */
    @SuppressWarnings("unchecked")
    private static void writeRuncConfig(Path bundle, String backendUrl) throws Exception {
        Map<String, Object> image = (Map<String, Object>) ((Map<String, Object>) Json.parse(
                Files.readString(WORK.resolve("image/config.json")))).get("config");
        run(RUNC, "spec", "--bundle", bundle.toString());
        Path configFile = bundle.resolve("config.json");
        Map<String, Object> config = (Map<String, Object>) Json.parse(Files.readString(configFile));

        Map<String, Object> process = (Map<String, Object>) config.get("process");
        process.put("terminal", false);
        process.put("args", image.get("Entrypoint"));
        List<Object> env = new ArrayList<>((List<Object>) image.get("Env"));
        env.removeIf(e -> ((String) e).startsWith("PORT="));
        env.add("PORT=" + frontendPort);
        env.add("TODO_BACKEND_URL=" + backendUrl);
        process.put("env", env);
        String[] user = ((String) image.get("User")).split(":");
        process.put("user", new LinkedHashMap<>(Map.of("uid", Integer.parseInt(user[0]), "gid", Integer.parseInt(user[1]))));
        assertThat(user).containsExactly("10001", "10001");
        process.put("cwd", image.get("WorkingDir"));

        Map<String, Object> root = (Map<String, Object>) config.get("root");
        root.put("readonly", true);
        List<Object> mounts = (List<Object>) config.get("mounts");
        mounts.add(new LinkedHashMap<>(Map.of("destination", "/tmp", "type", "tmpfs", "source", "tmpfs",
                "options", List.of("nosuid", "nodev", "mode=1777", "size=16m"))));

        Map<String, Object> linux = (Map<String, Object>) config.get("linux");
        ((List<Object>) linux.get("namespaces")).removeIf(n -> "network".equals(((Map<String, Object>) n).get("type")));
        Map<String, Object> resources = (Map<String, Object>) linux.computeIfAbsent("resources", k -> new LinkedHashMap<>());
        resources.put("memory", new LinkedHashMap<>(Map.of("limit", MEMORY_LIMIT)));
        resources.put("cpu", new LinkedHashMap<>(Map.of("quota", 10_000, "period", 100_000)));
        linux.put("cgroupsPath", CGROUP);
        Files.writeString(configFile, toJson(config));
    }

    private static long memoryUsage() throws IOException {
        return cgroupNumber("memory.usage_in_bytes", "memory.current");
    }

    private static long peakMemory() throws IOException {
        return cgroupNumber("memory.max_usage_in_bytes", "memory.peak");
    }

    /** A memory figure of the container's cgroup: cgroup v1's file, or v2's on a unified hierarchy. */
    private static long cgroupNumber(String v1, String v2) throws IOException {
        Path v1File = Path.of("/sys/fs/cgroup/memory" + CGROUP, v1);
        Path file = Files.exists(v1File) ? v1File : Path.of("/sys/fs/cgroup" + CGROUP, v2);
        return Long.parseLong(Files.readString(file).strip());
    }

    private static long oomKills() throws IOException {
        Path v1 = Path.of("/sys/fs/cgroup/memory" + CGROUP, "memory.oom_control");
        Path file = Files.exists(v1) ? v1 : Path.of("/sys/fs/cgroup" + CGROUP, "memory.events");
        Matcher kills = Pattern.compile("oom_kill (\\d+)").matcher(Files.readString(file));
        return kills.find() ? Long.parseLong(kills.group(1)) : 0;
    }

    private static String cpuThrottled() throws IOException {
        Path v1 = Path.of("/sys/fs/cgroup/cpu" + CGROUP, "cpu.stat");
        Path file = Files.exists(v1) ? v1 : Path.of("/sys/fs/cgroup" + CGROUP, "cpu.stat");
        Matcher periods = Pattern.compile("nr_throttled (\\d+)").matcher(Files.readString(file));
        return periods.find() ? periods.group(1) + " periods" : "unknown";
    }

    private static String startedLine() throws IOException {
        return Files.readAllLines(WORK.resolve("frontend.log")).stream().filter(l -> l.startsWith("todo-frontend: started"))
                .findFirst().orElse("(no start line)");
    }

    private static String someChunk() throws IOException {
        try (Stream<Path> files = Files.list(rootfs.resolve("srv/web/_next/static/chunks"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js")).sorted().findFirst().orElseThrow();
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static String frontend(String path) {
        return "http://127.0.0.1:" + frontendPort + path;
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(frontend(path))).GET();
    }

    private static HttpRequest.Builder post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(frontend(path))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    private static String field(String json, String name) {
        Object value = ((Map<?, ?>) Json.parse(json)).get(name);
        assertThat(value).as(name + " in " + json).isInstanceOf(String.class);
        return (String) value;
    }

    private static void awaitOk(String url, Duration patience, Process process) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as(url + ": the process ended; see " + WORK).isTrue();
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError(url + " did not answer 200 within " + patience + "; see " + WORK);
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0 && !command[command.length - 2].equals("--force")) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
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

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths.sorted(Collections.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }

    /** Writes what {@link Json#parse} reads (maps, lists, strings, numbers, booleans, null). */
    private static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(toJson(k) + ":" + toJson(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(FrontendImageIT::toJson).toList()) + "]";
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c < 0x20) {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}
