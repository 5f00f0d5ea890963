package dev.todo.server;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/** For tests of what listeners do after a commit: waits until they have handled every event. */
public final class EventListeners {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EventListeners() {
    }

    /** Returns once the event publication registry holds nothing unfinished (finished ones are deleted). */
    public static void awaitDone(JdbcClient db) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (db.sql("SELECT count(*) FROM event_publication").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the listeners did not finish within " + WAIT);
            }
            Thread.sleep(20);
        }
    }
}
