package dev.todo.server.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Without Kafka, every replica follows the outbox itself: it reads the rows published since the last one it saw, in
 * publication order, and hands them to the streams open on it. So the chart's two replicas keep their browsers in
 * sync with no broker at all; with Kafka, {@link KafkaFeed} does this job instead. The relay numbers rows one batch
 * at a time under its lock, so reading by that number never skips a row.
 */
@Component
class OutboxTail implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxTail.class);
    private static final int BATCH = 500;

    private final Outbox outbox;
    private final EventHub hub;
    private final EventSink sink;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;
    private volatile boolean running;

    OutboxTail(Outbox outbox, EventHub hub, EventSink sink,
               @Value("${todo.events.tail-poll-interval:250ms}") Duration pollInterval) {
        this.outbox = outbox;
        this.hub = hub;
        this.sink = sink;
        this.pollInterval = pollInterval;
    }

    /** The relay published a batch here: read it now rather than at the next poll. */
    void wake() {
        wake.release();
    }

    private void loop() {
        long last = -1;
        while (running) {
            try {
                if (last < 0 || hub.openStreams() == 0) {
                    // Nobody to tell: only keep up with the number (no payloads read). Read before looking again,
                    // so a stream that opened meanwhile misses nothing published after it opened.
                    long newest = outbox.lastPublishSeq();
                    if (last < 0 || hub.openStreams() == 0) {
                        last = newest;
                    }
                }
                List<Outbox.Published> rows;
                while (running) {
                    rows = outbox.publishedSince(last, BATCH);
                    for (Outbox.Published published : rows) {
                        hub.deliver(LiveEvent.of(published.row()));
                        last = published.publishSeq();
                    }
                    if (rows.size() < BATCH) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                log.debug("Events: could not read the outbox for this replica's streams", e);
            }
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void start() {
        if (!sink.local()) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-tail").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        Thread tail = thread;
        if (tail != null) {
            tail.interrupt();
            try {
                tail.join(Duration.ofSeconds(10));
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
