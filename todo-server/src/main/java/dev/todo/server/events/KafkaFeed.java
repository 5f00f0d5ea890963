package dev.todo.server.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * With Kafka, every replica reads {@code task-events} and {@code reminders} itself and hands each record to the
 * streams open on it, so a change made through replica A reaches a browser connected to replica B. It reads every
 * partition from the end (no consumer group: nothing to rebalance, nothing to commit); what a stream missed while
 * disconnected it gets from the outbox when it resumes ({@code Last-Event-ID}).
 */
@Component
class KafkaFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(KafkaFeed.class);

    private final KafkaSettings settings;
    private final EventHub hub;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile boolean assigned;

    KafkaFeed(KafkaSettings settings, EventHub hub) {
        this.settings = settings;
        this.hub = hub;
    }

    /** True once this replica reads every partition of both topics. */
    boolean assigned() {
        return assigned;
    }

    private void loop() {
        Map<String, Object> config = settings.common("todo-live-feed-" + UUID.randomUUID());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        // Looking a topic up must not create it: a broker with auto.create.topics.enable (Kafka's default) would
        // make it with its default partition count before KafkaSink creates it with todo.kafka.topic-partitions.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config)) {
            consumer = kafka;
            while (running && !assigned) {
                assigned = assign(kafka);
                if (!assigned) {
                    Thread.sleep(1000);
                }
            }
            while (running) {
                for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(500))) {
                    deliver(record);
                }
            }
        } catch (WakeupException | InterruptedException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("Events: the live feed from Kafka stopped; open streams get no more events", e);
        }
    }

    /** Assigns every partition of both topics, at their current ends; false while the topics are not there. */
    private boolean assign(KafkaConsumer<String, String> kafka) {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.TASK_EVENTS, Topics.REMINDERS)) {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, settings.timeout());
                if (infos == null || infos.isEmpty()) {
                    return false;
                }
                infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            kafka.assign(partitions);
            kafka.seekToEnd(partitions);
            partitions.forEach(kafka::position);
            log.info("Events: reading {} partitions of {} and {} for this replica's streams", partitions.size(),
                    Topics.TASK_EVENTS, Topics.REMINDERS);
            return true;
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            log.debug("Events: Kafka topics not readable yet", e);
            return false;
        }
    }

    /**
     * Hands a record to the streams of its user. Only Todo's own records go (a user id as key, a {@code ce_id} and
     * {@code ce_source: todo-backend}); anything else another producer put on the topic is logged and skipped, and
     * the feed goes on.
     */
    void deliver(ConsumerRecord<String, String> record) {
        try {
            if (!OutboxWriter.SOURCE.equals(header(record, "ce_source")) || record.value() == null) {
                throw new IllegalArgumentException("not from " + OutboxWriter.SOURCE);
            }
            UUID userId = UUID.fromString(record.key());
            UUID eventId = UUID.fromString(header(record, "ce_id"));
            hub.deliver(new LiveEvent(eventId, record.topic(), userId, record.value()));
        } catch (RuntimeException e) {
            log.warn("Events: skipped a record of {} that is not Todo's (partition {}, offset {}: {})", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("kafka-live-feed").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<String, String> kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread feed = thread;
        if (feed != null) {
            try {
                feed.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
