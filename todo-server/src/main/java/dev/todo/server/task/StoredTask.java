package dev.todo.server.task;

import java.util.UUID;

import dev.todo.core.Task;

/** A task as the server keeps it: the rules-carrying core task, its owner and its place in manual order. */
record StoredTask(Task task, UUID userId, double position) {
}
