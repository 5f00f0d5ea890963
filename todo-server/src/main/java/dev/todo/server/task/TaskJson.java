package dev.todo.server.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.todo.core.Task;

/** A task on the wire (ARCHITECTURE.md's Task JSON), also the {@code task} of every {@link TaskChanged}. */
public record TaskJson(long id, UUID userId, String title, String description, String status, String priority,
                       LocalDate dueDate, List<String> tags, double position, Instant createdAt, Instant updatedAt,
                       Instant completedAt, @JsonFormat(pattern = "HH:mm") LocalTime dueTime,
                       Integer reminderMinutesBefore, Instant remindAt, String recurrence, String recurFrom) {

    static TaskJson of(StoredTask stored) {
        Task t = stored.task();
        return new TaskJson(t.id(), stored.userId(), t.title(), t.description(), t.status().wireName(),
                t.priority().wireName(), t.dueDate(), t.tags(), stored.position(), t.createdAt(), t.updatedAt(),
                t.completedAt(), t.dueTime(), t.reminderMinutesBefore(), stored.remindAt(), t.recurrence(),
                t.recurFrom().wireName());
    }
}
