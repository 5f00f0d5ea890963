package dev.todo.server.events;

import java.util.List;

/** Where the relay publishes: Kafka, or this process alone. */
interface EventSink {

    /** Publishes the rows in order, returning only once all are acknowledged; throws if any may not be. */
    void publish(List<Outbox.Row> rows) throws Exception;

    /** True if the streams learn of published rows from the outbox itself ({@link OutboxTail}), not a broker. */
    boolean local();

    /** {@code kafka} or {@code in-process}, for the health details. */
    String name();
}
