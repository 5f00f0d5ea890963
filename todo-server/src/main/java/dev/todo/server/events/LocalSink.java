package dev.todo.server.events;

import java.util.List;

/** Without Kafka: the relay hands the rows to this process's streams once they are stamped as published. */
final class LocalSink implements EventSink {

    @Override
    public void publish(List<Outbox.Row> rows) {
        // Nothing leaves the process: OutboxRelay passes the rows to the hub after its transaction commits.
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
