package dev.todo.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.events.SseClient.Frame;

/** The real-time stream without Kafka: the outbox relays to this process's streams. */
@ApiTest
@TestPropertySource(properties = "todo.events.heartbeat=300ms")
class EventStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final Api api;
    private final String base;
    private final JdbcClient db;

    EventStreamTest(@LocalServerPort int port, JdbcClient db) {
        this.api = new Api(port);
        this.base = "http://localhost:" + port;
        this.db = db;
    }

    @Test
    void theStreamNeedsASignedInUser() {
        try (SseClient anonymous = SseClient.open(base, null, null);
             SseClient forged = SseClient.open(base, "not-a-token", null)) {
            assertThat(anonymous.status()).isEqualTo(401);
            assertThat(forged.status()).isEqualTo(401);
        }
    }

    @Test
    void everyChangeReachesTheOwnersStreamAsTheEventOfTheContract() throws Exception {
        Session user = api.register();
        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            long id = api.post("/api/v1/tasks", Map.of("title", "Buy milk", "priority", "high"), user.accessToken())
                    .json().get("task").get("id").longValue();
            api.patch("/api/v1/tasks/" + id, Map.of("title", "Buy oat milk"), user.accessToken());
            api.patch("/api/v1/tasks/" + id, Map.of("status", "done"), user.accessToken());
            api.delete("/api/v1/tasks/" + id, user.accessToken());

            Frame created = stream.nextEvent(WAIT);
            JsonNode event = created.json();
            assertThat(created.event()).isEqualTo("task");
            assertThat(created.id()).isEqualTo(event.get("id").stringValue());
            assertThat(event.get("type").stringValue()).isEqualTo("TaskCreated");
            assertThat(event.get("version").stringValue()).isEqualTo("1.0");
            assertThat(event.get("timestamp").stringValue()).isNotBlank();
            assertThat(event.get("data").get("taskId").longValue()).isEqualTo(id);
            assertThat(event.get("data").get("userId").stringValue()).isEqualTo(user.userId());
            assertThat(event.get("data").get("title").stringValue()).isEqualTo("Buy milk");
            assertThat(event.get("data").get("priority").stringValue()).isEqualTo("high");
            assertThat(event.get("data").get("task").get("title").stringValue()).isEqualTo("Buy milk");
            assertThat(event.get("metadata").get("source").stringValue()).isEqualTo("todo-backend");
            assertThat(event.get("metadata").get("via").stringValue()).isEqualTo("api");
            assertThat(event.get("metadata").get("correlationId").stringValue()).isNotBlank();

            assertThat(types(stream, 3)).containsExactly("TaskUpdated", "TaskCompleted", "TaskDeleted");
        }
    }

    @Test
    void oneUsersEventsNeverReachAnotherUsersStream() throws Exception {
        Session alice = api.register();
        Session bob = api.register();
        try (SseClient bobs = SseClient.open(base, bob.accessToken(), null)) {
            api.post("/api/v1/tasks", Map.of("title", "Alice's secret"), alice.accessToken());
            api.post("/api/v1/tasks", Map.of("title", "Bob's own"), bob.accessToken());

            Frame first = bobs.nextEvent(WAIT);

            assertThat(first.json().get("data").get("title").stringValue()).isEqualTo("Bob's own");
            assertThat(bobs.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedInOrderWithoutRepeats() throws Exception {
        Session user = api.register();
        String lastSeen;
        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            api.post("/api/v1/tasks", Map.of("title", "one"), user.accessToken());
            lastSeen = stream.nextEvent(WAIT).id();
        }
        api.post("/api/v1/tasks", Map.of("title", "two"), user.accessToken());
        api.post("/api/v1/tasks", Map.of("title", "three"), user.accessToken());
        awaitPublished(3);

        try (SseClient resumed = SseClient.open(base, user.accessToken(), lastSeen)) {
            api.post("/api/v1/tasks", Map.of("title", "four"), user.accessToken());

            assertThat(titles(resumed, 3)).containsExactly("two", "three", "four");
            assertThat(resumed.nextEvent(Duration.ofMillis(500))).isNull();
        }
    }

    @Test
    void anUnknownLastEventIdStartsTheStreamLive() throws Exception {
        Session user = api.register();
        api.post("/api/v1/tasks", Map.of("title", "before"), user.accessToken());
        awaitPublished(1);
        try (SseClient stream = SseClient.open(base, user.accessToken(), "00000000-0000-0000-0000-000000000000")) {
            api.post("/api/v1/tasks", Map.of("title", "after"), user.accessToken());

            assertThat(titles(stream, 1)).containsExactly("after");
        }
    }

    @Test
    void aQuietStreamCarriesHeartbeats() throws Exception {
        Session user = api.register();
        try (SseClient stream = SseClient.open(base, user.accessToken(), null)) {
            assertThat(stream.nextFrame(WAIT).comment()).isEqualTo("connected");
            assertThat(stream.nextFrame(WAIT).comment()).isEqualTo("heartbeat");
        }
    }

    @Test
    void aRefusedChangeWritesNoEvent() {
        Session user = api.register();
        long before = outboxRows();

        assertThat(api.post("/api/v1/tasks", Map.of("title", ""), user.accessToken()).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/tasks", Map.of("title", "x", "dueTime", "09:00"), user.accessToken()).status())
                .isEqualTo(400);

        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void theOutboxHealthShowsItsBacklog() {
        JsonNode health = api.get("/actuator/health/events", null).json();

        assertThat(health.get("status").stringValue()).isEqualTo("UP");
        assertThat(health.get("components").get("outbox").get("details").get("sink").stringValue())
                .isEqualTo("in-process");
    }

    private long outboxRows() {
        return db.sql("SELECT (SELECT count(*) FROM outbox) + (SELECT count(*) FROM published_events)")
                .query(Long.class).single();
    }

    /** Waits until no event of the outbox is unpublished and at least {@code rows} are. */
    private void awaitPublished(int rows) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> counts = db.sql("""
                    SELECT (SELECT count(*) FROM outbox) AS waiting, (SELECT count(*) FROM published_events) AS all_rows""")
                    .query().singleRow();
            if (((Number) counts.get("waiting")).longValue() == 0 && ((Number) counts.get("all_rows")).longValue() >= rows) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the outbox did not drain");
    }

    private static List<String> types(SseClient stream, int count) throws InterruptedException {
        return events(stream, count).stream().map(e -> e.get("type").stringValue()).toList();
    }

    private static List<String> titles(SseClient stream, int count) throws InterruptedException {
        return events(stream, count).stream().map(e -> e.get("data").get("title").stringValue()).toList();
    }

    private static List<JsonNode> events(SseClient stream, int count) throws InterruptedException {
        List<JsonNode> events = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            Frame frame = stream.nextEvent(WAIT);
            assertThat(frame).as("event %d of %d", i + 1, count).isNotNull();
            events.add(frame.json());
        }
        return events;
    }
}
