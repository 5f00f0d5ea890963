package dev.todo.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;

/**
 * The fault test of issue 9: the real server jar runs as its own process group on the embedded PostgreSQL; writers
 * register, create and complete tasks, change their password and revoke API tokens over real HTTP; at a random moment
 * the whole server (the JVM's process group and every PostgreSQL process of its data directory) gets SIGKILL; the
 * server is started again on the same data home and every write that had been acknowledged must be there.
 */
class CrashRecoveryIT {

    private static final int WRITERS = 8;
    private static final int ROUNDS = 2;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Pattern RESET_TOKEN = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)");
    private static final Map<String, String> MCP_HEADERS = Map.of("Accept", "application/json, text/event-stream");

    /** What the server said yes to; only these writes must survive. */
    static final class Account {
        final String email;
        volatile String password;
        volatile String oldPassword;
        /** A password change sent but not answered when the server died: either password may be the one. */
        volatile String pendingPassword;
        final List<Long> tasks = new CopyOnWriteArrayList<>();
        final List<Long> completed = new CopyOnWriteArrayList<>();
        final List<String> revokedTokens = new CopyOnWriteArrayList<>();
        final List<String> liveTokens = new CopyOnWriteArrayList<>();

        Account(String email, String password) {
            this.email = email;
            this.password = password;
        }

        int acknowledged() {
            return 1 + tasks.size() + completed.size() + revokedTokens.size() + liveTokens.size()
                    + (oldPassword == null ? 0 : 1);
        }
    }

    private final Path home = Path.of("target", "crash-recovery-home").toAbsolutePath();
    private final Path jar = Path.of(System.getProperty("todo.server.jar", "target/todo-server.jar")).toAbsolutePath();
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();

    @Test
    void everyAcknowledgedWriteSurvivesASigkillOfTheWholeServer() throws Exception {
        assertThat(jar).as("the packaged server (failsafe runs after package)").exists();
        deleteRecursively(home);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.printf("CrashRecoveryIT: seed %d, %d writers, %d rounds, data home %s%n", seed, WRITERS, ROUNDS, home);

        int port = freePort();
        Process server = start(port, 0);
        int totalAcknowledged = 0;
        java.util.Set<String> totalLost = new java.util.LinkedHashSet<>();
        for (int round = 1; round <= ROUNDS; round++) {
            Api api = new Api(port);
            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                long writerSeed = random.nextLong();
                String email = "r" + round + "-w" + w + "-" + seed + "@example.com";
                writers.add(Thread.ofPlatform().start(() -> write(api, email, new Random(writerSeed), stop)));
            }
            // The random moment falls while tasks are being written: after every writer has its account (a loaded
            // machine may take seconds to hash eight passwords), within the next 3 to 12 s.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            int expected = round * WRITERS;
            while ((accounts.size() < expected || count(a -> a.tasks.size()) == 0) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(accounts).as("every writer registered within 120 s").hasSize(expected);
            Thread.sleep(3_000 + random.nextInt(9_000));
            killWholeServer(server);
            stop.set(true);
            for (Thread writer : writers) {
                writer.join(30_000);
            }

            server = start(port, round);
            Check check = checkEverything(new Api(port));
            // Each check reads back every account so far: the last one covers all rounds.
            totalAcknowledged = check.acknowledged;
            totalLost.addAll(check.lost);
            System.out.printf("CrashRecoveryIT: after round %d: %d acknowledged writes so far (%d accounts, %d tasks, %d completions,"
                            + " %d password changes, %d revoked tokens), %d lost %s%n", round, check.acknowledged,
                    accounts.size(), count(a -> a.tasks.size()), count(a -> a.completed.size()),
                    count(a -> a.oldPassword == null ? 0 : 1), count(a -> a.revokedTokens.size()),
                    check.lost.size(), check.lost.stream().limit(10).toList());
        }
        killWholeServer(server);
        System.out.printf("CrashRecoveryIT: total: %d acknowledged writes, %d lost%n", totalAcknowledged, totalLost.size());
        assertThat(totalLost).as("acknowledged writes lost after SIGKILL (of %d)", totalAcknowledged).isEmpty();
    }

    private int count(java.util.function.ToIntFunction<Account> field) {
        return accounts.values().stream().mapToInt(field).sum();
    }

    /** One client: its own account, then tasks, completions, a token revoked now and then, one password change. */
    private void write(Api api, String email, Random random, AtomicBoolean stop) {
        try {
            Response registered = api.post("/api/v1/auth/register",
                    Map.of("email", email, "password", "first password", "name", "Writer", "timeZone", "UTC"), null);
            if (registered.status() != 201) {
                throw new AssertionError("register: " + registered);
            }
            Account account = new Account(email, "first password");
            accounts.put(email, account);
            String access = registered.json().get("accessToken").stringValue();
            int passwordChangeAt = 2 + random.nextInt(8);
            for (int i = 0; !stop.get(); i++) {
                Response created = api.post("/api/v1/tasks", Map.of("title", email + " task " + i), access);
                assertThat(created.status()).as(created.text()).isEqualTo(201);
                long id = created.json().get("task").get("id").longValue();
                account.tasks.add(id);
                if (i % 3 == 2) {
                    long done = account.tasks.get(random.nextInt(account.tasks.size()));
                    if (!account.completed.contains(done)) {
                        Response patched = api.patch("/api/v1/tasks/" + done, Map.of("status", "done"), access);
                        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
                        account.completed.add(done);
                    }
                }
                if (i % 10 == 9) {
                    Response token = api.post("/api/v1/tokens", Map.of("name", "token " + i), access);
                    assertThat(token.status()).as(token.text()).isEqualTo(201);
                    String secret = token.json().get("secret").stringValue();
                    if (account.liveTokens.size() < 5 && random.nextBoolean()) {
                        account.liveTokens.add(secret);
                    } else {
                        Response revoked = api.delete("/api/v1/tokens/" + token.json().get("token").get("id").stringValue(), access);
                        assertThat(revoked.status()).as(revoked.text()).isEqualTo(204);
                        account.revokedTokens.add(secret);
                    }
                }
                if (i == passwordChangeAt) {
                    access = changePassword(api, account);
                }
            }
        } catch (IllegalStateException serverGone) {
            // The connection broke: the server was killed. What was acknowledged is recorded.
        } catch (AssertionError unexpected) {
            if (!stop.get()) {
                throw unexpected;
            }
        }
    }

    /** A password reset through the dev mailbox; returns a new access token (the reset ends all sessions). */
    private static String changePassword(Api api, Account account) throws AssertionError {
        Response requested = api.post("/api/v1/auth/password-reset", Map.of("email", account.email), null);
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        String token = resetToken(api, account.email);
        String next = "second password";
        account.pendingPassword = next;
        Response confirmed = api.post("/api/v1/auth/password-reset/confirm", Map.of("token", token, "password", next), null);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(200);
        account.oldPassword = account.password;
        account.password = next;
        account.pendingPassword = null;
        Response login = api.post("/api/v1/auth/login", Map.of("email", account.email, "password", next), null);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return login.json().get("accessToken").stringValue();
    }

    private static String resetToken(Api api, String email) {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (JsonNode message : api.get("/dev/mailbox", null).json().get("messages").values()) {
                Matcher token = RESET_TOKEN.matcher(message.get("body").stringValue());
                if (message.get("to").stringValue().equals(email) && token.find()) {
                    return token.group(1);
                }
            }
            sleep(50);
        }
        throw new AssertionError("no reset mail to " + email);
    }

    record Check(int acknowledged, List<String> lost) {
    }

    /** Every acknowledged write of every account so far, read back from the restarted server. */
    private Check checkEverything(Api api) {
        int acknowledged = 0;
        List<String> lost = new ArrayList<>();
        for (Account account : accounts.values()) {
            acknowledged += account.acknowledged();
            Response login = login(api, account.email, account.password);
            if (login.status() != 200 && account.pendingPassword != null) {
                login = login(api, account.email, account.pendingPassword);
            }
            if (login.status() != 200) {
                lost.add(account.email + ": cannot sign in with its acknowledged password (" + login.status() + ")");
                continue;
            }
            if (account.oldPassword != null && login(api, account.email, account.oldPassword).status() == 200) {
                lost.add(account.email + ": the password change is gone, the old password works again");
            }
            String access = login.json().get("accessToken").stringValue();
            for (long id : account.tasks) {
                Response task = api.get("/api/v1/tasks/" + id, access);
                if (task.status() != 200) {
                    lost.add(account.email + ": task " + id + " (" + task.status() + ")");
                } else if (account.completed.contains(id)
                        && !task.json().get("task").get("status").stringValue().equals("done")) {
                    lost.add(account.email + ": completion of task " + id);
                }
            }
            for (String revoked : account.revokedTokens) {
                if (mcpInitialize(api, revoked) != 401) {
                    lost.add(account.email + ": a revoked API token works again");
                }
            }
            for (String live : account.liveTokens) {
                if (mcpInitialize(api, live) == 401) {
                    lost.add(account.email + ": an API token it was given is gone");
                }
            }
        }
        return new Check(acknowledged, lost);
    }

    private static Response login(Api api, String email, String password) {
        return api.post("/api/v1/auth/login", Map.of("email", email, "password", password), null);
    }

    private static int mcpInitialize(Api api, String token) {
        Map<String, Object> request = Map.of("jsonrpc", "2.0", "id", 1, "method", "initialize",
                "params", Map.of("protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "crash-test", "version", "1")));
        return api.send("POST", "/mcp", request, token, MCP_HEADERS).status();
    }

    /** The server jar in a session and process group of its own ({@code setsid}), ready when /ready says 200. */
    private Process start(int port, int round) throws IOException {
        Path log = Path.of("target", "crash-recovery-server-" + round + ".log");
        Process process = new ProcessBuilder("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port, "--todo.home=" + home,
                "--todo.public-url=http://localhost:" + port,
                "--todo.rate-limit.user-per-minute=100000", "--todo.rate-limit.address-per-minute=100000",
                "--todo.sign-in.max-failures=1000")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long started = System.nanoTime();
        Api api = new Api(port);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + "; see " + log.toAbsolutePath()
                        + ":\n" + tail(log));
            }
            try {
                if (api.get("/ready", null).status() == 200) {
                    break;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                throw new AssertionError("the server was not ready within " + START_TIMEOUT + ":\n" + tail(log));
            }
            sleep(250);
        }
        System.out.printf("CrashRecoveryIT: %s took %.1f s%n", round == 0 ? "first start" : "restart after crash " + round,
                (System.nanoTime() - started) / 1e9);
        return process;
    }

    /**
     * SIGKILL, all at once, to the JVM's process group and to every PostgreSQL process working in the data directory
     * (pg_ctl puts the postmaster in a session of its own, so the JVM's group alone would leave it running).
     */
    private void killWholeServer(Process server) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-KILL", "--", "-" + server.pid()));
        for (ProcessHandle postgres : LeftoverPostmaster.processesIn(home.resolve("postgres"))) {
            command.add(Long.toString(postgres.pid()));
        }
        Process kill = new ProcessBuilder(command).inheritIO().start();
        assertThat(kill.waitFor()).as("kill %s", command).isZero();
        server.waitFor();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!LeftoverPostmaster.processesIn(home.resolve("postgres")).isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
        }
        System.out.printf("CrashRecoveryIT: killed %s%n", command.subList(3, command.size()));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
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

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
