package dev.todo.server.events;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.SequencedSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;

import dev.todo.server.web.EventStreamResponse;

/**
 * One open {@code GET /api/v1/events}: server-sent events written straight to the response by the request's
 * (virtual) thread. The hub only queues events here, so a slow client holds up nobody; one that falls a whole
 * queue behind is closed and resumes from its last id. Each event is written once, whether it arrives by replay
 * or live, or twice from the broker.
 */
final class LiveStream implements AutoCloseable {

    private static final int QUEUE = 1000;
    private static final int REMEMBERED_IDS = 4096;
    private static final LiveEvent CLOSE = new LiveEvent(null, "", null, "");

    private final PrintWriter out;
    private final BlockingQueue<LiveEvent> queue = new LinkedBlockingQueue<>(QUEUE);
    private final SequencedSet<UUID> written = new LinkedHashSet<>();
    private final Runnable unsubscribe;
    private volatile boolean overflowed;

    LiveStream(HttpServletResponse response, EventHub hub, UUID userId) throws IOException {
        this.out = EventStreamResponse.start(response);
        this.unsubscribe = hub.subscribe(userId, this);
        out.write("retry: 2000\n: connected\n\n");
        out.flush();
    }

    /** From the hub, on any thread: queued, never blocking. */
    void accept(LiveEvent event) {
        if (!queue.offer(event)) {
            overflowed = true;
            queue.clear();
            queue.offer(CLOSE);
        }
    }

    /** Ends the stream from outside (the server is stopping): the client reconnects, to another replica. */
    void end() {
        queue.clear();
        queue.offer(CLOSE);
    }

    /** Writes an event the client missed, before the live ones; call on the request thread only. */
    boolean replay(LiveEvent event) {
        return write(event);
    }

    /**
     * Writes live events as they come and a heartbeat comment when none came for {@code heartbeat}, until the
     * client goes away, the stream is closed or {@code maxDuration} has passed (the client then reconnects).
     */
    void run(Duration heartbeat, Duration maxDuration) throws InterruptedException {
        long deadline = System.nanoTime() + maxDuration.toNanos();
        while (System.nanoTime() < deadline) {
            LiveEvent event = queue.poll(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            if (event == CLOSE || overflowed) {
                return;
            }
            boolean open = event == null ? heartbeat() : write(event);
            if (!open) {
                return;
            }
        }
    }

    private boolean heartbeat() {
        out.write(": heartbeat\n\n");
        out.flush();
        return !out.checkError();
    }

    private boolean write(LiveEvent event) {
        if (event.id() != null) {
            if (!written.add(event.id())) {
                return true;
            }
            if (written.size() > REMEMBERED_IDS) {
                written.removeFirst();
            }
            out.write("id: " + event.id() + "\n");
        }
        out.write("event: " + Topics.streamEventName(event.topic()) + "\ndata: " + event.payload() + "\n\n");
        out.flush();
        return !out.checkError();
    }

    @Override
    public void close() {
        unsubscribe.run();
    }
}
