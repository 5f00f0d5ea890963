package dev.todo.server.events;

/** The topics of ARCHITECTURE.md and the SSE event names their records are streamed under. */
final class Topics {

    static final String TASK_EVENTS = "task-events";
    static final String REMINDERS = "reminders";

    private Topics() {
    }

    /** {@code task} for task events, {@code reminder} for reminders. */
    static String streamEventName(String topic) {
        return REMINDERS.equals(topic) ? "reminder" : "task";
    }
}
