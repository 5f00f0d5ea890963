package dev.todo.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.todo.server.Api;
import dev.todo.server.Api.Response;
import dev.todo.server.Api.Session;
import dev.todo.server.ApiTest;
import dev.todo.server.events.SseClient.Frame;

/**
 * The outbox relay against a real Kafka broker (issue 11): a {@link KafkaBroker} process, the whole server in this
 * JVM with {@code todo.kafka.brokers} pointing at it. Changes reach the topic as the contract's event with CloudEvents
 * headers, reach the owner's stream back through {@link KafkaFeed}, and survive the broker being down: they wait in
 * the outbox and go out, each exactly once after de-duplication by id and in each user's order, once it is back.
 */
@ApiTest
@DirtiesContext
class KafkaEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The relay backs off up to 30 s while the broker is down, so draining may take that long to begin. */
    private static final Duration DRAIN = Duration.ofSeconds(90);
    private static final int PARTITIONS = 3;
    private static final int CHANGES_WHILE_DOWN = 50;
    /** Every event written: those published (in publication order) and those still waiting in the outbox. */
    static final String WRITTEN = """
            (SELECT event_id, user_id, event_type, topic, 0 AS part, publish_seq AS n FROM published_events
             UNION ALL SELECT event_id, user_id, event_type, topic, 1, seq FROM outbox) AS written""";

    private static KafkaBroker broker;

    private final Api api;
    private final String base;
    private final JdbcClient db;
    private final KafkaFeed feed;

    KafkaEventsTest(@LocalServerPort int port, JdbcClient db, KafkaFeed feed) {
        this.api = new Api(port);
        this.base = "http://localhost:" + port;
        this.db = db;
        this.feed = feed;
    }

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry properties) throws Exception {
        broker = KafkaBroker.startNew();
        properties.add("todo.kafka.brokers", broker::bootstrap);
        properties.add("todo.kafka.timeout", () -> "3s");
        properties.add("todo.kafka.topic-partitions", () -> PARTITIONS);
    }

    @AfterAll
    static void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.stop();
        }
    }

    @Test
    void aChangeArrivesOnTheTopicAsTheContractsEventWithCloudEventsHeaders() throws Exception {
        Session user = api.register();
        long id = api.post("/api/v1/tasks", Map.of("title", "Buy milk", "priority", "high"), user.accessToken())
                .json().get("task").get("id").longValue();
        UUID eventId = db.sql("SELECT event_id FROM " + WRITTEN + " WHERE user_id = :user AND event_type = 'TaskCreated'")
                .param("user", UUID.fromString(user.userId())).query(UUID.class).single();

        ConsumerRecord<String, String> record = broker.readTopic(Topics.TASK_EVENTS, WAIT, Set.of(eventId.toString())).stream()
                .filter(r -> eventId.toString().equals(header(r, "ce_id"))).findFirst().orElseThrow();

        assertThat(record.key()).isEqualTo(user.userId());
        JsonNode event = Api.JSON.readTree(record.value());
        assertThat(event.get("id").stringValue()).isEqualTo(eventId.toString());
        assertThat(event.get("type").stringValue()).isEqualTo("TaskCreated");
        assertThat(event.get("version").stringValue()).isEqualTo("1.0");
        assertThat(event.get("data").get("taskId").longValue()).isEqualTo(id);
        assertThat(event.get("data").get("userId").stringValue()).isEqualTo(user.userId());
        assertThat(event.get("data").get("title").stringValue()).isEqualTo("Buy milk");
        assertThat(event.get("data").get("task").get("priority").stringValue()).isEqualTo("high");
        assertThat(event.get("metadata").get("source").stringValue()).isEqualTo("todo-backend");
        assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(header(record, "ce_type")).isEqualTo("TaskCreated");
        assertThat(header(record, "ce_source")).isEqualTo("todo-backend");
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(Instant.parse(header(record, "ce_time"))).isEqualTo(Instant.parse(event.get("timestamp").stringValue()));

        try (Admin admin = Admin.create(clientConfig())) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.TASK_EVENTS, Topics.REMINDERS))
                    .allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.TASK_EVENTS).partitions()).hasSize(PARTITIONS);
            assertThat(topics.get(Topics.REMINDERS).partitions()).hasSize(PARTITIONS);
        }
    }

    @Test
    void theOwnersStreamReceivesTheChangeThroughKafka() throws Exception {
        Session user = api.register();
        Session other = api.register();
        try (SseClient stream = SseClient.open(base, user.accessToken(), null);
             SseClient otherStream = SseClient.open(base, other.accessToken(), null)) {
            // The feed reads the topics once they exist; the first published event creates them. Whether that first
            // event reaches the feed depends on when it started reading, so the other user's stream waits for a
            // second one: after it, nothing more is on its way to that stream.
            api.post("/api/v1/tasks", Map.of("title", "warm-up"), other.accessToken());
            await("the live feed reads every partition", feed::assigned);
            api.post("/api/v1/tasks", Map.of("title", "ready"), other.accessToken());
            Frame ready;
            do {
                ready = otherStream.nextEvent(WAIT);
                assertThat(ready).as("the other user's own event").isNotNull();
            } while (!ready.json().get("data").get("title").stringValue().equals("ready"));
            assertThat(stream.status()).isEqualTo(200);
            // Records another producer put on the topic, keyed to this user: skipped, and the feed goes on.
            try (KafkaProducer<String, String> foreign = new KafkaProducer<>(clientConfig(), new StringSerializer(),
                    new StringSerializer())) {
                foreign.send(new ProducerRecord<>(Topics.TASK_EVENTS, user.userId(), "not an event")).get();
                ProducerRecord<String, String> wrongSource = new ProducerRecord<>(Topics.TASK_EVENTS, user.userId(),
                        "{\"id\":\"x\"}");
                wrongSource.headers().add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                wrongSource.headers().add("ce_source", "someone-else".getBytes(StandardCharsets.UTF_8));
                foreign.send(wrongSource).get();
                foreign.send(new ProducerRecord<>(Topics.TASK_EVENTS, "not-a-user-id", "{}")).get();
            }
            long id = api.post("/api/v1/tasks", Map.of("title", "Through Kafka"), user.accessToken())
                    .json().get("task").get("id").longValue();

            Frame frame = stream.nextEvent(WAIT);
            assertThat(frame).as("the event on the owner's stream").isNotNull();
            assertThat(frame.event()).isEqualTo("task");
            assertThat(frame.json().get("type").stringValue()).isEqualTo("TaskCreated");
            assertThat(frame.json().get("data").get("taskId").longValue()).isEqualTo(id);
            assertThat(frame.id()).isEqualTo(frame.json().get("id").stringValue());
            assertThat(otherStream.nextEvent(Duration.ofSeconds(1))).as("another user's stream").isNull();
        }
    }

    @Test
    void changesMadeWhileTheBrokerIsDownWaitInTheOutboxAndGoOutOnceEachInOrder() throws Exception {
        Session alice = api.register();
        Session bob = api.register();
        api.post("/api/v1/tasks", Map.of("title", "before the outage"), alice.accessToken());
        await("the outbox is drained before the outage", () -> unpublished() == 0 && backlog() == 0);
        long writtenBefore = rowsOf(alice, bob).size();

        broker.stop();
        Map<String, Long> taskOf = new HashMap<>();
        try {
            for (int i = 0; i < CHANGES_WHILE_DOWN; i++) {
                Session user = i % 2 == 0 ? alice : bob;
                Response response = i % 4 < 2
                        ? api.post("/api/v1/tasks", Map.of("title", "while down " + i), user.accessToken())
                        : api.patch("/api/v1/tasks/" + taskOf.get(user.userId()), Map.of("title", "renamed " + i),
                        user.accessToken());
                assertThat(response.status()).as("change %d while the broker is down: %s", i, response).isBetween(200, 299);
                if (i % 4 < 2) {
                    taskOf.put(user.userId(), response.json().get("task").get("id").longValue());
                }
            }
            List<OutboxEvent> all = rowsOf(alice, bob);
            assertThat(all).hasSize((int) writtenBefore + CHANGES_WHILE_DOWN);
            List<OutboxEvent> written = all.subList((int) writtenBefore, all.size());
            assertThat(unpublished()).as("outbox rows not yet published").isGreaterThanOrEqualTo(CHANGES_WHILE_DOWN);
            await("the health shows the backlog and the error", () -> {
                JsonNode outbox = api.get("/actuator/health/events", null).json().get("components").get("outbox");
                return outbox.get("details").get("backlog").longValue() > 0 && outbox.get("details").has("lastError");
            });
            JsonNode down = api.get("/actuator/health/events", null).json().get("components").get("outbox").get("details");
            System.out.printf("KafkaEventsTest: broker down, %d changes acknowledged; health backlog %d, lastError %s%n",
                    CHANGES_WHILE_DOWN, down.get("backlog").longValue(), down.get("lastError").stringValue());

            long restarted = System.nanoTime();
            broker.start();
            await("the outbox drains", DRAIN, () -> unpublished() == 0);
            await("the health shows no backlog", () -> {
                JsonNode health = api.get("/actuator/health/events", null).json();
                JsonNode outbox = health.get("components").get("outbox");
                return "UP".equals(health.get("status").stringValue()) && outbox.get("details").get("backlog").longValue() == 0
                        && !outbox.get("details").has("lastError");
            });
            double drainSeconds = (System.nanoTime() - restarted) / 1e9;

            Set<String> ids = new LinkedHashSet<>();
            written.forEach(row -> ids.add(row.eventId().toString()));
            List<ConsumerRecord<String, String>> records = broker.readTopic(Topics.TASK_EVENTS, WAIT, ids);
            Map<String, Integer> copies = new HashMap<>();
            Map<String, List<String>> firstSeenPerUser = new LinkedHashMap<>();
            for (ConsumerRecord<String, String> record : records) {
                String ceId = header(record, "ce_id");
                if (ids.contains(ceId) && copies.merge(ceId, 1, Integer::sum) == 1) {
                    firstSeenPerUser.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(ceId);
                }
            }
            int duplicates = copies.values().stream().mapToInt(n -> n - 1).sum();
            System.out.printf("KafkaEventsTest: %d events written while down, %d distinct on the topic, %d duplicates"
                    + " before de-duplication, drained %.1f s after the broker restart began%n",
                    ids.size(), copies.size(), duplicates, drainSeconds);

            assertThat(copies.keySet()).as("every event written while the broker was down, on the topic")
                    .containsExactlyInAnyOrderElementsOf(ids);
            for (Session user : List.of(alice, bob)) {
                List<String> inOutboxOrder = written.stream().filter(row -> row.userId().toString().equals(user.userId()))
                        .map(row -> row.eventId().toString()).toList();
                assertThat(inOutboxOrder).hasSize(CHANGES_WHILE_DOWN / 2);
                assertThat(firstSeenPerUser.get(user.userId())).as("%s's events in the order they were written", user.email())
                        .containsExactlyElementsOf(inOutboxOrder);
            }
        } finally {
            broker.start();
        }
    }

    /** One outbox row: its event and user. */
    record OutboxEvent(UUID eventId, UUID userId) {
    }

    /** The two users' events in the order they were written: published ones in publication order, then the rest. */
    private List<OutboxEvent> rowsOf(Session a, Session b) {
        return db.sql("SELECT event_id, user_id FROM " + WRITTEN + " WHERE user_id IN (:a, :b) ORDER BY part, n")
                .param("a", UUID.fromString(a.userId())).param("b", UUID.fromString(b.userId()))
                .query((row, n) -> new OutboxEvent(row.getObject("event_id", UUID.class), row.getObject("user_id", UUID.class)))
                .list();
    }

    private long unpublished() {
        return db.sql("SELECT count(*) FROM outbox").query(Long.class).single();
    }

    private long backlog() {
        return api.get("/actuator/health/events", null).json().get("components").get("outbox").get("details")
                .get("backlog").longValue();
    }

    private static Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap());
        return config;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return KafkaBroker.header(record, name);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, WAIT, condition);
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("%s within %s", what, timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
