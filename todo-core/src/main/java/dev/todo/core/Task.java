package dev.todo.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A task, immutable: every change returns a new task with {@code updatedAt} moved on. The rules that
 * hold for every task live here and in {@link TaskFields}: a valid title and description, a
 * completion time exactly when the task is done, and a due date under any due time, reminder or repeat.
 *
 * <p>{@code dueTime} is a wall-clock time in the owner's time zone; {@code reminderMinutesBefore} counts
 * back from the due moment (the due time, or 09:00 without one); {@code recurrence} is a canonical RRULE
 * of the subset {@link Recurrence} reads, {@code recurFrom} says whether the next date counts from the due
 * date or from the completion.
 */
public record Task(
        long id,
        String title,
        String description,
        TaskStatus status,
        Priority priority,
        LocalDate dueDate,
        List<String> tags,
        Instant createdAt,
        Instant updatedAt,
        Instant completedAt,
        LocalTime dueTime,
        Integer reminderMinutesBefore,
        String recurrence,
        RecurFrom recurFrom) {

    /** A task without a due time is due at 09:00 of its due date. */
    public static final LocalTime DEFAULT_DUE_TIME = LocalTime.of(9, 0);

    public Task {
        title = TaskFields.title(title);
        description = TaskFields.description(description);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(priority, "priority");
        tags = TaskFields.tags(tags);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if ((status == TaskStatus.DONE) != (completedAt != null)) {
            throw new IllegalArgumentException("completedAt must be set exactly when the task is done");
        }
        recurFrom = recurFrom == null ? RecurFrom.DUE : recurFrom;
        reminderMinutesBefore = TaskFields.reminderMinutesBefore(reminderMinutesBefore);
        // Every task carries the canonical form, whatever spelling it was given in.
        recurrence = recurrence == null ? null : Recurrence.parse(recurrence).rrule();
        TaskFields.requireDueDate(dueDate, dueTime, reminderMinutesBefore, recurrence);
    }

    /** A task without due time, reminder or repeat (the fields of Phases I to IV). */
    public Task(long id, String title, String description, TaskStatus status, Priority priority, LocalDate dueDate,
                List<String> tags, Instant createdAt, Instant updatedAt, Instant completedAt) {
        this(id, title, description, status, priority, dueDate, tags, createdAt, updatedAt, completedAt,
                null, null, null, RecurFrom.DUE);
    }

    /** A new pending task of medium priority, without due date or tags. */
    public static Task create(long id, String title, String description, Instant now) {
        return new Task(id, title, description, TaskStatus.PENDING, Priority.MEDIUM, null, List.of(),
                now, now, null);
    }

    public boolean isDone() {
        return status == TaskStatus.DONE;
    }

    /** Moves the task to {@code to}: entering done records {@code now} as completion, leaving done clears it. */
    public Task withStatus(TaskStatus to, Instant now) {
        if (to == status) {
            return this;
        }
        return new Task(id, title, description, to, priority, dueDate, tags, createdAt, now,
                to == TaskStatus.DONE ? now : null, dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    public Task complete(Instant now) {
        return withStatus(TaskStatus.DONE, now);
    }

    public Task reopen(Instant now) {
        return withStatus(TaskStatus.PENDING, now);
    }

    public Task withTitle(String newTitle, Instant now) {
        return new Task(id, newTitle, description, status, priority, dueDate, tags, createdAt, now, completedAt,
                dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    /** A blank description removes it. */
    public Task withDescription(String newDescription, Instant now) {
        return new Task(id, title, newDescription, status, priority, dueDate, tags, createdAt, now, completedAt,
                dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    public Task withPriority(Priority newPriority, Instant now) {
        return new Task(id, title, description, status, newPriority, dueDate, tags, createdAt, now, completedAt,
                dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    /** {@code null} removes the due date, and with it the due time, the reminder and the repeat. */
    public Task withDueDate(LocalDate newDueDate, Instant now) {
        if (newDueDate == null) {
            return new Task(id, title, description, status, priority, null, tags, createdAt, now, completedAt,
                    null, null, null, RecurFrom.DUE);
        }
        return new Task(id, title, description, status, priority, newDueDate, tags, createdAt, now, completedAt,
                dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    /** {@code null} removes the due time (the due moment becomes 09:00 of the due date). */
    public Task withDueTime(LocalTime newDueTime, Instant now) {
        return new Task(id, title, description, status, priority, dueDate, tags, createdAt, now, completedAt,
                newDueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    /** {@code null} removes the reminder; 0 reminds at the due moment. */
    public Task withReminder(Integer minutesBefore, Instant now) {
        return new Task(id, title, description, status, priority, dueDate, tags, createdAt, now, completedAt,
                dueTime, minutesBefore, recurrence, recurFrom);
    }

    /** {@code null} stops the repeat; otherwise a canonical RRULE ({@link Recurrence#rrule()}). */
    public Task withRecurrence(String rrule, RecurFrom from, Instant now) {
        return new Task(id, title, description, status, priority, dueDate, tags, createdAt, now, completedAt,
                dueTime, reminderMinutesBefore, rrule, rrule == null ? RecurFrom.DUE : from);
    }

    /** The moment the task is due: its date at its due time (09:00 without one) in {@code zone}; null without a date. */
    public ZonedDateTime dueAt(ZoneId zone) {
        return dueDate == null ? null : dueDate.atTime(dueTime == null ? DEFAULT_DUE_TIME : dueTime).atZone(zone);
    }

    /** When the reminder fires in {@code zone}, or null without a reminder. */
    public Instant remindAt(ZoneId zone) {
        return reminderMinutesBefore == null || dueDate == null ? null
                : dueAt(zone).minusMinutes(reminderMinutesBefore).toInstant();
    }

    public boolean repeats() {
        return recurrence != null;
    }

    public Task withTags(List<String> newTags, Instant now) {
        return new Task(id, title, description, status, priority, dueDate, newTags, createdAt, now, completedAt,
                dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }

    /** The same task under another id (an import gives tasks fresh ids). */
    public Task withId(long newId) {
        return new Task(newId, title, description, status, priority, dueDate, tags, createdAt, updatedAt, completedAt,
                dueTime, reminderMinutesBefore, recurrence, recurFrom);
    }
}
