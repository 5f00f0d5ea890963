package dev.todo.server.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import dev.todo.server.TodoServerApplication;
import dev.todo.server.task.Tasks;
import dev.todo.server.task.Via;

/**
 * NFR-5.1's event throughput, measured, not asserted: how many events a second the outbox relay publishes to a real
 * Kafka broker (in-process KRaft) and in-process, from a backlog of {@value #BACKLOG} events of ~1 KB written the way
 * the task module writes them; and how many task changes a second the whole write path (task row + outbox row, one
 * transaction each) takes from concurrent writers. It checks that every event arrived once, and prints the figures.
 * Not a test (no *Test name): run it with {@code ./todo bench events}.
 */
class EventThroughputBenchmark {

    private static final int BACKLOG = 100_000;
    private static final int USERS = 1_000;
    private static final int WRITES = 5_000;
    private static final int WRITERS = 16;

    @Test
    void relayAndWriteThroughput() throws Exception {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.afterPropertiesSet();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            Path home = Files.createTempDirectory("todo-bench");
            try (ConfigurableApplicationContext server = start(postgres, home, "todo.kafka.brokers=" + kafka.getBrokersAsString())) {
                JdbcClient db = server.getBean(JdbcClient.class);
                double perSecond = drain(db, "kafka");
                int onTopic = countOnTopic(kafka.getBrokersAsString());
                System.out.printf("relay -> Kafka: %,d events in the topic (expected %,d)%n", onTopic, BACKLOG);
                assertThat(onTopic).isEqualTo(BACKLOG);
                assertThat(perSecond).isPositive();
                writePath(server);
            }
            try (ConfigurableApplicationContext server = start(postgres, Files.createTempDirectory("todo-bench"),
                    "todo.database.schema=inprocess")) {
                drain(server.getBean(JdbcClient.class), "in-process");
            }
        } finally {
            kafka.destroy();
        }
    }

    private static ConfigurableApplicationContext start(EmbeddedPostgres postgres, Path home, String... extra) {
        String[] args = Stream.concat(Stream.of("server.port=0", "todo.home=" + home,
                                "todo.database.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
                                "todo.database.username=postgres", "todo.database.password=unused",
                                "logging.level.root=WARN"),
                        Stream.of(extra))
                .map(p -> "--" + p).toArray(String[]::new);
        return new SpringApplicationBuilder(TodoServerApplication.class).run(args);
    }

    /** Writes the backlog in one transaction, then times the relay until nothing is unpublished. */
    private static double drain(JdbcClient db, String sink) throws InterruptedException {
        String payload = "{\"id\":\"%s\",\"type\":\"TaskUpdated\",\"version\":\"1.0\",\"data\":{\"task\":{\"title\":\""
                + "x".repeat(800) + "\"}}}";
        db.sql("""
                INSERT INTO outbox (event_id, topic, user_id, event_type, payload, created_at)
                SELECT id, 'task-events', ('00000000-0000-0000-0000-' || lpad((n % :users)::text, 12, '0'))::uuid,
                       'TaskUpdated', format(:payload, id), now()
                FROM (SELECT n, gen_random_uuid() AS id FROM generate_series(1, :n) AS n) AS rows""")
                .param("users", USERS).param("payload", payload).param("n", BACKLOG).update();
        long start = System.nanoTime();
        while (db.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single() > 0) {
            Thread.sleep(10);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double perSecond = BACKLOG / seconds;
        System.out.printf("relay -> %s: %,d events of ~1 KB in %.2f s = %,.0f events/s%n", sink, BACKLOG, seconds, perSecond);
        return perSecond;
    }

    private static int countOnTopic(String brokers) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.TASK_EVENTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long total = ends.values().stream().mapToLong(Long::longValue).sum();
            long read = 0;
            while (read < total) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    ids.add(new String(record.headers().lastHeader("ce_id").value()));
                    read++;
                }
            }
            System.out.printf("relay -> Kafka: %,d records read back, %,d distinct event ids%n", read, ids.size());
        }
        return ids.size();
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
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("write path: %,d task creations (task + outbox row, one transaction each) by %d writers in"
                + " %.2f s = %,.0f events/s%n", WRITES, WRITERS, seconds, WRITES / seconds);
    }
}
