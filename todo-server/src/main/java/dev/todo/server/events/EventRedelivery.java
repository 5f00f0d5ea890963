package dev.todo.server.events;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands every event a listener has not finished within a minute (it failed: the database was busy, the SMTP server
 * down) to that listener again, every minute, instead of only at the next start. The listeners drop repeats.
 */
@Component
class EventRedelivery {

    static final Duration OLDER_THAN = Duration.ofMinutes(1);

    private final IncompleteEventPublications incomplete;

    EventRedelivery(IncompleteEventPublications incomplete) {
        this.incomplete = incomplete;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1M")
    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(OLDER_THAN);
    }
}
