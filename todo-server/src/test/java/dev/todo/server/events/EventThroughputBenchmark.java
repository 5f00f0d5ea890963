package dev.todo.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.todo.server.Api;
import dev.todo.server.Api.Session;
import dev.todo.server.TodoServerApplication;
import dev.todo.server.task.Tasks;
import dev.todo.server.task.Via;

/**
 * NFR-5.1's event throughput and latency, measured, not asserted (beyond every event arriving once). With a real
 * Kafka broker in-process (KRaft, 3 partitions) and the server on an embedded PostgreSQL, in one run:
 * <ol>
 * <li>the raw rate of a Kafka producer with the relay's settings on this machine: the limit;</li>
 * <li>end to end: {@value #BACKLOG} events of ~1 KB committed to the outbox in one transaction, from that commit to
 * the last one received by a consumer of {@code task-events} (every id once);</li>
 * <li>latency from commit to the SSE client (through the relay, Kafka and the live feed) at 1,000 events/s;</li>
 * <li>the task write path (task + outbox row per transaction) from concurrent writers; and the in-process relay.</li>
 * </ol>
 * Not a test (no *Test name): run it with {@code ./todo bench events}.
 */
class EventThroughputBenchmark {

    private static final int BACKLOG = 100_000;
    private static final int USERS = 1_000;
    private static final int WRITES = 5_000;
    private static final int WRITERS = 16;
    private static final int PACED_RATE = 1_000;
    private static final int PACED_SECONDS = 10;
    private static final String PAYLOAD = "{\"id\":\"%s\",\"type\":\"TaskUpdated\",\"version\":\"1.0\",\"data\":{\"task\":"
            + "{\"title\":\"" + "x".repeat(800) + "\"}}}";

