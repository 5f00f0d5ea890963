package dev.todo.server.reminder;

import java.time.Instant;
import java.util.UUID;

/**
 * A reminder that is due now, published once (topic {@code reminders}, the {@code reminder} event of the user's
 * stream, and an email if they asked for one).
 *
 * @param late true if it fires more than a minute after its time (the server was down then)
 */
public record ReminderDue(UUID id, long taskId, UUID userId, String title, Instant dueAt, Instant remindAt,
                          boolean late) {
}
