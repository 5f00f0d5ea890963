package dev.todo.server.events;

import java.util.List;

/** Without Kafka: publishing is stamping the rows; every replica's {@link OutboxTail} then reads them. */
final class LocalSink implements EventSink {

    @Override
    public void publish(List<Outbox.Row> rows) {
        // Nothing leaves the database: the stamp the relay writes is the publication.
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
