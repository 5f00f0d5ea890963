package dev.todo.server.task;

import java.time.Instant;
import java.util.UUID;

import dev.todo.core.Task;

/**
 * A task as the server keeps it: the rules-carrying core task, its owner, its place in manual order and the
 * moment its reminder fires (computed in the owner's time zone when the task was saved).
 */
record StoredTask(Task task, UUID userId, double position, Instant remindAt) {
}
