package dev.todo.server.events;

import java.util.UUID;

/** An event on its way to a user's open streams: {@code payload} is sent as the SSE data, as is. */
record LiveEvent(UUID id, String topic, UUID userId, String payload) {

    static LiveEvent of(Outbox.Row row) {
        return new LiveEvent(row.eventId(), row.topic(), row.userId(), row.payload());
    }
}
