package dev.todo.server.task;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.todo.core.Task;

/** A task on the wire (ARCHITECTURE.md's Task JSON). */
record TaskJson(long id, UUID userId, String title, String description, String status, String priority,
                LocalDate dueDate, List<String> tags, double position, Instant createdAt, Instant updatedAt,
                Instant completedAt) {

    static TaskJson of(StoredTask stored) {
        Task t = stored.task();
        return new TaskJson(t.id(), stored.userId(), t.title(), t.description(), t.status().wireName(),
                t.priority().wireName(), t.dueDate(), t.tags(), stored.position(), t.createdAt(), t.updatedAt(),
                t.completedAt());
    }
}
