package dev.todo.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A task, immutable: every change returns a new task with {@code updatedAt} moved on. The rules that
 * hold for every task live here and in {@link TaskFields}: a valid title and description, and a
 * completion time exactly when the task is done.
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
        Instant completedAt) {

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
                to == TaskStatus.DONE ? now : null);
    }

    public Task complete(Instant now) {
        return withStatus(TaskStatus.DONE, now);
    }

    public Task reopen(Instant now) {
        return withStatus(TaskStatus.PENDING, now);
    }

    public Task withTitle(String newTitle, Instant now) {
        return new Task(id, newTitle, description, status, priority, dueDate, tags, createdAt, now, completedAt);
    }

    /** A blank description removes it. */
    public Task withDescription(String newDescription, Instant now) {
        return new Task(id, title, newDescription, status, priority, dueDate, tags, createdAt, now, completedAt);
    }

    public Task withPriority(Priority newPriority, Instant now) {
        return new Task(id, title, description, status, newPriority, dueDate, tags, createdAt, now, completedAt);
    }

    /** {@code null} removes the due date. */
    public Task withDueDate(LocalDate newDueDate, Instant now) {
        return new Task(id, title, description, status, priority, newDueDate, tags, createdAt, now, completedAt);
    }

    public Task withTags(List<String> newTags, Instant now) {
        return new Task(id, title, description, status, priority, dueDate, newTags, createdAt, now, completedAt);
    }

    /** The same task under another id (an import gives tasks fresh ids). */
    public Task withId(long newId) {
        return new Task(newId, title, description, status, priority, dueDate, tags, createdAt, updatedAt, completedAt);
    }
}
