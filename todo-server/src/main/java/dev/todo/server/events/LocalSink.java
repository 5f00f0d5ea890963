package dev.todo.server.events;

import java.util.List;

/** Without Kafka: publishing is moving the rows to the published events; every replica's {@link OutboxTail} reads them. */
final class LocalSink implements EventSink {

    @Override
    public void publish(List<Outbox.Row> rows) {
        // Nothing leaves the database: the relay's move to published_events is the publication.
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public String name() {
        return "in-process";
    }
}
