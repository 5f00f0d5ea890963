package dev.todo.core;

/** Where a task is in its life. Only {@link #DONE} carries a completion time. */
public enum TaskStatus {
    PENDING, IN_PROGRESS, DONE;

    /** The name used on the wire and on screen: {@code pending}, {@code in_progress}, {@code done}. */
    public String wireName() {
        return WireNames.of(this);
    }

    /** Parses a wire name, case-insensitively. */
    public static TaskStatus fromWireName(String value) {
        return WireNames.parse(values(), value, "status");
    }
}
