package dev.todo.server.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to Kafka: key = the user's id (one user's events share a partition, so they stay in order), value =
 * the event JSON, CloudEvents 1.0 attributes as {@code ce_*} headers (binary mode). The producer is idempotent
 * with {@code acks=all} and no delivery timeout (records wait in the producer, in order, until the broker takes
 * them); a batch counts as published only once every record is acknowledged within {@code todo.kafka.timeout}. Topics are created
 * if missing, before the first batch.
 */
final class KafkaSink implements EventSink, AutoCloseable {

    private final KafkaSettings settings;
    private final KafkaProducer<String, String> producer;
    private volatile boolean topicsReady;

    KafkaSink(KafkaSettings settings) {
        this.settings = settings;
        Map<String, Object> config = settings.common("todo-outbox-relay");
        int timeoutMs = (int) settings.timeout().toMillis();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        // Records are never expired by the producer: an expired batch would let the later batches of the same
        // partition through, so after a broker outage a user's events could reach the topic out of order (the relay
        // sends the failed rows again, but behind the later ones). The relay waits at most `timeout` for the
        // acknowledgements and retries the batch; the first attempt's records still go out, in order, before the
        // repeats, which consumers drop by ce_id.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        this.producer = new KafkaProducer<>(config);
    }

    @Override
    public void publish(List<Outbox.Row> rows) throws Exception {
        ensureTopics();
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        for (Outbox.Row row : rows) {
            Future<RecordMetadata> ack = producer.send(record(row));
            if (ack.isDone()) {
                // Refused at once (no metadata within max.block.ms, a full buffer): the rows after it must not go
                // out ahead of it, so the batch stops here and is sent again later.
                ack.get();
            }
            sent.add(ack);
        }
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        for (Future<RecordMetadata> ack : sent) {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    static ProducerRecord<String, String> record(Outbox.Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.userId().toString(), row.payload());
        header(record, "ce_id", row.eventId().toString());
        header(record, "ce_type", row.eventType());
        header(record, "ce_source", OutboxWriter.SOURCE);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_time", DateTimeFormatter.ISO_INSTANT.format(row.createdAt()));
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private void ensureTopics() throws Exception {
        if (topicsReady) {
            return;
        }
        try (Admin admin = Admin.create(settings.common("todo-topic-setup"))) {
            for (String topic : List.of(Topics.TASK_EVENTS, Topics.REMINDERS)) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, settings.partitions(), settings.replication())))
                            .all().get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        topicsReady = true;
    }

    @Override
    public boolean local() {
        return false;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void close() {
        producer.close(settings.timeout());
    }
}