    @Test
    void throughputAndLatency() throws Exception {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        String brokers = kafka.getBrokersAsString();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            double raw = rawProducerRate(brokers);
            try (ConfigurableApplicationContext server = start(postgres, Files.createTempDirectory("todo-bench"),
                    "todo.kafka.brokers=" + brokers)) {
                JdbcClient db = server.getBean(JdbcClient.class);
                double endToEnd = endToEnd(db, brokers);
                System.out.printf("end to end / raw producer: %.0f%%%n", 100 * endToEnd / raw);
                latencyToStream(server);
                writePath(server);
            }
            try (ConfigurableApplicationContext server = start(postgres, Files.createTempDirectory("todo-bench"),
                    "todo.database.schema=inprocess")) {
                inProcess(server.getBean(JdbcClient.class));
            }
        } finally {
            kafka.destroy();
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path home, String... extra) {
        String[] args = Stream.concat(Stream.of("server.port=0", "todo.home=" + home,
                                "todo.database.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                                "todo.database.username=postgres", "todo.database.password=unused",
                                "todo.rate-limit.user-per-minute=1000000", "logging.level.root=WARN"),
                        Stream.of(extra))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    /** A producer with KafkaSink's settings sending the same records as fast as it can: this machine's limit. */
    private static double rawProducerRate(String brokers) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>("bench-raw", "warm-up", "warm-up")).get();
            List<Future<RecordMetadata>> acks = new ArrayList<>(BACKLOG);
            long start = System.nanoTime();
            for (int i = 0; i < BACKLOG; i++) {
                String id = UUID.randomUUID().toString();
                acks.add(producer.send(new ProducerRecord<>("bench-raw", userOf(i).toString(), PAYLOAD.formatted(id))));
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
            double perSecond = BACKLOG / seconds(start);
            System.out.printf("raw Kafka producer: %,d records of ~1 KB acknowledged at %,.0f records/s%n", BACKLOG, perSecond);
            return perSecond;
        }
    }

    /** Commits the backlog, then times until a consumer of task-events has received every one of its events. */
    private static double endToEnd(JdbcClient db, String brokers) throws Exception {
        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicLong lastReceipt = new AtomicLong();
        // The relay creates the topics before its first publication: one event first, then nothing left to publish.
        UUID warmUp = UUID.randomUUID();
        db.sql("INSERT INTO outbox (event_id, topic, user_id, event_type, payload, created_at)"
                        + " VALUES (:id, 'task-events', :user, 'TaskUpdated', :payload, now())")
                .param("id", warmUp).param("user", userOf(0)).param("payload", PAYLOAD.formatted(warmUp)).update();
        while (db.sql("SELECT count(*) FROM outbox").query(Long.class).single() > 0) {
            Thread.sleep(50);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig(brokers))) {
            waitForTopic(consumer);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASK_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long committed = fillOutbox(db);
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (received.size() < BACKLOG && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8));
                    lastReceipt.set(System.nanoTime());
                }
            }
            assertThat(received).as("every event received").hasSize(BACKLOG);
            double seconds = (lastReceipt.get() - committed) / 1e9;
            double perSecond = BACKLOG / seconds;
            System.out.printf("end to end (outbox commit -> relay -> Kafka -> consumer): %,d events in %.2f s = %,.0f events/s,"
                    + " each id once%n", BACKLOG, seconds, perSecond);
            return perSecond;
        }
    }

    /** Writes the backlog in one transaction, as the task module writes each event; returns the nanoTime of its commit. */
    private static long fillOutbox(JdbcClient db) {
        db.sql("""
                INSERT INTO outbox (event_id, topic, user_id, event_type, payload, created_at)
                SELECT id, 'task-events', ('00000000-0000-0000-0000-' || lpad((n % :users)::text, 12, '0'))::uuid,
                       'TaskUpdated', format(:payload, id), now()
                FROM (SELECT n, gen_random_uuid() AS id FROM generate_series(1, :n) AS n) AS rows""")
                .param("users", USERS).param("payload", PAYLOAD).param("n", BACKLOG).update();
        return System.nanoTime();
    }

    /**
     * One user's SSE stream open over HTTP while events for that user are committed at {@value #PACED_RATE} a second
     * for {@value #PACED_SECONDS} s (each committed, then the relay woken, as a task change does): the time from each
     * commit to its arrival on the stream.
     */
    private static void latencyToStream(ConfigurableApplicationContext server) throws Exception {
        int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
        Session user = new Api(port).register();
        UUID userId = UUID.fromString(user.userId());
        JdbcClient db = server.getBean(JdbcClient.class);
        OutboxRelay relay = server.getBean(OutboxRelay.class);
        KafkaFeed feed = server.getBean(KafkaFeed.class);
        while (!feed.assigned()) {
            Thread.sleep(50);
        }
        int total = PACED_RATE * PACED_SECONDS;
        Map<String, Long> committedAt = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (SseClient stream = SseClient.open("http://localhost:" + port, user.accessToken(), null)) {
            Thread reader = Thread.ofVirtual().start(() -> {
                try {
                    while (latencies.size() < total) {
                        SseClient.Frame frame = stream.nextEvent(Duration.ofSeconds(10));
                        if (frame == null) {
                            return;
                        }
                        long now = System.nanoTime();
                        Long at = committedAt.get(frame.id());
                        if (at != null) {
                            latencies.add(now - at);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long start = System.nanoTime();
            long intervalNanos = 1_000_000_000L / PACED_RATE;
            for (int i = 0; i < total; i++) {
                long due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                UUID id = UUID.randomUUID();
                db.sql("INSERT INTO outbox (event_id, topic, user_id, event_type, payload, created_at)"
                                + " VALUES (:id, 'task-events', :user, 'TaskUpdated', :payload, now())")
                        .param("id", id).param("user", userId).param("payload", PAYLOAD.formatted(id)).update();
                committedAt.put(id.toString(), System.nanoTime());
                relay.wakeAfterCommit();
            }
            double sendSeconds = seconds(start);
            reader.join(Duration.ofSeconds(30));
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            assertThat(sorted).as("every event on the stream").hasSize(total);
            System.out.printf("commit -> SSE client (relay, Kafka, live feed, HTTP) at %,.0f events/s for %d s: p50 %.1f ms,"
                            + " p99 %.1f ms, max %.1f ms%n", total / sendSeconds, PACED_SECONDS, millis(sorted, 0.50),
                    millis(sorted, 0.99), sorted.getLast() / 1e6);
        }
    }

    /** Concurrent writers creating tasks through the task module: each a task row and its outbox row. */
    private static void writePath(ConfigurableApplicationContext server) throws InterruptedException {
        Tasks tasks = server.getBean(Tasks.class);
        JdbcClient db = server.getBean(JdbcClient.class);
        List<UUID> users = Stream.generate(UUID::randomUUID).limit(WRITERS).toList();
        for (UUID user : users) {
            db.sql("""
                    INSERT INTO users (id, email, name, password_hash, email_verified, time_zone, created_at, updated_at)
                    VALUES (:id, :email, 'Bench', 'x', true, 'UTC', now(), now())""")
                    .param("id", user).param("email", user + "@bench.test").update();
        }
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Thread> writers = users.stream().map(user -> Thread.ofVirtual().start(() -> {
            while (next.getAndIncrement() < WRITES) {
                tasks.create(user, Via.API, Map.of("title", "bench task"));
            }
        })).toList();
        for (Thread writer : writers) {
            writer.join();
        }
        System.out.printf("write path: %,d task creations (task + outbox row, one transaction each) by %d writers"
                + " = %,.0f events/s%n", WRITES, WRITERS, WRITES / seconds(start));
    }

    /** The relay with no broker: from the backlog's commit until none is unpublished. */
    private static void inProcess(JdbcClient db) throws InterruptedException {
        long committed = fillOutbox(db);
        while (db.sql("SELECT count(*) FROM outbox").query(Long.class).single() > 0) {
            Thread.sleep(10);
        }
        System.out.printf("relay in-process (no broker): %,d events published at %,.0f events/s%n", BACKLOG,
                BACKLOG / seconds(committed));
    }

    private static Map<String, Object> consumerConfig(String brokers) {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    }

    /** The topic exists once the relay has published; its metadata may reach this consumer a moment later. */
    private static void waitForTopic(KafkaConsumer<String, String> consumer) throws InterruptedException {
        while (consumer.listTopics(Duration.ofSeconds(5)).get(Topics.TASK_EVENTS) == null) {
            Thread.sleep(200);
        }
    }

    private static UUID userOf(int n) {
        return UUID.fromString("00000000-0000-0000-0000-%012d".formatted(n % USERS));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static double millis(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
