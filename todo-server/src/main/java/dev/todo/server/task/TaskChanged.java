package dev.todo.server.task;

import java.time.Instant;
import java.util.UUID;

/**
 * A change to a task, published inside the transaction of the change. Listeners in other modules (the
 * outbox, reminders, repeats, history) react to it without the task module knowing them.
 *
 * @param id            the event's id: consumers drop a repeat of an id they have handled
 * @param task          the task after the change, as the HTTP API shows it; null for {@link Type#TASK_DELETED}
 * @param before        the task before the change; null for {@link Type#TASK_CREATED}
 * @param correlationId shared by the events of one request
 */
public record TaskChanged(UUID id, Type type, Instant timestamp, UUID userId, long taskId, String title,
                          String priority, TaskJson task, TaskJson before, String correlationId, Via via) {

    /** The event types of ARCHITECTURE.md, by their wire names. */
    public enum Type {
        TASK_CREATED("TaskCreated"), TASK_UPDATED("TaskUpdated"), TASK_COMPLETED("TaskCompleted"),
        TASK_DELETED("TaskDeleted");

        private final String wireName;

        Type(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }
}
