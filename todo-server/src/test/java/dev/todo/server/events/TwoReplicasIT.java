package dev.todo.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.events.SseClient.Frame;

/**
 * Two replicas of the packaged server (target/todo-server.jar, as CrashRecoveryIT runs it) on one PostgreSQL and one
 * Kafka broker (issue 11): a change made through replica A reaches the owner's stream on replica B through Kafka, and
 * no other user's; replica A is SIGKILLed while a writer changes tasks through it as fast as it can, and every change
 * A acknowledged is on the topic exactly once after de-duplication by ce_id.
 */
class TwoReplicasIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String JWT_SECRET = "dHdvLXJlcGxpY2FzLWl0LXNlY3JldC10d28tcmVwbGljYXMtaXQtc2VjcmV0LTAx";

    private final Path jar = Path.of(System.getProperty("todo.server.jar", "target/todo-server.jar")).toAbsolutePath();
    private final Path homes = Path.of("target", "two-replicas").toAbsolutePath();

    @Test
    void replicasShareEventsThroughKafkaAndAKilledReplicaLosesNoAcknowledgedEvent() throws Exception {
        assertThat(jar).as("the packaged server (failsafe runs after package)").exists();
        Files.createDirectories(homes);
        try (KafkaBroker broker = KafkaBroker.startNew();
             EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String databaseUrl = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            int portA = KafkaBroker.freePort();
            int portB = KafkaBroker.freePort();
            Process a = start("a", portA, databaseUrl, broker, 0);
            Process b = start("b", portB, databaseUrl, broker, 0);
            try {
                Api onA = new Api(portA);
                Session alice = onA.register();
                Session bob = onA.register();
                String baseB = "http://localhost:" + portB;
                try (SseClient aliceOnB = SseClient.open(baseB, alice.accessToken(), null);
                     SseClient bobOnB = SseClient.open(baseB, bob.accessToken(), null)) {
                    assertThat(aliceOnB.status()).isEqualTo(200);
                    assertThat(bobOnB.status()).isEqualTo(200);
                    // B's live feed reads the topics once they exist (the first event creates them): until an event
                    // made on A shows up on B, B may not be reading yet.
                    long deadline = System.nanoTime() + WAIT.toNanos();
                    int warmUps = 0;
                    while (true) {
                        onA.post("/api/v1/tasks", Map.of("title", "warm-up " + warmUps++), alice.accessToken());
                        if (aliceOnB.nextEvent(Duration.ofSeconds(2)) != null) {
                            break;
                        }
                        assertThat(System.nanoTime()).as("an event made on A reaches B within %s", WAIT).isLessThan(deadline);
                    }
                    drain(aliceOnB);

                    long sent = System.nanoTime();
                    long id = onA.post("/api/v1/tasks", Map.of("title", "Made on A"), alice.accessToken())
                            .json().get("task").get("id").longValue();
                    Frame frame = aliceOnB.nextEvent(Duration.ofSeconds(5));
                    double latencyMs = (System.nanoTime() - sent) / 1e6;
                    System.out.printf("TwoReplicasIT: a task created on A reached the owner's stream on B in %.0f ms"
                            + " (after %d warm-up events)%n", latencyMs, warmUps);
                    assertThat(frame).as("the event on B").isNotNull();
                    assertThat(frame.json().get("type").stringValue()).isEqualTo("TaskCreated");
                    assertThat(frame.json().get("data").get("taskId").longValue()).isEqualTo(id);
                    assertThat(latencyMs).as("milliseconds from A's answer to B's stream").isLessThan(1000);
                    assertThat(bobOnB.nextEvent(Duration.ofSeconds(1))).as("another user's stream on B").isNull();
                }

                Kill kill = killWhileWriting(onA, a, onA.register());
                a = start("a", portA, databaseUrl, broker, 1);

                try (Connection db = DriverManager.getConnection(databaseUrl, "postgres", "postgres")) {
                    long drainDeadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    while (unpublished(db) > 0) {
                        assertThat(System.nanoTime()).as("the outbox drains").isLessThan(drainDeadline);
                        Thread.sleep(100);
                    }
                    Set<String> ids = eventIdsOf(db, kill.userId());
                    List<ConsumerRecord<String, String>> records = broker.readTopic(Topics.TASK_EVENTS, WAIT, ids);
                    Map<String, Set<String>> eventsPerChange = new HashMap<>();
                    int copies = 0;
                    for (ConsumerRecord<String, String> record : records) {
                        if (!kill.userId().equals(record.key())) {
                            continue;
                        }
                        copies++;
                        JsonNode event = Api.JSON.readTree(record.value());
                        String change = event.get("type").stringValue() + " " + event.get("data").get("taskId").longValue();
                        eventsPerChange.computeIfAbsent(change, c -> new LinkedHashSet<>()).add(KafkaBroker.header(record, "ce_id"));
                    }
                    List<String> missingOrDoubled = new ArrayList<>();
                    for (String change : kill.acknowledged()) {
                        int events = eventsPerChange.getOrDefault(change, Set.of()).size();
                        if (events != 1) {
                            missingOrDoubled.add(change + ": " + events + " events");
                        }
                    }
                    System.out.printf("TwoReplicasIT: A killed after %d acknowledged changes (%d sent without an answer);"
                                    + " %d records of the writer on the topic, %d distinct events, %d duplicates before"
                                    + " de-duplication; %d acknowledged changes without exactly one event%n",
                            kill.acknowledged().size(), kill.unanswered(), copies, ids.size(), copies - countDistinct(eventsPerChange),
                            missingOrDoubled.size());
                    assertThat(kill.acknowledged()).as("changes A acknowledged before the kill").isNotEmpty();
                    assertThat(missingOrDoubled).as("acknowledged changes without exactly one event").isEmpty();
                }
            } finally {
                stop(a);
                stop(b);
            }
        }
    }

    /** What the writer had acknowledged when replica A died: "TaskCreated 12", "TaskCompleted 12", ... */
    record Kill(String userId, List<String> acknowledged, int unanswered) {
    }

    /** Creates and completes tasks on A as fast as one client can, SIGKILLs A's process group after 3 s, stops. */
    private Kill killWhileWriting(Api onA, Process a, Session writer) throws Exception {
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        int[] unanswered = {0};
        Thread writing = Thread.ofPlatform().start(() -> {
            for (int i = 0; !stop.get(); i++) {
                try {
                    Response created = onA.post("/api/v1/tasks", Map.of("title", "write " + i), writer.accessToken());
                    if (created.status() / 100 != 2) {
                        throw new AssertionError("create: " + created);
                    }
                    long id = created.json().get("task").get("id").longValue();
                    acknowledged.add("TaskCreated " + id);
                    if (i % 2 == 1) {
                        Response done = onA.patch("/api/v1/tasks/" + id, Map.of("status", "done"), writer.accessToken());
                        if (done.status() / 100 != 2) {
                            throw new AssertionError("complete: " + done);
                        }
                        acknowledged.add("TaskCompleted " + id);
                    }
                } catch (IllegalStateException serverGone) {
                    unanswered[0]++;
                    return;
                }
            }
        });
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (acknowledged.size() < 20) {
            assertThat(System.nanoTime()).as("the writer gets going").isLessThan(deadline);
            Thread.sleep(20);
        }
        Thread.sleep(3_000);
        Process kill = new ProcessBuilder("kill", "-KILL", "--", "-" + a.pid()).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -KILL -%d", a.pid()).isZero();
        a.waitFor();
        stop.set(true);
        writing.join(30_000);
        return new Kill(writer.userId(), List.copyOf(acknowledged), unanswered[0]);
    }

    /** A replica: the server jar in a process group of its own ({@code setsid}), ready when /ready says 200. */
    private Process start(String name, int port, String databaseUrl, KafkaBroker broker, int round) throws IOException {
        Path log = homes.resolve("replica-" + name + "-" + round + ".log");
        ProcessBuilder builder = new ProcessBuilder("setsid", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + port, "--todo.home=" + homes.resolve("home-" + name),
                "--todo.public-url=http://localhost:" + port,
                "--todo.rate-limit.user-per-minute=100000", "--todo.rate-limit.address-per-minute=100000")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("DATABASE_USERNAME", "postgres");
        builder.environment().put("DATABASE_PASSWORD", "postgres");
        builder.environment().put("KAFKA_BROKERS", broker.bootstrap());
        builder.environment().put("KAFKA_TIMEOUT", "3s");
        builder.environment().put("TODO_JWT_SECRET", JWT_SECRET);
        Process process = builder.start();
        long started = System.nanoTime();
        Api api = new Api(port);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("replica " + name + " exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                if (api.get("/ready", null).status() == 200) {
                    break;
                }
            } catch (IllegalStateException notYet) {
                // not listening yet
            }
            if (System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                throw new AssertionError("replica " + name + " was not ready within " + START_TIMEOUT + ":\n" + tail(log));
            }
            sleep(250);
        }
        System.out.printf("TwoReplicasIT: replica %s (port %d) ready in %.1f s%n", name, port, (System.nanoTime() - started) / 1e9);
        return process;
    }

    private static void stop(Process replica) throws InterruptedException {
        if (replica != null && replica.isAlive()) {
            replica.destroy();
            if (!replica.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                replica.destroyForcibly();
                replica.waitFor();
            }
        }
    }

    private static long unpublished(Connection db) throws SQLException {
        try (var statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM todo.outbox")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Set<String> eventIdsOf(Connection db, String userId) throws SQLException {
        Set<String> ids = new LinkedHashSet<>();
        try (var statement = db.prepareStatement("SELECT event_id FROM todo.published_events WHERE user_id = ?::uuid AND topic = ?"
                + " UNION ALL SELECT event_id FROM todo.outbox WHERE user_id = ?::uuid AND topic = ?")) {
            statement.setString(1, userId);
            statement.setString(2, Topics.TASK_EVENTS);
            statement.setString(3, userId);
            statement.setString(4, Topics.TASK_EVENTS);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static int countDistinct(Map<String, Set<String>> eventsPerChange) {
        return eventsPerChange.values().stream().mapToInt(Set::size).sum();
    }

    private static void drain(SseClient stream) throws InterruptedException {
        while (stream.nextEvent(Duration.ofMillis(500)) != null) {
            // an earlier warm-up event that arrived late
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
