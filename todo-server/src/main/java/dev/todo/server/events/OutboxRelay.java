package dev.todo.server.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes the outbox, oldest row first, at least once: a batch is handed to the sink and moved to the published events
 * in one database transaction, so a crash or a broker outage between the two only means the batch goes out again
 * (consumers drop repeats by event id). One relay works at a time across replicas (a transaction-scoped advisory
 * lock). It wakes when a change commits, and polls for what other replicas wrote. While the sink fails it backs off
 * (1 s, doubling, at most 30 s); writes go on succeeding and wait in the outbox.
 */
@Component
class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** How often the backlog figures (health, metrics) are read while all goes well. */
    private static final Duration BACKLOG_EVERY = Duration.ofSeconds(1);

    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final EventSink sink;
    private final OutboxTail tail;
    private final Clock clock;
    private final int batchSize;
    private final Duration pollInterval;
    private final Duration linger;
    private final Duration retention;
    private final Semaphore wake = new Semaphore(0);
    private final Counter published;
    private final Counter failures;
    private final AtomicLong backlogRows = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    private volatile Thread thread;
    private volatile boolean running;
    private volatile String lastError;
    private long backlogReadAt;

    OutboxRelay(Outbox outbox, TransactionTemplate transactions, EventSink sink, OutboxTail tail, EventHub hub,
                Clock clock,
                MeterRegistry meters,
                @Value("${todo.events.relay-batch-size:1000}") int batchSize,
                @Value("${todo.events.relay-poll-interval:500ms}") Duration pollInterval,
                @Value("${todo.events.relay-linger:10ms}") Duration linger,
                @Value("${todo.events.outbox-retention:1d}") Duration retention) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.sink = sink;
        this.tail = tail;
        this.clock = clock;
        this.batchSize = batchSize;
        this.pollInterval = pollInterval;
        this.linger = linger;
        this.retention = retention;
        this.published = Counter.builder("todo.events.published").description("Events the relay published")
                .tag("sink", sink.name()).register(meters);
        this.failures = Counter.builder("todo.events.publish.failures")
                .description("Relay batches the sink refused or did not acknowledge in time").register(meters);
        Gauge.builder("todo.outbox.backlog", backlogRows, AtomicLong::get)
                .description("Events written but not yet published").register(meters);
        Gauge.builder("todo.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unpublished event (0 when none)").register(meters);
        Gauge.builder("todo.events.streams", hub, EventHub::openStreams)
                .description("Open event streams (GET /api/v1/events) on this replica").register(meters);
    }

    /** Wakes the relay once the current transaction commits (at once outside one). */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    /** What the health indicator shows. */
    record Status(String sink, long backlog, long oldestAgeSeconds, String lastError) {
    }

    Status status() {
        return new Status(sink.name(), backlogRows.get(), oldestAgeSeconds.get(), lastError);
    }

    private void loop() {
        int failed = 0;
        while (running) {
            try {
                while (running && relayBatch() == batchSize) {
                    // a full batch: more may be waiting
                }
                if (failed > 0) {
                    log.info("Events: the {} sink accepts events again; the outbox is draining", sink.name());
                }
                failed = 0;
                lastError = null;
            } catch (RuntimeException e) {
                failed++;
                failures.increment();
                lastError = describe(e);
                if (failed == 1 || failed % 20 == 0) {
                    log.warn("Events: could not publish to {} ({}); writes go on, events wait in the outbox",
                            sink.name(), lastError);
                }
            }
            if (failed > 0 || System.nanoTime() - backlogReadAt > BACKLOG_EVERY.toNanos()) {
                refreshBacklog();
                backlogReadAt = System.nanoTime();
            }
            try {
                if (failed == 0) {
                    // Woken by a commit, wait a moment for the commits right behind it: one batch instead of many.
                    if (wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                        Thread.sleep(linger.toMillis());
                    }
                } else {
                    Thread.sleep(backoff(failed).toMillis());
                }
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Publishes one batch; returns its size (0 when nothing waits or another replica is relaying). */
    int relayBatch() {
        List<Outbox.Row> batch = transactions.execute(status -> {
            if (!outbox.takeRelayLock()) {
                return List.<Outbox.Row>of();
            }
            List<Outbox.Row> rows = outbox.publishOldest(batchSize, clock.instant());
            if (rows.isEmpty()) {
                return rows;
            }
            try {
                sink.publish(rows);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while publishing", e);
            } catch (Exception e) {
                throw new SinkFailure(e);
            }
            return rows;
        });
        if (sink.local() && !batch.isEmpty()) {
            tail.wake();
        }
        published.increment(batch.size());
        return batch.size();
    }

    private void refreshBacklog() {
        try {
            Outbox.Backlog backlog = outbox.backlog();
            backlogRows.set(backlog.rows());
            oldestAgeSeconds.set(backlog.oldest() == null ? 0
                    : Math.max(0, Duration.between(backlog.oldest(), clock.instant()).toSeconds()));
        } catch (RuntimeException e) {
            log.debug("Events: could not read the outbox backlog", e);
        }
    }

    static Duration backoff(int failed) {
        long seconds = 1L << Math.min(failed - 1, 5);
        return Duration.ofSeconds(seconds).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Published rows are kept for a day, the window in which a stream can resume; then deleted. */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void purgeOld() {
        int deleted = outbox.purgePublishedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Events: deleted {} published events older than {}", deleted, retention);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay != null) {
            relay.interrupt();
            try {
                relay.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The sink refused a batch or did not acknowledge it; the batch stays unpublished. */
    static final class SinkFailure extends RuntimeException {
        SinkFailure(Throwable cause) {
            super(cause);
        }
    }
}
