package dev.todo.server.events;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The open streams of this process, by user: an event reaches only its own user's streams. Delivery never
 * blocks the caller (each stream queues what it is sent). When the server stops, the streams end first, so the
 * graceful shutdown does not wait for them and the clients reconnect elsewhere.
 */
@Component
class EventHub implements SmartLifecycle {

    private final Map<UUID, Set<LiveStream>> streams = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Registers a stream; returns what removes it. */
    Runnable subscribe(UUID userId, LiveStream stream) {
        streams.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        if (!running) {
            stream.end();
        }
        return () -> streams.computeIfPresent(userId, (id, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    void deliver(LiveEvent event) {
        Set<LiveStream> open = streams.get(event.userId());
        if (open != null) {
            open.forEach(stream -> stream.accept(event));
        }
    }

    /** How many streams are open, for the metrics. */
    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        streams.values().forEach(set -> set.forEach(LiveStream::end));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
