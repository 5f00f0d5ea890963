package dev.todo.server.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires reminders: every second it claims those that are due and publishes a {@link ReminderDue} for each in the
 * same transaction (the outbox takes it from there). A reminder whose time passed while no server ran fires when
 * one starts, marked late.
 */
@Component
class ReminderClock {

    private static final Logger log = LoggerFactory.getLogger(ReminderClock.class);
    private static final int BATCH = 100;
    /** Fired more than this after its time, a reminder is marked late. */
    static final Duration LATE_AFTER = Duration.ofMinutes(1);

    private final Reminders reminders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReminderClock(Reminders reminders, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.reminders = reminders;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${todo.reminders.first-check:1s}", fixedDelayString = "${todo.reminders.check-every:1s}")
    void fireDue() {
        int fired;
        do {
            fired = fireBatch();
        } while (fired == BATCH);
    }

    /** Claims and publishes one batch of due reminders; returns how many. */
    int fireBatch() {
        Integer fired = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Reminders.Row> due = reminders.claimDue(now, BATCH);
            for (Reminders.Row row : due) {
                boolean late = Duration.between(row.remindAt(), now).compareTo(LATE_AFTER) > 0;
                events.publishEvent(new ReminderDue(UUID.randomUUID(), row.taskId(), row.userId(), row.title(),
                        row.dueAt(), row.remindAt(), late));
                if (late) {
                    log.info("Reminders: task {} reminded {} late", row.taskId(), Duration.between(row.remindAt(), now));
                }
            }
            return due.size();
        });
        return fired == null ? 0 : fired;
    }
}
